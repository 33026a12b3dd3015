/**
 * User strings on a terminal: made inert, shortened, and measured in columns.
 *
 * A project title can hold escape sequences (`\x1b[2J` clears the screen, OSC 8 fakes a link) or
 * bidirectional overrides that make text read differently from what it is; `inert` shows them as
 * escapes (`safeText`, the same rule as every other text sink). Widths count East Asian wide
 * characters and emoji as two columns and combining marks as none, which is what most terminals
 * do; exotic scripts may still be off by a column.
 */
import { safeText } from '../safe-text.js'

export function inert(text: string): string {
  return safeText(text)
}

// Combining marks (variation selectors are among them) and zero-width spaces and joiners.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060]$/u
const WIDE =
  /^[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f900}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]$/u

function charWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0
  return WIDE.test(char) ? 2 : 1
}

export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char)
  return width
}

/** At most `maxWidth` columns, ending in `…` when cut. */
export function fitWidth(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text
  let width = 0
  let kept = ''
  for (const char of text) {
    const next = charWidth(char)
    if (width + next > maxWidth - 1) break
    kept += char
    width += next
  }
  return `${kept}…`
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text
}
