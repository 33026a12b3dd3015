/**
 * Every worst item the run kept (up to `report-items` per project), in one table with links to
 * the annotator's task and to the same frame in the benchmark project. Filters by kind, class and
 * annotator appear when the script runs; without it the whole table is there to read.
 */
import type { ProjectResult } from '../../results/run-result.js'
import type { WorstItem, WorstKind } from '../../results/worst-items.js'
import { formatScore, MISSING } from '../format.js'
import { itemFrameText } from '../worst-items-table.js'
import { sortable } from './leaderboard.js'
import { html, safeHref, type SafeHtml } from './escape.js'

export const KIND_LABEL: Record<WorstKind, string> = {
  missed: 'missed',
  extra: 'extra',
  'wrong-class': 'wrong class',
  'no-match': 'no match',
  'low-iou': 'low IoU',
  'id-switch': 'ID switch',
  fragmented: 'fragmented'
}

const KIND_ORDER: readonly WorstKind[] = [
  'missed',
  'extra',
  'wrong-class',
  'no-match',
  'low-iou',
  'id-switch',
  'fragmented'
]

export const WORST_ITEMS_TABLE_ID = 'worst-items'

function link(url: string | null, text: string): SafeHtml {
  const href = safeHref(url)
  return href === null
    ? html`<span class="muted">${MISSING}</span>`
    : html`<a href="${href}" rel="noopener noreferrer">${text}</a>`
}

function itemRow(project: ProjectResult, item: WorstItem): SafeHtml {
  const annotator = project.annotator ?? MISSING
  return html`<tr
    data-kind="${item.kind}"
    data-annotator="${annotator}"
    data-benchmark-class="${item.benchmarkClass ?? ''}"
    data-training-class="${item.trainingClass ?? ''}"
  >
    <td>${annotator}</td>
    <td>${KIND_LABEL[item.kind]}</td>
    <td>${item.dataTitle}</td>
    <td class="num">${itemFrameText(item)}</td>
    <td>${item.benchmarkClass ?? MISSING}</td>
    <td>${item.trainingClass ?? MISSING}</td>
    <td class="num" data-sort="${sortable(item.iou)}">${formatScore(item.iou)}</td>
    <td>${link(item.trainingUrl, 'task')}</td>
    <td>${link(item.benchmarkUrl, 'benchmark')}</td>
  </tr>`
}

function options(values: readonly string[], label: (value: string) => string): SafeHtml {
  return html`<option value="">all</option>
    ${values.map((value) => html`<option value="${value}">${label(value)}</option>`)}`
}

export function worstItemsSection(projects: readonly ProjectResult[]): SafeHtml {
  const rows = projects.flatMap((project) =>
    project.worstItems.map((item) => itemRow(project, item))
  )
  if (rows.length === 0)
    return html`<p>No worst items: nothing was missed, extra or mislabelled.</p>`
  const items = projects.flatMap((project) => project.worstItems)
  const kinds = KIND_ORDER.filter((kind) => items.some((item) => item.kind === kind))
  const classes = [
    ...new Set(
      items
        .flatMap((item) => [item.benchmarkClass, item.trainingClass])
        .filter((name): name is string => name !== null)
    )
  ].sort((a, b) => a.localeCompare(b))
  const annotators = [...new Set(projects.map((project) => project.annotator ?? MISSING))]
  const linked = items.some((item) => item.trainingUrl !== null)
  return html`<form class="filters" data-filters="${WORST_ITEMS_TABLE_ID}" hidden>
      <label
        >Kind
        <select name="kind">
          ${options(kinds, (kind) => KIND_LABEL[kind as WorstKind])}
        </select></label
      >
      <label
        >Class
        <select name="class">
          ${options(classes, (name) => name)}
        </select></label
      >
      <label
        >Annotator
        <select name="annotator">
          ${options(annotators, (name) => name)}
        </select></label
      >
      <p data-filter-count aria-live="polite"></p>
    </form>
    ${linked ? html`` : html`<p class="muted">This run has no editor links (offline without <code>encord-app-url</code>, or a private API without it).</p>`}
    <div class="scroll">
      <table id="${WORST_ITEMS_TABLE_ID}" data-sortable>
        <caption>
          ${rows.length} items: per annotator the first misses, extras and wrong classes, and the
          lowest overlaps.
        </caption>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Kind</th>
            <th scope="col">Data unit</th>
            <th scope="col" class="num" data-type="number">Frame</th>
            <th scope="col">Benchmark class</th>
            <th scope="col">Annotator's class</th>
            <th scope="col" class="num" data-type="number">IoU</th>
            <th scope="col">Annotator's task</th>
            <th scope="col">Benchmark</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`
}
