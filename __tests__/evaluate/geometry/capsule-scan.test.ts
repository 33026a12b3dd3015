/**
 * capsule-scan.ts keeps its samples and intervals in reused typed-array buffers. These tests hold
 * them to what fresh lists gave: `BandSamples.fill` to the list-returning `bandSamples` it
 * replaced (copied below), bit for bit, however an instance is reused and however far its buffers
 * grow; `BufferSweep.cut` to a brute-force union of each capsule's cut, found without the code's
 * formulas, and to a fresh sweep at every height. Random cases come from fast-check, seeded.
 */
/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectSameSamples"] }] */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  BandSamples,
  BufferSweep,
  Intervals,
  intervalsLength,
  makeSegment,
  sharedLength,
  type Segment
} from '../../../src/evaluate/geometry/capsule-scan.js'
import type { Pair } from '../../../src/evaluate/geometry/clipping.js'
import { similarity } from '../../../src/evaluate/geometry/index.js'
import type { Geometry } from '../../../src/labels/model.js'
import { FRAME_1000, polyline } from './shapes.js'

// ---------------------------------------------------------------------------------------------
// The sampler as it was before the buffers (git: src/evaluate/geometry/capsule-scan.ts,
// `bandSamples`), the reference for `BandSamples.fill`.

const GAUSS_OFFSET = 1 / (2 * Math.sqrt(3))
const MAX_LATTICE_BANDS = 20_000

interface Sample {
  y: number
  weight: number
}

function referenceSamples(
  from: number,
  to: number,
  step: number,
  breakLists: readonly (readonly number[])[]
): Sample[] {
  if (!(to > from) || !(step > 0)) return []
  const lattice = Math.max(step, (to - from) / MAX_LATTICE_BANDS)
  const cuts = [from, to]
  for (let k = Math.floor(from / lattice) + 1; k * lattice < to; k++) cuts.push(k * lattice)
  for (const breaks of breakLists) for (const y of breaks) if (y > from && y < to) cuts.push(y)
  cuts.sort((a, b) => a - b)
  const samples: Sample[] = []
  for (let k = 0; k + 1 < cuts.length; k++) {
    const low = cuts[k] as number
    const high = cuts[k + 1] as number
    if (!(high > low)) continue
    const middle = (low + high) / 2
    const offset = (high - low) * GAUSS_OFFSET
    const weight = (high - low) / 2
    samples.push({ y: middle - offset, weight }, { y: middle + offset, weight })
  }
  return samples
}

/** The filled samples as plain objects (a copy: the buffers are reused by the next fill). */
function samplesOf(filled: BandSamples): Sample[] {
  return Array.from({ length: filled.count }, (_, k) => ({
    y: filled.y[k] as number,
    weight: filled.weight[k] as number
  }))
}

/** Equal to the last bit, sample by sample (toEqual would let +0 and −0 pass too: fine here). */
function expectSameSamples(actual: Sample[], expected: Sample[]): void {
  expect(actual.length).toBe(expected.length)
  expect(actual).toEqual(expected)
}

interface FillCase {
  from: number
  to: number
  step: number
  breaks: number[]
  moreBreaks: number[]
}

const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true })

/** Ranges of a few to a few hundred bands, breaks in and out of them (ascending, as callers pass). */
const fillCase: fc.Arbitrary<FillCase> = fc
  .record({
    from: num(-500, 500),
    height: fc.oneof(num(0, 50), fc.constantFrom(0, -1, 1e-9)),
    step: fc.oneof(num(0.05, 5), fc.constantFrom(0, -1, 1)),
    breaks: fc.array(num(-600, 700), { maxLength: 40 }),
    moreBreaks: fc.array(num(-600, 700), { maxLength: 40 }),
    onLattice: fc.boolean()
  })
  .map(({ from: rawFrom, height, step, breaks, moreBreaks, onLattice }) => {
    // On a 2^-20 grid: denormal heights give zero weights, before the buffers as after them.
    const grid = (v: number) => Math.round(v * 2 ** 20) / 2 ** 20
    const from = grid(rawFrom)
    const ascending = (list: number[]) => list.map(grid).sort((a, b) => a - b)
    // Breaks that repeat each other and fall on lattice points, as a frame's vertices can.
    const extra = onLattice && step > 0 ? [Math.ceil(from / step) * step, from, from + height] : []
    return {
      from,
      to: from + (height === 1e-9 ? height : grid(height)),
      step,
      breaks: ascending([...breaks, ...extra]),
      moreBreaks: ascending([...moreBreaks, ...extra])
    }
  })

