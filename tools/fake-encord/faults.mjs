// Decides which requests get an injected 429/500/503 instead of their answer. Deterministic: a
// seeded PRNG drives the rates, so the same seed and the same arrival order give the same faults.

/**
 * @typedef {429 | 500 | 503} FaultStatus
 * @typedef {{ status: FaultStatus, retryAfterSeconds: number | null }} Fault
 * @typedef {FaultStatus | null | { status: FaultStatus, retryAfterSeconds?: number | null }} ScheduledFault
 * @typedef {{
 *   rate429?: number, rate500?: number, rate503?: number, retryAfterSeconds?: number | null,
 *   seed?: number, maxConsecutive?: number
 * }} RandomFaults
 * @typedef {{ sequence: ScheduledFault[], retryAfterSeconds?: number | null }} FaultSchedule
 */

const FAULT_STATUSES = [429, 500, 503]
// Retry-After belongs on the statuses that mean "come back later"; clients (and urllib3) only
// honour it there. A schedule entry can still put it on a 500 explicitly.
const RETRY_AFTER_STATUSES = [429, 503]
// With at most two faults in a row for the same request, a client that makes 4 attempts (the SDK's
// budget, docs/encord-api.md §5.2) always gets through.
const DEFAULT_MAX_CONSECUTIVE = 2

/**
 * @param {RandomFaults | FaultSchedule | undefined} config
 * @returns {{ next(requestKey: string): Fault | null }} `next` is called once per request, in
 *   arrival order; `requestKey` identifies a request and its retries (method, URL, project, body)
 */
export function createFaultPlan(config = {}) {
  if ('sequence' in config) return scheduledFaults(config)
  return randomFaults(config)
}

/** @param {FaultSchedule} config */
function scheduledFaults({ sequence, retryAfterSeconds = null }) {
  // Checked up front, so a typo in a schedule fails at start-up and not mid-test.
  const faults = sequence.map((entry) => {
    if (entry === null) return null
    const status = typeof entry === 'number' ? entry : entry.status
    if (!FAULT_STATUSES.includes(status)) {
      throw new Error(`a scheduled fault must be one of ${FAULT_STATUSES.join(', ')} or null`)
    }
    const explicit = typeof entry === 'object' ? entry.retryAfterSeconds : undefined
    return {
      status,
      retryAfterSeconds:
        explicit !== undefined ? explicit : defaultRetryAfter(status, retryAfterSeconds)
    }
  })
  let index = 0
  return {
    /** @returns {Fault | null} */
    next() {
      return faults[index++] ?? null
    }
  }
}

/** @param {RandomFaults} config */
function randomFaults({
  rate429 = 0,
  rate500 = 0,
  rate503 = 0,
  retryAfterSeconds = null,
  seed = 1,
  maxConsecutive = DEFAULT_MAX_CONSECUTIVE
}) {
  const rates = [rate429, rate500, rate503]
  if (rates.some((rate) => !(rate >= 0 && rate <= 1)) || rate429 + rate500 + rate503 > 1) {
    throw new Error('fault rates must each be in [0, 1] and add up to at most 1')
  }
  const random = mulberry32(seed)
  /** Consecutive faults so far per request key; a success clears the entry. */
  const streaks = new Map()
  return {
    /** @param {string} requestKey @returns {Fault | null} */
    next(requestKey) {
      // Drawn for every request, capped or not, so one request's retries do not shift the
      // faults that later requests get.
      const draw = random()
      const streak = streaks.get(requestKey) ?? 0
      let threshold = 0
      const status = FAULT_STATUSES.find((_, i) => draw < (threshold += rates[i] ?? 0))
      if (status === undefined || streak >= maxConsecutive) {
        streaks.delete(requestKey)
        return null
      }
      streaks.set(requestKey, streak + 1)
      return {
        status: /** @type {FaultStatus} */ (status),
        retryAfterSeconds: defaultRetryAfter(status, retryAfterSeconds)
      }
    }
  }
}

/** @param {number} status @param {number | null} retryAfterSeconds */
function defaultRetryAfter(status, retryAfterSeconds) {
  return RETRY_AFTER_STATUSES.includes(status) ? retryAfterSeconds : null
}

/**
 * A small, well-known 32-bit PRNG; enough for spreading faults, and reproducible from a seed.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
