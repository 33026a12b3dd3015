/**
 * Telling UTF-16 text from UTF-8 before it is read as JSON. Windows tools (PowerShell's `>` and
 * `Out-File` before version 7, Notepad's "Unicode") save UTF-16, often without a byte-order
 * mark. Such a file of ASCII text is still valid UTF-8 — every other byte is a NUL — so it must be
 * recognised by its bytes, or it is read as JSON full of "\u0000" and fails at every character.
 */

export type Utf16 = 'UTF-16LE' | 'UTF-16BE'

/** How many leading bytes are looked at: enough for a pattern, cheap on a large file. */
const SAMPLE = 4096

/**
 * `UTF-16LE`/`UTF-16BE` when the bytes are UTF-16 text (a byte-order mark, or NULs in every
 * other byte as ASCII text in UTF-16 has), else null. JSON text never holds a raw NUL, so a NUL
 * in the even (big-endian) or odd (little-endian) bytes and none in the others is UTF-16.
 */
export function detectUtf16(bytes: Uint8Array): Utf16 | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  const length = Math.min(bytes.length, SAMPLE)
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== 0) continue
    if (i % 2 === 0) evenNuls++
    else oddNuls++
  }
  const pairs = Math.floor(length / 2)
  if (pairs === 0) return null
  // Mostly ASCII text: at least half the characters carry a NUL byte, on one side only.
  if (oddNuls >= pairs / 2 && evenNuls === 0) return 'UTF-16LE'
  if (evenNuls >= pairs / 2 && oddNuls === 0) return 'UTF-16BE'
  return null
}

/** "UTF-16 (little-endian)": for a message that tells the user to save the file as UTF-8. */
export function describeUtf16(encoding: Utf16): string {
  return `UTF-16 (${encoding === 'UTF-16LE' ? 'little' : 'big'}-endian)`
}
