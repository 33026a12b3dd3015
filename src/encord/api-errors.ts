/**
 * Encord failures as `EncordApiError`s a user can act on: one plain-English line that names the
 * project and the fix, plus `details` for logs. v1 failures are told apart by the error code in
 * the body (docs/encord-api.md §3.3), v2 failures by HTTP status (§4.5).
 *
 * Messages are built only from facts we chose (project, endpoint, status, code, domain, the
 * public key's fingerprint); never from request headers, key text or server-provided prose.
 */

import { EncordApiError, type EncordErrorKind } from '../errors.js'
import { publicKeyFingerprint } from './keys.js'

/** Where a failure happened, for the message and for `details`. */
export interface FailureContext {
  endpoint: string
  project: string
  /** What was asked for, for the message: `project X`, `ontology O of project X`, … */
  resource: string
  /** scheme://host the client talks to. */
  domain: string
  publicKeyHex: string
  /** Attempts made, when retries may have happened. */
  attempts?: number
}

const REPORT_IT =
  'please report it, with the debug log (ACTIONS_STEP_DEBUG=true in GitHub Actions) if you can'

function apiError(
  kind: EncordErrorKind,
  message: string,
  context: FailureContext,
  extra: { status?: number; code?: string } = {}
): EncordApiError {
  return new EncordApiError(message, kind, {
    project: context.project,
    endpoint: context.endpoint,
    ...extra
  })
}

function afterAttempts(context: FailureContext): string {
  return context.attempts && context.attempts > 1 ? ` after ${context.attempts} attempts` : ''
}

function badSignature(
  context: FailureContext,
  cause: string,
  status?: number,
  code?: string
): EncordApiError {
  return apiError(
    'bad-signature',
    `Encord rejected the signature of the request for ${context.resource} (${cause}): make sure ` +
      "ssh-private-key is the complete private key registered in Encord and that the runner's clock is correct.",
    context,
    { status, code }
  )
}

/**
 * v2 answers 401 both to an unknown key and to a bad signature (as far as the SDK shows), so the
 * message gives both fixes: the first v2 call is the first call, where an unregistered key shows.
 */
function keyRejected(context: FailureContext, status: number): EncordApiError {
  return apiError(
    'bad-signature',
    `Encord did not accept the key for ${context.resource} (HTTP ${status}): register its public ` +
      `key (fingerprint ${publicKeyFingerprint(context.publicKeyHex)}) in the Encord web app under ` +
      `Settings → Public keys on the instance of encord-domain (${context.domain}), and make sure ` +
      "ssh-private-key is that key's complete private key and the runner's clock is correct.",
    context,
    { status }
  )
}

function keyNotRegistered(context: FailureContext, status?: number, code?: string): EncordApiError {
  return apiError(
    'key-not-registered',
    `Encord does not know the key used for ${context.resource}: register the public key ` +
      `(fingerprint ${publicKeyFingerprint(context.publicKeyHex)}) in the Encord web app under ` +
      `Settings → Public keys, on the Encord instance of encord-domain (${context.domain}).`,
    context,
    { status, code }
  )
}

function noAccess(context: FailureContext, status?: number, code?: string): EncordApiError {
  return apiError(
    'no-access',
    `The Encord user of the key may not read ${context.resource}: add the key's user to project ` +
      `${context.project} in Encord (or use the key of a project member).`,
    context,
    { status, code }
  )
}

function notFound(context: FailureContext, status?: number, code?: string): EncordApiError {
  return apiError(
    'not-found',
    `Encord could not find ${context.resource} on ${context.domain}: check the project hash and ` +
      'encord-domain (US-hosted workspaces use https://api.us.encord.com).',
    context,
    { status, code }
  )
}

function rateLimited(context: FailureContext, status?: number, code?: string): EncordApiError {
  return apiError(
    'rate-limited',
    `Encord kept rate-limiting the requests for ${context.resource}${afterAttempts(context)}: ` +
      'evaluate fewer projects at once, or run again later.',
    context,
    { status, code }
  )
}

function serverError(
  context: FailureContext,
  what: string,
  status?: number,
  code?: string
): EncordApiError {
  return apiError(
    'server-error',
    `Encord failed to answer the ${context.endpoint} request for ${context.resource} (${what})` +
      `${afterAttempts(context)}: this is a problem on Encord's side; run again later, and ` +
      'contact Encord support if it persists.',
    context,
    { status, code }
  )
}

function invalidRequest(
  context: FailureContext,
  what: string,
  status?: number,
  code?: string
): EncordApiError {
  return apiError(
    'invalid-request',
    `Encord refused the ${context.endpoint} request for ${context.resource} as invalid (${what}): ` +
      `this is probably a bug in encord-annotator-eval; ${REPORT_IT}.`,
    context,
    { status, code }
  )
}

/**
 * Raised when Encord refuses a label-row bundle as too large. Carries the server's limit, when
 * it says one, so the caller can split the bundle instead of failing.
 */
export class LabelLimitError extends EncordApiError {
  constructor(
    message: string,
    details: EncordApiError['details'],
    readonly maximumAllowed: number | undefined
  ) {
    super(message, 'invalid-request', details)
  }
}

