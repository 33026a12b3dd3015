/**
 * The per-annotator details' track table (video only): per benchmark class, the tracks, the
 * identity and CLEAR MOT counts and scores (`evaluate/tracking/`). Empty without video.
 */
import type { ClassMetrics, Metrics } from '../evaluate/types.js'
import type { TrackingMetrics } from '../evaluate/tracking/types.js'
import { formatScore } from './format.js'
import { escapeMarkdown } from './markdown-escape.js'
import { table, type Column } from './markdown-table.js'

const MAX_ROWS = 50

const COLUMNS: [header: string, cell: (t: TrackingMetrics) => string][] = [
  ['Tracks', (t) => String(t.benchmarkTracks)],
  ['Annotator tracks', (t) => String(t.trainingTracks)],
  ['ID switches', (t) => String(t.idSwitches)],
  ['Fragmentations', (t) => String(t.fragmentations)],
  ['Mostly tracked', (t) => String(t.mostlyTracked)],
  ['Partially', (t) => String(t.partiallyTracked)],
  ['Mostly lost', (t) => String(t.mostlyLost)],
  ['IDF1', (t) => formatScore(t.idf1)],
  ['MOTA', (t) => formatScore(t.mota)],
  ['MOTP', (t) => formatScore(t.motp)]
]

export function trackingTable(overall: Metrics, perClass: readonly ClassMetrics[]): string {
  if (overall.tracking === undefined) return ''
  const rows: [string, TrackingMetrics][] = perClass.flatMap((metrics) =>
    metrics.tracking === undefined
      ? []
      : [[escapeMarkdown(metrics.className, 80), metrics.tracking] as [string, TrackingMetrics]]
  )
  const shown = rows.slice(0, MAX_ROWS)
  shown.push(['**All classes**', overall.tracking])
  const columns: Column[] = [
    { header: 'Class' },
    ...COLUMNS.map(([header]): Column => ({ header, align: 'right' }))
  ]
  const body = shown.map(([name, tracking]) => [name, ...COLUMNS.map(([, cell]) => cell(tracking))])
  const more =
    rows.length > shown.length - 1
      ? `\n_${rows.length - (shown.length - 1)} more classes are in report.json._\n`
      : ''
  return `**Video tracks** (per benchmark class)\n\n${table(columns, body)}${more}\n`
}
