/** Turns anything thrown by a client library into one short line for a log or annotation. */
export function firstLineOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split(/\r?\n/, 1)[0]?.trim() ?? ''
}

/** The HTTP status of an octokit `RequestError` (or anything shaped like one), if there is one. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined
  const status = (error as { status: unknown }).status
  return typeof status === 'number' ? status : undefined
}
