/** Recovers line and column for offsets, for the few places the checker remembered only offsets. */
import type { Position } from './diagnostic.js'

/**
 * Positions of the given offsets in one pass over the text. Line breaks are counted as
 * jsonc-parser counts them (`\n`, `\r\n` and a lone `\r`), so columns agree with the visitor's.
 */
export function positionsAt(text: string, offsets: readonly number[]): Map<number, Position> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b)
  const positions = new Map<number, Position>()
  let line = 1
  let lineStart = 0
  let scanned = 0
  for (const offset of wanted) {
    for (; scanned < offset && scanned < text.length; scanned++) {
      const code = text.charCodeAt(scanned)
      if (code === 10 || (code === 13 && text.charCodeAt(scanned + 1) !== 10)) {
        line++
        lineStart = scanned + 1
      }
    }
    positions.set(offset, { line, column: offset - lineStart + 1 })
  }
  return positions
}
