/**
 * Every score a run reports, named once. The gate, the config's threshold parsing, every report
 * (summary, comment, terminal, annotator table and details, outputs, report.json) and the CLI read
 * this table, so a score has one label, one threshold input and one rule everywhere.
 *
 * Adding a score: compute it in `evaluate/` (or `results/`), add its row here, and add its
 * threshold input to `inputs.ts` if it can be gated. The renderers pick it up.
 */
import type { Method, Scores } from '../evaluate/types.js'
import { INPUT_NAMES, type InputName } from '../inputs.js'
import type { ProjectOutcome } from './run-result.js'

/** Which way is better; the gate fails a score on the wrong side of its threshold. */
export type Direction = 'higher-is-better' | 'lower-is-better'

/**
 * How the reports print a value. `fraction`: a ratio in [0, 1] with three decimals, on the same
 * scale as the threshold inputs (`min-f1: 0.8`), so a reader compares like with like.
 */
export type MetricFormat = 'fraction' | 'count'

export interface MetricLabels {
  /** Column header in the markdown tables, e.g. `Class accuracy`. */
  label: string
  /** Column header in the terminal, where width is scarce, e.g. `Class acc`. */
  shortLabel: string
}

export interface MetricFacts extends MetricLabels {
  /** Its key in `Scores`, in report.json and in the `results` output. */
  name: keyof Scores
  /** The score inside a sentence, e.g. the gate's `alice F1 0.610 < 0.8`. */
  phrase: string
  /** The input that sets its threshold; null when it cannot be gated. */
  threshold: InputName | null
  direction: Direction
  format: MetricFormat
  /** The methods that compute it; the others neither show nor gate it. */
  methods: readonly Method[]
  /** Labels under a method that knows the score by another name. */
  renamed?: Partial<Record<Method, MetricLabels>>
  /**
   * A track score (`evaluate/tracking/`): computed only on video data units, so shown only when
   * the run has video, and its threshold is an error on a run without.
   */
  videoOnly?: true
}

/** In the order the reports show scores: table columns, the `results` output. */
export const METRICS = [
  {
    name: 'precision',
    label: 'Precision',
    shortLabel: 'Precision',
    phrase: 'precision',
    threshold: 'min-precision',
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one']
  },
  {
    name: 'recall',
    label: 'Recall',
    shortLabel: 'Recall',
    phrase: 'recall',
    threshold: 'min-recall',
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one']
  },
  {
    name: 'f1',
    label: 'F1',
    shortLabel: 'F1',
    phrase: 'F1',
    threshold: 'min-f1',
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one']
  },
  {
    name: 'meanIou',
    label: 'Mean IoU',
    shortLabel: 'Mean IoU',
    phrase: 'mean IoU',
    threshold: 'min-mean-iou',
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one', 'encord-script']
  },
  {
    name: 'classAccuracy',
    label: 'Class accuracy',
    shortLabel: 'Class acc',
    phrase: 'class accuracy',
    threshold: 'min-class-accuracy',
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one', 'encord-script'],
    // The script's class score per row averages to our class accuracy; its users know it as
    // "class score".
    renamed: { 'encord-script': { label: 'Mean class score', shortLabel: 'Class score' } }
  },
  {
    name: 'idf1',
    label: 'IDF1',
    shortLabel: 'IDF1',
    phrase: 'IDF1',
    threshold: 'min-idf1',
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one'],
    videoOnly: true
  },
  {
    name: 'idSwitches',
    label: 'ID switches',
    shortLabel: 'ID sw',
    phrase: 'ID switches',
    threshold: null,
    direction: 'lower-is-better',
    format: 'count',
    methods: ['one-to-one'],
    videoOnly: true
  },
  {
    name: 'mota',
    label: 'MOTA',
    shortLabel: 'MOTA',
    phrase: 'MOTA',
    threshold: 'min-mota',
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one'],
    videoOnly: true
  },
  {
    name: 'attributeAccuracy',
    label: 'Attribute accuracy',
    shortLabel: 'Attr acc',
    phrase: 'attribute accuracy',
    threshold: null,
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one']
  },
  {
    name: 'classificationAccuracy',
    label: 'Classification accuracy',
    shortLabel: 'Classif acc',
    phrase: 'classification accuracy',
    threshold: null,
    direction: 'higher-is-better',
    format: 'fraction',
    methods: ['one-to-one']
  }
] as const satisfies readonly MetricFacts[]

type MetricRow = (typeof METRICS)[number]

export type MetricName = MetricRow['name']

/** A score that has a threshold input. */
export type GateMetric = Extract<MetricRow, { threshold: InputName }>['name']

/** Thresholds in [0, 1]; an annotator on the wrong side of any threshold that is set fails the gate. */
export type Thresholds = Partial<Record<GateMetric, number>>

const BY_NAME = new Map<MetricName, MetricFacts>(METRICS.map((metric) => [metric.name, metric]))

export function metricFacts(name: MetricName): MetricFacts {
  const facts = BY_NAME.get(name)
  if (facts === undefined) throw new Error(`No metric named ${name}`)
  return facts
}

/**
 * The gated scores in the order their threshold inputs are declared. Messages, threshold columns,
 * the settings line and report.json list thresholds in this order, and the config reads them in it.
 */
export const GATE_METRICS: readonly GateMetric[] = INPUT_NAMES.flatMap((input) =>
  METRICS.flatMap((metric) => (metric.threshold === input ? [metric.name as GateMetric] : []))
)

export function thresholdInput(metric: GateMetric): InputName {
  return metricFacts(metric).threshold as InputName
}

/**
 * The scores `method` computes, in the order the reports show them; the track scores only when
 * the run has video (`runHasVideo`).
 */
export function metricsComputedBy(method: Method, video = false): MetricFacts[] {
  return METRICS.filter(
    (metric: MetricFacts) => metric.methods.includes(method) && (video || !metric.videoOnly)
  )
}

/** Whether any project of a run was scored on video (its overall scores carry a track block). */
export function runHasVideo(projects: readonly ProjectOutcome[]): boolean {
  return projects.some(
    (outcome) => outcome.status === 'evaluated' && outcome.evaluation.overall.tracking !== undefined
  )
}

/** `runHasVideo` of each run's project list, so that renderers asking per row stay linear. */
const videoRuns = new WeakMap<readonly ProjectOutcome[], boolean>()

/**
 * The scores a run's reports show, in order: its method's, with the video-only ones when the run
 * has video. Every renderer asks this, once per table and once per row.
 */
export function metricsShownIn(run: {
  settings: { method: Method }
  projects: readonly ProjectOutcome[]
}): MetricFacts[] {
  let video = videoRuns.get(run.projects)
  if (video === undefined) {
    video = runHasVideo(run.projects)
    videoRuns.set(run.projects, video)
  }
  return metricsComputedBy(run.settings.method, video)
}

/** What the reports call `metric` under `method`. */
export function labelsUnder(metric: MetricFacts, method: Method): MetricLabels {
  return metric.renamed?.[method] ?? { label: metric.label, shortLabel: metric.shortLabel }
}

/** A score of a project or class; the one place that knows where each score is kept. */
export function scoreOf(scores: Scores, name: MetricFacts['name']): number | null {
  return scores[name] ?? null
}

/**
 * Whether `actual` meets `threshold`. A score that cannot be computed (e.g. no benchmark objects)
 * cannot show the bar is met. Equal to the threshold passes either way.
 */
export function meetsThreshold(
  direction: Direction,
  actual: number | null,
  threshold: number
): boolean {
  if (actual === null) return false
  return direction === 'higher-is-better' ? actual >= threshold : actual <= threshold
}
