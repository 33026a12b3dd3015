/**
 * The confusion matrix in markdown: benchmark classes down, training classes across, with an
 * `(unmatched)` row (extras: training objects no benchmark object was paired with) and column
 * (misses), as CVAT shows it. Beyond a dozen classes a matrix is unreadable in a PR, so the
 * non-zero pairs are listed instead, most frequent first.
 */
import type { ConfusionCell } from '../evaluate/types.js'
import { escapeMarkdown } from './markdown-escape.js'
import { table, type Column } from './markdown-table.js'

export const UNMATCHED = '(unmatched)'
const MAX_MATRIX_CLASSES = 12
const MAX_PAIRS = 30

export function confusionMarkdown(
  cells: readonly ConfusionCell[],
  classOrder: readonly string[]
): string {
  const present = cells.filter((cell) => cell.count > 0)
  if (present.length === 0) return '_No objects to compare._\n'
  const benchmark = ordered(
    present.map((cell) => cell.benchmark),
    classOrder
  )
  const training = ordered(
    present.map((cell) => cell.training),
    classOrder
  )
  return benchmark.length <= MAX_MATRIX_CLASSES && training.length <= MAX_MATRIX_CLASSES
    ? matrix(present, benchmark, training)
    : pairs(present)
}

/** Labels in the order of `classOrder`, then any others as first seen, `(unmatched)` last. */
function ordered(
  labels: readonly (string | null)[],
  classOrder: readonly string[]
): (string | null)[] {
  const seen = new Set(labels)
  const known = classOrder.filter((name) => seen.has(name))
  const others = [...seen].filter(
    (label): label is string => label !== null && !classOrder.includes(label)
  )
  return [...known, ...others, ...(seen.has(null) ? [null] : [])]
}

function label(name: string | null): string {
  return name === null ? UNMATCHED : escapeMarkdown(name, 60)
}

function matrix(
  cells: readonly ConfusionCell[],
  benchmark: readonly (string | null)[],
  training: readonly (string | null)[]
): string {
  const counts = new Map<string, number>()
  const key = (b: string | null, t: string | null): string => JSON.stringify([b, t])
  for (const cell of cells) {
    counts.set(
      key(cell.benchmark, cell.training),
      (counts.get(key(cell.benchmark, cell.training)) ?? 0) + cell.count
    )
  }
  const columns: Column[] = [
    { header: 'Benchmark ↓ / Training →' },
    ...training.map((name): Column => ({ header: label(name), align: 'right' }))
  ]
  const rows = benchmark.map((b) => [
    `**${label(b)}**`,
    ...training.map((t) => String(counts.get(key(b, t)) ?? 0))
  ])
  return table(columns, rows)
}

function pairs(cells: readonly ConfusionCell[]): string {
  const sorted = [...cells].sort((a, b) => b.count - a.count)
  const rows = sorted
    .slice(0, MAX_PAIRS)
    .map((cell) => [label(cell.benchmark), label(cell.training), String(cell.count)])
  const columns: Column[] = [
    { header: 'Benchmark class' },
    { header: 'Training class' },
    { header: 'Count', align: 'right' }
  ]
  const more = sorted.length - rows.length
  const note = more > 0 ? `\n_${more} more pairs are in report.json._\n` : ''
  return table(columns, rows) + note
}
