/**
 * How sure a project's scores are: a confidence interval for each score, overall and per class,
 * by a cluster bootstrap over benchmark data units.
 *
 * Objects on one image (or frames of one video) are not independent, so the unit resampled is the
 * data unit: draw as many units as were scored, with replacement; add up the drawn units' raw
 * tallies; recompute each score from the sums with `scoresOf` — the very function that gives the
 * point estimates, so the two cannot drift apart — and take the percentiles of each score over the
 * resamples. A score whose denominator is 0 in a resample is left out of that resample; when
 * fewer than half of the resamples define it, its interval is null.
 *
 * Pure and deterministic: the generator is seeded from the benchmark and training project hashes,
 * so the same labels give the same intervals, run after run, on any thread.
 */
import { createHash } from 'node:crypto'
import { emptyTally, SCORED_FIELDS, scoresOf } from '../evaluate/metrics.js'
import type { IntervalOptions, Method, Scores, Tally, UnitTallies } from '../evaluate/types.js'
import { metricsComputedBy } from './metrics.js'
import { resampledCounts, unpackWords } from './packed-counts.js'
import { drawWeights, resampleGenerator } from './resample-weights.js'

/** A score's confidence interval, on the score's own scale. */
export interface Interval {
  low: number
  high: number
}

/** One interval per score the method computes, in `METRICS` order; null when it is undefined. */
export type ScoreIntervals = Partial<Record<keyof Scores, Interval | null>>

export interface ClassIntervals {
  featureHash: string
  intervals: ScoreIntervals
}

export interface ProjectIntervals {
  overall: ScoreIntervals
  /** In the order of the project's `perClass`. */
  perClass: ClassIntervals[]
}

export const DEFAULT_BOOTSTRAP_SAMPLES = 2000
export const DEFAULT_CONFIDENCE_LEVEL = 0.95

/** The seed for a training project scored against a benchmark: the same pair, the same draws. */
export function bootstrapSeed(benchmarkHash: string, trainingHash: string): number {
  return createHash('sha256').update(`${benchmarkHash}\n${trainingHash}`).digest().readInt32LE(0)
}

/**
 * Intervals of every score `method` computes, overall and per class; null when intervals are
 * off (`samples` 0) or there is no unit to resample.
 */
export function bootstrapIntervals(
  tallies: UnitTallies,
  method: Method,
  options: IntervalOptions,
  seed: number
): ProjectIntervals | null {
  const { samples, confidenceLevel } = options
  const n = tallies.units
  if (samples <= 0 || n === 0) return null
  const metrics = metricsComputedBy(method).map((metric) => metric.name)
  const draws = scoreDraws(tallies, method, metrics, samples, seed)

  const intervalsOf = (group: number): ScoreIntervals =>
    Object.fromEntries(
      metrics.map((name, m) => {
        const start = (group * metrics.length + m) * samples
        return [name, percentileInterval(draws.subarray(start, start + samples), confidenceLevel)]
      })
    )
  return {
    overall: intervalsOf(0),
    perClass: tallies.classes.map((featureHash, c) => ({
      featureHash,
      intervals: intervalsOf(c + 1)
    }))
  }
}

/**
 * Every resample's scores: [group][metric][sample], group 0 overall, then each class; NaN where a
 * score is undefined. A function of its own so that V8 optimises the loop whole: as part of
 * `bootstrapIntervals` it was compiled mid-loop, then thrown out at the loop's end on every call.
 */
function scoreDraws(
  tallies: UnitTallies,
  method: Method,
  metrics: readonly (keyof Scores)[],
  samples: number,
  seed: number
): Float64Array {
  const n = tallies.units
  const classes = tallies.classes.length
  // Only the fields the scores read are summed; the others stay 0 in the tally scored.
  const fields = SCORED_FIELDS.length
  const { unitStart, columns, amounts, width, words } = resampledCounts(tallies)
  const draws = new Float64Array((classes + 1) * metrics.length * samples)
  const weights = new Uint32Array(n)
  // Sums per class (`class * fields + field`), then the overall sums, then the packed words.
  const sums = new Float64Array(width)
  const overallBase = classes * fields
  const generator = resampleGenerator(seed)
  const tally = emptyTally()

  for (let sample = 0; sample < samples; sample++) {
    weights.fill(0)
    drawWeights(generator, n, weights)
    sums.fill(0)
    for (let unit = 0; unit < n; unit++) {
      const weight = weights[unit] as number
      if (weight === 0) continue
      const end = unitStart[unit + 1] as number
      for (let at = unitStart[unit] as number; at < end; at++) {
        const column = columns[at] as number
        sums[column] = (sums[column] as number) + weight * (amounts[at] as number)
      }
    }
    unpackWords(sums, words)
    for (let column = 0; column < overallBase; column++) {
      const field = overallBase + (column % fields)
      sums[field] = (sums[field] as number) + (sums[column] as number)
    }
    for (let group = 0; group <= classes; group++) {
      // Group 0 is the overall tally, kept after the classes'.
      readTally(sums, group === 0 ? overallBase : (group - 1) * fields, tally)
      const scores = scoresOf(tally, method)
      // Index loops, not entries(): an iterator's pairs, per group and resample, were the
      // bootstrap's main allocation.
      for (let m = 0; m < metrics.length; m++) {
        const name = metrics[m] as keyof Scores
        draws[(group * metrics.length + m) * samples + sample] = scores[name] ?? Number.NaN
      }
    }
  }

  return draws
}

function readTally(sums: Float64Array, base: number, into: Tally): void {
  for (let field = 0; field < SCORED_FIELDS.length; field++) {
    into[SCORED_FIELDS[field] as keyof Tally] = sums[base + field] as number
  }
}

/**
 * The central `level` interval of the defined draws (NaN marks an undefined one), by linear
 * interpolation between order statistics; null when fewer than half of the draws are defined.
 */
export function percentileInterval(draws: Float64Array, level: number): Interval | null {
  // A loop rather than `filter`: a typed array's filter calls back per element and was a third
  // of the bootstrap on small projects.
  const kept = new Float64Array(draws.length)
  let count = 0
  for (let k = 0; k < draws.length; k++) {
    const value = draws[k] as number
    if (!Number.isNaN(value)) kept[count++] = value
  }
  const defined = kept.subarray(0, count).sort()
  if (defined.length === 0 || defined.length * 2 < draws.length) return null
  const tail = (1 - level) / 2
  return { low: quantile(defined, tail), high: quantile(defined, 1 - tail) }
}

/** The q-quantile of sorted values, interpolating linearly (the default of R and NumPy). */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.min(below + 1, sorted.length - 1)
  const lower = sorted[below] as number
  const upper = sorted[above] as number
  return lower + (upper - lower) * (position - below)
}
