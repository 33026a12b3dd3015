/**
 * A project's evaluation → what the run keeps of it (`ProjectResult`): the reported evaluation
 * and its worst items. The per-item lists are left behind; the CSV rows are rendered from them
 * first (`csvRows`).
 */
import type { ProjectEvaluation } from '../evaluate/types.js'
import type { ProjectResult } from './run-result.js'
import { WORST_ITEMS_KEPT, worstItems } from './worst-items.js'

export function toProjectResult(evaluation: ProjectEvaluation): ProjectResult {
  const { objects: _objects, scriptRows: _rows, classifications: _items, ...reported } = evaluation
  return { ...reported, worstItems: worstItems(evaluation, WORST_ITEMS_KEPT) }
}
