/**
 * Where each training project stands: its scores, each threshold that is set and whether it was
 * met, and the verdict over the run. Every report (summary, comment, terminal, outputs) reads
 * these, so they all agree on who passed.
 *
 * Pass or fail comes from the gate (`result.gate`), never recomputed here: the gate owns the rule
 * (including that a score that cannot be computed fails a set threshold).
 */
import type { InputName } from '../inputs.js'
import { GATE_METRICS, scoreOf, thresholdInput, type GateMetric } from './metrics.js'
import type { ProjectFailure, ProjectResult, RunResult } from './run-result.js'

export interface ThresholdCheck {
  metric: GateMetric
  /** The input that set it, e.g. `min-mean-iou`. */
  input: InputName
  threshold: number
  actual: number | null
  passed: boolean
}

export type Standing =
  | {
      status: 'evaluated'
      evaluation: ProjectResult
      passed: boolean
      checks: ThresholdCheck[]
    }
  | { status: 'failed'; failure: ProjectFailure }

export type EvaluatedStanding = Extract<Standing, { status: 'evaluated' }>

export function isEvaluated(standing: Standing): standing is EvaluatedStanding {
  return standing.status === 'evaluated'
}

/** One standing per training project, in input order. */
export function standings(result: RunResult): Standing[] {
  const failed = new Map<string, Map<GateMetric, number | null>>()
  for (const failure of result.gate.failures) {
    const metrics = failed.get(failure.projectHash) ?? new Map<GateMetric, number | null>()
    metrics.set(failure.metric, failure.actual)
    failed.set(failure.projectHash, metrics)
  }
  return result.projects.map((outcome): Standing => {
    if (outcome.status === 'failed') return { status: 'failed', failure: outcome.failure }
    const { evaluation } = outcome
    const failedMetrics = failed.get(evaluation.projectHash)
    const checks = thresholdsSet(result).map(([metric, threshold]): ThresholdCheck => {
      const passed = !(failedMetrics?.has(metric) ?? false)
      const actual = passed
        ? scoreOf(evaluation.overall, metric)
        : (failedMetrics?.get(metric) ?? null)
      return { metric, input: thresholdInput(metric), threshold, actual, passed }
    })
    return { status: 'evaluated', evaluation, passed: failedMetrics === undefined, checks }
  })
}

/** The thresholds that are set, in metric order. */
export function thresholdsSet(result: RunResult): [GateMetric, number][] {
  return GATE_METRICS.flatMap((metric) => {
    const threshold = result.settings.thresholds[metric]
    return threshold === undefined ? [] : [[metric, threshold] as [GateMetric, number]]
  })
}

export interface Verdict {
  /** The gate's verdict: the run passes. */
  passed: boolean
  /** Training projects given. */
  total: number
  evaluated: number
  /** Evaluated and met every threshold that is set. */
  passedAnnotators: number
  /** Evaluated and missed at least one threshold. */
  failedAnnotators: number
  /** Could not be evaluated. */
  notEvaluated: number
  /** Inputs of the thresholds someone missed, in metric order. */
  missedThresholds: InputName[]
  thresholdsSet: boolean
}

export function verdictOf(result: RunResult, all: Standing[] = standings(result)): Verdict {
  const evaluated = all.filter(isEvaluated)
  const passedAnnotators = evaluated.filter((standing) => standing.passed).length
  const missed = new Set(result.gate.failures.map((failure) => failure.metric))
  return {
    passed: result.gate.passed,
    total: all.length,
    evaluated: evaluated.length,
    passedAnnotators,
    failedAnnotators: evaluated.length - passedAnnotators,
    notEvaluated: all.length - evaluated.length,
    missedThresholds: GATE_METRICS.filter((metric) => missed.has(metric)).map(thresholdInput),
    thresholdsSet: thresholdsSet(result).length > 0
  }
}
