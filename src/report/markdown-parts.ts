/**
 * Pieces the job summary and the PR comment share: the verdict heading, the settings line, links
 * and the notice shown when something had to be left out.
 */
import { REPORT_FILE_NAMES } from '../results/file-names.js'
import { thresholdInput } from '../results/metrics.js'
import type { RunResult } from '../results/run-result.js'
import { thresholdsSet, type Verdict } from '../results/standings.js'
import { confidencePercent, formatThreshold, plural } from './format.js'
import { escapeMarkdown } from './markdown-escape.js'
import { verdictText } from './verdict-text.js'

/** `### ✅ 3 of 3 annotators passed`, then the second line of the verdict if there is one. */
export function verdictMarkdown(verdict: Verdict): string {
  const { headline, detail } = verdictText(verdict)
  // ⚠️: nobody failed, but not everyone passed either (inconclusive or too little evidence).
  const mark = verdict.passed ? '✅' : verdict.stepFails ? '❌' : '⚠️'
  return `### ${mark} ${headline}\n\n${detail === null ? '' : `${detail}.\n\n`}`
}

/** What produced these numbers, in one small line. User strings are escaped. */
export function settingsLine(result: RunResult): string {
  const { settings, benchmark, tool } = result
  const thresholds = thresholdsSet(result).map(
    ([metric, threshold]) => `${thresholdInput(metric)} ${formatThreshold(threshold)}`
  )
  const parts = [
    `Method: ${settings.method}`,
    ...(settings.method === 'one-to-one' ? [`IoU threshold: ${settings.iouThreshold}`] : []),
    `Workflow stage: ${escapeMarkdown(settings.workflowStage, 80)}`,
    `Benchmark: ${escapeMarkdown(benchmark.title, 80)} (${plural(benchmark.rows, 'data unit')})`,
    `Thresholds: ${thresholds.length === 0 ? 'none' : thresholds.join(', ')}`,
    ...(thresholds.length === 0 ? [] : gateSettings(result)),
    intervalSettings(result),
    `${escapeMarkdown(tool.name, 60)} ${escapeMarkdown(tool.version, 40)}`
  ]
  return `<sub>${parts.join(' · ')}</sub>\n\n`
}

/** `Gate on: interval`, `On inconclusive: warn`, `Min data units: 10`. */
export function gateSettings(result: RunResult): string[] {
  const { settings } = result
  return [
    `Gate on: ${settings.gateOn}`,
    `On inconclusive: ${settings.onInconclusive}`,
    `Min data units: ${settings.minDataUnits}`
  ]
}

/** `Intervals: 95 %, cluster bootstrap of 2000 resamples over data units`, or `Intervals: off`. */
export function intervalSettings(result: RunResult): string {
  const { bootstrapSamples, confidenceLevel } = result.settings
  if (bootstrapSamples === 0) return 'Intervals: off'
  return `Intervals: ${confidencePercent(confidenceLevel)}, cluster bootstrap of ${bootstrapSamples} resamples over data units`
}

/** Only http(s) URLs are linked, percent-encoding what could end a markdown link early. */
export function safeUrl(url: string | undefined): string | null {
  if (url === undefined) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  return parsed.href.replace(
    /[()<>"' ]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

export function artifactLink(artifactUrl: string | undefined): string | null {
  const url = safeUrl(artifactUrl)
  return url === null ? null : `[${REPORT_FILE_NAMES.csv} and ${REPORT_FILE_NAMES.report}](${url})`
}

/** Where to find everything, for the notice when the artifact link is unknown. */
export function filesInWords(): string {
  return `\`${REPORT_FILE_NAMES.csv}\` and \`${REPORT_FILE_NAMES.report}\` (the run's artifact, or the output directory)`
}

export interface Omissions {
  /** Evaluated annotators not in the table. */
  tableRows: number
  /** The table lists only annotators who failed. */
  tableFailedOnly: boolean
  /** Unevaluated projects not listed. */
  failures: number
  /** Annotators whose details are left out. */
  details: number
  /** Annotators whose details are shown without their worst items. */
  worstItems: number
}

export const NOTHING_OMITTED: Omissions = {
  tableRows: 0,
  tableFailedOnly: false,
  failures: 0,
  details: 0,
  worstItems: 0
}

export function anythingOmitted(omissions: Omissions): boolean {
  return (
    omissions.tableRows + omissions.failures + omissions.details + omissions.worstItems > 0 ||
    omissions.tableFailedOnly
  )
}

/**
 * `> ⚠️ **Shortened to stay under GitHub's 1 MiB limit:** … Everything is in …`. `where` says
 * where the full results are (already markdown).
 */
export function omissionNotice(limit: string, omissions: Omissions, where: string): string {
  const left: string[] = []
  if (omissions.tableFailedOnly) left.push('the table lists only annotators who failed')
  if (omissions.tableRows > 0) {
    left.push(`${plural(omissions.tableRows, 'annotator')} left out of the table`)
  }
  if (omissions.failures > 0) {
    left.push(`${plural(omissions.failures, 'unevaluated project')} not listed`)
  }
  if (omissions.details > 0) {
    left.push(`details of ${plural(omissions.details, 'annotator')} left out`)
  }
  if (omissions.worstItems > 0) {
    left.push(`worst items of ${plural(omissions.worstItems, 'annotator')} left out`)
  }
  return `> ⚠️ **Shortened to stay under GitHub's ${limit} limit:** ${left.join('; ')}. ${where}\n\n`
}
