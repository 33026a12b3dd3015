/**
 * Preflight as plain text for the terminal: a table of every project's progress, then one line
 * per finding. Titles and e-mails come from Encord: control characters are shown, not obeyed.
 */
import { padEnd } from '../report/terminal-text.js'
import { safeText } from '../safe-text.js'
import type { PreflightReport, ProjectProgress } from './report.js'

export function renderPreflightText(report: PreflightReport): string {
  const rows: string[][] = [['Project', 'Role', `In '${report.stage}'`, 'Annotators', 'Checks']]
  const status = (projectHash: string): string => {
    const mine = report.findings.filter((finding) => finding.projectHash === projectHash)
    const errors = mine.filter((finding) => finding.severity === 'error').length
    const warnings = mine.length - errors
    if (errors > 0) return `${errors} error${errors === 1 ? '' : 's'}`
    return warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : 'ok'
  }
  const row = (progress: ProjectProgress, role: string): string[] => [
    `${progress.projectTitle} (${progress.projectHash})`,
    role,
    `${progress.completed}/${progress.total}`,
    role === 'benchmark' ? '' : progress.annotators.join(', ') || 'none',
    status(progress.projectHash)
  ]
  if (report.benchmark !== null) rows.push(row(report.benchmark, 'benchmark'))
  for (const progress of report.training) rows.push(row(progress, 'training'))
  const safe = rows.map((cells) => cells.map(safeText))
  const widths = safe[0]!.map((_, column) =>
    Math.max(...safe.map((cells) => (cells[column] ?? '').length))
  )
  const table = safe.map((cells) =>
    cells
      .map((cell, column) => padEnd(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  )
  const findings = report.findings.map(
    (finding) => `${finding.severity}: ${safeText(finding.message)}`
  )
  const verdict =
    report.findings.length === 0 ? ['Preflight: the set-up matches the benchmark.'] : findings
  return `${[...table, '', ...verdict].join('\n')}\n`
}
