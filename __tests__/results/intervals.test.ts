// The cluster bootstrap over data units: scores recomputed from summed tallies, percentile
// intervals, seeded so that the same labels give the same intervals; and, on projects simulated
// from a known model, 95 % intervals of recall that cover the true recall about 95 % of the time.
import { describe, expect, it } from '@jest/globals'
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'
import { emptyTally, SCORED_FIELDS, scoresOf, TALLY_FIELDS } from '../../src/evaluate/metrics.js'
import type { Tally, UnitTallies } from '../../src/evaluate/types.js'
import {
  bootstrapIntervals,
  bootstrapSeed,
  percentileInterval
} from '../../src/results/intervals.js'

/** Per-unit tallies from a list of units, each a map of class → counts. */
function unitTallies(classes: string[], units: Partial<Record<string, Partial<Tally>>>[]) {
  const entryStart = new Uint32Array(units.length + 1)
  const entryClass: number[] = []
  const values: number[] = []
  units.forEach((unit, index) => {
    classes.forEach((featureHash, c) => {
      const counts = unit[featureHash]
      if (counts === undefined) return
      const tally = { ...emptyTally(), ...counts }
      entryClass.push(c)
      for (const field of TALLY_FIELDS) values.push(tally[field])
    })
    entryStart[index + 1] = entryClass.length
  })
  const tallies: UnitTallies = {
    classes,
    units: units.length,
    entryStart,
    entryClass: Uint32Array.from(entryClass),
    values: Float64Array.from(values)
  }
  return tallies
}

/** A detection unit: `found` of `objects` benchmark objects found, `extra` more labelled. */
const detections = (objects: number, found: number, extra = 0): Partial<Tally> => ({
  benchmarkObjects: objects,
  trainingObjects: found + extra,
  truePositives: found,
  missed: objects - found,
  extra,
  iouSum: found * 0.8
})

const OPTIONS = { samples: 2000, confidenceLevel: 0.95 }

describe('SCORED_FIELDS', () => {
  it('holds every field a score reads, and only those', () => {
    const base: Tally = { ...emptyTally(), ...detections(10, 7, 2), wrongClass: 1 }
    Object.assign(base, {
      attributesAgreeing: 3,
      attributesCompared: 4,
      classificationScore: 2,
      classificationsCompared: 3
    })
    for (const method of ['one-to-one', 'encord-script'] as const) {
      for (const field of TALLY_FIELDS) {
        const moved = scoresOf({ ...base, [field]: base[field] + 1 }, method)
        const changed = JSON.stringify(moved) !== JSON.stringify(scoresOf(base, method))
        if (!SCORED_FIELDS.includes(field)) expect([field, changed]).toEqual([field, false])
        else if (method === 'one-to-one') expect([field, changed]).toEqual([field, true])
      }
    }
  })
})

