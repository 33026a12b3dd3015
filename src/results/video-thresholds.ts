/**
 * The track scores' thresholds (`min-idf1`, `min-mota`) need video: on a benchmark without a video
 * data unit there is no track to score, and a gate on a score that cannot exist would fail every
 * annotator for a reason they cannot fix. Said once the benchmark is loaded, before any verdict.
 */
import { InputError } from '../errors.js'
import { METRICS, type Thresholds } from './metrics.js'

export function checkVideoThresholds(thresholds: Thresholds, benchmarkVideoRows: number): void {
  if (benchmarkVideoRows > 0) return
  for (const metric of METRICS) {
    if (!('videoOnly' in metric) || metric.threshold === null) continue
    if (thresholds[metric.name] === undefined) continue
    throw new InputError(
      `Input '${metric.threshold}' needs video: the benchmark has no video data unit, so there are no tracks to score ${metric.phrase} on; remove ${metric.threshold}`,
      metric.threshold
    )
  }
}
