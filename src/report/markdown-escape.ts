/**
 * Makes user data (project and data titles, e-mails, class names, file names, error messages)
 * safe to put in GitHub markdown: in table cells, list items and inside `<summary>`/`<details>`
 * HTML. Every markdown sink (job summary, PR comment, summary.md, the registration report) uses it.
 *
 * - Control characters are shown as escapes and line breaks become spaces (`safeText`), so a
 *   title cannot end a table row or list item, or hide escape sequences in summary.md.
 * - `& < > " '` become HTML entities, so a title cannot open a tag (`<script>`, `<img onerror>`).
 *   `core.summary` inserts HTML as is, and GitHub renders HTML in markdown.
 * - `|` becomes `&#124;`, so it cannot end a table cell (GFM splits rows on a literal pipe).
 * - Markdown punctuation `\ ` * _ [ ] ~ #` becomes entities too, so a title cannot turn into a
 *   link, emphasis, heading or code span. Entities (unlike backslash escapes) also work inside
 *   HTML blocks.
 * - GitHub links what it finds in the rendered text, after entities are decoded, so an entity
 *   alone does not stop a mention. A zero-width space (`&#8203;`, invisible) goes after the `@`
 *   of `@name` / `@org/team` where `@` does not follow a letter, digit or `_` (that is a
 *   mention), after the `#` of `#123` and `owner/repo#123` (issue links), after the `-` of
 *   `GH-123`, and after the `@` of `name@1a2b3c4` (a commit link). An e-mail address such as
 *   `alice@example.com` is not a mention, so it is left as it is and stays readable.
 * - Very long strings are cut with `…` so one title cannot eat the size budget.
 *
 * Never put the result inside a code span: nothing is decoded or linked there, so the entities
 * would show as typed.
 */
import { safeText } from '../safe-text.js'

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
  '~': '&#126;',
  '#': '&#35;'
}

const ZERO_WIDTH_SPACE = '&#8203;'

/**
 * What GitHub would turn into a mention or a link; the zero-width space goes after the match.
 * ASCII only in the word-character tests: GitHub's patterns treat `é@x` as a mention.
 */
const REFERENCES = [
  // @name, @org/team: `@` not after a word character, then a name.
  /(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/,
  // #123, owner/repo#123.
  /#(?=[0-9])/,
  // GH-123, in any case.
  /(?<![A-Za-z0-9_])[Gg][Hh]-(?=[0-9])/,
  // name@<commit>, owner/repo@<commit>: 7 to 40 hex digits standing alone.
  /(?<=[A-Za-z0-9_])@(?=[0-9a-fA-F]{7,40}(?![0-9A-Za-z_]))/
]

const SPECIAL = new RegExp(
  `(?<reference>${REFERENCES.map((pattern) => pattern.source).join('|')})|[&<>"'|\\\\\`*_[\\]~#]`,
  'g'
)

export const DEFAULT_MAX_TEXT_LENGTH = 200

export function escapeMarkdown(text: string, maxLength = DEFAULT_MAX_TEXT_LENGTH): string {
  return shorten(safeText(text), maxLength).replace(SPECIAL, (...args: unknown[]) => {
    const match = args[0] as string
    const groups = args.at(-1) as { reference?: string }
    const escaped = Array.from(match, (char) => ENTITIES[char] ?? char).join('')
    return groups.reference === undefined ? escaped : escaped + ZERO_WIDTH_SPACE
  })
}

/** Cuts at a code point boundary, so an emoji is never split into a lone surrogate. */
function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const codePoints = Array.from(text)
  if (codePoints.length <= maxLength) return text
  return `${codePoints.slice(0, maxLength - 1).join('')}…`
}
