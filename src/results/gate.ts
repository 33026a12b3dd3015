/**
 * The quality gate: gives every evaluated annotator a verdict against the thresholds that are set.
 * Pure; the sinks decide how to report it.
 *
 * - With `gate-on: estimate` a threshold is met when the score is at least the threshold (today's
 *   rule); a check whose interval straddles the threshold is marked borderline, so a reader sees
 *   when a pass or a fail is a coin toss.
 * - With `gate-on: interval` a threshold is passed when the whole interval is on the right side,
 *   failed when the whole interval is on the wrong side, and otherwise inconclusive.
 * - An annotator scored on fewer benchmark data units than `min-data-units` has too little
 *   evidence for any verdict: insufficient evidence, whatever the scores.
 *
 * An annotator fails when one threshold fails; is inconclusive when none fails and one is
 * inconclusive; passes when all pass. The run's `passed` is true only when every annotator passed
 * and every project was evaluated; the step fails on a fail or a project that could not be
 * evaluated, and on an inconclusive or insufficient verdict only with `on-inconclusive: fail`.
 */
import type { InputName } from '../inputs.js'
import type { Interval } from './intervals.js'
import {
  GATE_METRICS,
  meetsThreshold,
  metricFacts,
  scoreOf,
  thresholdInput,
  type Direction,
  type GateMetric,
  type Thresholds
} from './metrics.js'
import type { GateFailure, GateVerdict, ProjectOutcome, ProjectResult } from './run-result.js'

export type GateOn = 'estimate' | 'interval'
export type OnInconclusive = 'warn' | 'fail' | 'pass'

export const GATE_ON_CHOICES = ['estimate', 'interval'] as const satisfies readonly GateOn[]
export const ON_INCONCLUSIVE_CHOICES = [
  'warn',
  'fail',
  'pass'
] as const satisfies readonly OnInconclusive[]
export const DEFAULT_MIN_DATA_UNITS = 10

export interface GateSettings {
  thresholds: Thresholds
  gateOn: GateOn
  onInconclusive: OnInconclusive
  /** Fewer scored benchmark data units than this: insufficient evidence. */
  minDataUnits: number
}

export type VerdictName = 'pass' | 'fail' | 'inconclusive' | 'insufficient-evidence'
export type CheckOutcome = 'pass' | 'fail' | 'inconclusive'

export interface ThresholdCheck {
  metric: GateMetric
  /** The input that set it, e.g. `min-mean-iou`. */
  input: InputName
  threshold: number
  actual: number | null
  /** The score's confidence interval; null when intervals are off or it is undefined. */
  interval: Interval | null
  outcome: CheckOutcome
  /** `outcome === 'pass'`. */
  passed: boolean
  /** Decided on the estimate, but the interval straddles the threshold. */
  borderline: boolean
}

export interface AnnotatorVerdict {
  projectHash: string
  annotator: string | null
  verdict: VerdictName
  /** What the verdict rests on: benchmark data units scored and benchmark objects on them. */
  dataUnits: number
  benchmarkObjects: number
  /** One per threshold set, in `GATE_METRICS` order. */
  checks: ThresholdCheck[]
}

export function applyGate(
  projects: readonly ProjectOutcome[],
  settings: GateSettings
): GateVerdict {
  const verdicts: AnnotatorVerdict[] = []
  const failedProjects = []
  for (const outcome of projects) {
    if (outcome.status === 'failed') failedProjects.push(outcome.failure)
    else verdicts.push(verdictFor(outcome.evaluation, settings))
  }
  const failures: GateFailure[] = verdicts.flatMap((verdict) =>
    verdict.verdict !== 'fail'
      ? []
      : verdict.checks
          .filter((check) => check.outcome === 'fail')
          .map(({ metric, threshold, actual }) => ({
            projectHash: verdict.projectHash,
            annotator: verdict.annotator,
            metric,
            threshold,
            actual
          }))
  )
  const unsettled = verdicts.filter(
    (verdict) => verdict.verdict === 'inconclusive' || verdict.verdict === 'insufficient-evidence'
  )
  return {
    passed: failedProjects.length === 0 && verdicts.every((verdict) => verdict.verdict === 'pass'),
    stepFails:
      failures.length > 0 ||
      failedProjects.length > 0 ||
      (settings.onInconclusive === 'fail' && unsettled.length > 0),
    verdicts,
    failures,
    failedProjects
  }
}

function verdictFor(evaluation: ProjectResult, settings: GateSettings): AnnotatorVerdict {
  const checks = GATE_METRICS.flatMap((metric): ThresholdCheck[] => {
    const threshold = settings.thresholds[metric]
    if (threshold === undefined) return []
    const actual = scoreOf(evaluation.overall, metric)
    const interval = evaluation.intervals?.overall[metric] ?? null
    const { direction } = metricFacts(metric)
    const outcome = checkOutcome(direction, actual, interval, threshold, settings.gateOn)
    return [
      {
        metric,
        input: thresholdInput(metric),
        threshold,
        actual,
        interval,
        outcome,
        passed: outcome === 'pass',
        borderline:
          settings.gateOn === 'estimate' &&
          actual !== null &&
          interval !== null &&
          straddles(direction, interval, threshold)
      }
    ]
  })
  const dataUnits = evaluation.coverage.pairedRows
  return {
    projectHash: evaluation.projectHash,
    annotator: evaluation.annotator,
    verdict: annotatorVerdict(checks, dataUnits, settings.minDataUnits),
    dataUnits,
    benchmarkObjects: evaluation.overall.benchmarkObjects,
    checks
  }
}

function annotatorVerdict(
  checks: readonly ThresholdCheck[],
  dataUnits: number,
  minDataUnits: number
): VerdictName {
  // With no threshold there is no bar to clear, and nothing for the evidence to be enough for.
  if (checks.length === 0) return 'pass'
  if (dataUnits < minDataUnits) return 'insufficient-evidence'
  if (checks.some((check) => check.outcome === 'fail')) return 'fail'
  if (checks.some((check) => check.outcome === 'inconclusive')) return 'inconclusive'
  return 'pass'
}

/**
 * One threshold's outcome. A score that cannot be computed fails (it cannot show the bar is met);
 * under `interval`, a score without an interval (too few resamples define it) is inconclusive.
 */
export function checkOutcome(
  direction: Direction,
  actual: number | null,
  interval: Interval | null,
  threshold: number,
  gateOn: GateOn
): CheckOutcome {
  if (actual === null) return 'fail'
  if (gateOn === 'estimate') return meetsThreshold(direction, actual, threshold) ? 'pass' : 'fail'
  if (interval === null) return 'inconclusive'
  const [worst, best] = boundsByMerit(direction, interval)
  if (meetsThreshold(direction, worst, threshold)) return 'pass'
  if (!meetsThreshold(direction, best, threshold)) return 'fail'
  return 'inconclusive'
}

/** The interval's bounds as [worst, best] for the score's direction. */
function boundsByMerit(direction: Direction, interval: Interval): [number, number] {
  return direction === 'higher-is-better'
    ? [interval.low, interval.high]
    : [interval.high, interval.low]
}

/** The threshold lies inside the interval: its best bound meets it, its worst does not. */
function straddles(direction: Direction, interval: Interval, threshold: number): boolean {
  const [worst, best] = boundsByMerit(direction, interval)
  return meetsThreshold(direction, best, threshold) && !meetsThreshold(direction, worst, threshold)
}
