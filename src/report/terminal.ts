/**
 * The CLI's report: a plain-text table of annotators (scores, coverage, each threshold that is
 * set with pass or FAIL), the projects that could not be evaluated, and the verdict as the last
 * line. No colours unless asked (`color: true`, e.g. when stdout is a TTY and NO_COLOR is unset;
 * the CLI decides), so that output piped to a file or CI log stays clean.
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
  standings,
  thresholdsSet,
  verdictOf,
  type ThresholdCheck,
  type VerdictName
} from '../results/standings.js'
import { comparisonSign } from './comparison.js'
import {
  confidencePercent,
  formatAgainstThreshold,
  formatMetric,
  formatRatio,
  MISSING,
  plural
} from './format.js'
import { displayWidth, fitWidth, inert, padEnd, padStart } from './terminal-text.js'
import { intervalRange, scoreWithInterval, VERDICT_WORD } from './verdict-marks.js'
import { verdictText } from './verdict-text.js'

export interface TerminalOptions {
  /** ANSI colours: green for pass, red for fail. Default false. */
  color?: boolean
}

const MAX_TEXT_WIDTH = 40
const GAP = '  '

type Tone = 'pass' | 'fail' | 'warn' | 'plain'

interface Cell {
  text: string
  tone: Tone
}

interface TextColumn {
  header: string
  align: 'left' | 'right'
}

export function renderTerminalTable(result: RunResult, options: TerminalOptions = {}): string {
  const paint = painter(options.color ?? false)
  const all = standings(result)
  const verdict = verdictOf(result, all)
  const lines: string[] = []

  const evaluated = all.filter(isEvaluated)
  if (evaluated.length > 0) {
    const columns: TextColumn[] = [
      { header: 'Result', align: 'left' },
      { header: 'Annotator', align: 'left' },
      { header: 'Training project', align: 'left' },
      ...metricsShownIn(result).map((metric): TextColumn => ({
        header: labelsUnder(metric, result.settings.method).shortLabel,
        align: 'right'
      })),
      { header: 'Evidence', align: 'right' },
      ...thresholdsSet(result).map(([metric]): TextColumn => ({
        header: thresholdInput(metric),
        align: 'left'
      }))
    ]
    const rows = evaluated.map((standing): Cell[] => {
      const { evaluation } = standing
      const gated = new Set(standing.checks.map((check) => check.metric))
      return [
        verdictCell(standing.verdict),
        plain(userText(evaluation.annotator ?? MISSING)),
        plain(userText(evaluation.projectTitle)),
        ...metricsShownIn(result).map((metric) =>
          plain(
            gated.has(metric.name as GateMetric)
              ? scoreWithInterval(
                  scoreOf(evaluation.overall, metric.name),
                  evaluation.intervals?.overall[metric.name] ?? null,
                  evaluation.intervals !== null
                ).replace('–', '-')
              : formatMetric(metric.format, scoreOf(evaluation.overall, metric.name))
          )
        ),
        plain(
          `${formatRatio(standing.dataUnits, evaluation.coverage.benchmarkRows, 'units')}, ${plural(standing.benchmarkObjects, 'object')}`
        ),
        ...standing.checks.map((check) => thresholdCell(check, result.settings.gateOn))
      ]
    })
    lines.push(...alignedTable(columns, rows, paint), '')
  }

  const unevaluated = all.flatMap((standing) =>
    standing.status === 'failed' ? [standing.failure] : []
  )
  if (unevaluated.length > 0) {
    lines.push('Could not be evaluated:')
    for (const failure of unevaluated) {
      const name =
        failure.projectTitle === null
          ? inert(failure.projectHash)
          : `${userText(failure.projectTitle)} (${inert(failure.projectHash)})`
      lines.push(`  ${paint('fail', 'x')} ${name}: ${inert(failure.message)}`)
    }
    lines.push('')
  }

  lines.push(settingsText(result))
  const { headline, detail } = verdictText(verdict)
  // WARNING: nobody failed, but not everyone passed (inconclusive or too little evidence).
  const label = verdict.passed ? 'PASSED' : verdict.stepFails ? 'FAILED' : 'WARNING'
  const tone: Tone = verdict.passed ? 'pass' : verdict.stepFails ? 'fail' : 'warn'
  lines.push(`${paint(tone, label)}: ${headline}`)
  if (detail !== null) lines.push(`${' '.repeat(label.length + 2)}${detail}`)
  return `${lines.join('\n')}\n`
}

