/**
 * A score drawn on a 0–1 axis: a dot for the estimate, a bar for its confidence interval, and a
 * dashed tick for the threshold when one is set. Decoration beside the printed numbers (hidden
 * from screen readers, which read the numbers), so the eye can compare annotators at a glance.
 */
import type { Interval } from '../../results/intervals.js'
import { html, type SafeHtml } from './escape.js'

const WIDTH = 100
const HEIGHT = 14
const MID = HEIGHT / 2

/** Room at each end, so a dot at 0 or 1 is drawn whole. */
const PAD = 4

const x = (value: number): string =>
  (PAD + Math.min(1, Math.max(0, value)) * (WIDTH - 2 * PAD)).toFixed(1)

/** Nothing when the score is missing. */
export function errorBar(
  value: number | null,
  interval: Interval | null,
  threshold: number | null
): SafeHtml {
  if (value === null || !Number.isFinite(value)) return html``
  const bar =
    interval === null
      ? html``
      : html`<line
            class="ci"
            x1="${x(interval.low)}"
            x2="${x(interval.high)}"
            y1="${MID}"
            y2="${MID}"
            stroke="#0550ae"
            stroke-width="2"
          /><line
            x1="${x(interval.low)}"
            x2="${x(interval.low)}"
            y1="3"
            y2="11"
            stroke="#0550ae"
          /><line
            x1="${x(interval.high)}"
            x2="${x(interval.high)}"
            y1="3"
            y2="11"
            stroke="#0550ae"
          />`
  const tick =
    threshold === null
      ? html``
      : html`<line
          class="threshold"
          x1="${x(threshold)}"
          x2="${x(threshold)}"
          y1="0"
          y2="${HEIGHT}"
          stroke="#cf222e"
          stroke-dasharray="2 2"
        />`
  return html`<svg
    class="error-bar"
    width="${WIDTH}"
    height="${HEIGHT}"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    aria-hidden="true"
    focusable="false"
  >
    <line x1="${x(0)}" x2="${x(1)}" y1="${MID}" y2="${MID}" stroke="#d1d9e0" />
    ${bar}${tick}
    <circle cx="${x(value)}" cy="${MID}" r="3" fill="#1f2328" />
  </svg>`
}
