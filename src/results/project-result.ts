/**
 * A project's evaluation → what the run keeps of it (`ProjectResult`): the reported evaluation,
 * the confidence intervals of its scores, its worst items with their links into Encord's label
 * editor, and the facts the feedback notes need (error counts, geometry bias). The per-item lists
 * and per-unit tallies are left behind (the CSV rows are rendered from the lists first,
 * `csvRows`), so what a scoring worker sends back stays small: about 40 KB for 200 worst items,
 * 84 KB with their links.
 */
import type { IntervalOptions, ProjectEvaluation, ReportOptions } from '../evaluate/types.js'
import { editorLinkBase, type EditorLinkBase } from './editor-links.js'
import { bootstrapIntervals, bootstrapSeed } from './intervals.js'
import type { ProjectResult } from './run-result.js'
import { projectFeedback } from './project-feedback.js'
import { DEFAULT_REPORT_ITEMS, keptWorstItems } from './worst-items.js'

export interface IntervalSetup {
  options: IntervalOptions
  /** Seeds the bootstrap together with the training project's hash. */
  benchmarkHash: string
}

/** `low-iou`'s default: a match below it is a low-overlap error in the feedback notes. */
export const DEFAULT_LOW_IOU = 0.7

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  items: DEFAULT_REPORT_ITEMS,
  lowIou: DEFAULT_LOW_IOU,
  editorOrigin: null
}

export interface ReportSetup {
  options: ReportOptions
  /** The benchmark's id (hash, or export file name offline), for the links. */
  benchmarkId: string
}

/** Where a project's links point; null when the run has none (`editor-links.ts`). */
export function projectLinkBase(
  evaluation: Pick<ProjectEvaluation, 'projectHash'>,
  report: ReportSetup | undefined
): EditorLinkBase | null {
  if (report === undefined) return null
  return editorLinkBase(report.options.editorOrigin, report.benchmarkId, evaluation.projectHash)
}

/**
 * Without `intervals` (or with 0 samples) the result has no intervals; without `report`, the
 * default number of worst items and no links.
 */
export function toProjectResult(
  evaluation: ProjectEvaluation,
  intervals?: IntervalSetup,
  report?: ReportSetup
): ProjectResult {
  const options = report?.options ?? DEFAULT_REPORT_OPTIONS
  const {
    objects: _objects,
    scriptRows: _rows,
    classifications: _items,
    trackEvents: _events,
    units,
    ...reported
  } = evaluation
  return {
    ...reported,
    intervals:
      intervals === undefined
        ? null
        : bootstrapIntervals(
            units,
            evaluation.method,
            intervals.options,
            bootstrapSeed(intervals.benchmarkHash, evaluation.projectHash)
          ),
    worstItems: keptWorstItems(evaluation, options.items, projectLinkBase(evaluation, report)),
    feedback: projectFeedback(evaluation, options.lowIou)
  }
}
