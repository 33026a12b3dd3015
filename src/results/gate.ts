/**
 * The quality gate: compares every evaluated annotator with every threshold that is set.
 * Pure; the sinks decide how to report the verdict.
 */
import { GATE_METRICS, meetsThreshold, metricFacts, scoreOf, type Thresholds } from './metrics.js'
import type { GateFailure, GateVerdict, ProjectOutcome } from './run-result.js'

export function applyGate(
  projects: readonly ProjectOutcome[],
  thresholds: Thresholds
): GateVerdict {
  const failures: GateFailure[] = []
  const failedProjects = []
  for (const outcome of projects) {
    if (outcome.status === 'failed') {
      failedProjects.push(outcome.failure)
      continue
    }
    const { evaluation } = outcome
    for (const metric of GATE_METRICS) {
      const threshold = thresholds[metric]
      if (threshold === undefined) continue
      const actual = scoreOf(evaluation.overall, metric)
      if (!meetsThreshold(metricFacts(metric).direction, actual, threshold)) {
        failures.push({
          projectHash: evaluation.projectHash,
          annotator: evaluation.annotator,
          metric,
          threshold,
          actual
        })
      }
    }
  }
  return { passed: failures.length === 0 && failedProjects.length === 0, failures, failedProjects }
}
