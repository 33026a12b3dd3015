/**
 * The items a reviewer should look at first, per annotator: for `one-to-one` the first misses,
 * extras and wrong classes and the matches with the lowest IoU; for `encord-script` the first
 * boxes with no match or the wrong class and the lowest IoUs. At most `perKind` of each kind, so
 * that one kind of mistake does not hide the others.
 *
 * One pass over the results, keeping at most `perKind` items per kind: a project can hold a
 * million objects and only a handful are shown.
 */
import type { ObjectResult, ProjectEvaluation, ScriptRow } from '../evaluate/types.js'
import { scriptRowStatus } from './script-row-status.js'

export type WorstKind = 'missed' | 'extra' | 'wrong-class' | 'no-match' | 'low-iou'

export interface WorstItem {
  kind: WorstKind
  dataTitle: string
  frame: number
  trainingClass: string | null
  benchmarkClass: string | null
  iou: number | null
}

export const DEFAULT_WORST_ITEMS_PER_KIND = 5

/**
 * How many of each kind a run keeps per project (`ProjectResult.worstItems`) once the project's
 * objects are dropped. Any smaller selection is a prefix per kind of what is kept (see
 * `limitWorstItems`), so summaries can still show fewer.
 */
export const WORST_ITEMS_KEPT = DEFAULT_WORST_ITEMS_PER_KIND

export function worstItems(evaluation: ProjectEvaluation, perKind: number): WorstItem[] {
  if (perKind <= 0) return []
  return evaluation.method === 'encord-script'
    ? worstScriptRows(evaluation.scriptRows, perKind)
    : worstObjects(evaluation.objects, perKind)
}

/**
 * The first `perKind` of each kind of `items`, a list as `worstItems` returns it. For
 * perKind ≤ n this equals `worstItems(evaluation, perKind)` when `items` is
 * `worstItems(evaluation, n)`: each kind keeps its first items in order (the lowest IoUs come
 * lowest first, ties in result order), so the shorter list is a prefix of the longer one.
 */
export function limitWorstItems(items: readonly WorstItem[], perKind: number): WorstItem[] {
  if (perKind <= 0) return []
  const taken = new Map<WorstKind, number>()
  return items.filter((item) => {
    const count = taken.get(item.kind) ?? 0
    taken.set(item.kind, count + 1)
    return count < perKind
  })
}

function worstObjects(objects: readonly ObjectResult[], perKind: number): WorstItem[] {
  const first = { missed: [] as WorstItem[], extra: [] as WorstItem[], wrong: [] as WorstItem[] }
  const lowest = new LowestIou(perKind)
  for (const object of objects) {
    const list =
      object.status === 'missed'
        ? first.missed
        : object.status === 'extra'
          ? first.extra
          : object.status === 'wrong-class'
            ? first.wrong
            : null
    if (list === null) {
      if (lowest.accepts(object.iou)) lowest.add(objectItem(object, 'low-iou'))
    } else if (list.length < perKind) {
      list.push(objectItem(object, object.status as WorstKind))
    }
  }
  return [...first.missed, ...first.extra, ...first.wrong, ...lowest.items]
}

function objectItem(object: ObjectResult, kind: WorstKind): WorstItem {
  return {
    kind,
    dataTitle: object.dataTitle,
    frame: object.frame,
    trainingClass: object.training?.className ?? null,
    benchmarkClass: object.benchmark?.className ?? null,
    iou: object.iou
  }
}

function worstScriptRows(rows: readonly ScriptRow[], perKind: number): WorstItem[] {
  const noMatch: WorstItem[] = []
  const wrong: WorstItem[] = []
  const lowest = new LowestIou(perKind)
  for (const row of rows) {
    const status = scriptRowStatus(row)
    if (status === 'no-match') {
      if (noMatch.length < perKind) noMatch.push(scriptItem(row, 'no-match'))
    } else if (status === 'wrong-class') {
      if (wrong.length < perKind) wrong.push(scriptItem(row, 'wrong-class'))
    } else if (lowest.accepts(row.iouScore)) {
      lowest.add(scriptItem(row, 'low-iou'))
    }
  }
  return [...noMatch, ...wrong, ...lowest.items]
}

function scriptItem(row: ScriptRow, kind: WorstKind): WorstItem {
  return {
    kind,
    dataTitle: row.dataUnitName,
    frame: 0,
    trainingClass: row.training.className,
    benchmarkClass: row.bestMatch?.className ?? null,
    iou: row.iouScore
  }
}

/** The `size` items with the lowest IoU, lowest first; of equal IoUs the earliest is kept. */
class LowestIou {
  readonly items: WorstItem[] = []

  constructor(private readonly size: number) {}

  accepts(iou: number | null): boolean {
    const last = this.items[this.items.length - 1]
    return this.items.length < this.size || (last !== undefined && (iou ?? 0) < (last.iou ?? 0))
  }

  add(item: WorstItem): void {
    const iou = item.iou ?? 0
    let index = this.items.length
    while (index > 0 && (this.items[index - 1]?.iou ?? 0) > iou) index--
    this.items.splice(index, 0, item)
    if (this.items.length > this.size) this.items.pop()
  }
}
