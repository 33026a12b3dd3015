/**
 * Spreadsheet formula injection guard (OWASP "CSV Injection").
 *
 * Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (and, in
 * some versions, a tab or carriage return) as a formula. Project titles, e-mails and class names
 * are typed by users, so a title like `=HYPERLINK("http://evil", "click")` would become a live
 * formula on the reviewer's machine. Prefixing a `'` makes the spreadsheet show the text as is.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text
}
