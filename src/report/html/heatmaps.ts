/**
 * Heatmaps drawn as tables: every cell prints its number and is shaded by it, so the table is the
 * chart and its own accessible form at once (row and column headers, a caption saying what the
 * shade means).
 *
 * - Per-class scores: annotators down, classes across; F1 under `one-to-one`, mean IoU under
 *   `encord-script` (which computes no F1).
 * - A confusion matrix: benchmark classes down, the annotator's classes across, with an
 *   `(unmatched)` row (extras) and column (misses), as in the markdown reports. A cell is shaded by
 *   its share of its benchmark row, so a rare class's mistakes show as plainly as a common one's.
 */
import type { ConfusionCell } from '../../evaluate/types.js'
import { labelsUnder, metricFacts, scoreOf, type MetricName } from '../../results/metrics.js'
import type { ProjectResult } from '../../results/run-result.js'
import { UNMATCHED } from '../confusion.js'
import { formatScore, MISSING } from '../format.js'
import { heatStyle } from './colour.js'
import { html, type SafeHtml } from './escape.js'
import type { Method } from '../../evaluate/types.js'

/** The score the per-class heatmap shows under `method`. */
export function classHeatmapMetric(method: Method): MetricName {
  return method === 'one-to-one' ? 'f1' : 'meanIou'
}

interface ClassColumn {
  featureHash: string
  className: string
}

/** Classes in the order the projects list them (they share the benchmark's ontology). */
function classColumns(projects: readonly ProjectResult[]): ClassColumn[] {
  const seen = new Map<string, ClassColumn>()
  for (const project of projects) {
    for (const metrics of project.perClass) {
      if (!seen.has(metrics.featureHash)) {
        seen.set(metrics.featureHash, {
          featureHash: metrics.featureHash,
          className: metrics.className
        })
      }
    }
  }
  return [...seen.values()]
}

export function classHeatmap(projects: readonly ProjectResult[], method: Method): SafeHtml {
  const columns = classColumns(projects)
  if (projects.length === 0 || columns.length === 0) {
    return html`<p>No class has objects to score.</p>`
  }
  const metric = classHeatmapMetric(method)
  const label = labelsUnder(metricFacts(metric), method).label
  const rows = projects.map((project) => {
    const byHash = new Map(project.perClass.map((metrics) => [metrics.featureHash, metrics]))
    const cells = columns.map((column) => {
      const metrics = byHash.get(column.featureHash)
      const value = metrics === undefined ? null : scoreOf(metrics, metric)
      const objects = metrics?.benchmarkObjects ?? 0
      return html`<td
        class="num"
        style="${heatStyle(value)}"
        title="${`${column.className}: ${objects} benchmark objects`}"
      >
        ${formatScore(value)}
      </td>`
    })
    return html`<tr>
      <th scope="row">
        ${project.annotator ?? MISSING}<br /><span class="muted">${project.projectTitle}</span>
      </th>
      ${cells}
    </tr>`
  })
  return html`<div class="scroll">
    <table class="heat" id="class-heatmap">
      <caption>
        ${label} per class and annotator: darker is higher; ${MISSING} where the class has nothing
        to score.
      </caption>
      <thead>
        <tr>
          <th scope="col">Annotator</th>
          ${columns.map((column) => html`<th scope="col" class="num">${column.className}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
}

type Label = string | null

/** Labels in first-seen order of `classOrder`, then any others, `(unmatched)` last. */
function ordered(labels: readonly Label[], classOrder: readonly string[]): Label[] {
  const seen = new Set(labels)
  const known = classOrder.filter((name) => seen.has(name))
  const others = [...seen].filter(
    (label): label is string => label !== null && !classOrder.includes(label)
  )
  return [...known, ...others, ...(seen.has(null) ? [null] : [])]
}

export function confusionHeatmap(
  cells: readonly ConfusionCell[],
  classOrder: readonly string[],
  id: string
): SafeHtml {
  const present = cells.filter((cell) => cell.count > 0)
  if (present.length === 0) return html`<p>No objects to compare.</p>`
  const benchmark = ordered(
    present.map((cell) => cell.benchmark),
    classOrder
  )
  const training = ordered(
    present.map((cell) => cell.training),
    classOrder
  )
  const key = (b: Label, t: Label): string => JSON.stringify([b, t])
  const counts = new Map<string, number>()
  const rowTotals = new Map<Label, number>()
  for (const cell of present) {
    counts.set(
      key(cell.benchmark, cell.training),
      (counts.get(key(cell.benchmark, cell.training)) ?? 0) + cell.count
    )
    rowTotals.set(cell.benchmark, (rowTotals.get(cell.benchmark) ?? 0) + cell.count)
  }
  const name = (label: Label): string => label ?? UNMATCHED
  const rows = benchmark.map((b) => {
    const total = rowTotals.get(b) ?? 0
    const cellsOfRow = training.map((t) => {
      const count = counts.get(key(b, t)) ?? 0
      const agrees = b !== null && b === t
      return html`<td class="num" style="${heatStyle(total === 0 ? null : count / total)}">
        ${agrees && count > 0 ? html`<strong>${count}</strong>` : count}
      </td>`
    })
    return html`<tr>
      <th scope="row">${name(b)}</th>
      ${cellsOfRow}
      <td class="num">${total}</td>
    </tr>`
  })
  return html`<div class="scroll">
    <table class="heat confusion" id="${id}">
      <caption>
        Benchmark class (rows) against the annotator's class (columns), in objects; shaded by share
        of the row; agreements in bold. ${UNMATCHED}: extra (row) or missed (column).
      </caption>
      <thead>
        <tr>
          <th scope="col">Benchmark ↓ / Annotator →</th>
          ${training.map((t) => html`<th scope="col" class="num">${name(t)}</th>`)}
          <th scope="col" class="num">Total</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
}