function labelLimit(
  context: FailureContext,
  payload: unknown,
  requested: number,
  status: number
): LabelLimitError {
  const maximum = readMaximumLabelsAllowed(payload)
  const allowed = maximum === undefined ? '' : `, at most ${maximum} allowed`
  return new LabelLimitError(
    `Encord refused to return ${requested} label rows of project ${context.project} in one request ` +
      `(MULTI_LABEL_LIMIT_ERROR${allowed}) and its answer gives no smaller size to split the ` +
      `request into: ${REPORT_IT}.`,
    {
      project: context.project,
      endpoint: context.endpoint,
      status,
      code: 'MULTI_LABEL_LIMIT_ERROR'
    },
    maximum
  )
}

function readMaximumLabelsAllowed(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const value = (payload as Record<string, unknown>)['maximum_labels_allowed']
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/**
 * A v1 answer whose body `status` is not 200. `response` normally is a one-element array of an
 * error code; `requested` is the number of uids sent (for the label-limit message).
 */
export function v1Failure(
  context: FailureContext,
  answer: { httpStatus: number; bodyStatus: unknown; response: unknown; payload: unknown },
  requested = 0
): EncordApiError {
  const code = readErrorCode(answer.response)
  const status = answer.httpStatus
  switch (code) {
    case 'AUTHENTICATION_ERROR':
      return badSignature(context, code, status, code)
    case 'SSH_KEY_NOT_FOUND_ERROR':
      return keyNotRegistered(context, status, code)
    case 'AUTHORISATION_ERROR':
      return noAccess(context, status, code)
    case 'RESOURCE_NOT_FOUND_ERROR':
      return notFound(context, status, code)
    case 'MULTI_LABEL_LIMIT_ERROR':
      return labelLimit(context, answer.payload, requested, status)
    case 'INVALID_ARGUMENTS_ERROR':
    case 'METHOD_NOT_ALLOWED_ERROR':
    case 'OPERATION_NOT_ALLOWED':
      return invalidRequest(context, code, status, code)
  }
  if (status === 429 || answer.bodyStatus === 429) return rateLimited(context, status, code)
  const what = code ?? `status ${describeStatus(answer.bodyStatus)}`
  return serverError(context, what, status, code)
}

function readErrorCode(response: unknown): string | undefined {
  const first = Array.isArray(response) ? (response[0] as unknown) : response
  // Codes are SCREAMING_SNAKE_CASE; anything else is not one and is not repeated to the user.
  return typeof first === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(first) ? first : undefined
}

function describeStatus(status: unknown): string {
  return typeof status === 'number' || (typeof status === 'string' && /^\w{1,20}$/.test(status))
    ? String(status)
    : 'missing'
}

/** A v2 answer with an HTTP status other than 200. */
export function v2Failure(context: FailureContext, status: number): EncordApiError {
  switch (status) {
    case 401:
      return keyRejected(context, status)
    case 403:
      return noAccess(context, status)
    case 404:
      return notFound(context, status)
    case 429:
      return rateLimited(context, status)
    case 400:
    case 405:
    case 413:
      return invalidRequest(context, `HTTP ${status}`, status)
    case 204:
      return invalidResponse(context, 'the answer is empty (HTTP 204)', status)
  }
  return serverError(context, `HTTP ${status}`, status)
}

/** An answer that is not what Encord's API promises: not JSON, wrong shape, missing rows. */
export function invalidResponse(
  context: FailureContext,
  problem: string,
  status?: number
): EncordApiError {
  return apiError(
    'invalid-response',
    `Encord's answer to ${context.endpoint} for ${context.resource} is not what this tool ` +
      `expects: ${problem}. The Encord API may have changed; ${REPORT_IT}.`,
    context,
    { status }
  )
}

/**
 * A v1 answer that is not JSON. An error page from a proxy or load balancer is reported by its
 * HTTP status, anything else as an invalid answer.
 */
export function v1NotJson(context: FailureContext, status: number): EncordApiError {
  if (status === 429) return rateLimited(context, status)
  if (status >= 500) return serverError(context, `HTTP ${status}`, status)
  return invalidResponse(context, `the body is not JSON (HTTP ${status})`, status)
}

/** No answer at all. Names the proxy in use (host only: proxy URLs may hold credentials). */
export function networkFailure(
  context: FailureContext,
  reason: string,
  proxyUrl: string
): EncordApiError {
  const proxy = proxyHost(proxyUrl)
  const via = proxy ? ` through the proxy ${proxy}` : ''
  return apiError(
    'network',
    `Could not reach Encord at ${context.domain}${via} for ${context.resource} (${reason})` +
      `${afterAttempts(context)}: check encord-domain and the runner's network; behind a proxy, ` +
      'set HTTPS_PROXY (and NO_PROXY for hosts that must bypass it).',
    context
  )
}

function proxyHost(proxyUrl: string): string {
  if (!proxyUrl) return ''
  try {
    return new URL(proxyUrl).host
  } catch {
    return 'from HTTPS_PROXY'
  }
}
