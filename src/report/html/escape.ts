/**
 * The one place the HTML report escapes text. Every string from label data (project and data
 * titles, class names, e-mails, attribute names) is untrusted: it reaches the page only through
 * `html`, which escapes whatever it interpolates unless it is already `SafeHtml` that `html`
 * itself built. Attribute values are always quoted, so the same escaping covers text and
 * attributes. Links go through `safeHref`, which lets only http(s) URLs through.
 *
 * The page embeds no data in its script (the script reads the escaped table cells), so there is
 * no JSON inside `<script>` that a `</script>` in a title could end.
 */
import { safeText } from '../../safe-text.js'

/** Markup that `html` built: interpolated as is. */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[]

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text made safe for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return safeText(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/**
 * A template whose interpolations are escaped (arrays joined, null and undefined empty). Line
 * breaks and indentation in the template's own text are layout of the source (prettier formats
 * `html` templates as HTML) and become one space, so thousands of table rows do not carry the
 * source's indentation; interpolated text is kept as it is.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const parts = compact(strings)
  let text = parts[0] ?? ''
  values.forEach((value, index) => {
    text += render(value) + (parts[index + 1] ?? '')
  })
  return new SafeHtml(text)
}

const compacted = new WeakMap<TemplateStringsArray, string[]>()

function compact(strings: TemplateStringsArray): string[] {
  let parts = compacted.get(strings)
  if (parts === undefined) {
    parts = strings.map((part) => part.replace(/\s*\n\s*/g, ' '))
    compacted.set(strings, parts)
  }
  return parts
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof SafeHtml) return value.text
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return escapeHtml(value)
  return value.map(render).join('')
}

/** Markup from this module's callers that is known to hold no user text (the CSS, the script). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/** The URL when it is an absolute http(s) URL, else null: no `javascript:` link from a label. */
export function safeHref(url: string | null): string | null {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : null
  } catch {
    return null
  }
}
