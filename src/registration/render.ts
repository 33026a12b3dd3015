/** Renders registration check results for people: a markdown job summary and terminal lines. */
import { escapeMarkdown as escapeReportMarkdown } from '../report/markdown-escape.js'
import { safeText } from '../safe-text.js'
import type { Diagnostic, FileReport } from './diagnostic.js'
import { plural, utf8ByteLength } from './values.js'

/** GitHub refuses job summaries above 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/** Room kept for the truncation notice, so adding it never crosses the limit. */
const NOTICE_RESERVE_BYTES = 512

/**
 * `file:line:column: error [rule] message`, the form editors and terminals link. Messages quote
 * values from the file, so control characters are shown as escapes (`safeText`).
 */
export function formatDiagnosticLine(file: string, d: Diagnostic): string {
  return safeText(`${file}:${d.line}:${d.column}: ${d.severity} [${d.rule}] ${d.message}`)
}

interface Counts {
  errors: number
  warnings: number
  filesWithProblems: number
}

export function countDiagnostics(reports: readonly FileReport[]): Counts {
  let errors = 0
  let warnings = 0
  let filesWithProblems = 0
  for (const report of reports) {
    if (report.diagnostics.length > 0) filesWithProblems++
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors++
      else warnings++
    }
  }
  return { errors, warnings, filesWithProblems }
}

/** The one-line outcome, shared by the summary and the CLI. */
export function registrationVerdict(reports: readonly FileReport[]): string {
  const files = plural(reports.length, 'registration file')
  if (reports.length === 0) return 'No registration files were checked.'
  const { errors, warnings, filesWithProblems } = countDiagnostics(reports)
  const found = [
    errors > 0 ? plural(errors, 'error') : undefined,
    warnings > 0 ? plural(warnings, 'warning') : undefined
  ]
    .filter((part) => part !== undefined)
    .join(' and ')
  if (errors > 0) return `Failed: ${found} in ${filesWithProblems} of ${files}.`
  if (warnings > 0) return `Passed with warnings: ${found} in ${filesWithProblems} of ${files}.`
  return `Passed: ${files}, no problems found.`
}

const ICON = { error: '❌', warning: '⚠️' } as const

/**
 * Markdown for the job summary: a verdict line, then one table row per diagnostic, errors
 * first so that trimming to the size limit never hides an error behind a warning.
 */
export function renderRegistrationSummary(reports: FileReport[]): string {
  const { errors, warnings } = countDiagnostics(reports)
  const icon = errors > 0 ? ICON.error : warnings > 0 ? ICON.warning : '✅'
  const head = `## Encord registration files\n\n${icon} ${escapeMarkdown(registrationVerdict(reports))}\n`
  const rows = reports
    .flatMap((report, fileIndex) =>
      report.diagnostics.map((d) => ({ file: report.file, fileIndex, d }))
    )
    .sort(
      (a, b) =>
        severityRank(a.d) - severityRank(b.d) ||
        a.fileIndex - b.fileIndex ||
        a.d.line - b.d.line ||
        a.d.column - b.d.column
    )
  if (rows.length === 0) return head

  const table = [
    '',
    '| File | Line:col | Severity | Rule | Message |',
    '| --- | --- | --- | --- | --- |'
  ]
  let bytes = utf8ByteLength(head) + utf8ByteLength(table.join('\n')) + 1
  let shown = 0
  for (const { file, d } of rows) {
    const row = `| ${escapeMarkdown(file)} | ${d.line}:${d.column} | ${ICON[d.severity]} ${d.severity} | ${escapeMarkdown(d.rule)} | ${escapeMarkdown(d.message)} |`
    const rowBytes = utf8ByteLength(row) + 1
    if (bytes + rowBytes > SUMMARY_LIMIT_BYTES - NOTICE_RESERVE_BYTES) break
    table.push(row)
    bytes += rowBytes
    shown++
  }
  let markdown = `${head}${table.join('\n')}\n`
  const hidden = rows.length - shown
  if (hidden > 0) {
    markdown += `\n> ${plural(hidden, 'more diagnostic')} not shown: a job summary is limited to 1 MiB. The job log lists them all, or run \`encord-annotator-eval check-registration\` locally.\n`
  }
  return markdown
}

function severityRank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : 1
}

/**
 * Makes user text (file names, keys, URLs inside messages) inert in a markdown table cell, by the
 * rule every markdown sink shares (`escapeMarkdown` in `src/report/`), uncut: a diagnostic's
 * message is already short, and the budget above bounds the whole report.
 */
export function escapeMarkdown(text: string): string {
  return escapeReportMarkdown(text, Number.POSITIVE_INFINITY)
}
