// Types for server.mjs (hand-written: the server is plain ESM JavaScript run without a build).
import type { Scenario } from './scenario-types.mjs'
import type { FaultSchedule, RandomFaults } from './faults.mjs'

export type { Scenario } from './scenario-types.mjs'
export type { FaultSchedule, RandomFaults, ScheduledFault } from './faults.mjs'

export declare const DEFAULT_MAX_LABELS_PER_REQUEST: number

export interface FakeEncordOptions {
  scenario: Scenario
  /** 0 (the default) picks a free port. */
  port?: number
  /** Added before every answer, faults included. */
  latencyMs?: number
  faults?: RandomFaults | FaultSchedule
  /** Gzip answers for clients that send `Accept-Encoding: gzip`. Default true. */
  gzip?: boolean
  /** How far a v2 `created` may be from `now`. Default 300. */
  clockSkewSeconds?: number
  /** Epoch milliseconds; pin it to replay signatures made at a fixed time. Default `Date.now`. */
  now?: () => number
  /** Most uids one label-row request may carry. Default 1000. */
  maxLabelsPerRequest?: number
  /**
   * Carry out set-up writes (creating projects, adding users). Default false: they are recorded
   * and refused with `OPERATION_NOT_ALLOWED`, so a read-only run cannot change the scenario.
   */
  writable?: boolean
  /** Makes a recorded write fail (`UNKNOWN_ERROR`) instead of being carried out. */
  failWrite?: (write: WriteRecord) => boolean
}

export interface RequestLogEntry {
  /** Arrival number, from 1. */
  n: number
  method: string
  /** Path and query as received. */
  path: string
  /** e.g. `v1 labelrow GET`, `v2 GET /projects/{hash}`. */
  endpoint: string
  projectHash: string | null
  /** E-mail of the authenticated user; null when not authenticated (or faulted first). */
  user: string | null
  /** HTTP status sent. */
  status: number
  /** v1 error code, or the v1 code of the same failure for v2 errors; null on success. */
  errorCode: string | null
  faulted: boolean
  /** Latency the server applied before answering. */
  delayMs: number
  /**
   * Milliseconds the fake spent on the request itself (reading, routing, checking, answering,
   * compressing), without `delayMs`. Wall-clock, for benchmark reports; never assert on it.
   */
  serverMs: number
  uidCount: number | null
  /** Bytes of the body on the wire (after gzip). */
  bytesSent: number
  gzip: boolean
}

export interface WriteRecord {
  n: number
  projectHash: string
  queryType: string
  queryMethod: string
  uids: string[]
  user: string
  /** The v1 payload of set-up writes (`project` and `projectusers` POST). */
  payload?: unknown
}

export interface FakeEncordStats {
  requests: number
  byEndpoint: Record<string, number>
  faultsInjected: { n: number; status: number; endpoint: string }[]
  /** Every write attempted (`labelrow` PUT, `project` and `projectusers` POST), answered or not. */
  writes: WriteRecord[]
  bytesSent: number
  /** uids per label-row request (GET and PUT), in arrival order. */
  bundleSizes: number[]
  delayMsTotal: number
  /** Sum of `serverMs`. */
  serverMsTotal: number
  /** The most requests the fake was answering at once (arrived, response not yet closed). */
  maxInFlight: number
}

export interface FakeEncord {
  url: string
  port: number
  close(): Promise<void>
  stats(): FakeEncordStats
  /** Live: one array for the server's lifetime, emptied by `resetStats`. */
  requestLog: RequestLogEntry[]
  resetStats(): void
}

export declare function startFakeEncord(options: FakeEncordOptions): Promise<FakeEncord>
