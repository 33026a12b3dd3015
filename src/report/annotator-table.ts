/**
 * The markdown table with one row per evaluated annotator (training project): scores, coverage
 * and a pass or fail mark for each threshold that is set. Shared by the job summary and the PR
 * comment.
 *
 * When the whole table does not fit the size budget, it keeps the annotators who failed (they are
 * what a reviewer acts on) and leaves out those who passed; if even those do not fit, the table is
 * cut. The caller says so in its notice.
 */
import {
  labelsUnder,
  metricFacts,
  metricsShownIn,
  scoreOf,
  thresholdInput,
  type GateMetric
} from '../results/metrics.js'
import type { GateOn } from '../results/gate.js'
import type { RunResult } from '../results/run-result.js'
import {
  isEvaluated,
  thresholdsSet,
  type EvaluatedStanding,
  type Standing,
  type ThresholdCheck
} from '../results/standings.js'
import type { Budget } from './budget.js'
import { comparisonSign } from './comparison.js'
import { formatAgainstThreshold, formatMetric, formatRatio, MISSING, plural } from './format.js'
import { escapeMarkdown } from './markdown-escape.js'
import { tableHead, tableRow, type Column } from './markdown-table.js'
import { CHECK_MARK, intervalRange, scoreWithInterval, VERDICT_MARK } from './verdict-marks.js'

export const PASS_MARK = VERDICT_MARK.pass
export const FAIL_MARK = VERDICT_MARK.fail

export interface TableFit {
  /** The table, or '' when there is no evaluated annotator or not even its head fits. */
  text: string
  shown: number
  /** Evaluated annotators left out. */
  omitted: number
  /** True when only annotators who failed are listed. */
  failedOnly: boolean
}

export function annotatorTable(
  result: RunResult,
  all: readonly Standing[],
  budget: Budget
): TableFit {
  const evaluated = all.filter(isEvaluated)
  const none = { text: '', shown: 0, omitted: evaluated.length, failedOnly: false }
  if (evaluated.length === 0) return none

  const head = tableHead(annotatorColumns(result))
  const rows = evaluated.map((standing) => tableRow(annotatorCells(result, standing)))
  const total = budget.measure(head) + rows.reduce((sum, row) => sum + budget.measure(row), 0)
  if (total <= budget.remaining) {
    budget.take(head + rows.join(''))
    return { text: head + rows.join(''), shown: rows.length, omitted: 0, failedOnly: false }
  }

  if (!budget.take(head)) return none
  let text = head
  let shown = 0
  for (const [index, standing] of evaluated.entries()) {
    if (standing.passed) continue
    const row = rows[index] ?? ''
    if (!budget.take(row)) break
    text += row
    shown++
  }
  return { text, shown, omitted: evaluated.length - shown, failedOnly: true }
}

function annotatorColumns(result: RunResult): Column[] {
  return [
    { header: 'Result', align: 'center' },
    { header: 'Annotator' },
    { header: 'Training project' },
    ...metricsShownIn(result).map((metric): Column => ({
      header: labelsUnder(metric, result.settings.method).label,
      align: 'right'
    })),
    { header: 'Evidence', align: 'right' },
    ...thresholdsSet(result).map(([metric]): Column => ({
      header: thresholdInput(metric),
      align: 'right'
    }))
  ]
}

function annotatorCells(result: RunResult, standing: EvaluatedStanding): string[] {
  const { evaluation } = standing
  // Gated scores show their interval here; the others only in the per-annotator details, so the
  // table stays readable.
  const gated = new Set(standing.checks.map((check) => check.metric))
  const intervals = evaluation.intervals
  return [
    VERDICT_MARK[standing.verdict],
    annotatorName(evaluation.annotator),
    escapeMarkdown(evaluation.projectTitle),
    ...metricsShownIn(result).map((metric) =>
      gated.has(metric.name as GateMetric)
        ? scoreWithInterval(
            scoreOf(evaluation.overall, metric.name),
            intervals?.overall[metric.name] ?? null,
            intervals !== null
          )
        : formatMetric(metric.format, scoreOf(evaluation.overall, metric.name))
    ),
    evidenceCell(standing),
    ...standing.checks.map((check) => thresholdCell(check, result.settings.gateOn))
  ]
}

/** What the verdict rests on: `48/50 units · 412 objects`. */
export function evidenceCell(standing: EvaluatedStanding): string {
  const units = formatRatio(standing.dataUnits, standing.evaluation.coverage.benchmarkRows, 'units')
  return `${units} · ${plural(standing.benchmarkObjects, 'object')}`
}

export function annotatorName(annotator: string | null): string {
  return annotator === null ? MISSING : escapeMarkdown(annotator)
}

/**
 * Gated on the estimate: `✅ 0.820 ≥ 0.800` or `❌ 0.610 < 0.800`, with `(borderline)` when the
 * interval straddles the threshold. Gated on the interval: `✅ 0.810–0.870 ≥ 0.800`,
 * `❌ 0.610–0.720 < 0.800` or `⚠️ 0.760–0.850 straddles 0.800`.
 */
export function thresholdCell(check: ThresholdCheck, gateOn: GateOn = 'estimate'): string {
  const { actual, threshold } = formatAgainstThreshold(check.actual, check.threshold)
  const mark = CHECK_MARK[check.outcome]
  if (check.actual === null) return `${mark} ${actual}`
  if (gateOn === 'interval') {
    const range = intervalRange(check.interval)
    if (check.outcome === 'inconclusive') return `${mark} ${range} straddles ${threshold}`
    const sign = comparisonSign(metricFacts(check.metric).direction, check.passed)
    return `${mark} ${range} ${sign} ${threshold}`
  }
  const sign = comparisonSign(metricFacts(check.metric).direction, check.passed)
  return `${mark} ${actual} ${sign} ${threshold}${check.borderline ? ' (borderline)' : ''}`
}
