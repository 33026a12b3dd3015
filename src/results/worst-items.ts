/**
 * The items a reviewer should look at first, per annotator: for `one-to-one` the first misses,
 * extras and wrong classes and the matches with the lowest IoU; for `encord-script` the first
 * boxes with no match or the wrong class and the lowest IoUs. At most `perKind` of each kind, so
 * that one kind of mistake does not hide the others. Each item links to the annotator's task and
 * to the same frame in the benchmark project when the run has links (`editor-links.ts`).
 *
 * One pass over the results, keeping at most `perKind` items per kind: a project can hold a
 * million objects and only a few hundred are kept.
 */
import type { ObjectResult, ProjectEvaluation, ScriptRow } from '../evaluate/types.js'
import { itemLinks, type EditorLinkBase } from './editor-links.js'
import { scriptRowStatus } from './script-row-status.js'

export type WorstKind =
  'missed' | 'extra' | 'wrong-class' | 'no-match' | 'low-iou' | 'id-switch' | 'fragmented'

export interface WorstItem {
  kind: WorstKind
  dataTitle: string
  /** The data unit's hash, the same in the training and the benchmark project. */
  dataHash: string
  frame: number
  /**
   * Video tracks (`id-switch`, `fragmented`): the last frame the benchmark track was matched
   * before `frame`, where it follows another annotator track or is found again. Absent otherwise.
   */
  fromFrame?: number
  trainingClass: string | null
  benchmarkClass: string | null
  iou: number | null
  /** The frame in the annotator's training project's label editor; null when the run has no links. */
  trainingUrl: string | null
  /** The same frame in the benchmark project; null when the run has no links. */
  benchmarkUrl: string | null
}

/** How many of each kind the summary and the PR comment show per annotator. */
export const DEFAULT_WORST_ITEMS_PER_KIND = 5

/**
 * How many items a run keeps per project by default (`report-items`): the HTML report shows them
 * all, the summary and comment a few of each kind.
 */
export const DEFAULT_REPORT_ITEMS = 200

/**
 * The least a run keeps of each kind: what the summary shows (`DEFAULT_WORST_ITEMS_PER_KIND`),
 * so a small `report-items` never shortens the summary.
 */
export const WORST_ITEMS_KEPT = DEFAULT_WORST_ITEMS_PER_KIND

export function worstItems(
  evaluation: ProjectEvaluation,
  perKind: number,
  links: EditorLinkBase | null = null
): WorstItem[] {
  if (perKind <= 0) return []
  const items =
    evaluation.method === 'encord-script'
      ? worstScriptRows(evaluation.scriptRows, perKind)
      : [...worstObjects(evaluation.objects, perKind), ...trackItems(evaluation, perKind)]
  if (links !== null) {
    for (const item of items) Object.assign(item, itemLinks(links, item.dataHash, item.frame))
  }
  return items
}

/**
 * What a run keeps of a project (`ProjectResult.worstItems`): `total` items at most (but at
 * least `WORST_ITEMS_KEPT` of each kind there is), taken from the kinds in turn so that one kind
 * does not crowd out the others, each kind's items a prefix of its `worstItems` list, so
 * `limitWorstItems` still gives what `worstItems` would for fewer.
 */
export function keptWorstItems(
  evaluation: ProjectEvaluation,
  total: number,
  links: EditorLinkBase | null = null
): WorstItem[] {
  const perKind = Math.max(total, WORST_ITEMS_KEPT)
  const all = worstItems(evaluation, perKind, links)
  const byKind = new Map<WorstKind, WorstItem[]>()
  for (const item of all) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item])
  const share = new Map<WorstKind, number>()
  for (const kind of byKind.keys()) share.set(kind, 0)
  let kept = 0
  let round = 0
  // Round-robin: the n-th item of each kind before the (n + 1)-th of any.
  while (kept < Math.max(total, 0) && round < perKind) {
    for (const [kind, list] of byKind) {
      if (kept >= total) break
      if (round < list.length) {
        share.set(kind, round + 1)
        kept += 1
      }
    }
    round += 1
  }
  for (const [kind, list] of byKind) {
    share.set(kind, Math.max(share.get(kind) ?? 0, Math.min(list.length, WORST_ITEMS_KEPT)))
  }
  const taken = new Map<WorstKind, number>()
  return all.filter((item) => {
    const count = taken.get(item.kind) ?? 0
    taken.set(item.kind, count + 1)
    return count < (share.get(item.kind) ?? 0)
  })
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

/**
 * At most `total` of `items` (a list as `worstItems` returns it), taken from the kinds in turn
 * (the first of each kind, then the second…), each kind's items a prefix of its own, in the
 * list's order: a short list that shows every kind of mistake, not only the first kind.
 */
export function balancedWorstItems(items: readonly WorstItem[], total: number): WorstItem[] {
  const counts = new Map<WorstKind, number>()
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1)
  const share = new Map<WorstKind, number>()
  let left = Math.max(0, total)
  for (let round = 0; left > 0; round++) {
    let took = false
    for (const [kind, count] of counts) {
      if (left > 0 && round < count) {
        share.set(kind, round + 1)
        left -= 1
        took = true
      }
    }
    if (!took) break
  }
  const taken = new Map<WorstKind, number>()
  return items.filter((item) => {
    const count = taken.get(item.kind) ?? 0
    taken.set(item.kind, count + 1)
    return count < (share.get(item.kind) ?? 0)
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

/** The first ID switches and fragmentations of the video tracks, in video and frame order. */
function trackItems(evaluation: ProjectEvaluation, perKind: number): WorstItem[] {
  const first = { 'id-switch': [] as WorstItem[], fragmented: [] as WorstItem[] }
  for (const event of evaluation.trackEvents ?? []) {
    const list = first[event.kind]
    if (list.length >= perKind) continue
    list.push({
      kind: event.kind,
      dataTitle: event.dataTitle,
      dataHash: event.dataHash,
      frame: event.toFrame,
      fromFrame: event.fromFrame,
      trainingClass: event.trainingAfter.className,
      benchmarkClass: event.benchmark.className,
      iou: null,
      trainingUrl: null,
      benchmarkUrl: null
    })
  }
  return [...first['id-switch'], ...first.fragmented]
}

function objectItem(object: ObjectResult, kind: WorstKind): WorstItem {
  return {
    kind,
    dataTitle: object.dataTitle,
    dataHash: object.dataHash,
    frame: object.frame,
    trainingClass: object.training?.className ?? null,
    benchmarkClass: object.benchmark?.className ?? null,
    iou: object.iou,
    trainingUrl: null,
    benchmarkUrl: null
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
    dataHash: row.dataHash,
    frame: 0,
    trainingClass: row.training.className,
    benchmarkClass: row.bestMatch?.className ?? null,
    iou: row.iouScore,
    trainingUrl: null,
    benchmarkUrl: null
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
