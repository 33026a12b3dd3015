/**
 * `iou_results.csv`: RFC 4180, UTF-8 (no BOM), laid out the way pandas `to_csv(index=False)`
 * writes it, so that the script's five columns can be compared byte for byte. Columns and cell
 * contents are documented in `csv-rows.ts`.
 *
 * pandas uses Python's csv writer with QUOTE_MINIMAL and `\n` line ends: a field is quoted only
 * when it holds the delimiter, a double quote, `\n` or `\r`, and embedded quotes are doubled.
 * (CPython quotes a bare `\r` since 3.11.9 / 3.12.3, gh-67044; older Pythons left it bare, which
 * breaks the file, so we follow the fixed behaviour.) Spaces, unicode and empty strings are never
 * quoted.
 */
import { stringify, type Options } from 'csv-stringify/sync'
import type { ProjectEvaluation } from '../evaluate/types.js'
import type { EditorLinkBase } from '../results/editor-links.js'
import { CSV_COLUMNS, forEachCsvRecord } from './csv-rows.js'

const PANDAS_MINIMAL_QUOTING: Options = {
  delimiter: ',',
  quote: '"',
  escape: '"',
  record_delimiter: '\n',
  // csv-stringify turns this off whenever record_delimiter is given, and would then leave a bare
  // `\r` unquoted; Python quotes it.
  quote_record_delimiter: true,
  eof: true,
  bom: false,
  header: false,
  quoted: false,
  quoted_empty: false,
  quoted_string: false,
  escape_formulas: false
}

/** With the delimiter, these make a field need quotes; see PANDAS_MINIMAL_QUOTING. */
const QUOTE_OR_LINE_BREAK = /["\r\n]/

/** The header line. */
export function csvHeader(): string {
  return stringifyRecords([[...CSV_COLUMNS]])
}

/**
 * The rows of one evaluated training project. A run writes them out as each project is scored
 * (header first, then the projects in input order) and keeps none of them.
 */
export function csvRows(
  evaluation: ProjectEvaluation,
  links: EditorLinkBase | null = null
): string {
  const text = new CsvText()
  forEachCsvRecord(evaluation, (record) => text.add(record), links)
  return text.done()
}

/** The whole CSV of these evaluations, in order (without links): for small runs and tests. */
export function renderCsv(evaluations: readonly ProjectEvaluation[]): string {
  return csvHeader() + evaluations.map((evaluation) => csvRows(evaluation)).join('')
}

/**
 * csv-stringify spends about a microsecond per field (casting, option lookups): 16 fields × 500k
 * rows is several seconds. Most records need no quotes at all, and for those its output is exactly the
 * fields joined by commas plus `\n` (no quoting, no escaping, empty fields stay empty), so they
 * take that shortcut; every record with a field that needs quotes goes through csv-stringify.
 * A property test checks the shortcut against csv-stringify on random records.
 */
export function stringifyRecords(records: readonly (readonly string[])[]): string {
  const text = new CsvText()
  for (const record of records) text.add(record)
  return text.done()
}

/** Records → CSV text, one at a time, in order; see `stringifyRecords`. */
class CsvText {
  private readonly pieces: string[] = []
  private needingQuotes: (readonly string[])[] = []

  add(record: readonly string[]): void {
    const line = plainLine(record)
    if (line === null) {
      this.needingQuotes.push(record)
      return
    }
    this.flush()
    this.pieces.push(`${line}\n`)
  }

  done(): string {
    this.flush()
    return this.pieces.join('')
  }

  private flush(): void {
    if (this.needingQuotes.length === 0) return
    this.pieces.push(stringify(this.needingQuotes, PANDAS_MINIMAL_QUOTING))
    this.needingQuotes = []
  }
}

/**
 * The record's fields joined by commas, or null when a field needs quotes. Tested on the joined
 * line, once: a field holds a quote or a line break exactly when the line does, and a comma
 * exactly when the line has more than the separators.
 */
function plainLine(record: readonly string[]): string | null {
  const line = record.join(',')
  if (QUOTE_OR_LINE_BREAK.test(line)) return null
  let commas = 0
  for (let at = line.indexOf(','); at >= 0; at = line.indexOf(',', at + 1)) commas++
  return commas === Math.max(0, record.length - 1) ? line : null
}
