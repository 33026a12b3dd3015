/**
 * Typed errors. Each carries what the user needs to fix the problem; `main.ts` and `cli.ts`
 * turn them into one line with `describeError`. No error message ever contains key material:
 * constructors take plain descriptions, never request headers or key text.
 */
import { safeText } from './safe-text.js'

/** A user-supplied value (input, flag, key, file) is invalid. Names the input and a valid value. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    message: string,
    /** The input or flag at fault, e.g. `ssh-private-key`. */
    readonly input?: string
  ) {
    super(message)
  }
}

/** What went wrong talking to Encord, in terms a user can act on. */
export type EncordErrorKind =
  | 'bad-signature'
  | 'key-not-registered'
  | 'no-access'
  | 'not-found'
  | 'rate-limited'
  | 'server-error'
  | 'invalid-response'
  | 'network'
  | 'invalid-request'

/** An Encord API call failed. Always names the project concerned when there is one. */
export class EncordApiError extends Error {
  override readonly name = 'EncordApiError'
  constructor(
    message: string,
    readonly kind: EncordErrorKind,
    readonly details: {
      /** Project hash the call was about, if any. */
      project?: string
      /** Logical endpoint, e.g. `labelrowmetadata` or `GET /v2/public/projects/{hash}`. */
      endpoint?: string
      /** HTTP status of the last attempt, if a response arrived. */
      status?: number
      /** Encord error code such as `SSH_KEY_NOT_FOUND_ERROR`. */
      code?: string
    } = {}
  ) {
    super(message)
  }
}

/** Label data cannot be read against the project's ontology (unknown feature, shape mismatch…). */
export class LabelDataError extends Error {
  override readonly name = 'LabelDataError'
  constructor(
    message: string,
    readonly where: { project?: string; dataUnit?: string; object?: string } = {}
  ) {
    super(message)
  }
}

/** A training project cannot be compared with the benchmark (ontology mismatch, nothing paired…). */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError'
  constructor(
    message: string,
    readonly project?: string
  ) {
    super(message)
  }
}

/** A report file could not be written (a full disk, a folder in the way, no permission…). */
export class ReportWriteError extends Error {
  override readonly name = 'ReportWriteError'
  constructor(
    message: string,
    /** The file or folder that could not be written. */
    readonly path: string,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

const KNOWN_ERRORS = [InputError, EncordApiError, LabelDataError, EvaluationError, ReportWriteError]

/** True for errors whose message is written for users; anything else is a bug. */
export function isKnownError(error: unknown): error is Error {
  return KNOWN_ERRORS.some((type) => error instanceof type)
}

/**
 * One line for the user. Known errors give their own message; anything else is a bug in this
 * tool, so we say so and point at debug logs rather than printing a stack trace.
 */
export function describeError(error: unknown): string {
  if (isKnownError(error)) return firstLineOf(error)
  return `Unexpected error: ${firstLineOf(error)} (this is a bug in encord-annotator-eval; re-run with debug logging for details and report it)`
}

/**
 * The first line of anything thrown (its message, or its text), trimmed: for a log or annotation.
 * Control characters (a snippet of a broken file can hold ESC or BEL) are shown as escapes.
 */
export function firstLineOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return safeText(text.split(/\r?\n/, 1)[0]?.trim() ?? '')
}
