/**
 * What the feedback notes need of a project beyond its scores and worst items, computed where the
 * project's per-object results still exist (on the scoring thread) and small enough to send back:
 * error counts (`error-kinds.ts`) and the geometry bias of paired objects (`geometry-bias.ts`).
 * Nothing here changes a score.
 */
import type { ProjectEvaluation } from '../evaluate/types.js'
import { errorSummary, type ErrorSummary } from './error-kinds.js'
import { BiasAccumulator, type BiasEstimate } from './geometry-bias.js'

export interface ProjectFeedback {
  /** The `low-iou` the low-overlap errors were counted against. */
  lowIou: number
  errors: ErrorSummary
  /** Every measure with at least one pair; `clear` marks those the notes may claim. */
  bias: BiasEstimate[]
}

export function projectFeedback(evaluation: ProjectEvaluation, lowIou: number): ProjectFeedback {
  const bias = new BiasAccumulator()
  for (const object of evaluation.objects) {
    if (object.pairGeometry) bias.add(object.pairGeometry)
  }
  return { lowIou, errors: errorSummary(evaluation, lowIou), bias: bias.estimates() }
}
