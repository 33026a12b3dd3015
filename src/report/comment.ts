/**
 * The PR comment: a compact summary (hidden marker, verdict, annotator table, projects that could
 * not be evaluated, one worst item of each kind per annotator with its links into Encord,
 * settings, links to the run and the artifact). Details stay in the job summary.
 *
 * GitHub rejects a comment body over 65,536 characters; the body is built within a 60,000
 * character budget (UTF-16 code units, never fewer than the characters GitHub counts) the same way
 * as the summary: worst items go first, then the table keeps the annotators who failed when it
 * cannot list everyone, and a notice says what was left out and points to the job summary and the
 * artifact (whose HTML report has every kept worst item).
 */
import type { RunResult } from '../results/run-result.js'
import { REPORT_FILE_NAMES } from '../results/file-names.js'
import { auditCommentLine } from './audit.js'
import { isEvaluated, standings, verdictOf, type EvaluatedStanding } from '../results/standings.js'
import { limitWorstItems } from '../results/worst-items.js'
import { annotatorName, annotatorTable } from './annotator-table.js'
import { Budget, utf16Units } from './budget.js'
import { failureList } from './failure-list.js'
import { progressWithin } from './history-section.js'
import { escapeMarkdown } from './markdown-escape.js'
import {
  anythingOmitted,
  artifactLink,
  filesInWords,
  NOTHING_OMITTED,
  omissionNotice,
  safeUrl,
  settingsLine,
  verdictMarkdown,
  type Omissions
} from './markdown-parts.js'
import { worstItemsTable } from './worst-items-table.js'

/** GitHub's limit for a comment body, in characters. */
export const COMMENT_LIMIT_CHARS = 65_536

export interface CommentOptions {
  /** Hidden marker that finds this comment again, e.g. `<!-- encord-annotator-eval:team-a -->`. */
  marker: string
  /** Link to the uploaded artifact with the CSV and report.json. */
  artifactUrl?: string
  /** Link to the workflow run, whose job summary has the details. */
  runUrl?: string
  /** Character budget (default 60,000). */
  maxChars?: number
}

const SLACK_CHARS = 64

/** The hidden marker the comment sink looks for: one sticky comment per comment key. */
export function commentMarker(commentKey: string): string {
  const key = commentKey.trim() === '' ? 'default' : commentKey.trim()
  return `<!-- encord-annotator-eval:${key} -->`
}

export function renderComment(result: RunResult, options: CommentOptions): string {
  const budget = new Budget((options.maxChars ?? 60_000) - SLACK_CHARS, utf16Units)
  const all = standings(result)
  const evaluated = all.filter(isEvaluated)
  const evaluatedCount = evaluated.length
  const unevaluated = all.flatMap((standing) =>
    standing.status === 'failed' ? [standing.failure] : []
  )

  const runUrl = safeUrl(options.runUrl)
  const runLink = runUrl === null ? null : `[job summary](${runUrl})`
  const filesLink = artifactLink(options.artifactUrl)
  const where =
    `Everything is in ${runLink ?? 'the job summary'}` +
    ` and ${filesLink ?? filesInWords()}; every kept worst item, with its links, is in \`${REPORT_FILE_NAMES.html}\` in the artifact.`
  const marker = `${options.marker}\n`
  const head = verdictMarkdown(verdictOf(result, all))
  const links = [
    runLink === null ? null : `Details: ${runLink}`,
    filesLink === null ? null : `📎 ${filesLink}`
  ]
    .filter((link): link is string => link !== null)
    .join(' · ')
  const foot = settingsLine(result) + (links === '' ? '' : `${links}\n`)
  const worstCaseNotice = omissionNotice(
    '65,536-character',
    {
      ...NOTHING_OMITTED,
      tableRows: evaluatedCount,
      tableFailedOnly: true,
      failures: unevaluated.length,
      worstItems: evaluatedCount
    },
    where
  )
  const audit = auditCommentLine(result.audit)
  budget.reserve(marker + head + foot + worstCaseNotice + audit)

  const tableFit = annotatorTable(result, all, budget)
  const failuresFit = failureList(unevaluated, budget)
  const progress = progressWithin(result, budget, true)
  // Last in, so first left out: the table and the failures matter more.
  const worstFit = worstItemsWithin(evaluated, budget)
  const omissions: Omissions = {
    ...NOTHING_OMITTED,
    tableRows: tableFit.omitted,
    tableFailedOnly: tableFit.failedOnly,
    failures: failuresFit.omitted,
    worstItems: worstFit.omitted
  }
  const notice = anythingOmitted(omissions)
    ? omissionNotice('65,536-character', omissions, where)
    : ''
  return [
    marker,
    head,
    notice,
    tableFit.text === '' ? '' : `${tableFit.text}\n`,
    failuresFit.text,
    progress,
    worstFit.text,
    audit,
    foot
  ].join('')
}

const WORST_HEADING =
  '#### Worst items\n\nOne of each kind per annotator (expert class and class given).\n\n'

/** One worst item of each kind per annotator, in input order, while they fit. */
function worstItemsWithin(
  evaluated: readonly EvaluatedStanding[],
  budget: Budget
): { text: string; omitted: number } {
  const blocks: string[] = []
  let omitted = 0
  let headingTaken = false
  for (const standing of evaluated) {
    const items = limitWorstItems(standing.evaluation.worstItems, 1)
    if (items.length === 0) continue
    const block = `**${annotatorName(standing.evaluation.annotator)}** · ${escapeMarkdown(standing.evaluation.projectTitle)}\n\n${worstItemsTable(items)}\n`
    const fits =
      omitted === 0 && (headingTaken ? budget.take(block) : budget.take(WORST_HEADING + block))
    if (!fits) {
      omitted++
      continue
    }
    headingTaken = true
    blocks.push(block)
  }
  return { text: blocks.length === 0 ? '' : WORST_HEADING + blocks.join(''), omitted }
}
