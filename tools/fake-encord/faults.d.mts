// Types for faults.mjs.
export type FaultStatus = 429 | 500 | 503

export interface Fault {
  status: FaultStatus
  retryAfterSeconds: number | null
}

/** Faults drawn at random from a seeded PRNG. */
export interface RandomFaults {
  rate429?: number
  rate500?: number
  rate503?: number
  /** Sent as `Retry-After` on 429 and 503; null (the default) sends none. */
  retryAfterSeconds?: number | null
  /** Default 1. */
  seed?: number
  /** Most faults in a row for the same request (method, URL, project, body). Default 2. */
  maxConsecutive?: number
}

export type ScheduledFault =
  FaultStatus | null | { status: FaultStatus; retryAfterSeconds?: number | null }

/** Request n (in arrival order, from 1) gets `sequence[n - 1]`; no faults after the end. */
export interface FaultSchedule {
  sequence: ScheduledFault[]
  /** Default `Retry-After` for scheduled 429 and 503 entries that do not give one. */
  retryAfterSeconds?: number | null
}

export declare function createFaultPlan(config?: RandomFaults | FaultSchedule): {
  next(requestKey: string): Fault | null
}

export declare function mulberry32(seed: number): () => number
