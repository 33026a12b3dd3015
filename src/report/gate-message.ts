/**
 * The gate's verdict in words for the step: the one `setFailed` line (who failed which threshold
 * and by how much, which projects could not be evaluated), and one warning per annotator whose
 * verdict is inconclusive or rests on too little evidence.
 */
import type { AnnotatorVerdict } from '../results/gate.js'
import { metricFacts } from '../results/metrics.js'
import type { GateVerdict, RunResult } from '../results/run-result.js'
import { comparisonSign } from './comparison.js'
import { formatInterval, formatThreshold } from './format.js'

/** `settings` (the run's) names the unsettled verdicts too when they fail the step. */
export function describeVerdict(
  verdict: GateVerdict,
  settings?: Pick<RunResult['settings'], 'onInconclusive' | 'minDataUnits'>
): string {
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
  // With on-inconclusive: fail the unsettled verdicts fail the step too, so the line names them.
  const unsettled = verdict.verdicts.filter(isUnsettled)
  if (settings?.onInconclusive === 'fail' && unsettled.length > 0) {
    const reasons = unsettled.map((item) => unsettledReason(item, settings.minDataUnits))
    parts.push(`No clear verdict (on-inconclusive: fail): ${reasons.join('; ')}`)
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

export function isUnsettled(verdict: AnnotatorVerdict): boolean {
  return verdict.verdict === 'inconclusive' || verdict.verdict === 'insufficient-evidence'
}

/**
 * One line per unsettled annotator, e.g. `alice@example.com is inconclusive: F1 0.790
 * (0.712–0.861) straddles min-f1 0.8` or `bob@example.com has insufficient evidence: 6 benchmark
 * data units scored, min-data-units is 10`.
 */
export function unsettledWarnings(result: RunResult): string[] {
  return result.gate.verdicts
    .filter(isUnsettled)
    .map((verdict) => unsettledReason(verdict, result.settings.minDataUnits))
}

function unsettledReason(verdict: AnnotatorVerdict, minDataUnits: number): string {
  const who = verdict.annotator ?? verdict.projectHash
  if (verdict.verdict === 'insufficient-evidence') {
    return (
      `${who} has insufficient evidence: ${verdict.dataUnits} benchmark data unit${verdict.dataUnits === 1 ? '' : 's'} ` +
      `scored (${verdict.benchmarkObjects} benchmark objects), min-data-units is ${minDataUnits}`
    )
  }
  const straddled = verdict.checks
    .filter((check) => check.outcome === 'inconclusive')
    .map((check) => {
      const { label } = metricFacts(check.metric)
      const actual = check.actual === null ? 'n/a' : check.actual.toFixed(3)
      return `${label} ${actual} ${formatInterval(check.interval)} straddles ${check.input} ${formatThreshold(check.threshold)}`
    })
  return `${who} is inconclusive: ${straddled.join(', ')}`
}
