/**
 * Confusion matrix, benchmark class × training class, with null standing for "no object" on that
 * side: (class, null) counts misses and (null, class) extras. Class names are the ontology's,
 * made unique when two classes share a name. Cells come in ontology order, "no object" last.
 */
import { classLabel, orderOf, type FeatureCatalogue } from './feature-catalogue.js'
import type { ConfusionCell, ObjectRef } from './types.js'

export interface ConfusionEntry {
  benchmark: ObjectRef | null
  training: ObjectRef | null
}

export function confusionMatrix(
  index: FeatureCatalogue,
  entries: Iterable<ConfusionEntry>
): ConfusionCell[] {
  type Cell = ConfusionCell & { order: [number, number] }
  // Benchmark feature hash → training feature hash → cell ('' stands for "no object").
  const cells = new Map<string, Map<string, Cell>>()
  const position = (ref: ObjectRef | null): number =>
    ref ? orderOf(index, ref.featureHash) : Number.POSITIVE_INFINITY
  const label = (ref: ObjectRef | null): string | null =>
    ref ? classLabel(index, ref.featureHash, ref.className) : null
  for (const { benchmark, training } of entries) {
    const rowKey = benchmark?.featureHash ?? ''
    const columnKey = training?.featureHash ?? ''
    let row = cells.get(rowKey)
    if (!row) cells.set(rowKey, (row = new Map()))
    const cell = row.get(columnKey)
    if (cell) cell.count += 1
    else
      row.set(columnKey, {
        benchmark: label(benchmark),
        training: label(training),
        count: 1,
        order: [position(benchmark), position(training)]
      })
  }
  return [...cells.values()]
    .flatMap((row) => [...row.values()])
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map(({ benchmark, training, count }) => ({ benchmark, training, count }))
}
