/**
 * The leaderboard: one row per evaluated annotator with the gate's verdict (mark and word), every
 * score the method computes (with its interval and an error bar when intervals are on), the
 * threshold checks and the evidence. Sortable by any column when the script runs; each cell's
 * `data-sort` holds its raw value.
 */
import { labelsUnder, metricsComputedBy, scoreOf, thresholdInput } from '../../results/metrics.js'
import type { RunResult } from '../../results/run-result.js'
import {
  isEvaluated,
  thresholdsSet,
  type EvaluatedStanding,
  type Standing,
  type ThresholdCheck
} from '../../results/standings.js'
import { thresholdCell } from '../annotator-table.js'
import { formatInterval, formatScore, MISSING } from '../format.js'
import { CHECK_MARK, VERDICT_PHRASE } from '../verdict-marks.js'
import { errorBar } from './error-bar.js'
import { html, type SafeHtml } from './escape.js'
import { verdictIcon } from './marks.js'

/** Sort order of verdicts: the ones to act on first. */
const VERDICT_RANK = { fail: 0, inconclusive: 1, 'insufficient-evidence': 2, pass: 3 } as const

export function verdictBadge(verdict: EvaluatedStanding['verdict']): SafeHtml {
  return html`<span class="verdict verdict-${verdict}"
    >${verdictIcon(verdict)} ${VERDICT_PHRASE[verdict]}</span
  >`
}

export function leaderboard(result: RunResult, all: readonly Standing[]): SafeHtml {
  const evaluated = all.filter(isEvaluated)
  if (evaluated.length === 0) return html`<p>No training project could be evaluated.</p>`
  const { method } = result.settings
  const metrics = metricsComputedBy(method)
  const withIntervals = result.settings.bootstrapSamples > 0
  const gated = thresholdsSet(result).map(([metric]) => metric)
  const head = html`<tr>
    <th scope="col">Verdict</th>
    <th scope="col">Annotator and training project</th>
    ${metrics.map((metric) => html`<th scope="col" class="num" data-type="number">${labelsUnder(metric, method).label}</th>`)}
    ${gated.map((metric) => html`<th scope="col" class="num" data-type="number">${thresholdInput(metric)}</th>`)}
    <th scope="col" class="num" data-type="number">Data units</th>
    <th scope="col" class="num" data-type="number">Benchmark objects</th>
  </tr>`
  const rows = evaluated.map((standing) => {
    const { evaluation } = standing
    const scores = metrics.map((metric) => {
      const value = scoreOf(evaluation.overall, metric.name)
      const interval = evaluation.intervals?.overall[metric.name] ?? null
      const check = standing.checks.find((one) => one.metric === metric.name)
      const text = withIntervals
        ? `${formatScore(value)} ${value === null ? '' : formatInterval(interval)}`.trim()
        : formatScore(value)
      return html`<td class="num" data-sort="${sortable(value)}">
        <div class="score">
          <span>${text}</span
          >${errorBar(value, withIntervals ? interval : null, check?.threshold ?? null)}
        </div>
      </td>`
    })
    const checks = gated.map((metric) => {
      const check = standing.checks.find((one) => one.metric === metric)
      return check === undefined
        ? html`<td class="num" data-sort="">${MISSING}</td>`
        : html`<td class="num" data-sort="${sortable(check.actual)}">
            ${verdictIcon(check.outcome)} ${checkText(check, result)}
          </td>`
    })
    return html`<tr>
      <td data-sort="${VERDICT_RANK[standing.verdict]}">${verdictBadge(standing.verdict)}</td>
      <th scope="row">
        ${evaluation.annotator ?? MISSING}<br /><span class="muted"
          >${evaluation.projectTitle}</span
        >
      </th>
      ${scores}${checks}
      <td class="num" data-sort="${standing.dataUnits}">
        ${standing.dataUnits} / ${evaluation.coverage.benchmarkRows}
      </td>
      <td class="num" data-sort="${standing.benchmarkObjects}">${standing.benchmarkObjects}</td>
    </tr>`
  })
  const caption = withIntervals
    ? `Scores with their ${Math.round(result.settings.confidenceLevel * 1000) / 10} % confidence intervals (bars) and thresholds (dashed red ticks).`
    : 'Scores (dots) and thresholds (dashed red ticks); intervals are off for this run.'
  return html`<div class="scroll">
    <table id="leaderboard" data-sortable>
      <caption>
        ${caption} Sort by any column with its header button.
      </caption>
      <thead>
        ${head}
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
}

/**
 * The markdown reports' threshold cell (`0.610 < 0.800`, `(borderline)`, `straddles`…) without
 * its leading emoji: the page draws the mark as an icon.
 */
function checkText(check: ThresholdCheck, result: RunResult): string {
  const text = thresholdCell(check, result.settings.gateOn)
  const mark = `${CHECK_MARK[check.outcome]} `
  return text.startsWith(mark) ? text.slice(mark.length) : text
}

/** A score as a sort key: the number, or empty for a missing one (sorted last). */
export function sortable(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value)
}
