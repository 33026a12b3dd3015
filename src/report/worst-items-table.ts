/**
 * The worst items as a markdown table, for the job summary, the PR comment and the feedback
 * notes: what went wrong, where, and two links into Encord's label editor, the annotator's task
 * and the same frame in the benchmark (when the run has links, `results/editor-links.ts`).
 */
import type { WorstItem, WorstKind } from '../results/worst-items.js'
import { formatScore, MISSING } from './format.js'
import { escapeMarkdown } from './markdown-escape.js'
import { table, type Column } from './markdown-table.js'

export const KIND_LABEL: Record<WorstKind, string> = {
  missed: 'Missed',
  extra: 'Extra',
  'wrong-class': 'Wrong class',
  'no-match': 'No match',
  'low-iou': 'Low IoU',
  'id-switch': 'ID switch',
  fragmented: 'Fragmented'
}

/**
 * The item's frame; for a video track's switch or fragmentation the frames it went from and to,
 * `120 → 121` (the track switched between them, or was lost after 120 and found again at 121).
 */
export function itemFrameText(item: WorstItem): string {
  return item.fromFrame === undefined ? String(item.frame) : `${item.fromFrame} → ${item.frame}`
}

/** A table of `items`, with a links column only when some item has links. */
export function worstItemsTable(items: readonly WorstItem[]): string {
  const linked = items.some((item) => item.trainingUrl !== null || item.benchmarkUrl !== null)
  const columns: Column[] = [
    { header: 'Status' },
    { header: 'Data unit' },
    { header: 'Frame', align: 'right' },
    { header: 'Training class' },
    { header: 'Benchmark class' },
    { header: 'IoU', align: 'right' },
    ...(linked ? [{ header: 'Open in Encord' }] : [])
  ]
  const rows = items.map((item) => [
    KIND_LABEL[item.kind],
    escapeMarkdown(item.dataTitle, 100),
    itemFrameText(item),
    item.trainingClass === null ? MISSING : escapeMarkdown(item.trainingClass, 60),
    item.benchmarkClass === null ? MISSING : escapeMarkdown(item.benchmarkClass, 60),
    formatScore(item.iou),
    ...(linked ? [itemLinksMarkdown(item)] : [])
  ])
  return table(columns, rows)
}

/**
 * `[task](…) · [benchmark](…)`. The URLs are ours: an origin the config checked, percent-encoded
 * hashes and a frame number, so nothing in them can end the link.
 */
export function itemLinksMarkdown(item: WorstItem): string {
  const links = [
    item.trainingUrl === null ? null : `[task](${item.trainingUrl})`,
    item.benchmarkUrl === null ? null : `[benchmark](${item.benchmarkUrl})`
  ].filter((link): link is string => link !== null)
  return links.length === 0 ? MISSING : links.join(' · ')
}
