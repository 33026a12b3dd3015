/**
 * The job summary: verdict first, the annotator table, the projects that could not be evaluated,
 * then a collapsible detail per annotator (per-class table, confusion matrix, worst items), the
 * settings line and a link to the CSV and JSON report.
 *
 * GitHub refuses a step summary over 1 MiB, so the summary is built within a byte budget. What
 * must be shown (verdict, settings, the notice) is reserved first; then the table, the failed
 * projects, the details without worst items, and last the worst items, each taken while it fits.
 * So worst items are the first thing dropped and the details next, annotator by annotator from the
 * end of the list; a visible notice says what was left out and where to find it.
 */
import type { RunResult } from '../results/run-result.js'
import { isEvaluated, standings, verdictOf, type EvaluatedStanding } from '../results/standings.js'
import { REPORT_FILE_NAMES } from '../results/file-names.js'
import { renderAuditSection } from './audit.js'
import { renderPreflightSection } from './preflight-section.js'
import { DEFAULT_WORST_ITEMS_PER_KIND, limitWorstItems } from '../results/worst-items.js'
import { annotatorDetails } from './annotator-details.js'
import { annotatorTable } from './annotator-table.js'
import { Budget, utf8Bytes } from './budget.js'
import { failureList } from './failure-list.js'
import { progressWithin } from './history-section.js'
import {
  anythingOmitted,
  artifactLink,
  filesInWords,
  omissionNotice,
  settingsLine,
  verdictMarkdown,
  type Omissions
} from './markdown-parts.js'

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

export interface SummaryOptions {
  /** Link to the uploaded artifact with the CSV and report.json. */
  artifactUrl?: string
  /**
   * Byte budget (default 900 KiB): under GitHub's 1 MiB with room for anything else the step
   * appends to its summary.
   */
  maxBytes?: number
  /**
   * Worst items shown per kind of mistake and annotator (default 5, the least a run keeps:
   * `WORST_ITEMS_KEPT`).
   */
  worstItemsPerKind?: number
}

const DETAILS_HEADING = '#### Per annotator\n\n'
// Line breaks between sections, and rounding: a little room the pieces do not account for.
const SLACK_BYTES = 64

export function renderSummary(result: RunResult, options: SummaryOptions = {}): string {
  const budget = new Budget((options.maxBytes ?? 900 * 1024) - SLACK_BYTES, utf8Bytes)
  const perKind = options.worstItemsPerKind ?? DEFAULT_WORST_ITEMS_PER_KIND
  const all = standings(result)
  const evaluated = all.filter(isEvaluated)
  const unevaluated = all.flatMap((standing) =>
    standing.status === 'failed' ? [standing.failure] : []
  )

  const link = artifactLink(options.artifactUrl)
  const where =
    `Every result is in ${link ?? filesInWords()}; every kept worst item, with its links, is in` +
    ` \`${REPORT_FILE_NAMES.html}\` there.`
  const head = verdictMarkdown(verdictOf(result, all))
  const foot = settingsLine(result) + (link === null ? '' : `📎 Full results: ${link}\n`)
  const worstCaseNotice = omissionNotice(
    '1 MiB',
    {
      tableRows: evaluated.length,
      tableFailedOnly: true,
      failures: unevaluated.length,
      details: evaluated.length,
      worstItems: evaluated.length
    },
    where
  )
  // The audit's section is short (at most AUDIT_SUMMARY_ROWS suspects): always shown.
  const audit = renderAuditSection(result.audit)
  // So is preflight's (one row per project, the few findings): what is wrong with the set-up.
  const preflight = renderPreflightSection(result.preflight)
  budget.reserve(head + foot + worstCaseNotice + DETAILS_HEADING + audit + preflight)

  const tableFit = annotatorTable(result, all, budget)
  const failuresFit = failureList(unevaluated, budget)
  const progress = progressWithin(result, budget, false)
  const details = detailsWithin(evaluated, budget, perKind)

  const omissions: Omissions = {
    tableRows: tableFit.omitted,
    tableFailedOnly: tableFit.failedOnly,
    failures: failuresFit.omitted,
    details: evaluated.length - details.shown,
    worstItems: perKind > 0 ? details.shown - details.withWorstItems : 0
  }
  const notice = anythingOmitted(omissions) ? omissionNotice('1 MiB', omissions, where) : ''
  return [
    head,
    notice,
    tableFit.text === '' ? '' : `${tableFit.text}\n`,
    failuresFit.text,
    progress,
    details.text === '' ? '' : DETAILS_HEADING + details.text,
    audit,
    preflight,
    foot
  ].join('')
}

interface DetailsFit {
  text: string
  shown: number
  withWorstItems: number
}

/**
 * Details for as many annotators as fit, in input order, without worst items; then worst items
 * added to those details, in the same order, while they fit.
 */
function detailsWithin(
  evaluated: readonly EvaluatedStanding[],
  budget: Budget,
  perKind: number
): DetailsFit {
  const texts: string[] = []
  for (const standing of evaluated) {
    const text = annotatorDetails(standing, null)
    if (!budget.take(text)) break
    texts.push(text)
  }
  let withWorstItems = 0
  for (const [index, text] of texts.entries()) {
    const standing = evaluated[index]
    if (standing === undefined || perKind <= 0) break
    const richer = annotatorDetails(
      standing,
      limitWorstItems(standing.evaluation.worstItems, perKind)
    )
    if (!budget.takeSize(budget.measure(richer) - budget.measure(text))) break
    texts[index] = richer
    withWorstItems++
  }
  return { text: texts.join(''), shown: texts.length, withWorstItems }
}
