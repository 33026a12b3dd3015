/**
 * A copy of the `RunResult` whose object keys follow the order the types declare them, whatever
 * order the code that built the objects used. `report.json` is diffed between runs, so the same
 * data must give the same bytes.
 *
 * Each key list is checked by the compiler against its type: adding a field to a contract without
 * listing it here fails the type check. A key the types do not know (never expected) is kept after
 * the known ones, in sorted order, rather than silently dropped.
 */
import type {
  ClassMetrics,
  ConfusionCell,
  Contributor,
  Coverage,
  Metrics
} from '../evaluate/types.js'
import type { TrackingMetrics } from '../evaluate/tracking/types.js'
import { GATE_METRICS, METRICS } from '../results/metrics.js'
import type { AnnotatorVerdict, ThresholdCheck } from '../results/gate.js'
import type {
  ClassIntervals,
  Interval,
  ProjectIntervals,
  ScoreIntervals
} from '../results/intervals.js'
import type {
  GateFailure,
  GateVerdict,
  ProjectFailure,
  ProjectOutcome,
  ProjectResult,
  ReportedEvaluation,
  RunResult
} from '../results/run-result.js'

/** The keys of T, every one of them: a missing key is a compile error naming it. */
function keysOf<T>() {
  return <const K extends readonly (keyof T)[]>(
    ...keys: K &
      ([Exclude<keyof T, K[number]>] extends [never]
        ? unknown
        : { missing: Exclude<keyof T, K[number]> })
  ): readonly (keyof T & string)[] => keys as readonly (keyof T & string)[]
}

function ordered<T extends object>(
  value: T,
  keys: readonly (keyof T & string)[],
  convert: Partial<{ [P in keyof T]: (member: T[P]) => unknown }> = {}
): T {
  const copy: Record<string, unknown> = {}
  const record = value as Record<string, unknown>
  for (const key of keys) {
    if (!(key in value)) continue
    const member = value[key]
    const convertMember = convert[key]
    copy[key] = convertMember === undefined ? member : convertMember(member)
  }
  const known = new Set<string>(keys)
  const unknown = Object.keys(value)
    .filter((key) => !known.has(key))
    .sort()
  for (const key of unknown) copy[key] = record[key]
  return copy as T
}

const RUN_RESULT_KEYS = keysOf<RunResult>()(
  'tool',
  'source',
  'settings',
  'benchmark',
  'projects',
  'gate',
  'history',
  'audit',
  'preflight'
)
const TOOL_KEYS = keysOf<RunResult['tool']>()('name', 'version')
const SETTINGS_KEYS = keysOf<RunResult['settings']>()(
  'method',
  'iouThreshold',
  'workflowStage',
  'thresholds',
  'gateOn',
  'onInconclusive',
  'minDataUnits',
  'bootstrapSamples',
  'confidenceLevel'
)
const BENCHMARK_KEYS = keysOf<RunResult['benchmark']>()('projectHash', 'title', 'rows')
const EVALUATED_KEYS = keysOf<Extract<ProjectOutcome, { status: 'evaluated' }>>()(
  'status',
  'evaluation'
)
const FAILED_KEYS = keysOf<Extract<ProjectOutcome, { status: 'failed' }>>()('status', 'failure')
const FAILURE_KEYS = keysOf<ProjectFailure>()('projectHash', 'projectTitle', 'message')
const EVALUATION_KEYS = keysOf<ReportedEvaluation>()(
  'projectHash',
  'projectTitle',
  'method',
  'annotator',
  'contributors',
  'coverage',
  'overall',
  'perClass',
  'confusion',
  'notes',
  'labelsDigest'
)
const CONTRIBUTOR_KEYS = keysOf<Contributor>()('email', 'annotations')
const COVERAGE_KEYS = keysOf<Coverage>()(
  'benchmarkRows',
  'trainingRows',
  'pairedRows',
  'notCompleted',
  'unmatchedTrainingRows'
)
const METRICS_KEYS = keysOf<Metrics>()(
  'benchmarkObjects',
  'trainingObjects',
  'truePositives',
  'wrongClass',
  'missed',
  'extra',
  'iouSum',
  'attributesAgreeing',
  'attributesCompared',
  'classificationScore',
  'classificationsCompared',
  // The scores in the order of the METRICS table; a score with no row there fails the type check.
  ...METRICS.map((metric) => metric.name),
  'tracking'
)
const TRACKING_KEYS = keysOf<TrackingMetrics>()(
  'benchmarkInstances',
  'trainingInstances',
  'matches',
  'misses',
  'falsePositives',
  'idSwitches',
  'fragmentations',
  'similaritySum',
  'idTruePositives',
  'idFalseNegatives',
  'idFalsePositives',
  'benchmarkTracks',
  'trainingTracks',
  'mostlyTracked',
  'partiallyTracked',
  'mostlyLost',
  'mota',
  'motp',
  'idf1',
  'idPrecision',
  'idRecall'
)
function orderMetrics<T extends Metrics>(metrics: T, keys: readonly (keyof T & string)[]): T {
  const copy = ordered(metrics, keys)
  return metrics.tracking === undefined
    ? copy
    : { ...copy, tracking: ordered(metrics.tracking, TRACKING_KEYS) }
}
// The class's identity first, then its metrics: easier to read than the inherited order.
const CLASS_METRICS_KEYS = keysOf<ClassMetrics>()('featureHash', 'className', ...METRICS_KEYS)
const CONFUSION_KEYS = keysOf<ConfusionCell>()('benchmark', 'training', 'count')
const GATE_KEYS = keysOf<GateVerdict>()(
  'passed',
  'stepFails',
  'verdicts',
  'failures',
  'failedProjects'
)
const VERDICT_KEYS = keysOf<AnnotatorVerdict>()(
  'projectHash',
  'annotator',
  'verdict',
  'dataUnits',
  'benchmarkObjects',
  'checks'
)
const CHECK_KEYS = keysOf<ThresholdCheck>()(
  'metric',
  'input',
  'threshold',
  'actual',
  'interval',
  'outcome',
  'passed',
  'borderline'
)
const INTERVAL_KEYS = keysOf<Interval>()('low', 'high')
const PROJECT_INTERVALS_KEYS = keysOf<ProjectIntervals>()('overall', 'perClass')
const CLASS_INTERVALS_KEYS = keysOf<ClassIntervals>()('featureHash', 'intervals')
const METRIC_NAMES = METRICS.map((metric) => metric.name)
const GATE_FAILURE_KEYS = keysOf<GateFailure>()(
  'projectHash',
  'annotator',
  'metric',
  'threshold',
  'actual'
)