function fillWith(samples: BandSamples, c: FillCase): BandSamples {
  return samples.fill(c.from, c.to, c.step, c.breaks, c.moreBreaks)
}

describe('BandSamples.fill', () => {
  it('gives, bit for bit, the samples the list-returning bandSamples gave', () => {
    fc.assert(
      fc.property(fillCase, (c) => {
        const filled = fillWith(new BandSamples(), c)
        expectSameSamples(
          samplesOf(filled),
          referenceSamples(c.from, c.to, c.step, [c.breaks, c.moreBreaks])
        )
      }),
      { seed: 101, numRuns: 500 }
    )
  })

  it('gives the same samples on a reused instance as on a fresh one, call after call', () => {
    fc.assert(
      fc.property(fc.array(fillCase, { minLength: 2, maxLength: 8 }), (cases) => {
        const reused = new BandSamples()
        for (const c of cases) {
          const filled = fillWith(reused, c)
          expect(filled).toBe(reused)
          expectSameSamples(samplesOf(filled), samplesOf(fillWith(new BandSamples(), c)))
        }
      }),
      { seed: 103, numRuns: 200 }
    )
  })

  it('covers [from, to]: increasing heights inside it, weights > 0 summing to its height', () => {
    fc.assert(
      fc.property(fillCase, (c) => {
        const filled = fillWith(new BandSamples(), c)
        if (!(c.to > c.from) || !(c.step > 0)) {
          expect(filled.count).toBe(0)
          return
        }
        expect(filled.count % 2).toBe(0)
        expect(filled.count).toBeGreaterThanOrEqual(2)
        const wrong: string[] = []
        let total = 0
        for (let k = 0; k < filled.count; k++) {
          const y = filled.y[k] as number
          const weight = filled.weight[k] as number
          if (!(y >= c.from && y <= c.to)) wrong.push(`y[${k}] = ${y} outside`)
          if (k > 0 && !(y > (filled.y[k - 1] as number)))
            wrong.push(`y[${k}] = ${y} not increasing`)
          if (!(weight > 0)) wrong.push(`weight[${k}] = ${weight}`)
          total += weight
        }
        expect(wrong).toEqual([])
        expect(Math.abs(total - (c.to - c.from))).toBeLessThanOrEqual(1e-9 * (1 + c.to - c.from))
      }),
      { seed: 107, numRuns: 500 }
    )
  })

  it('integrates cubics exactly: two Gauss points per band', () => {
    const filled = new BandSamples().fill(-3, 7.5, 0.7, [-1.25, 0.3, 2], [4.4])
    let integral = 0
    for (let k = 0; k < filled.count; k++) {
      const y = filled.y[k] as number
      integral += (filled.weight[k] as number) * (y * y * y - 2 * y * y + y - 5)
    }
    const primitive = (y: number) => y ** 4 / 4 - (2 * y ** 3) / 3 + y ** 2 / 2 - 5 * y
    expect(integral).toBeCloseTo(primitive(7.5) - primitive(-3), 9)
  })

  it('grows past its first buffers (256 cuts, 512 samples) and still agrees, then shrinks back', () => {
    const samples = new BandSamples()
    const small: FillCase = { from: 2, to: 9, step: 1, breaks: [3.5, 4.25], moreBreaks: [] }
    expectSameSamples(samplesOf(fillWith(samples, small)), referenceSamples(2, 9, 1, [[3.5, 4.25]]))
    // 3 000 lattice bands and 2 × 1 500 breaks: the cuts double up to 8 192, the samples to 12 000+.
    const breaks = Array.from({ length: 1500 }, (_, k) => 0.37 + k * 1.9997)
    const moreBreaks = Array.from({ length: 1500 }, (_, k) => 2999.5 - k * 1.7)
      .filter((y) => y > 0)
      .reverse()
    const tall: FillCase = { from: 0.25, to: 2999.75, step: 1, breaks, moreBreaks }
    const grown = samplesOf(fillWith(samples, tall))
    expect(grown.length).toBeGreaterThan(2 * 4096)
    expectSameSamples(grown, referenceSamples(0.25, 2999.75, 1, [breaks, moreBreaks]))
    expectSameSamples(grown, samplesOf(fillWith(new BandSamples(), tall)))
    // Back to a small range: only its own samples count, stale ones past `count` are not read.
    expectSameSamples(samplesOf(fillWith(samples, small)), referenceSamples(2, 9, 1, [[3.5, 4.25]]))
    // And growing again, in several steps this time.
    for (const height of [300, 700, 1300, 2600, 5200]) {
      const c: FillCase = { from: -10, to: height, step: 0.5, breaks: [0, 1.1], moreBreaks: [] }
      expectSameSamples(
        samplesOf(fillWith(samples, c)),
        referenceSamples(-10, height, 0.5, [c.breaks])
      )
    }
  })

  it('coarsens the lattice for absurdly tall ranges as before (at most 20 000 bands)', () => {
    const samples = new BandSamples()
    const breaks = [-1e5, 12.5, 4e5]
    const filled = samples.fill(-2e5, 8e5, 1, breaks)
    expect(filled.count).toBeLessThanOrEqual(2 * (MAX_LATTICE_BANDS + breaks.length + 2))
    expectSameSamples(samplesOf(filled), referenceSamples(-2e5, 8e5, 1, [breaks]))
  })
})

