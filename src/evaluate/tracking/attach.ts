/**
 * Puts a project's track metrics beside its frame scores: a `tracking` block on the overall and
 * on each class scored on video, and IDF1 and MOTA among the scores, where the gate and the
 * renderers read every score (`results/metrics.ts`). Without video nothing changes.
 */
import type { ClassMetrics, Metrics } from '../types.js'
import type { ProjectTracking } from './track-metrics.js'
import type { TrackingMetrics } from './types.js'

function withTracking<T extends Metrics>(metrics: T, tracking: TrackingMetrics | undefined): T {
  if (tracking === undefined) return metrics
  const { idf1, idSwitches, mota } = tracking
  return { ...metrics, idf1, idSwitches, mota, tracking }
}

export function attachTracking(
  overall: Metrics,
  perClass: ClassMetrics[],
  tracking: ProjectTracking | null
): { overall: Metrics; perClass: ClassMetrics[] } {
  if (tracking === null) return { overall, perClass }
  const byClass = new Map(tracking.perClass.map((entry) => [entry.featureHash, entry]))
  return {
    overall: withTracking(overall, tracking.overall),
    perClass: perClass.map((metrics) => {
      const entry = byClass.get(metrics.featureHash)
      if (entry === undefined) return metrics
      const { featureHash: _hash, className: _name, ...counts } = entry
      return withTracking(metrics, counts)
    })
  }
}
