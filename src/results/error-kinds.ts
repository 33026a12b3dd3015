/**
 * What kinds of mistake an annotator makes, and how often, for the feedback notes. Each kind is
 * defined in the README ("Feedback notes"):
 *
 * - `missed`: a benchmark object no training object was paired with (per benchmark class);
 * - `extra`: a training object paired with no benchmark object (per class given); with
 *   `encord-script`, a box that overlaps no benchmark box;
 * - `wrong-class`: a pair whose classes differ (per expert class and class given: "Pedestrian
 *   labelled as Cyclist");
 * - `low-overlap`: a matched pair (same class) whose similarity is below `low-iou` (per class);
 * - `attribute`: a matched pair whose answers to an attribute differ (per attribute);
 * - `classification`: a classification question answered differently from the expert, fully or
 *   in part (per question).
 *
 * One pass over the project's results, keeping counts only. Nothing here changes a score.
 */
import type { ClassificationResult, ObjectResult, ProjectEvaluation } from '../evaluate/types.js'
import { scriptRowStatus } from './script-row-status.js'

export type ErrorKind =
  'missed' | 'extra' | 'wrong-class' | 'low-overlap' | 'attribute' | 'classification'

export const ERROR_KINDS: readonly ErrorKind[] = [
  'missed',
  'extra',
  'wrong-class',
  'low-overlap',
  'attribute',
  'classification'
]

export interface ErrorCount {
  kind: ErrorKind
  /**
   * What the error is about: the benchmark class (missed, wrong class, low overlap), the class
   * given (extra), the attribute, or the classification question.
   */
  subject: string
  /** `wrong-class` only: the class the annotator gave instead. */
  given: string | null
  count: number
}

export interface ErrorSummary {
  /** Errors of each kind. */
  totals: Record<ErrorKind, number>
  /**
   * Counts per kind and subject, most frequent first (ties in `ERROR_KINDS` order, then by
   * subject), at most `MAX_ERROR_COUNTS` of them.
   */
  counts: ErrorCount[]
}

/** Enough for any note; bounds what a scoring worker sends back for a huge ontology. */
export const MAX_ERROR_COUNTS = 50

export function errorSummary(evaluation: ProjectEvaluation, lowIou: number): ErrorSummary {
  const counter = new ErrorCounter()
  if (evaluation.method === 'encord-script') {
    for (const row of evaluation.scriptRows) {
      const status = scriptRowStatus(row)
      if (status === 'no-match') counter.add('extra', row.training.className)
      else if (status === 'wrong-class') {
        counter.add('wrong-class', row.bestMatch?.className ?? '', row.training.className)
      } else if (row.iouScore < lowIou) counter.add('low-overlap', row.training.className)
    }
  } else {
    for (const object of evaluation.objects) countObject(counter, object, lowIou)
  }
  for (const item of evaluation.classifications) countClassification(counter, item)
  return counter.summary()
}

function countObject(counter: ErrorCounter, object: ObjectResult, lowIou: number): void {
  switch (object.status) {
    case 'missed':
      counter.add('missed', object.benchmark?.className ?? '')
      return
    case 'extra':
      counter.add('extra', object.training?.className ?? '')
      return
    case 'wrong-class':
      counter.add(
        'wrong-class',
        object.benchmark?.className ?? '',
        object.training?.className ?? ''
      )
      return
    case 'matched':
      if (object.iou !== null && object.iou < lowIou) {
        counter.add('low-overlap', object.benchmark?.className ?? '')
      }
      for (const name of object.attributeMismatches) counter.add('attribute', name)
  }
}

function countClassification(counter: ErrorCounter, item: ClassificationResult): void {
  if (item.score < 1) counter.add('classification', item.name)
}

class ErrorCounter {
  private readonly counts = new Map<string, ErrorCount>()

  add(kind: ErrorKind, subject: string, given: string | null = null): void {
    const key = JSON.stringify([kind, subject, given])
    const entry = this.counts.get(key)
    if (entry === undefined) this.counts.set(key, { kind, subject, given, count: 1 })
    else entry.count += 1
  }

  summary(): ErrorSummary {
    const totals = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, 0])) as Record<
      ErrorKind,
      number
    >
    for (const entry of this.counts.values()) totals[entry.kind] += entry.count
    const counts = [...this.counts.values()]
      .sort(
        (a, b) =>
          b.count - a.count ||
          ERROR_KINDS.indexOf(a.kind) - ERROR_KINDS.indexOf(b.kind) ||
          compareText(a.subject, b.subject) ||
          compareText(a.given ?? '', b.given ?? '')
      )
      .slice(0, MAX_ERROR_COUNTS)
    return { totals, counts }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
