/** Finds the known key a mistyped one most likely meant. */

/** Case, `_` and `-` differences are the commonest slips (`skipDuplicateUrls`, `ObjectURL`). */
function normalise(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '')
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** One starts or ends the other, and the shorter is long enough to mean something. */
function isPartOf(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a]
  return (
    (shorter.length >= 3 && longer.startsWith(shorter)) ||
    (shorter.length >= 4 && longer.endsWith(shorter))
  )
}

/**
 * The candidate closest to `key`, or undefined when none is close enough to be a plausible typo:
 * at most a third of the key's length in edits, after ignoring case, `_` and `-`, or one being
 * the start or end of the other (`dicom` for `dicom_series`, `pages` for `numPages`).
 */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(key)
  if (wanted === '') return undefined
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of candidates) {
    const normalised = normalise(candidate)
    const distance = isPartOf(wanted, normalised)
      ? Math.min(1, Math.abs(normalised.length - wanted.length))
      : editDistance(wanted, normalised)
    if (best === undefined || distance < best.distance) best = { candidate, distance }
  }
  if (best === undefined) return undefined
  return best.distance <= Math.max(1, Math.floor(wanted.length / 3)) ? best.candidate : undefined
}
