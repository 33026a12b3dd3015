/**
 * Track metrics of one training project over every video data unit: per benchmark class, overall
 * (the classes summed: matches, candidates and the identity assignment are all within a class),
 * and the ID switches and fragmentations as events for the worst items.
 */
import { addIdentityCounts } from './identity.js'
import { clearMotCounts } from './clear-mot.js'
import { addTrackingCounts, emptyTrackingCounts, withTrackingScores } from './counts.js'
import type { TrackedUnit, TrackEvent, TrackingCounts, TrackingMetrics } from './types.js'

export interface ClassTracking extends TrackingMetrics {
  featureHash: string
  className: string
}

export interface ProjectTracking {
  overall: TrackingMetrics
  /** In the order of `classes`; classes with nothing on any video are left out. */
  perClass: ClassTracking[]
  events: TrackEvent[]
}

/** Null when there is no video data unit: a run without video has no tracking block. */
export function trackingMetrics(
  units: readonly TrackedUnit[],
  classes: readonly { featureHash: string; className: string }[]
): ProjectTracking | null {
  if (units.length === 0) return null
  const byClass = new Map<string, TrackingCounts>()
  const countsOf = (featureHash: string): TrackingCounts => {
    let counts = byClass.get(featureHash)
    if (counts === undefined) byClass.set(featureHash, (counts = emptyTrackingCounts()))
    return counts
  }
  const events: TrackEvent[] = []
  for (const unit of units) {
    events.push(...clearMotCounts(unit, countsOf))
    addIdentityCounts(unit, countsOf)
  }
  const overall = emptyTrackingCounts()
  const perClass: ClassTracking[] = []
  for (const { featureHash, className } of classes) {
    const counts = byClass.get(featureHash)
    if (counts === undefined) continue
    counts.idFalseNegatives = counts.benchmarkInstances - counts.idTruePositives
    counts.idFalsePositives = counts.trainingInstances - counts.idTruePositives
    addTrackingCounts(overall, counts)
    perClass.push({ featureHash, className, ...withTrackingScores(counts) })
  }
  return { overall: withTrackingScores(overall), perClass, events }
}
