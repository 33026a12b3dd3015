/**
 * Makes user data (project and data titles, e-mails, class names, error messages) safe to put in
 * GitHub markdown: in table cells, list items and inside `<summary>`/`<details>` HTML.
 *
 * - `& < > " '` become HTML entities, so a title cannot open a tag (`<script>`, `<img onerror>`).
 *   `core.summary` inserts HTML as is, and GitHub renders HTML in markdown.
 * - `|` becomes `&#124;`, so it cannot end a table cell (GFM splits rows on a literal pipe).
 * - Markdown punctuation `\ ` * _ [ ] ~` becomes entities too, so a title cannot turn into a link,
 *   emphasis or code span. Entities (unlike backslash escapes) also work inside HTML blocks.
 * - Line breaks become spaces, so a title cannot end a table row or list item.
 * - Very long strings are cut with `…` so one title cannot eat the size budget.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;'
}

const SPECIAL = /[&<>"'|\\`*_[\]~]/g
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g

export const DEFAULT_MAX_TEXT_LENGTH = 200

export function escapeMarkdown(text: string, maxLength = DEFAULT_MAX_TEXT_LENGTH): string {
  return shorten(text.replace(LINE_BREAKS, ' '), maxLength).replace(
    SPECIAL,
    (char) => ENTITIES[char] ?? char
  )
}

/** Cuts at a code point boundary, so an emoji is never split into a lone surrogate. */
function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const codePoints = Array.from(text)
  if (codePoints.length <= maxLength) return text
  return `${codePoints.slice(0, maxLength - 1).join('')}…`
}
