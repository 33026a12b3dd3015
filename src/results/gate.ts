/**
 * The quality gate: compares every evaluated annotator with every threshold that is set.
 * Pure; the sinks decide how to report the verdict.
 */
import type { GateMetric, Thresholds } from '../config.js'
import type { GateFailure, GateVerdict, ProjectOutcome } from './run-result.js'

/** Threshold order in messages and reports. */
export const GATE_METRICS: readonly GateMetric[] = [
  'meanIou',
  'classAccuracy',
  'precision',
  'recall',
  'f1'
]

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
      const actual = evaluation.overall[metric]
      // A score that cannot be computed (e.g. no benchmark objects) cannot show the bar is met.
      if (actual === null || actual < threshold) {
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

const METRIC_LABELS: Record<GateMetric, string> = {
  meanIou: 'mean IoU',
  classAccuracy: 'class accuracy',
  precision: 'precision',
  recall: 'recall',
  f1: 'F1'
}

export function metricLabel(metric: GateMetric): string {
  return METRIC_LABELS[metric]
}

/** The one `setFailed` line: who failed which threshold and by how much, and which projects failed. */
export function describeVerdict(verdict: GateVerdict): string {
  const parts: string[] = []
  if (verdict.failures.length > 0) {
    const items = verdict.failures.map((failure) => {
      const who = failure.annotator ?? failure.projectHash
      const actual =
        failure.actual === null
          ? 'n/a'
          : `${failure.actual.toFixed(3)} (${(failure.actual - failure.threshold).toFixed(3)})`
      return `${who} ${METRIC_LABELS[failure.metric]} ${actual} < ${failure.threshold}`
    })
    parts.push(`Quality gate failed: ${items.join('; ')}`)
  }
  if (verdict.failedProjects.length > 0) {
    const items = verdict.failedProjects.map(
      (failure) => `${failure.projectHash}: ${failure.message}`
    )
    parts.push(
      `${verdict.failedProjects.length} training project${verdict.failedProjects.length === 1 ? '' : 's'} could not be evaluated: ${items.join('; ')}`
    )
  }
  return parts.join('. ')
}
