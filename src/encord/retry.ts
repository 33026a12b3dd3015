/**
 * When and how long to wait before trying an Encord request again.
 *
 * Mirrors the SDK's policy (docs/encord-api.md §5.2) where it matters to the server: the same
 * statuses are retried (413, 429, 500, 502, 503; never 504), `Retry-After` is honoured, and a
 * request is tried at most 4 times. Unlike the SDK, the backoff has jitter, so the label-row
 * bundles that fail together do not all come back at the same instant.
 */

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number
  /** Upper bound of the first backoff; doubles with each retry. */
  baseDelayMs: number
  /** Upper bound of any backoff. */
  maxDelayMs: number
  /** Longest `Retry-After` we are willing to wait; longer requests are cut to this. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000
}

/** The default policy with the caller's overrides; `undefined` overrides nothing. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY }
  for (const name of Object.keys(policy) as (keyof RetryPolicy)[]) {
    const value = overrides[name]
    if (value !== undefined) policy[name] = value
  }
  if (!Number.isSafeInteger(policy.attempts) || policy.attempts < 1) {
    throw new RangeError('retry.attempts must be a positive integer')
  }
  for (const name of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (!(policy[name] >= 0)) throw new RangeError(`retry.${name} must be a number ≥ 0`)
  }
  return policy
}

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([413, 429, 500, 502, 503])

/** 504 is deliberately absent: the SDK does not retry it, and a gateway timeout tends to repeat. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status)
}

// Transient transport failures: the connection dropped, timed out, or the network blinked.
// ENOTFOUND is absent on purpose: a host that does not resolve is a wrong encord-domain.
const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET'
])

/** True for connection resets, refusals and timeouts that a new attempt may get past. */
export function isRetryableNetworkError(error: unknown): boolean {
  const { code, message } = errorParts(error)
  if (code !== undefined && RETRYABLE_ERROR_CODES.has(code)) return true
  return /socket hang up|request timeout|timed out|aborted/i.test(message)
}

/**
 * Code and message of an error-like value. Duck-typed on purpose: errors raised by Node's own
 * `http` may come from another realm (as under Jest), where `instanceof Error` is false.
 */
export function errorParts(error: unknown): { code?: string; message: string } {
  if (typeof error !== 'object' || error === null) return { message: '' }
  const { code, message } = error as { code?: unknown; message?: unknown }
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : ''
  }
}

/**
 * Backoff before retry number `retry` (1 for the first retry): capped exponential with "equal
 * jitter", i.e. uniformly between half and all of the capped exponential step.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.round(step / 2 + random() * (step / 2))
}

/**
 * The wait a `Retry-After` header asks for, in ms: either delta-seconds or an HTTP-date.
 * Undefined when the header is absent or unreadable, so the caller falls back to backoff.
 */
export function retryAfterMs(
  header: string | string[] | undefined,
  nowMs: number,
  policy: RetryPolicy
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim()
  if (!value) return undefined
  let wait: number
  if (/^\d+$/.test(value)) {
    wait = Number(value) * 1000
  } else {
    const date = Date.parse(value)
    if (Number.isNaN(date)) return undefined
    wait = date - nowMs
  }
  return Math.min(policy.maxRetryAfterMs, Math.max(0, wait))
}