function plain(text: string): Cell {
  return { text, tone: 'plain' }
}

function userText(text: string): string {
  return fitWidth(inert(text), MAX_TEXT_WIDTH)
}

function verdictCell(verdict: VerdictName): Cell {
  const tone: Tone = verdict === 'pass' ? 'pass' : verdict === 'fail' ? 'fail' : 'warn'
  return { text: VERDICT_WORD[verdict], tone }
}

/**
 * `pass 0.820 >= 0.800` or `FAIL 0.610 < 0.800` (with `borderline` when the interval straddles
 * the threshold); gated on the interval, `pass 0.810-0.870 >= 0.800`, `FAIL 0.610-0.720 < 0.800`
 * or `inconclusive 0.760-0.850 vs 0.800`. ASCII, so it lines up in any terminal.
 */
function thresholdCell(check: ThresholdCheck, gateOn: GateOn): Cell {
  const { actual, threshold } = formatAgainstThreshold(check.actual, check.threshold)
  const sign = comparisonSign(metricFacts(check.metric).direction, check.passed, true)
  let comparison: string
  if (check.actual === null) comparison = `${actual} (no score)`
  else if (gateOn === 'interval') {
    const range = intervalRange(check.interval, '-')
    comparison =
      check.outcome === 'inconclusive'
        ? `${range} vs ${threshold}`
        : `${range} ${sign} ${threshold}`
  } else {
    comparison = `${actual} ${sign} ${threshold}${check.borderline ? ' borderline' : ''}`
  }
  switch (check.outcome) {
    case 'pass':
      return { text: `pass ${comparison}`, tone: 'pass' }
    case 'fail':
      return { text: `FAIL ${comparison}`, tone: 'fail' }
    case 'inconclusive':
      return { text: `inconclusive ${comparison}`, tone: 'warn' }
  }
}

function alignedTable(
  columns: readonly TextColumn[],
  rows: readonly Cell[][],
  paint: Painter
): string[] {
  const widths = columns.map((column, index) =>
    rows.reduce(
      (widest, row) => Math.max(widest, displayWidth(row[index]?.text ?? '')),
      displayWidth(column.header)
    )
  )
  const pad = (text: string, index: number): string => {
    const width = widths[index] ?? 0
    return columns[index]?.align === 'right' ? padStart(text, width) : padEnd(text, width)
  }
  const line = (cells: string[]): string => cells.join(GAP).trimEnd()
  return [
    line(columns.map((column, index) => pad(column.header, index))),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(row.map((cell, index) => paint(cell.tone, pad(cell.text, index)))))
  ]
}

function settingsText(result: RunResult): string {
  const { settings, benchmark } = result
  const parts = [
    `method ${settings.method}`,
    ...(settings.method === 'one-to-one' ? [`IoU threshold ${settings.iouThreshold}`] : []),
    `stage "${inert(settings.workflowStage)}"`,
    `benchmark "${userText(benchmark.title)}" (${plural(benchmark.rows, 'data unit')})`,
    ...(thresholdsSet(result).length === 0
      ? []
      : [
          `gate on ${settings.gateOn}`,
          `on inconclusive ${settings.onInconclusive}`,
          `min data units ${settings.minDataUnits}`
        ]),
    settings.bootstrapSamples === 0
      ? 'intervals off'
      : `${confidencePercent(settings.confidenceLevel)} intervals from ${settings.bootstrapSamples} resamples`
  ]
  return `Settings: ${parts.join(', ')}`
}

type Painter = (tone: Tone, text: string) => string

const ANSI: Record<Tone, [string, string]> = {
  pass: ['\u001b[32m', '\u001b[39m'],
  fail: ['\u001b[1;31m', '\u001b[22;39m'],
  warn: ['\u001b[33m', '\u001b[39m'],
  plain: ['', '']
}

function painter(color: boolean): Painter {
  return color
    ? (tone, text) => (tone === 'plain' ? text : `${ANSI[tone][0]}${text}${ANSI[tone][1]}`)
    : (_tone, text) => text
}
