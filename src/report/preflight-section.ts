/**
 * The summary's preflight section: each training project's progress in the scored stage, and
 * every error and warning preflight found. Short by nature (one row per project), so it is
 * always shown, like the audit's. Empty when preflight did not run or found nothing to say.
 */
import type { PreflightReport } from '../preflight/report.js'
import { escapeMarkdown } from './markdown-escape.js'
import { table } from './markdown-table.js'

export function renderPreflightSection(report: PreflightReport | undefined): string {
  if (report === undefined) return ''
  const lines = ['### Preflight', '']
  const benchmark = report.benchmark
  if (benchmark !== null) {
    lines.push(
      `Benchmark: ${benchmark.completed} of ${benchmark.total} tasks in \`${escapeMarkdown(report.stage)}\`.`,
      ''
    )
  }
  if (report.training.length > 0) {
    lines.push(
      table(
        [
          { header: 'Training project' },
          { header: 'Annotators' },
          { header: `Tasks in ${escapeMarkdown(report.stage)}`, align: 'right' }
        ],
        report.training.map((progress) => [
          escapeMarkdown(progress.projectTitle),
          escapeMarkdown(progress.annotators.join(', ')) || 'none',
          `${progress.completed} / ${progress.total}`
        ])
      ),
      ''
    )
  }
  for (const finding of report.findings) {
    const mark = finding.severity === 'error' ? '❌ **Error**' : '⚠️ **Warning**'
    lines.push(`- ${mark}: ${escapeMarkdown(finding.message, 1000)}`)
  }
  if (report.findings.length > 0) lines.push('')
  return `${lines.join('\n')}\n`
}