// ---------------------------------------------------------------------------------------------
// Cutting buffers: brute force. The cut of a capsule (points within r of segment P(t), t in
// [0, 1]) by the line at height y is the union over t of the cuts of the discs about P(t):
// [Px(t) − h(t), Px(t) + h(t)] with h(t) = sqrt(r² − (y − Py(t))²) where that is real. Px is
// linear and h concave in t, so the left end is a convex function of t and the right end a
// concave one: ternary search finds both extremes, with none of the code's formulas.

type Interval = [number, number]

function bruteCapsuleCut(segment: Segment, radius: number, y: number): Interval | null {
  const { startX, startY, endX, endY } = segment
  const dx = endX - startX
  const dy = endY - startY
  // The t for which the disc about P(t) reaches y: |y − Py(t)| ≤ r.
  let low = 0
  let high = 1
  if (dy === 0) {
    if (Math.abs(y - startY) > radius) return null
  } else {
    const a = (y - radius - startY) / dy
    const b = (y + radius - startY) / dy
    low = Math.max(0, Math.min(a, b))
    high = Math.min(1, Math.max(a, b))
    if (!(low <= high)) return null
  }
  const half = (t: number) => Math.sqrt(Math.max(0, radius * radius - (y - startY - t * dy) ** 2))
  const left = (t: number) => startX + t * dx - half(t)
  const right = (t: number) => startX + t * dx + half(t)
  // Golden-section search for the least of sign · f over [low, high] (f convex there).
  const extreme = (f: (t: number) => number, sign: number): number => {
    const g = (t: number) => sign * f(t)
    const ratio = (Math.sqrt(5) - 1) / 2
    let a = low
    let b = high
    let c = b - ratio * (b - a)
    let d = a + ratio * (b - a)
    let gc = g(c)
    let gd = g(d)
    for (let k = 0; k < 60; k++) {
      if (gc <= gd) {
        b = d
        d = c
        gd = gc
        c = b - ratio * (b - a)
        gc = g(c)
      } else {
        a = c
        c = d
        gc = gd
        d = a + ratio * (b - a)
        gd = g(d)
      }
    }
    return Math.min(g(low), g(high), gc, gd) * sign
  }
  return [extreme(left, 1), extreme(right, -1)]
}

function bruteUnion(segments: readonly Segment[], radius: number, y: number): Interval[] {
  const pieces = segments
    .map((segment) => bruteCapsuleCut(segment, radius, y))
    .filter((piece): piece is Interval => piece !== null && piece[1] > piece[0])
    .sort((p, q) => p[0] - q[0])
  const union: Interval[] = []
  for (const [low, high] of pieces) {
    const last = union[union.length - 1]
    if (last !== undefined && low <= last[1]) last[1] = Math.max(last[1], high)
    else union.push([low, high])
  }
  return union
}

/** Length of A ∪ B minus length of A ∩ B, for sorted disjoint interval lists. */
function symmetricDifference(a: readonly Interval[], b: readonly Interval[]): number {
  const total = (list: readonly Interval[]) => list.reduce((sum, [l, h]) => sum + (h - l), 0)
  let shared = 0
  for (const [al, ah] of a) {
    for (const [bl, bh] of b) shared += Math.max(0, Math.min(ah, bh) - Math.max(al, bl))
  }
  return total(a) + total(b) - 2 * shared
}

/** The cut's intervals as pairs (a copy: the sweep reuses its buffer at the next cut). */
function intervalsOf(cut: Intervals): Interval[] {
  if (cut.length % 2 !== 0) throw new Error(`odd interval list length ${cut.length}`)
  const list: Interval[] = []
  for (let k = 0; k < cut.length; k += 2) {
    list.push([cut.values[k] as number, cut.values[k + 1] as number])
  }
  return list
}

/** Sorted and disjoint, with a gap between neighbours (touching pieces are merged). */
function isSortedDisjoint(list: readonly Interval[]): boolean {
  return list.every(([low, high], k) => {
    const next = list[k + 1]
    return high > low && (next === undefined || next[0] > high)
  })
}

