/**
 * The HTML report's progress section (`results/history.ts`): per annotator, the trend line of the
 * summary and an inline SVG line chart of the first trended score over attempts (0 to 1 on the
 * vertical axis). Nothing when history was not read; a sentence on the first run.
 */
import { sparkline, trendMetrics, trendOf } from '../../results/history.js'
import type { RunResult } from '../../results/run-result.js'
import { NO_EARLIER_RUNS, trendText } from '../history-section.js'
import { html, type SafeHtml } from './escape.js'

const WIDTH = 240
const HEIGHT = 80
const PAD = 6

export function progressSection(result: RunResult): SafeHtml {
  const history = result.history
  if (history === undefined) return html``
  if (history.earlierRuns === 0) {
    return html`<section id="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <p>${NO_EARLIER_RUNS}</p>
    </section>`
  }
  const metrics = trendMetrics(result.settings)
  const byHash = new Map(history.projects.map((project) => [project.projectHash, project]))
  const rows = result.projects.flatMap((outcome) => {
    if (outcome.status !== 'evaluated') return []
    const project = byHash.get(outcome.evaluation.projectHash)
    if (project === undefined) return []
    const trends = metrics.map((metric) => trendOf(project, metric))
    const who = outcome.evaluation.annotator ?? outcome.evaluation.projectTitle
    return [
      html`<figure class="progress">
        ${chart(trends[0]?.series ?? [], `${who}: ${sparkline(trends[0]?.series ?? [])}`)}
        <figcaption>
          <strong>${who}</strong>
          ${trends.map((trend) => html`<br />${trendText(trend, outcome.evaluation.method)}`)}
        </figcaption>
      </figure>`
    ]
  })
  return html`<section id="progress" aria-labelledby="progress-title">
    <h2 id="progress-title">Progress</h2>
    ${rows}
  </section>`
}

/** A line over attempts; a missing score breaks the line. */
function chart(series: readonly (number | null)[], label: string): SafeHtml {
  const step = series.length > 1 ? (WIDTH - 2 * PAD) / (series.length - 1) : 0
  const x = (index: number): string => (PAD + index * step).toFixed(1)
  const y = (value: number): string => (HEIGHT - PAD - value * (HEIGHT - 2 * PAD)).toFixed(1)
  const points = series
    .map((value, index) => (value === null ? null : `${x(index)},${y(value)}`))
    .filter((point): point is string => point !== null)
    .join(' ')
  return html`<svg
    role="img"
    aria-label="${label}"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    width="${WIDTH}"
    height="${HEIGHT}"
  >
    <rect
      x="0"
      y="0"
      width="${WIDTH}"
      height="${HEIGHT}"
      fill="none"
      stroke="currentColor"
      stroke-opacity="0.2"
    />
    <polyline points="${points}" fill="none" stroke="currentColor" stroke-width="2" />
    ${series.map((value, index) =>
      value === null ? html`` : html`<circle cx="${x(index)}" cy="${y(value)}" r="3" />`
    )}
  </svg>`
}
