/**
 * The gate's verdict as the one `setFailed` line: who failed which threshold and by how much, and
 * which projects could not be evaluated.
 */
import { metricFacts } from '../results/metrics.js'
import type { GateVerdict } from '../results/run-result.js'
import { comparisonSign } from './comparison.js'

export function describeVerdict(verdict: GateVerdict): string {
  const parts: string[] = []
  if (verdict.failures.length > 0) {
    const items = verdict.failures.map((failure) => {
      const who = failure.annotator ?? failure.projectHash
      const { phrase, direction } = metricFacts(failure.metric)
      const actual =
        failure.actual === null
          ? 'n/a'
          : `${failure.actual.toFixed(3)} (${(failure.actual - failure.threshold).toFixed(3)})`
      return `${who} ${phrase} ${actual} ${comparisonSign(direction, false)} ${failure.threshold}`
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
