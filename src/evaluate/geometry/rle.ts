/**
 * Encord's bitmask RLE string (docs/encord-api.md §7.6): COCO's compressed counts, over pixels in
 * row-major order. Counts alternate 0-runs and 1-runs, starting with a 0-run.
 *
 * Each count from index 3 on is stored as the difference from the count two places before (a
 * 0-run minus the previous 0-run, a 1-run minus the previous 1-run), which keeps the numbers
 * small; each number is written as 5-bit groups, least significant first, one character per group
 * (group + 48), bit 0x20 meaning "more groups follow" and bit 0x10 of the last group the sign.
 *
 * Arithmetic is done with multiplication rather than 32-bit shifts so that counts of any size a
 * double holds exactly are safe.
 */

const FIRST_CHAR = 48 // '0'
const LAST_CHAR = FIRST_CHAR + 63 // 'o'
const GROUP = 32 // 5 bits
const MORE = 0x20
const SIGN = 0x10

/** Run counts of a compressed RLE string. Throws RangeError on a character outside `0`…`o`. */
export function decodeRleCounts(rle: string): number[] {
  const counts: number[] = []
  let position = 0
  while (position < rle.length) {
    let value = 0
    let weight = 1
    let more = true
    while (more) {
      if (position >= rle.length) throw new RangeError('RLE string ends inside a number')
      const code = rle.charCodeAt(position)
      if (code < FIRST_CHAR || code > LAST_CHAR) {
        throw new RangeError(`RLE string has an invalid character at ${position}`)
      }
      const group = code - FIRST_CHAR
      value += (group & 0x1f) * weight
      weight *= GROUP
      more = (group & MORE) !== 0
      position++
      // Two's-complement sign extension: the last group's top bit makes the number negative.
      if (!more && (group & SIGN) !== 0) value -= weight
    }
    const index = counts.length
    if (index > 2) value += counts[index - 2] as number
    counts.push(value)
  }
  return counts
}

/** The compressed RLE string of run counts; the inverse of `decodeRleCounts`. */
export function encodeRleCounts(counts: readonly number[]): string {
  let out = ''
  for (let index = 0; index < counts.length; index++) {
    let value = counts[index] as number
    if (index > 2) value -= counts[index - 2] as number
    let more = true
    while (more) {
      const low = value - Math.floor(value / GROUP) * GROUP // value mod 32, also for negatives
      value = Math.floor(value / GROUP) // arithmetic shift right by 5
      // Stop once the rest is pure sign extension of the group just written.
      more = (low & SIGN) !== 0 ? value !== -1 : value !== 0
      out += String.fromCharCode(FIRST_CHAR + (more ? low | MORE : low))
    }
  }
  return out
}
