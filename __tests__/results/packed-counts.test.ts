// The bootstrap's per-unit counts with whole fields packed several to a number: after a resample's
// additions and `unpackWords`, every class-field sum must be exactly the sum of weight × count
// taken field by field, for small counts, counts near the 2⁵³ limit and fractional ones.
import { describe, expect, it } from '@jest/globals'
import { SCORED_FIELDS, TALLY_FIELDS } from '../../src/evaluate/metrics.js'
import type { UnitTallies } from '../../src/evaluate/types.js'
import { resampledCounts, unpackWords } from '../../src/results/packed-counts.js'

/** A small deterministic generator for the test data (not the one under test). */
function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function randomTallies(seed: number, units: number, classes: number, largest: number): UnitTallies {
  const random = lcg(seed)
  const stride = TALLY_FIELDS.length
  const entryStart = new Uint32Array(units + 1)
  const entryClass: number[] = []
  const values: number[] = []
  for (let unit = 0; unit < units; unit++) {
    for (let c = 0; c < classes; c++) {
      if (random() < 0.4) continue
      entryClass.push(c)
      for (const field of TALLY_FIELDS) {
        const zero = random() < 0.3
        const whole = Math.floor(random() * (largest + 1))
        // The IoU sum is fractional, as it is in real tallies.
        values.push(zero ? 0 : field === 'iouSum' ? random() * 10 : whole)
      }
    }
    entryStart[unit + 1] = entryClass.length
  }
  expect(values.length).toBe(entryClass.length * stride)
  return {
    classes: Array.from({ length: classes }, (_, c) => `class${c}`),
    units,
    entryStart,
    entryClass: Uint32Array.from(entryClass),
    values: Float64Array.from(values)
  }
}

/** Random weights summing to n, as a resample's are. */
function randomWeights(seed: number, n: number): Uint32Array {
  const random = lcg(seed)
  const weights = new Uint32Array(n)
  for (let draw = 0; draw < n; draw++) {
    const unit = Math.floor(random() * n)
    weights[unit] = (weights[unit] as number) + 1
  }
  return weights
}

/** The sums field by field, unit by unit, as the bootstrap added them before packing. */
function directSums(tallies: UnitTallies, weights: Uint32Array): Float64Array {
  const stride = TALLY_FIELDS.length
  const fields = SCORED_FIELDS.length
  const sums = new Float64Array(tallies.classes.length * fields)
  for (let unit = 0; unit < tallies.units; unit++) {
    const weight = weights[unit] as number
    if (weight === 0) continue
    for (
      let e = tallies.entryStart[unit] as number;
      e < (tallies.entryStart[unit + 1] as number);
      e++
    ) {
      for (const [f, field] of SCORED_FIELDS.entries()) {
        const amount = tallies.values[e * stride + TALLY_FIELDS.indexOf(field)] as number
        if (amount === 0) continue
        const column = (tallies.entryClass[e] as number) * fields + f
        sums[column] = (sums[column] as number) + weight * amount
      }
    }
  }
  return sums
}

function packedSums(tallies: UnitTallies, weights: Uint32Array): Float64Array {
  const counts = resampledCounts(tallies)
  const sums = new Float64Array(counts.width)
  for (let unit = 0; unit < tallies.units; unit++) {
    const weight = weights[unit] as number
    if (weight === 0) continue
    for (
      let at = counts.unitStart[unit] as number;
      at < (counts.unitStart[unit + 1] as number);
      at++
    ) {
      const column = counts.columns[at] as number
      sums[column] = (sums[column] as number) + weight * (counts.amounts[at] as number)
    }
  }
  unpackWords(sums, counts.words)
  return sums.subarray(0, tallies.classes.length * SCORED_FIELDS.length)
}

describe('resampledCounts', () => {
  // Largest counts from a few objects to 2⁴⁰ (one field per word, then none packed at all).
  it.each([
    [1, 1000, 4, 10],
    [2, 300, 7, 80],
    [3, 50, 3, 2 ** 20],
    [4, 40, 2, 2 ** 40],
    [5, 1, 1, 5]
  ])(
    'gives every class-field sum exactly (seed %i, %i units, %i classes, counts up to %i)',
    (seed, units, classes, largest) => {
      const tallies = randomTallies(seed, units, classes, largest)
      for (let resample = 0; resample < 5; resample++) {
        const weights = randomWeights(seed * 100 + resample, units)
        expect(packedSums(tallies, weights)).toEqual(directSums(tallies, weights))
      }
    }
  )

  it('packs small whole counts several to a number, and leaves fractional ones alone', () => {
    const tallies = randomTallies(6, 1000, 4, 10)
    const counts = resampledCounts(tallies)
    // Seven whole scored fields per class (all but the IoU sum and the classification score,
    // which the generator leaves whole too, so eight): at most 2⁵³ per word, 3 per word here.
    expect(counts.words.length).toBeGreaterThanOrEqual(4 * 2)
    expect(counts.words.length).toBeLessThanOrEqual(4 * 3)
    const iou = SCORED_FIELDS.indexOf('iouSum')
    for (const word of counts.words) {
      expect(word.targets.length).toBeGreaterThanOrEqual(1)
      expect(word.targets.every((column) => column % SCORED_FIELDS.length !== iou)).toBe(true)
      const product = word.radices.reduce((a, b) => a * b, 1)
      expect(product).toBeLessThan(2 ** 53)
    }
    // Fewer additions per resample than one per non-zero count.
    const nonZero = SCORED_FIELDS.map((field) => TALLY_FIELDS.indexOf(field)).reduce(
      (total, at) =>
        total +
        Array.from({ length: tallies.entryClass.length }).filter(
          (_, e) => tallies.values[e * TALLY_FIELDS.length + at] !== 0
        ).length,
      0
    )
    expect(counts.amounts.length).toBeLessThan(nonZero / 1.5)
  })

  it('does not pack a field with a fractional or negative count anywhere', () => {
    const tallies = randomTallies(7, 100, 2, 10)
    const stride = TALLY_FIELDS.length
    tallies.values[TALLY_FIELDS.indexOf('truePositives')] = 0.5
    tallies.values[stride + TALLY_FIELDS.indexOf('benchmarkObjects')] = -1
    const counts = resampledCounts(tallies)
    const fields = SCORED_FIELDS.length
    const packedFields = new Set(
      counts.words.flatMap((word) => word.targets.map((c) => c % fields))
    )
    expect(packedFields.has(SCORED_FIELDS.indexOf('truePositives'))).toBe(false)
    expect(packedFields.has(SCORED_FIELDS.indexOf('benchmarkObjects'))).toBe(false)
    const weights = randomWeights(8, 100)
    expect(packedSums(tallies, weights)).toEqual(directSums(tallies, weights))
  })
})
