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
import type { RunResult } from '../run-result.js'
import { CSV_COLUMNS, csvRecords } from './csv-rows.js'

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

/** Rows are stringified in batches: small enough to stream, large enough to be fast. */
const ROWS_PER_CHUNK = 10_000

/** A field needs quotes only if it holds one of these; see PANDAS_MINIMAL_QUOTING. */
const NEEDS_QUOTES = /[,"\r\n]/

/** The whole CSV. For very large runs prefer `csvChunks`, which never holds the file in one string. */
export function renderCsv(result: RunResult): string {
  return Array.from(csvChunks(result)).join('')
}

/**
 * The CSV in pieces that concatenate to `renderCsv(result)`: the header, then the rows of each
 * evaluated training project in input order. Projects that could not be evaluated have no rows.
 */
export function* csvChunks(result: RunResult): Generator<string> {
  yield stringifyRecords([[...CSV_COLUMNS]])
  for (const outcome of result.projects) {
    if (outcome.status !== 'evaluated') continue
    let batch: string[][] = []
    for (const record of csvRecords(outcome.evaluation)) {
      batch.push(record)
      if (batch.length === ROWS_PER_CHUNK) {
        yield stringifyRecords(batch)
        batch = []
      }
    }
    if (batch.length > 0) yield stringifyRecords(batch)
  }
}

/**
 * csv-stringify spends about a microsecond per field (casting, option lookups): 16 fields × 500k
 * rows is several seconds. Most records need no quotes at all, and for those its output is exactly the
 * fields joined by commas plus `\n` (no quoting, no escaping, empty fields stay empty), so they
 * take that shortcut; every record with a field that needs quotes goes through csv-stringify.
 * A property test checks the shortcut against csv-stringify on random records.
 */
export function stringifyRecords(records: readonly (readonly string[])[]): string {
  const pieces: string[] = []
  let needingQuotes: (readonly string[])[] = []
  for (const record of records) {
    if (record.some((field) => NEEDS_QUOTES.test(field))) {
      needingQuotes.push(record)
      continue
    }
    if (needingQuotes.length > 0) {
      pieces.push(stringify(needingQuotes, PANDAS_MINIMAL_QUOTING))
      needingQuotes = []
    }
    pieces.push(record.join(','), '\n')
  }
  if (needingQuotes.length > 0) pieces.push(stringify(needingQuotes, PANDAS_MINIMAL_QUOTING))
  return pieces.join('')
}
