/**
 * How a verdict and a threshold check look in the markdown reports (summary, comment, details)
 * and the terminal: one mark or word per verdict, and a gated score with its interval.
 */
import type { CheckOutcome, VerdictName } from '../results/gate.js'
import type { Interval } from '../results/intervals.js'
import { formatInterval, formatScore } from './format.js'

export const VERDICT_MARK: Record<VerdictName, string> = {
  pass: '✅',
  fail: '❌',
  inconclusive: '⚠️',
  'insufficient-evidence': '❔'
}

export const CHECK_MARK: Record<CheckOutcome, string> = {
  pass: VERDICT_MARK.pass,
  fail: VERDICT_MARK.fail,
  inconclusive: VERDICT_MARK.inconclusive
}

/** The terminal's words, ASCII so that columns line up everywhere. */
export const VERDICT_WORD: Record<VerdictName, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  inconclusive: 'INCONCLUSIVE',
  'insufficient-evidence': 'INSUFFICIENT'
}

/** In sentences and the legend: `insufficient evidence`. */
export const VERDICT_PHRASE: Record<VerdictName, string> = {
  pass: 'pass',
  fail: 'fail',
  inconclusive: 'inconclusive',
  'insufficient-evidence': 'insufficient evidence'
}

/** `0.842 (0.781–0.893)`; the score alone when intervals are off (`intervals` false). */
export function scoreWithInterval(
  value: number | null,
  interval: Interval | null,
  intervals: boolean
): string {
  if (!intervals || value === null) return formatScore(value)
  return `${formatScore(value)} ${formatInterval(interval)}`
}

/** `0.781–0.893`, for a threshold check gated on the interval. */
export function intervalRange(interval: Interval | null, separator = '–'): string {
  return interval === null
    ? formatScore(null)
    : `${formatScore(interval.low)}${separator}${formatScore(interval.high)}`
}
