/**
 * Where each training project stands: its scores, each threshold that is set and how it came out,
 * and its verdict. Every report (summary, comment, terminal, outputs) reads these, so they all
 * agree on who passed.
 *
 * Verdicts come from the gate (`result.gate`), never recomputed here: the gate owns the rule
 * (including that a score that cannot be computed fails a set threshold).
 */
import type { InputName } from '../inputs.js'
import type { AnnotatorVerdict, ThresholdCheck, VerdictName } from './gate.js'
import { GATE_METRICS, thresholdInput, type GateMetric } from './metrics.js'
import type { ProjectFailure, ProjectResult, RunResult } from './run-result.js'

export type { ThresholdCheck, VerdictName } from './gate.js'

export type Standing =
  | {
      status: 'evaluated'
      evaluation: ProjectResult
      verdict: VerdictName
      /** `verdict === 'pass'`. */
      passed: boolean
      /** Benchmark data units and benchmark objects the verdict rests on. */
      dataUnits: number
      benchmarkObjects: number
      checks: ThresholdCheck[]
    }
  | { status: 'failed'; failure: ProjectFailure }

export type EvaluatedStanding = Extract<Standing, { status: 'evaluated' }>

export function isEvaluated(standing: Standing): standing is EvaluatedStanding {
  return standing.status === 'evaluated'
}

/** One standing per training project, in input order. */
export function standings(result: RunResult): Standing[] {
  const verdicts = new Map<string, AnnotatorVerdict>(
    result.gate.verdicts.map((verdict) => [verdict.projectHash, verdict])
  )
  return result.projects.map((outcome): Standing => {
    if (outcome.status === 'failed') return { status: 'failed', failure: outcome.failure }
    const { evaluation } = outcome
    const verdict = verdicts.get(evaluation.projectHash)
    if (verdict === undefined)
      throw new Error(`The gate has no verdict for ${evaluation.projectHash}`)
    return {
      status: 'evaluated',
      evaluation,
      verdict: verdict.verdict,
      passed: verdict.verdict === 'pass',
      dataUnits: verdict.dataUnits,
      benchmarkObjects: verdict.benchmarkObjects,
      checks: verdict.checks
    }
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
  /** Evaluated, but the intervals straddle a threshold. */
  inconclusiveAnnotators: number
  /** Evaluated on fewer data units than `min-data-units`. */
  insufficientAnnotators: number
  /** The step fails (see `GateVerdict.stepFails`). */
  stepFails: boolean
  /** Could not be evaluated. */
  notEvaluated: number
  /** Inputs of the thresholds someone missed, in metric order. */
  missedThresholds: InputName[]
  thresholdsSet: boolean
}

export function verdictOf(result: RunResult, all: Standing[] = standings(result)): Verdict {
  const evaluated = all.filter(isEvaluated)
  const count = (verdict: VerdictName): number =>
    evaluated.filter((standing) => standing.verdict === verdict).length
  const missed = new Set(result.gate.failures.map((failure) => failure.metric))
  return {
    passed: result.gate.passed,
    total: all.length,
    evaluated: evaluated.length,
    passedAnnotators: count('pass'),
    failedAnnotators: count('fail'),
    inconclusiveAnnotators: count('inconclusive'),
    insufficientAnnotators: count('insufficient-evidence'),
    stepFails: result.gate.stepFails,
    notEvaluated: all.length - evaluated.length,
    missedThresholds: GATE_METRICS.filter((metric) => missed.has(metric)).map(thresholdInput),
    thresholdsSet: thresholdsSet(result).length > 0
  }
}
