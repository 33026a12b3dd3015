/**
 * Progress over attempts (`results/history.ts`), rendered: one trend line per trended score, e.g.
 * `F1 0.842 ▲ +0.061 since last attempt · 4 attempts ▁▃▅█`, in a markdown table for the summary
 * and the comment, and plain lines for the terminal. The comment adds a Mermaid line chart of each
 * annotator's score over attempts, always next to the table (a reader without Mermaid loses
 * nothing).
 */
import {
  sparkline,
  trendMetrics,
  trendOf,
  type ProjectHistory,
  type Trend
} from '../results/history.js'
import { labelsUnder, metricFacts } from '../results/metrics.js'
import type { ProjectResult, RunResult } from '../results/run-result.js'
import type { Budget } from './budget.js'
import { formatScore, plural } from './format.js'
import { escapeMarkdown } from './markdown-escape.js'

export const NO_EARLIER_RUNS = 'No earlier runs found: trends start with the next run.'

const HEADING = '#### Progress\n\n'

/** `F1 0.842 ▲ +0.061 since last attempt · 4 attempts ▁▃▅█`, or `F1 0.842 · first attempt`. */
export function trendText(trend: Trend, method: ProjectResult['method']): string {
  const label = labelsUnder(metricFacts(trend.metric), method).label
  const score = `${label} ${formatScore(trend.current)}`
  if (trend.attempts <= 1) return `${score} · first attempt`
  const change =
    trend.delta === null
      ? 'no earlier score to compare'
      : `${arrow(trend.delta)} ${signed(trend.delta)} since last attempt`
  return `${score} ${change} · ${plural(trend.attempts, 'attempt')} ${sparkline(trend.series)}`
}

function arrow(delta: number): string {
  if (Math.abs(delta) < 0.0005) return '='
  return delta > 0 ? '▲' : '▼'
}

function signed(delta: number): string {
  const text = Math.abs(delta).toFixed(3)
  if (Math.abs(delta) < 0.0005) return `±${text}`
  return delta > 0 ? `+${text}` : `−${text}`
}

interface ProgressRow {
  evaluation: ProjectResult
  history: ProjectHistory
  trends: Trend[]
}

function progressRows(result: RunResult): ProgressRow[] {
  const history = result.history
  if (history === undefined) return []
  const metrics = trendMetrics(result.settings)
  const byHash = new Map(history.projects.map((project) => [project.projectHash, project]))
  return result.projects.flatMap((outcome) => {
    if (outcome.status !== 'evaluated') return []
    const project = byHash.get(outcome.evaluation.projectHash)
    if (project === undefined) return []
    return [
      {
        evaluation: outcome.evaluation,
        history: project,
        trends: metrics.map((metric) => trendOf(project, metric))
      }
    ]
  })
}

function who(evaluation: ProjectResult): string {
  return evaluation.annotator ?? evaluation.projectTitle
}

/** The summary's and comment's progress table; '' when history was not read. */
export function renderProgressMarkdown(result: RunResult, options: { chart: boolean }): string {
  if (result.history === undefined) return ''
  if (result.history.earlierRuns === 0) return `${HEADING}${NO_EARLIER_RUNS}\n\n`
  const rows = progressRows(result)
  const table = [
    '| Annotator | Trend |',
    '| --- | --- |',
    ...rows.map(
      (row) =>
        `| ${escapeMarkdown(who(row.evaluation))} | ${row.trends
          .map((trend) => escapeMarkdown(trendText(trend, row.evaluation.method)))
          .join('<br>')} |`
    )
  ].join('\n')
  const charts = options.chart ? rows.map((row) => mermaidChart(row)).join('') : ''
  return `${HEADING}${table}\n\n${charts}`
}

/**
 * The progress section if it fits the budget, else the table without the charts, else nothing:
 * the scores and failures, taken first, matter more.
 */
export function progressWithin(result: RunResult, budget: Budget, chart: boolean): string {
  const full = renderProgressMarkdown(result, { chart })
  if (full === '' || budget.take(full)) return full
  const plain = chart ? renderProgressMarkdown(result, { chart: false }) : ''
  return plain !== '' && budget.take(plain) ? plain : ''
}

/** The terminal's lines; '' when history was not read. */
export function renderProgressText(result: RunResult): string {
  if (result.history === undefined) return ''
  if (result.history.earlierRuns === 0) return `Progress: ${NO_EARLIER_RUNS}\n`
  const lines = progressRows(result).flatMap((row) =>
    row.trends.map(
      (trend) => `  ${who(row.evaluation)}: ${trendText(trend, row.evaluation.method)}`
    )
  )
  return lines.length === 0 ? '' : `Progress:\n${lines.join('\n')}\n`
}

/**
 * A Mermaid `xychart-beta` line of the first trended score over attempts. Only for two attempts or
 * more with every score known: Mermaid has no gaps in a line.
 */
function mermaidChart(row: ProgressRow): string {
  const trend = row.trends[0]
  if (trend === undefined || trend.attempts < 2) return ''
  const values = trend.series.filter((value): value is number => value !== null)
  if (values.length !== trend.series.length) return ''
  const label = labelsUnder(metricFacts(trend.metric), row.evaluation.method).label
  const title = mermaidText(`${label} of ${who(row.evaluation)} per attempt`)
  const axis = values.map((_, index) => String(index + 1)).join(', ')
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "Attempt" [${axis}]`,
    `  y-axis "${mermaidText(label)}" 0 --> 1`,
    `  line [${values.map((value) => value.toFixed(3)).join(', ')}]`,
    '```',
    ''
  ].join('\n')
}

/** Text Mermaid reads inside double quotes: no quotes, backticks, brackets or line breaks. */
function mermaidText(text: string): string {
  return text.replace(/[^\p{L}\p{N} @._+-]/gu, ' ').slice(0, 80)
}
