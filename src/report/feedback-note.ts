/**
 * A feedback note as markdown, addressed to the annotator (`output-dir/feedback/<file name>`):
 * the scores against the bar, what went well, the most frequent kinds of error, any systematic
 * geometry bias, and the worst items with links into Encord. The data comes from
 * `results/feedback-note.ts`; every user string goes through `escapeMarkdown`.
 */
import { ERROR_KINDS, type ErrorKind } from '../results/error-kinds.js'
import { feedbackNotes, type FeedbackNote } from '../results/feedback-note.js'
import type { RunResult } from '../results/run-result.js'
import { formatInterval, formatScore, formatThreshold, MISSING } from './format.js'
import { escapeMarkdown } from './markdown-escape.js'
import { table } from './markdown-table.js'
import { worstItemsTable } from './worst-items-table.js'

export interface RenderedNote {
  /** File name under `feedback/`. */
  fileName: string
  markdown: string
}

const ERROR_LABEL: Record<ErrorKind, string> = {
  missed: 'missed',
  extra: 'extra',
  'wrong-class': 'wrong class',
  'low-overlap': 'low overlap',
  attribute: 'attribute disagreement',
  classification: 'classification disagreement'
}

/** Every evaluated project's note, in input order. */
export function renderFeedbackNotes(result: RunResult): RenderedNote[] {
  return feedbackNotes(result).map((note) => ({
    fileName: note.fileName,
    markdown: renderFeedbackNote(note)
  }))
}

export function renderFeedbackNote(note: FeedbackNote): string {
  const who = note.annotator === null ? 'the annotator' : escapeMarkdown(note.annotator)
  const parts = [
    `# Feedback for ${who}\n\n`,
    `Training project **${escapeMarkdown(note.projectTitle)}**${note.projectTitle === note.projectHash ? '' : ` (${escapeMarkdown(note.projectHash)})`}, ` +
      `scored against the benchmark **${escapeMarkdown(note.benchmarkTitle)}** with ${note.method}.\n\n`,
    scoresSection(note),
    wentWellSection(note),
    errorsSection(note),
    biasSection(note),
    worstSection(note)
  ]
  return parts.join('')
}

function scoresSection(note: FeedbackNote): string {
  const withIntervals = note.scores.some((score) => score.interval !== null)
  const rows = note.scores.map((score) => [
    score.label,
    formatScore(score.value),
    ...(withIntervals ? [formatInterval(score.interval)] : []),
    score.threshold === null ? MISSING : formatThreshold(score.threshold),
    score.meets === null ? MISSING : score.meets ? '✅ meets the bar' : '❌ below the bar'
  ])
  return `## Your scores\n\n${table(
    [
      { header: 'Score' },
      { header: 'Yours', align: 'right' },
      ...(withIntervals ? [{ header: 'Interval' }] : []),
      { header: 'Bar', align: 'right' },
      { header: 'Verdict' }
    ],
    rows
  )}\n`
}

function wentWellSection(note: FeedbackNote): string {
  const lines =
    note.wentWell.length === 0
      ? ['Nothing stood out this time; the sections below say what to work on.']
      : note.wentWell
  return `## What went well\n\n${lines.map((line) => `- ${escapeMarkdown(line, 300)}\n`).join('')}\n`
}

function errorsSection(note: FeedbackNote): string {
  const total = ERROR_KINDS.reduce((sum, kind) => sum + note.errorTotals[kind], 0)
  if (total === 0)
    return '## What to work on\n\nNo errors found: every object and answer agrees with the expert.\n\n'
  const top = note.topErrors
    .map((error, index) => `${index + 1}. ${escapeMarkdown(error.text, 300)}\n`)
    .join('')
  const totals = ERROR_KINDS.filter((kind) => note.errorTotals[kind] > 0)
    .map((kind) => `${ERROR_LABEL[kind]} ${note.errorTotals[kind]}`)
    .join(' · ')
  return (
    `## What to work on\n\nYour ${note.topErrors.length === 1 ? 'most frequent kind' : `${note.topErrors.length} most frequent kinds`} of error:\n\n${top}\n` +
    `All errors: ${totals} (low overlap means IoU below ${note.lowIou}).\n\n`
  )
}

function biasSection(note: FeedbackNote): string {
  if (note.bias.length === 0) return ''
  const lines = note.bias.map((bias) => `- ${escapeMarkdown(bias.text, 300)}\n`).join('')
  return `## Your geometry\n\nCompared with the expert’s shapes on the objects you both drew:\n\n${lines}\n`
}

function worstSection(note: FeedbackNote): string {
  if (note.worstItems.length === 0) return '## Your worst items\n\nNone: nothing to review.\n'
  const count = note.worstItems.length
  return `## Your ${count === 1 ? 'worst item' : `${count} worst items`}\n\n${worstItemsTable(note.worstItems)}`
}
