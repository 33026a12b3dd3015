/**
 * The PR comment: a compact summary (hidden marker, verdict, annotator table, projects that could
 * not be evaluated, settings, links to the run and the artifact). Details stay in the job summary.
 *
 * GitHub rejects a comment body over 65,536 characters; the body is built within a 60,000
 * character budget (UTF-16 code units, never fewer than the characters GitHub counts) the same way
 * as the summary: the table keeps the annotators who failed when it cannot list everyone, and a
 * notice points to the job summary and the artifact.
 */
import type { RunResult } from '../results/run-result.js'
import { standings, verdictOf } from '../results/standings.js'
import { annotatorTable } from './annotator-table.js'
import { Budget, utf16Units } from './budget.js'
import { failureList } from './failure-list.js'
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
  const evaluatedCount = all.filter((standing) => standing.status === 'evaluated').length
  const unevaluated = all.flatMap((standing) =>
    standing.status === 'failed' ? [standing.failure] : []
  )

  const runUrl = safeUrl(options.runUrl)
  const runLink = runUrl === null ? null : `[job summary](${runUrl})`
  const filesLink = artifactLink(options.artifactUrl)
  const where =
    `Everything is in ${runLink ?? 'the job summary'}` + ` and ${filesLink ?? filesInWords()}.`
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
      failures: unevaluated.length
    },
    where
  )
  budget.reserve(marker + head + foot + worstCaseNotice)

  const tableFit = annotatorTable(result, all, budget)
  const failuresFit = failureList(unevaluated, budget)
  const omissions: Omissions = {
    ...NOTHING_OMITTED,
    tableRows: tableFit.omitted,
    tableFailedOnly: tableFit.failedOnly,
    failures: failuresFit.omitted
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
    foot
  ].join('')
}