describe('bootstrapIntervals', () => {
  const units = Array.from({ length: 30 }, (_, i) => ({
    car: detections(4, i % 4 === 0 ? 2 : 4, i % 5 === 0 ? 1 : 0),
    ...(i % 3 === 0 ? { person: detections(2, i % 2 === 0 ? 2 : 1) } : {})
  }))
  const tallies = unitTallies(['car', 'person'], units)

  it('brackets each score computed from the same tallies, overall and per class', () => {
    const intervals = bootstrapIntervals(tallies, 'one-to-one', OPTIONS, 7)
    if (intervals === null) throw new Error('expected intervals')
    // The point estimate from all units, with the same function the bootstrap uses.
    const total = emptyTally()
    for (const unit of units) {
      for (const counts of Object.values(unit)) {
        for (const field of TALLY_FIELDS) total[field] += counts[field] ?? 0
      }
    }
    const point = scoresOf(total)
    for (const name of ['precision', 'recall', 'f1', 'meanIou'] as const) {
      const interval = intervals.overall[name]
      const value = point[name]
      if (!interval || value === null) throw new Error(`no interval for ${name}`)
      expect(interval.low).toBeLessThanOrEqual(value)
      expect(interval.high).toBeGreaterThanOrEqual(value)
      expect(interval.high - interval.low).toBeGreaterThan(0)
    }
    // Every matched pair has IoU 0.8, so every resample gives exactly 0.8.
    expect(intervals.overall.meanIou?.low).toBeCloseTo(0.8, 12)
    expect(intervals.overall.meanIou?.high).toBeCloseTo(0.8, 12)
    expect(intervals.perClass.map((entry) => entry.featureHash)).toEqual(['car', 'person'])
    // Only the one-to-one scores, in METRICS order.
    expect(Object.keys(intervals.overall)).toEqual([
      'precision',
      'recall',
      'f1',
      'meanIou',
      'classAccuracy',
      'attributeAccuracy',
      'classificationAccuracy'
    ])
    // Nothing compared anywhere: undefined in every resample, so no interval.
    expect(intervals.overall.attributeAccuracy).toBeNull()
    expect(intervals.overall.classificationAccuracy).toBeNull()
  })

  it('gives the same intervals for the same seed and other ones for another seed', () => {
    const once = bootstrapIntervals(tallies, 'one-to-one', OPTIONS, 7)
    expect(bootstrapIntervals(tallies, 'one-to-one', OPTIONS, 7)).toEqual(once)
    expect(bootstrapIntervals(tallies, 'one-to-one', OPTIONS, 8)).not.toEqual(once)
    expect(bootstrapSeed('bench', 'alice')).toBe(bootstrapSeed('bench', 'alice'))
    expect(bootstrapSeed('bench', 'alice')).not.toBe(bootstrapSeed('bench', 'bob'))
  })

  it('is wider at a higher confidence level', () => {
    const width = (confidenceLevel: number): number => {
      const recall = bootstrapIntervals(
        tallies,
        'one-to-one',
        { samples: 2000, confidenceLevel },
        3
      )?.overall.recall
      if (!recall) throw new Error('expected a recall interval')
      return recall.high - recall.low
    }
    expect(width(0.8)).toBeLessThan(width(0.95))
    expect(width(0.95)).toBeLessThan(width(0.99))
  })

  it('is off with 0 samples or no unit', () => {
    expect(bootstrapIntervals(tallies, 'one-to-one', { ...OPTIONS, samples: 0 }, 1)).toBeNull()
    expect(bootstrapIntervals(unitTallies([], []), 'one-to-one', OPTIONS, 1)).toBeNull()
  })

  it('leaves a score out of resamples that do not define it; null when under half define it', () => {
    // The rule, on draws where NaN marks a resample that does not define the score:
    const defined = Float64Array.from([0.5, Number.NaN, 0.7, Number.NaN])
    const interval = percentileInterval(defined, 0.95)
    expect(interval?.low).toBeCloseTo(0.5 + 0.2 * 0.025, 12)
    expect(interval?.high).toBeCloseTo(0.5 + 0.2 * 0.975, 12)
    expect(percentileInterval(Float64Array.from([0.5, Number.NaN, Number.NaN]), 0.95)).toBeNull()
    // Attributes compared on 1 unit of 20: a resample draws it with probability
    // 1 − (19/20)^20 ≈ 64 %, so more than half define attribute accuracy, always 1 of 2.
    const rare = unitTallies(
      ['car'],
      Array.from({ length: 20 }, (_, i) => ({
        car: {
          ...detections(1, 1),
          ...(i === 0 ? { attributesCompared: 2, attributesAgreeing: 1 } : {})
        }
      }))
    )
    const intervals = bootstrapIntervals(rare, 'one-to-one', OPTIONS, 11)
    expect(intervals?.overall.attributeAccuracy).toEqual({ low: 0.5, high: 0.5 })
  })

  it('recomputes only what the script method scores under encord-script', () => {
    const intervals = bootstrapIntervals(tallies, 'encord-script', OPTIONS, 5)
    expect(Object.keys(intervals?.overall ?? {})).toEqual(['meanIou', 'classAccuracy'])
  })
})

/**
 * The known model: a project of 40 data units, each with 1 + Poisson(6) benchmark objects; each
 * unit has its own detection rate (a Beta(8, 2) draw, mean 0.8: some images are harder than
 * others), and each object on it is found with that rate. Objects on one unit are therefore
 * correlated, which is why the bootstrap resamples units and not objects. The true recall is the
 * mean rate, 0.8 (the object count does not depend on the rate).
 */
const TRUE_RECALL = 0.8
const UNITS_PER_PROJECT = 40
const PROJECTS = 240

function simulatedProject(rng: RandomGenerator): UnitTallies {
  const units = Array.from({ length: UNITS_PER_PROJECT }, () => {
    const objects = 1 + poisson(6, rng)
    const rate = beta(8, 2, rng)
    let found = 0
    for (let o = 0; o < objects; o++) if (uniformFloat64(rng) < rate) found++
    return { car: detections(objects, found) }
  })
  return unitTallies(['car'], units)
}

function poisson(mean: number, rng: RandomGenerator): number {
  const limit = Math.exp(-mean)
  let k = 0
  let product = uniformFloat64(rng)
  while (product > limit) {
    k++
    product *= uniformFloat64(rng)
  }
  return k
}

