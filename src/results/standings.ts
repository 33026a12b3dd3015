/**
 * Where each training project stands: its scores, each threshold that is set and whether it was
 * met, and the verdict over the run. Every report (summary, comment, terminal, outputs) reads
 * these, so they all agree on who passed.
 *
 * Pass or fail comes from the gate (`result.gate`), never recomputed here: the gate owns the rule
 * (including that a score that cannot be computed fails a set threshold).
 */
import { THRESHOLD_INPUTS, type GateMetric } from '../config.js'
import type { Method, Scores } from '../evaluate/types.js'
import type { InputName } from '../inputs.js'
import type { ProjectFailure, ProjectResult, RunResult } from './run-result.js'

/** Metric order everywhere: the order of the threshold inputs. */
export const GATE_METRICS = Object.keys(THRESHOLD_INPUTS) as GateMetric[]

export interface ScoreColumn {
  key: keyof Scores
  label: string
  /** For the terminal, where width is scarce. */
  shortLabel: string
}

const ONE_TO_ONE_SCORES: ScoreColumn[] = [
  { key: 'precision', label: 'Precision', shortLabel: 'Precision' },
  { key: 'recall', label: 'Recall', shortLabel: 'Recall' },
  { key: 'f1', label: 'F1', shortLabel: 'F1' },
  { key: 'meanIou', label: 'Mean IoU', shortLabel: 'Mean IoU' },
  { key: 'classAccuracy', label: 'Class accuracy', shortLabel: 'Class acc' },
  { key: 'attributeAccuracy', label: 'Attribute accuracy', shortLabel: 'Attr acc' },
  { key: 'classificationAccuracy', label: 'Classification accuracy', shortLabel: 'Classif acc' }
]

// The script scores only IoU and class; its class score per row averages to what we call class
// accuracy, and the user knows it as "class score".
const ENCORD_SCRIPT_SCORES: ScoreColumn[] = [
  { key: 'meanIou', label: 'Mean IoU', shortLabel: 'Mean IoU' },
  { key: 'classAccuracy', label: 'Mean class score', shortLabel: 'Class score' }
]

export function scoreColumns(method: Method): ScoreColumn[] {
  return method === 'encord-script' ? ENCORD_SCRIPT_SCORES : ONE_TO_ONE_SCORES
}

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
      const actual = passed ? evaluation.overall[metric] : (failedMetrics?.get(metric) ?? null)
      return { metric, input: THRESHOLD_INPUTS[metric], threshold, actual, passed }
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
    missedThresholds: GATE_METRICS.filter((metric) => missed.has(metric)).map(
      (metric) => THRESHOLD_INPUTS[metric]
    ),
    thresholdsSet: thresholdsSet(result).length > 0
  }
}

/**
 * The verdict in words, without decoration: a headline and at most one more line.
 * e.g. `1 of 3 annotators failed (min-mean-iou)` / `1 of 4 training projects could not be evaluated`.
 */
export function verdictText(verdict: Verdict): { headline: string; detail: string | null } {
  const notEvaluated =
    verdict.notEvaluated > 0
      ? `${verdict.notEvaluated} of ${verdict.total} training ${verdict.total === 1 ? 'project' : 'projects'} could not be evaluated`
      : null
  if (verdict.failedAnnotators > 0) {
    const which =
      verdict.missedThresholds.length > 0 ? ` (${verdict.missedThresholds.join(', ')})` : ''
    return {
      headline: `${verdict.failedAnnotators} of ${annotators(verdict.evaluated)} failed${which}`,
      detail: notEvaluated
    }
  }
  if (notEvaluated !== null) {
    const detail =
      verdict.evaluated > 0
        ? `${verdict.passedAnnotators} of ${verdict.evaluated} evaluated ${verdict.evaluated === 1 ? 'annotator' : 'annotators'} passed`
        : null
    return { headline: notEvaluated, detail }
  }
  if (verdict.evaluated === 0)
    return { headline: 'No training project was evaluated', detail: null }
  return {
    headline: `${verdict.passedAnnotators} of ${annotators(verdict.evaluated)} passed`,
    detail: verdict.thresholdsSet ? null : 'No thresholds are set, so every annotator passes'
  }
}

function annotators(count: number): string {
  return `${count} ${count === 1 ? 'annotator' : 'annotators'}`
}
