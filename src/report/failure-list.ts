/**
 * The training projects that could not be evaluated, one markdown list item each with the
 * one-line reason, taken while they fit the budget.
 */
import type { ProjectFailure } from '../results/run-result.js'
import type { Budget } from './budget.js'
import { escapeMarkdown } from './markdown-escape.js'

export const FAILURES_HEADING = '**Could not be evaluated**\n\n'

export interface FailureListFit {
  text: string
  omitted: number
}

export function failureList(failures: readonly ProjectFailure[], budget: Budget): FailureListFit {
  if (failures.length === 0) return { text: '', omitted: 0 }
  if (!budget.take(FAILURES_HEADING)) return { text: '', omitted: failures.length }
  let text = FAILURES_HEADING
  let shown = 0
  for (const failure of failures) {
    const item = failureItem(failure)
    if (!budget.take(item)) break
    text += item
    shown++
  }
  return { text: `${text}\n`, omitted: failures.length - shown }
}

/** `- ❌ **Title** (hash): what went wrong`. */
export function failureItem(failure: ProjectFailure): string {
  const hash = escapeMarkdown(failure.projectHash)
  const name =
    failure.projectTitle === null ? hash : `**${escapeMarkdown(failure.projectTitle)}** (${hash})`
  return `- ❌ ${name}: ${escapeMarkdown(failure.message, 500)}\n`
}
