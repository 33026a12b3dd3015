/**
 * The result of a whole run: every training project's evaluation (or why it failed) and the
 * gate's verdict. Reports render it; sinks write it out. Plain data, no I/O.
 */
import type { GateMetric, Thresholds } from './config.js'
import type { Method, ProjectEvaluation } from './evaluate/types.js'

export interface ProjectFailure {
  projectHash: string
  /** The project's title if it was fetched before the failure. */
  projectTitle: string | null
  /** One line saying what went wrong and what to fix. */
  message: string
}

export type ProjectOutcome =
  | { status: 'evaluated'; evaluation: ProjectEvaluation }
  | { status: 'failed'; failure: ProjectFailure }

export interface GateFailure {
  projectHash: string
  annotator: string | null
  metric: GateMetric
  threshold: number
  /** The annotator's score; null when it cannot be computed (which fails a set threshold). */
  actual: number | null
}

export interface GateVerdict {
  passed: boolean
  /** Threshold failures, in project input order then metric order. */
  failures: GateFailure[]
  /** Training projects that could not be evaluated. */
  failedProjects: ProjectFailure[]
}

export interface RunResult {
  tool: { name: string; version: string }
  /** Where the labels came from; the only field (with `settings.sourceDetails`) that differs between an online and offline run of the same data. */
  source: 'encord-api' | 'export-files'
  settings: {
    method: Method
    iouThreshold: number
    workflowStage: string
    thresholds: Thresholds
  }
  benchmark: { projectHash: string; title: string; rows: number }
  /** In the order the training projects were given. */
  projects: ProjectOutcome[]
  gate: GateVerdict
}