/** Beta(a, b) for whole a, b: the a-th smallest of a + b − 1 uniforms. */
function beta(a: number, b: number, rng: RandomGenerator): number {
  const draws = Array.from({ length: a + b - 1 }, () => uniformFloat64(rng)).sort((x, y) => x - y)
  return draws[a - 1] as number
}

/**
 * The bootstrap as first written, one resample at a time: draw n units (`%` on the generator's
 * bits, rejecting the top values), add each drawn unit's counts times its weight in unit order,
 * score. The implementation draws without `%` and sums in typed arrays; it must give exactly
 * this, to the last bit, or report.json would change.
 */
function oneResampleAtATime(tallies: UnitTallies, samples: number, seed: number) {
  const n = tallies.units
  const stride = TALLY_FIELDS.length
  const rng = xoroshiro128plus(seed)
  const limit = 2 ** 32 - (2 ** 32 % n)
  const groups = tallies.classes.length + 1
  const draws: (number | null)[][] = Array.from({ length: groups }, () => [])
  for (let sample = 0; sample < samples; sample++) {
    const weights = new Array<number>(n).fill(0)
    for (let draw = 0; draw < n; draw++) {
      let bits = rng.next() >>> 0
      while (bits >= limit) bits = rng.next() >>> 0
      const unit = bits % n
      weights[unit] = (weights[unit] as number) + 1
    }
    const perClass = tallies.classes.map(() => emptyTally())
    for (let unit = 0; unit < n; unit++) {
      const weight = weights[unit] as number
      if (weight === 0) continue
      for (
        let e = tallies.entryStart[unit] as number;
        e < (tallies.entryStart[unit + 1] as number);
        e++
      ) {
        const tally = perClass[tallies.entryClass[e] as number] as Tally
        for (const field of SCORED_FIELDS) {
          const amount = tallies.values[e * stride + TALLY_FIELDS.indexOf(field)] as number
          if (amount !== 0) tally[field] += weight * amount
        }
      }
    }
    const overall = emptyTally()
    for (const tally of perClass) for (const field of SCORED_FIELDS) overall[field] += tally[field]
    ;[overall, ...perClass].forEach((tally, group) => draws[group]?.push(scoresOf(tally).meanIou))
  }
  return draws.map((scores) =>
    percentileInterval(
      Float64Array.from(scores, (score) => score ?? Number.NaN),
      0.95
    )
  )
}

describe('bootstrapIntervals, against the one-resample-at-a-time loop', () => {
  // Similarities with every bit set, so that a sum taken in another order would differ.
  const random = xoroshiro128plus(11)
  const iou = () => uniformFloat64(random)
  const units = Array.from({ length: 97 }, (_, i) => ({
    a: { ...detections(3, i % 3), iouSum: (i % 3) * iou() },
    ...(i % 4 === 0 ? { b: { ...detections(2, 2), iouSum: iou() + iou() } } : {}),
    ...(i % 7 === 0 ? { c: { ...detections(1, 1, 1), iouSum: iou() } } : {})
  }))
  const tallies = unitTallies(['a', 'b', 'c'], units)

  it.each([37, 500])(
    'gives the same mean-IoU intervals to the last bit (%i resamples)',
    (samples) => {
      const intervals = bootstrapIntervals(
        tallies,
        'one-to-one',
        { samples, confidenceLevel: 0.95 },
        5
      )
      if (intervals === null) throw new Error('expected intervals')
      const [overall, ...perClass] = oneResampleAtATime(tallies, samples, 5)
      expect(intervals.overall.meanIou).toEqual(overall)
      expect(intervals.perClass.map((entry) => entry.intervals.meanIou)).toEqual(perClass)
    }
  )
})

describe('coverage on simulated projects', () => {
  it(`the 95 % interval of recall covers the true recall in 90–98 % of ${PROJECTS} projects`, () => {
    const rng = xoroshiro128plus(20261203)
    let covered = 0
    for (let project = 0; project < PROJECTS; project++) {
      const recall = bootstrapIntervals(
        simulatedProject(rng),
        'one-to-one',
        // 1,000 resamples rather than the default 2,000: the coverage is the same, at half the time.
        { ...OPTIONS, samples: 1000 },
        bootstrapSeed('benchmark', `training-${project}`)
      )?.overall.recall
      if (!recall) throw new Error('expected a recall interval')
      if (recall.low <= TRUE_RECALL && TRUE_RECALL <= recall.high) covered++
    }
    const rate = covered / PROJECTS
    expect(rate).toBeGreaterThanOrEqual(0.9)
    expect(rate).toBeLessThanOrEqual(0.98)
  })
})
