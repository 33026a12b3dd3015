/**
 * The action's outputs, as the strings `core.setOutput` will write. The JSON outputs are compact
 * (no per-object data) and meant for `fromJSON()` in later steps:
 *
 * - `passed`: `true` or `false`, the gate's verdict.
 * - `annotators`: how many training projects were evaluated.
 * - `failed-annotators`: JSON array, one entry per training project that failed the gate
 *   (`reason: "below-threshold"`, with the threshold inputs it missed) or could not be evaluated
 *   (`reason: "not-evaluated"`, with the error), in input order.
 * - `results`: JSON array, one entry per training project in input order:
 *   `{ project, title, annotator, passed, verdict, dataUnits, benchmarkObjects, <scores>,
 *   intervals, failedThresholds }` where the scores are those the method computes, named and
 *   ordered as in `METRICS`, full precision, null when they cannot be computed; `verdict` is
 *   `pass`, `fail`, `inconclusive` or `insufficient-evidence`; `intervals` has each score's
 *   `{ low, high }` (null when undefined), or is null when intervals are off; or
 *   `{ project, title, annotator: null, passed: false, verdict: null, error }` for a project that
 *   could not be evaluated. With history read, an evaluated entry also has `previous` (the
 *   scores of the attempt before, or null) and `attempts`.
 * - `inconclusive-annotators`: JSON array, one entry per annotator whose verdict is `inconclusive`
 *   (with the threshold inputs whose intervals straddle the threshold) or `insufficient-evidence`
 *   (with the data units scored and the minimum), in input order.
 *
 * - `benchmark-suspects`: how many benchmark labels the audit flags (`results/audit.ts`).
 *
 * The other outputs (file paths, artifact, comment) come from the sinks that produce them.
 */
import type { OutputName } from '../inputs.js'
import { metricsShownIn, scoreOf } from '../results/metrics.js'
import type { RunResult } from '../results/run-result.js'
import { standings, type Standing } from '../results/standings.js'

/** The outputs that describe the scores. */
export const SCORE_OUTPUTS = [
  'passed',
  'annotators',
  'failed-annotators',
  'results',
  'inconclusive-annotators',
  'benchmark-suspects'
] as const

export type ScoreOutputName = (typeof SCORE_OUTPUTS)[number] & OutputName

export function buildOutputs(result: RunResult): Record<ScoreOutputName, string> {
  const all = standings(result)
  return {
    passed: String(result.gate.passed),
    annotators: String(all.filter((standing) => standing.status === 'evaluated').length),
    'failed-annotators': JSON.stringify(all.flatMap(failedEntry)),
    results: JSON.stringify(all.map((standing) => resultEntry(result, standing))),
    'inconclusive-annotators': JSON.stringify(
      all.flatMap((standing) => unsettledEntry(result, standing))
    ),
    'benchmark-suspects': String(result.audit?.suspects.length ?? 0)
  }
}

function unsettledEntry(result: RunResult, standing: Standing): object[] {
  if (standing.status === 'failed') return []
  const { evaluation } = standing
  const who = {
    project: evaluation.projectHash,
    title: evaluation.projectTitle,
    annotator: evaluation.annotator
  }
  if (standing.verdict === 'inconclusive') {
    return [
      {
        ...who,
        verdict: standing.verdict,
        thresholds: standing.checks
          .filter((check) => check.outcome === 'inconclusive')
          .map((check) => check.input)
      }
    ]
  }
  if (standing.verdict === 'insufficient-evidence') {
    return [
      {
        ...who,
        verdict: standing.verdict,
        dataUnits: standing.dataUnits,
        minDataUnits: result.settings.minDataUnits
      }
    ]
  }
  return []
}

function failedEntry(standing: Standing): object[] {
  if (standing.status === 'failed') {
    const { failure } = standing
    return [
      {
        project: failure.projectHash,
        title: failure.projectTitle,
        annotator: null,
        reason: 'not-evaluated',
        error: failure.message
      }
    ]
  }
  if (standing.verdict !== 'fail') return []
  const { evaluation } = standing
  return [
    {
      project: evaluation.projectHash,
      title: evaluation.projectTitle,
      annotator: evaluation.annotator,
      reason: 'below-threshold',
      thresholds: standing.checks
        .filter((check) => check.outcome === 'fail')
        .map((check) => check.input)
    }
  ]
}

function resultEntry(result: RunResult, standing: Standing): object {
  if (standing.status === 'failed') {
    const { failure } = standing
    return {
      project: failure.projectHash,
      title: failure.projectTitle,
      annotator: null,
      passed: false,
      verdict: null,
      error: failure.message
    }
  }
  const { evaluation } = standing
  const scores = Object.fromEntries(
    metricsShownIn(result).map((metric) => [metric.name, scoreOf(evaluation.overall, metric.name)])
  )
  const intervals =
    evaluation.intervals === null
      ? null
      : Object.fromEntries(
          metricsShownIn(result).map((metric) => [
            metric.name,
            evaluation.intervals?.overall[metric.name] ?? null
          ])
        )
  return {
    project: evaluation.projectHash,
    title: evaluation.projectTitle,
    annotator: evaluation.annotator,
    passed: standing.passed,
    verdict: standing.verdict,
    dataUnits: standing.dataUnits,
    benchmarkObjects: standing.benchmarkObjects,
    ...scores,
    intervals,
    failedThresholds: standing.checks
      .filter((check) => check.outcome === 'fail')
      .map((check) => check.input),
    ...historyEntry(result, evaluation.projectHash)
  }
}

/**
 * With history read: `previous` (the scores of the attempt before this run's, or null on the
 * first) and `attempts` (how many, this run's included). Without history, neither key.
 */
function historyEntry(result: RunResult, projectHash: string): object {
  const project = result.history?.projects.find((entry) => entry.projectHash === projectHash)
  if (project === undefined) return {}
  const previous =
    project.previous === null
      ? null
      : Object.fromEntries(
          metricsShownIn(result).map((metric) => [
            metric.name,
            project.previous?.scores[metric.name] ?? null
          ])
        )
  return { previous, attempts: project.attempts.length }
}
