/** Tracking counts: empty, summed, and turned into scores. */
import type { TrackingCounts, TrackingMetrics } from './types.js'

export function emptyTrackingCounts(): TrackingCounts {
  return {
    benchmarkInstances: 0,
    trainingInstances: 0,
    matches: 0,
    misses: 0,
    falsePositives: 0,
    idSwitches: 0,
    fragmentations: 0,
    similaritySum: 0,
    idTruePositives: 0,
    idFalseNegatives: 0,
    idFalsePositives: 0,
    benchmarkTracks: 0,
    trainingTracks: 0,
    mostlyTracked: 0,
    partiallyTracked: 0,
    mostlyLost: 0
  }
}

/** Adds `more` into `into`, field by field. */
export function addTrackingCounts(into: TrackingCounts, more: TrackingCounts): void {
  for (const key of Object.keys(into) as (keyof TrackingCounts)[]) into[key] += more[key]
}

const ratio = (top: number, bottom: number): number | null => (bottom > 0 ? top / bottom : null)

export function withTrackingScores(counts: TrackingCounts): TrackingMetrics {
  const gt = counts.benchmarkInstances
  const idtp = counts.idTruePositives
  return {
    ...counts,
    mota: gt > 0 ? 1 - (counts.misses + counts.falsePositives + counts.idSwitches) / gt : null,
    motp: ratio(counts.similaritySum, counts.matches),
    idf1: ratio(2 * idtp, 2 * idtp + counts.idFalsePositives + counts.idFalseNegatives),
    idPrecision: ratio(idtp, counts.trainingInstances),
    idRecall: ratio(idtp, gt)
  }
}
