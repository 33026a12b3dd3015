/**
 * The identity measures (Ristani et al., 2016): one global one-to-one assignment between the
 * benchmark tracks and the training tracks of one video and class, chosen to maximise the number
 * of frames on which the paired tracks are both present and their similarity reaches the
 * threshold (IDTP). Solved with the same Hungarian solver as the per-frame matching.
 */
import { maxWeightMatching, type Edge } from '../matching.js'
import type { TrackedUnit, TrackingCounts } from './types.js'

/**
 * The best total of a co-occurrence matrix (benchmark tracks × training tracks, frames on which
 * the pair could match) over one-to-one assignments, and the pairs that reach it.
 */
export function bestIdentityAssignment(cooccurrence: readonly (readonly number[])[]): {
  pairs: [benchmark: number, training: number][]
  total: number
} {
  const edges: Edge[] = []
  cooccurrence.forEach((line, row) =>
    line.forEach((weight, column) => {
      if (weight > 0) edges.push({ row, column, weight })
    })
  )
  const pairs = maxWeightMatching(edges)
  const total = pairs.reduce((sum, [r, c]) => sum + (cooccurrence[r]?.[c] ?? 0), 0)
  return { pairs, total }
}

/**
 * Adds each class's IDTP of this video to its counts; IDFN and IDFP follow from the instance
 * counts once every video is in (`track-metrics.ts`).
 */
export function addIdentityCounts(
  unit: TrackedUnit,
  countsOf: (featureHash: string) => TrackingCounts
): void {
  // featureHash → benchmark object hash → training object hash → frames.
  const byClass = new Map<string, Map<string, Map<string, number>>>()
  for (const frame of unit.frames) {
    for (const { benchmark, training } of frame.candidates) {
      let rows = byClass.get(benchmark.featureHash)
      if (rows === undefined) byClass.set(benchmark.featureHash, (rows = new Map()))
      let line = rows.get(benchmark.objectHash)
      if (line === undefined) rows.set(benchmark.objectHash, (line = new Map()))
      line.set(training.objectHash, (line.get(training.objectHash) ?? 0) + 1)
    }
  }
  for (const [featureHash, rows] of byClass) {
    const columns = new Map<string, number>()
    const matrix = [...rows.values()].map((line) => {
      const row: number[] = []
      for (const [hash, frames] of line) {
        let column = columns.get(hash)
        if (column === undefined) columns.set(hash, (column = columns.size))
        row[column] = frames
      }
      return row
    })
    const filled = matrix.map((row) => Array.from({ length: columns.size }, (_, c) => row[c] ?? 0))
    countsOf(featureHash).idTruePositives += bestIdentityAssignment(filled).total
  }
}
