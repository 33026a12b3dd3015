/**
 * The result of a whole run: every training project's evaluation (or why it failed) and the
 * gate's verdict. Reports render it; sinks write it out. Plain data, no I/O.
 */
import type { Method, ProjectEvaluation } from '../evaluate/types.js'
import type { PreflightReport } from '../preflight/report.js'
import type { BenchmarkAudit } from './audit.js'
import type { AnnotatorVerdict, GateOn, OnInconclusive } from './gate.js'
import type { RunHistory } from './history.js'
import type { ProjectIntervals } from './intervals.js'
import type { GateMetric, Thresholds } from './metrics.js'
import type { ProjectFeedback } from './project-feedback.js'
import type { WorstItem } from './worst-items.js'

export interface ProjectFailure {
  projectHash: string
  /** The project's title if it was fetched before the failure. */
  projectTitle: string | null
  /** One line saying what went wrong and what to fix. */
  message: string
}

/**
 * What report.json keeps of a project's evaluation: everything but the per-object and
 * per-classification lists, which are the CSV's rows, and the per-unit tallies, which become the
 * intervals. (Kept whole, a 20-project run's report was 370 MB and took longer to write than the
 * evaluation took to run.)
 */
export type ReportedEvaluation = Omit<
  ProjectEvaluation,
  'objects' | 'scriptRows' | 'classifications' | 'units' | 'trackEvents'
>

/**
 * What a run keeps of a project once it is scored: the reported evaluation and the few worst
 * items the summary shows. The per-item lists are written to the CSV as each project finishes and
 * then dropped, so a run holds tens of kilobytes per project rather than tens of megabytes.
 */
export interface ProjectResult extends ReportedEvaluation {
  /** Confidence intervals of the scores, overall and per class; null when intervals are off. */
  intervals: ProjectIntervals | null
  /**
   * Up to `report-items` (at least `WORST_ITEMS_KEPT` of each kind), in the order `worstItems`
   * gives them, with their editor links (`keptWorstItems`).
   */
  worstItems: WorstItem[]
  /** Error counts and geometry bias for the feedback notes (`feedback-note.ts`). */
  feedback: ProjectFeedback
}

export type ProjectOutcome =
  { status: 'evaluated'; evaluation: ProjectResult } | { status: 'failed'; failure: ProjectFailure }

export interface GateFailure {
  projectHash: string
  annotator: string | null
  metric: GateMetric
  threshold: number
  /** The annotator's score; null when it cannot be computed (which fails a set threshold). */
  actual: number | null
}

export interface GateVerdict {
  /** Every annotator passed and every project was evaluated (the `passed` output). */
  passed: boolean
  /**
   * The step fails: an annotator failed, a project could not be evaluated, or (with
   * `on-inconclusive: fail`) a verdict is inconclusive or rests on too little evidence.
   */
  stepFails: boolean
  /** One per evaluated project, in input order. */
  verdicts: AnnotatorVerdict[]
  /** Threshold failures of the annotators who failed, in project input order then metric order. */
  failures: GateFailure[]
  /** Training projects that could not be evaluated. */
  failedProjects: ProjectFailure[]
}

export interface RunResult {
  tool: { name: string; version: string }
  /** Where the labels came from; the only field that differs between an online and offline run of the same data. */
  source: 'encord-api' | 'export-files'
  settings: {
    method: Method
    iouThreshold: number
    workflowStage: string
    thresholds: Thresholds
    gateOn: GateOn
    onInconclusive: OnInconclusive
    minDataUnits: number
    /** 0 when intervals are off. */
    bootstrapSamples: number
    confidenceLevel: number
  }
  benchmark: { projectHash: string; title: string; rows: number }
  /** In the order the training projects were given. */
  projects: ProjectOutcome[]
  gate: GateVerdict
  /** The benchmark audit (`audit.ts`); absent in reports written before it existed. */
  audit?: BenchmarkAudit
  /**
   * Each evaluated project's attempts over earlier runs (`history.ts`); absent when history is
   * off or was not read.
   */
  history?: RunHistory
  /**
   * What preflight found (`preflight/`): progress per project, errors and warnings; absent when
   * preflight was off or the labels came from export files.
   */
  preflight?: PreflightReport
}