interface Buffer {
  segments: Segment[]
  radius: number
  minY: number
  maxY: number
  breaks: number[]
}

/** A buffer as polyline.ts builds one: segments sorted by top, and its vertices' y ± r. */
function bufferOf(points: readonly Pair[], radius: number, loose: readonly [Pair, Pair][]): Buffer {
  const ends: [Pair, Pair][] = []
  for (let k = 0; k + 1 < points.length; k++) ends.push([points[k] as Pair, points[k + 1] as Pair])
  ends.push(...loose)
  const segments = ends.map(([start, end]) => makeSegment(start, end, radius))
  segments.sort((a, b) => a.top - b.top)
  const ys = ends.flatMap(([start, end]) => [start[1], end[1]])
  return {
    segments,
    radius,
    minY: Math.min(...ys) - radius,
    maxY: Math.max(...ys) + radius,
    breaks: ys.flatMap((y) => [y - radius, y + radius]).sort((a, b) => a - b)
  }
}

const point: fc.Arbitrary<Pair> = fc.tuple(num(0, 100), num(0, 100))

/**
 * A chain of segments (some horizontal, some of zero length: discs), plus loose segments that
 * cross it, side by side or on top of one another.
 */
const bufferArb: fc.Arbitrary<Buffer> = fc
  .record({
    chain: fc.array(
      fc.oneof(
        point,
        point.map(([x, y]): Pair => [x, Math.round(y / 20) * 20]),
        fc.constant<Pair>([50, 50])
      ),
      { minLength: 1, maxLength: 12 }
    ),
    loose: fc.array(
      fc.oneof(
        fc.tuple(point, point),
        point.map((p): [Pair, Pair] => [p, p])
      ),
      { maxLength: 10 }
    ),
    radius: fc.oneof(num(1, 25), fc.constantFrom(1, 10))
  })
  .map(({ chain, loose, radius }) => {
    const points = chain.length === 1 ? [chain[0] as Pair, chain[0] as Pair] : chain
    return bufferOf(points, radius, loose)
  })

/** The heights polyline.ts would cut at: its band samples over the buffer. */
function heightsOf(buffer: Buffer, samples = new BandSamples()): number[] {
  const filled = samples.fill(buffer.minY, buffer.maxY, buffer.radius / 8, buffer.breaks)
  return Array.from(filled.y.subarray(0, filled.count))
}

