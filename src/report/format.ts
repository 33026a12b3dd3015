/**
 * How numbers look in the markdown and terminal reports (the CSV and JSON keep full precision).
 *
 * Scores are fractions in [0, 1] printed with three decimals (`0.820`), the same scale as the
 * threshold inputs (`min-mean-iou: 0.8`), so a reader compares like with like; a score that cannot
 * be computed (nothing to divide by) is `—`. Counts are whole numbers with no separators.
 */
import type { MetricFormat } from '../results/metrics.js'

export const SCORE_DECIMALS = 3
export const MISSING = '—'

export function formatScore(value: number | null): string {
  return value === null || !Number.isFinite(value) ? MISSING : value.toFixed(SCORE_DECIMALS)
}

/**
 * A confidence interval in brackets, `(0.781–0.893)`; `(—)` when it is undefined (too few
 * resamples define the score).
 */
export function formatInterval(interval: { low: number; high: number } | null): string {
  return interval === null
    ? `(${MISSING})`
    : `(${formatScore(interval.low)}–${formatScore(interval.high)})`
}

/** A metric's value as its format says (see `METRICS`). */
export function formatMetric(format: MetricFormat, value: number | null): string {
  switch (format) {
    case 'fraction':
      return formatScore(value)
    case 'count':
      return value === null || !Number.isFinite(value) ? MISSING : String(value)
  }
}

const MAX_DECIMALS = 10

/** A threshold as given: three decimals, more if it has them (0.8125 is not rounded to 0.813). */
export function formatThreshold(threshold: number): string {
  return threshold.toFixed(thresholdDecimals(threshold))
}

function thresholdDecimals(threshold: number): number {
  let decimals = SCORE_DECIMALS
  while (decimals < MAX_DECIMALS && Number(threshold.toFixed(decimals)) !== threshold) decimals++
  return decimals
}

/**
 * A score next to its threshold, with enough decimals that the two never print the same unless
 * they are equal: 0.7996 against 0.8 must not read `0.800 < 0.800`.
 */
export function formatAgainstThreshold(
  actual: number | null,
  threshold: number
): { actual: string; threshold: string } {
  let decimals = thresholdDecimals(threshold)
  if (actual === null || !Number.isFinite(actual)) {
    return { actual: MISSING, threshold: threshold.toFixed(decimals) }
  }
  while (
    decimals < MAX_DECIMALS &&
    actual !== threshold &&
    actual.toFixed(decimals) === threshold.toFixed(decimals)
  ) {
    decimals++
  }
  return { actual: actual.toFixed(decimals), threshold: threshold.toFixed(decimals) }
}

export function formatRatio(part: number, whole: number, unit: string): string {
  return `${part}/${whole} ${unit}`
}

/** `1 annotator`, `3 annotators`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/** A confidence level as a percentage: 0.95 → `95 %`; 0.995 → `99.5 %`. */
export function confidencePercent(level: number): string {
  return `${Number((level * 100).toPrecision(10))} %`
}