export function orderRunResult(result: RunResult): RunResult {
  return ordered(result, RUN_RESULT_KEYS, {
    tool: (tool) => ordered(tool, TOOL_KEYS),
    settings: (settings) =>
      ordered(settings, SETTINGS_KEYS, {
        thresholds: (thresholds) => ordered(thresholds, GATE_METRICS)
      }),
    benchmark: (benchmark) => ordered(benchmark, BENCHMARK_KEYS),
    projects: (projects) => projects.map(orderOutcome) as ProjectOutcome[],
    gate: (gate) =>
      ordered(gate, GATE_KEYS, {
        verdicts: (verdicts) =>
          verdicts.map((verdict) =>
            ordered(verdict, VERDICT_KEYS, {
              checks: (checks) =>
                checks.map((check) =>
                  ordered(check, CHECK_KEYS, { interval: (interval) => orderInterval(interval) })
                )
            })
          ),
        failures: (failures) => failures.map((failure) => ordered(failure, GATE_FAILURE_KEYS)),
        failedProjects: (failures) => failures.map((failure) => ordered(failure, FAILURE_KEYS))
      })
  })
}

export function orderOutcome(outcome: ProjectOutcome): unknown {
  return outcome.status === 'evaluated'
    ? ordered(outcome, EVALUATED_KEYS, {
        evaluation: (evaluation) => orderEvaluation(evaluation) as ProjectResult
      })
    : ordered(outcome, FAILED_KEYS, { failure: (failure) => ordered(failure, FAILURE_KEYS) })
}

/**
 * The worst items are the summary's and the feedback facts the notes'; report.json keeps its
 * shape from before they existed. The
 * intervals come last, after everything the evaluation itself reports.
 */
function orderEvaluation(evaluation: ProjectResult): ReportedEvaluation {
  const { worstItems: _worst, feedback: _feedback, intervals, ...reported } = evaluation
  return { ...orderReported(reported), intervals: orderIntervals(intervals) } as ReportedEvaluation
}

function orderReported(reported: ReportedEvaluation): ReportedEvaluation {
  return ordered(reported, EVALUATION_KEYS, {
    contributors: (contributors) => contributors.map((c) => ordered(c, CONTRIBUTOR_KEYS)),
    coverage: (coverage) => ordered(coverage, COVERAGE_KEYS),
    overall: (overall) => orderMetrics(overall, METRICS_KEYS),
    perClass: (perClass) => perClass.map((metrics) => orderMetrics(metrics, CLASS_METRICS_KEYS)),
    confusion: (cells) => cells.map((cell) => ordered(cell, CONFUSION_KEYS))
  })
}

function orderInterval(interval: Interval | null): Interval | null {
  return interval === null ? null : ordered(interval, INTERVAL_KEYS)
}

function orderScoreIntervals(intervals: ScoreIntervals): ScoreIntervals {
  const copy: ScoreIntervals = {}
  for (const name of METRIC_NAMES) {
    const interval = intervals[name]
    if (interval !== undefined) copy[name] = orderInterval(interval)
  }
  return copy
}

function orderIntervals(intervals: ProjectIntervals | null): ProjectIntervals | null {
  if (intervals === null) return null
  return ordered(intervals, PROJECT_INTERVALS_KEYS, {
    overall: orderScoreIntervals,
    perClass: (perClass) =>
      perClass.map((entry) =>
        ordered(entry, CLASS_INTERVALS_KEYS, { intervals: orderScoreIntervals })
      )
  })
}
