/**
 * A project's evaluation → what the run keeps of it (`ProjectResult`): the reported evaluation,
 * its worst items with their editor links, and the facts the feedback notes need. The per-item
 * lists are left behind; the CSV rows are rendered from them first (`csvRows`).
 */
import type { ProjectEvaluation, ReportOptions } from '../evaluate/types.js'
import { editorLinkBase, type EditorLinkBase } from './editor-links.js'
import { projectFeedback } from './project-feedback.js'
import type { ProjectResult } from './run-result.js'
import { DEFAULT_REPORT_ITEMS, keptWorstItems } from './worst-items.js'

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

/** Without `report`, the default number of worst items and no links. */
export function toProjectResult(
  evaluation: ProjectEvaluation,
  report?: ReportSetup
): ProjectResult {
  const options = report?.options ?? DEFAULT_REPORT_OPTIONS
  const { objects: _objects, scriptRows: _rows, classifications: _items, ...reported } = evaluation
  return {
    ...reported,
    worstItems: keptWorstItems(evaluation, options.items, projectLinkBase(evaluation, report)),
    feedback: projectFeedback(evaluation, options.lowIou)
  }
}
