/**
 * The worst items on a terminal (the CLI's output, the action's log): a few per annotator, each
 * with its links as plain URLs, which terminals make clickable. User strings are made inert.
 */
import type { RunResult } from '../results/run-result.js'
import { limitWorstItems } from '../results/worst-items.js'
import { REPORT_FILE_NAMES } from '../results/file-names.js'
import { formatScore, MISSING } from './format.js'
import { inert } from './terminal-text.js'
import { itemFrameText, KIND_LABEL } from './worst-items-table.js'

export interface TerminalWorstItemsOptions {
  /** Items of each kind per annotator (default 1). */
  perKind?: number
}

/** Empty when no annotator has a worst item. */
export function renderTerminalWorstItems(
  result: RunResult,
  options: TerminalWorstItemsOptions = {}
): string {
  const perKind = options.perKind ?? 1
  const blocks: string[] = []
  for (const outcome of result.projects) {
    if (outcome.status !== 'evaluated') continue
    const project = outcome.evaluation
    const items = limitWorstItems(project.worstItems, perKind)
    if (items.length === 0) continue
    // Indented: no user string starts a line, so none can read as a workflow command (`::…`).
    const lines = [
      `  ${inert(project.annotator ?? 'unknown annotator')} · ${inert(project.projectTitle)}`
    ]
    for (const item of items) {
      const classes = `${inert(item.benchmarkClass ?? MISSING)} → ${inert(item.trainingClass ?? MISSING)}`
      lines.push(
        `    ${KIND_LABEL[item.kind]}: ${inert(item.dataTitle)}, frame ${itemFrameText(item)}, ${classes}, IoU ${formatScore(item.iou)}`
      )
      if (item.trainingUrl !== null) lines.push(`      task:      ${item.trainingUrl}`)
      if (item.benchmarkUrl !== null) lines.push(`      benchmark: ${item.benchmarkUrl}`)
    }
    blocks.push(lines.join('\n'))
  }
  if (blocks.length === 0) return ''
  const heading = `Worst items (expert class → given class; every kept item is in ${REPORT_FILE_NAMES.html}, every object in ${REPORT_FILE_NAMES.csv}):`
  return `${heading}\n${blocks.join('\n')}\n`
}