describe('BufferSweep.cut', () => {
  it('is the union of the capsules cut one by one (brute force), sorted and disjoint', () => {
    let cuts = 0
    fc.assert(
      fc.property(bufferArb, (buffer) => {
        const sweep = new BufferSweep(buffer.segments, buffer.radius)
        const tolerance = 1e-6 * (buffer.radius + 100)
        let worst = 0
        // Every height is cut, in order, as polyline.ts does; every tenth is checked.
        heightsOf(buffer).forEach((y, k) => {
          const cut = intervalsOf(sweep.cut(y))
          if (!isSortedDisjoint(cut)) throw new Error(`not sorted and disjoint at ${y}: ${cut}`)
          if (k % 10 !== 0) return
          const brute = bruteUnion(buffer.segments, buffer.radius, y)
          worst = Math.max(worst, symmetricDifference(cut, brute))
          cuts++
        })
        expect(worst).toBeLessThan(tolerance)
      }),
      { seed: 211, numRuns: 50 }
    )
    expect(cuts).toBeGreaterThan(1_500)
  })

  it('gives at each height exactly what a fresh sweep cut there alone gives', () => {
    fc.assert(
      fc.property(bufferArb, fc.array(num(-30, 160), { maxLength: 60 }), (buffer, extra) => {
        const ys = [...heightsOf(buffer), ...extra].sort((a, b) => a - b)
        const sweep = new BufferSweep(buffer.segments, buffer.radius)
        const differing = ys.filter((y) => {
          const reused = sweep.cut(y)
          const fresh = new BufferSweep(buffer.segments, buffer.radius).cut(y)
          if (reused.length !== fresh.length) return true
          for (let k = 0; k < reused.length; k++) {
            if (!Object.is(reused.values[k], fresh.values[k])) return true
          }
          return false
        })
        expect(differing).toEqual([])
      }),
      { seed: 223, numRuns: 100 }
    )
  })

  it('grows its interval buffer past 32 intervals, and starts each cut afresh', () => {
    // 150 short vertical segments 10 apart, radius 2: 150 separate intervals at y = 50, then a
    // horizontal segment across all of them merges everything at y = 100 into one.
    const loose: [Pair, Pair][] = Array.from({ length: 150 }, (_, k): [Pair, Pair] => [
      [k * 10, 40],
      [k * 10, 60]
    ])
    const buffer = bufferOf(
      [
        [-5, 100],
        [1500, 100]
      ],
      2,
      loose
    )
    const sweep = new BufferSweep(buffer.segments, buffer.radius)
    const many = intervalsOf(sweep.cut(50))
    expect(many).toHaveLength(150)
    expect(symmetricDifference(many, bruteUnion(buffer.segments, 2, 50))).toBeLessThan(1e-9)
    expect(intervalsLength(sweep.cut(50.5))).toBeCloseTo(150 * 4, 9)
    const one = intervalsOf(sweep.cut(100))
    expect(one).toHaveLength(1)
    expect(one[0]?.[0]).toBeCloseTo(-7, 12)
    expect(one[0]?.[1]).toBeCloseTo(1502, 12)
    expect(intervalsOf(sweep.cut(1000))).toEqual([])
  })

  it('measures lengths and shared lengths as the brute-force unions do', () => {
    fc.assert(
      fc.property(bufferArb, bufferArb, (first, second) => {
        const sweepFirst = new BufferSweep(first.segments, first.radius)
        const sweepSecond = new BufferSweep(second.segments, second.radius)
        const from = Math.max(first.minY, second.minY)
        const to = Math.min(first.maxY, second.maxY)
        const samples = new BandSamples().fill(
          from,
          to,
          first.radius / 8,
          first.breaks,
          second.breaks
        )
        const length = (list: Interval[]) => list.reduce((sum, [l, h]) => sum + h - l, 0)
        let worstLength = 0
        let worstShared = 0
        let worstSymmetry = 0
        for (let k = 0; k < samples.count; k++) {
          const y = samples.y[k] as number
          const a = sweepFirst.cut(y)
          const b = sweepSecond.cut(y)
          if (k % 10 !== 0) continue
          const bruteA = bruteUnion(first.segments, first.radius, y)
          const bruteB = bruteUnion(second.segments, second.radius, y)
          const shared = (length(bruteA) + length(bruteB) - symmetricDifference(bruteA, bruteB)) / 2
          worstLength = Math.max(worstLength, Math.abs(intervalsLength(a) - length(bruteA)))
          worstShared = Math.max(worstShared, Math.abs(sharedLength(a, b) - shared))
          worstSymmetry = Math.max(worstSymmetry, Math.abs(sharedLength(b, a) - sharedLength(a, b)))
        }
        const tolerance = 1e-6 * (first.radius + second.radius + 100)
        expect(worstLength).toBeLessThan(tolerance)
        expect(worstShared).toBeLessThan(tolerance)
        expect(worstSymmetry).toBeLessThan(1e-9)
      }),
      { seed: 227, numRuns: 50 }
    )
  })
})

describe('Intervals', () => {
  it('keeps every pushed pair as it grows', () => {
    const intervals = new Intervals()
    for (let k = 0; k < 500; k++) intervals.push(k, k + 0.5)
    expect(intervals.length).toBe(1000)
    expect(intervals.values.length).toBeGreaterThanOrEqual(1000)
    for (let k = 0; k < 500; k++) {
      expect(intervals.values[2 * k]).toBe(k)
      expect(intervals.values[2 * k + 1]).toBe(k + 0.5)
    }
    expect(intervalsLength(intervals)).toBe(250)
  })
})

describe('polyline similarity on the shared sample buffer', () => {
  const line = (points: [number, number][]): Geometry => polyline(points, FRAME_1000)

  it('gives the same value before and after the buffer has grown for a long line', () => {
    const a = line([
      [100, 100],
      [300, 140],
      [320, 400]
    ])
    const b = line([
      [110, 95],
      [290, 150],
      [330, 390]
    ])
    const before = similarity(a, b, FRAME_1000)
    // A zigzag 990 px tall with 400 vertices: thousands of samples, more than the first buffers.
    const zigzag = (shift: number): Geometry =>
      line(
        Array.from({ length: 400 }, (_, k): [number, number] => [
          (k % 2) * 50 + shift,
          5 + k * 2.48
        ])
      )
    const tall = similarity(zigzag(0), zigzag(3), FRAME_1000)
    expect(tall).toBeGreaterThan(0.5)
    // Fresh copies, so that nothing prepared before is reused from the memo.
    const after = similarity(structuredClone(a), structuredClone(b), FRAME_1000)
    expect(Object.is(after, before)).toBe(true)
    expect(Object.is(similarity(structuredClone(zigzag(0)), zigzag(3), FRAME_1000), tall)).toBe(
      true
    )
  })
})
