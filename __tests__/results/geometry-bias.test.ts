import { describe, expect, it } from '@jest/globals'
import type { Geometry } from '../../src/labels/model.js'
import {
  geometryBias,
  MIN_EFFECT,
  MIN_PAIRS,
  multiPolygonArea,
  studentT975,
  type BiasEstimate,
  type GeometryPair
} from '../../src/results/geometry-bias.js'

function box(x: number, y: number, w: number, h: number): Geometry {
  return { type: 'box', x, y, w, h }
}

function square(x: number, y: number, side: number): Geometry {
  return { type: 'polygon', polygons: [[[x, y, x + side, y, x + side, y + side, x, y + side]]] }
}

function measure(estimates: BiasEstimate[], name: BiasEstimate['measure']): BiasEstimate {
  const found = estimates.find((estimate) => estimate.measure === name)
  if (found === undefined) throw new Error(`no ${name} estimate`)
  return found
}

/** Benchmark boxes of different sizes and places, so that fractions are not all of one box. */
const GOLD = [
  box(0.1, 0.1, 0.2, 0.1),
  box(0.5, 0.2, 0.1, 0.3),
  box(0.3, 0.6, 0.4, 0.2),
  box(0.05, 0.4, 0.25, 0.25),
  box(0.6, 0.7, 0.3, 0.1),
  box(0.2, 0.3, 0.15, 0.4),
  box(0.7, 0.1, 0.2, 0.2),
  box(0.4, 0.45, 0.1, 0.1)
]

describe('geometryBias', () => {
  it('finds boxes shifted right by 10 % of their width: left edge -0.1, right edge +0.1, no size bias', () => {
    const pairs = GOLD.map((gold) => {
      const { x, y, w, h } = gold as Extract<Geometry, { type: 'box' }>
      return { benchmark: gold, training: box(x + 0.1 * w, y, w, h) }
    })
    const estimates = geometryBias(pairs)
    expect(measure(estimates, 'left')).toMatchObject({ pairs: 8, clear: true })
    expect(measure(estimates, 'left').mean).toBeCloseTo(-0.1, 12)
    expect(measure(estimates, 'right').mean).toBeCloseTo(0.1, 12)
    expect(measure(estimates, 'width').mean).toBeCloseTo(0, 12)
    expect(measure(estimates, 'height')).toMatchObject({ mean: 0, clear: false })
    expect(measure(estimates, 'top')).toMatchObject({ mean: 0, clear: false })
  })

  it('finds boxes 6 % too wide on the right edge, with jitter around it', () => {
    // Right edges 6 % of the width out, ± 1 % alternately: mean 0.06 exactly, spread 0.01.
    const pairs = GOLD.map((gold, index) => {
      const { x, y, w, h } = gold as Extract<Geometry, { type: 'box' }>
      const jitter = index % 2 === 0 ? 0.01 : -0.01
      return { benchmark: gold, training: box(x, y, w * (1.06 + jitter), h) }
    })
    const estimates = geometryBias(pairs)
    const width = measure(estimates, 'width')
    expect(width.mean).toBeCloseTo(0.06, 12)
    expect(width.clear).toBe(true)
    expect(width.low).toBeGreaterThan(0.05)
    expect(width.high).toBeLessThan(0.07)
    expect(measure(estimates, 'right').mean).toBeCloseTo(0.06, 12)
    expect(measure(estimates, 'left')).toMatchObject({ clear: false })
  })

  it('makes no claim for unbiased jitter', () => {
    // Each edge moves out or in by 3 % of the size, in a pattern that averages to zero.
    const signs = [1, -1, -1, 1, 1, -1, -1, 1]
    const pairs = GOLD.map((gold, index) => {
      const { x, y, w, h } = gold as Extract<Geometry, { type: 'box' }>
      const s = signs[index]!
      const t = signs[(index + 3) % 8]!
      return {
        benchmark: gold,
        training: box(x - 0.03 * s * w, y - 0.03 * t * h, w * (1 + 0.03 * s - 0.03 * t), h)
      }
    })
    const estimates = geometryBias(pairs)
    for (const estimate of estimates) {
      expect(estimate.mean).toBeCloseTo(0, 12)
      expect(estimate.clear).toBe(false)
    }
  })

  it('computes the 95 % interval with Student’s t (hand-computed)', () => {
    // Left-edge offsets 0.1, 0.2, 0.3, 0.4, 0.5 of a unit-wide box: mean 0.3, sd √0.025,
    // standard error √0.025/√5 = 0.0707107, t(4) = 2.7764 → 0.3 ± 0.1963.
    const gold = box(0.5, 0.5, 0.1, 0.1)
    const pairs = [0.1, 0.2, 0.3, 0.4, 0.5].map((offset) => ({
      benchmark: gold,
      training: box(0.5 - offset * 0.1, 0.5, 0.1 + offset * 0.1, 0.1)
    }))
    const left = measure(geometryBias(pairs), 'left')
    expect(left.mean).toBeCloseTo(0.3, 12)
    expect(left.low).toBeCloseTo(0.1037, 2)
    expect(left.high).toBeCloseTo(0.4963, 2)
    expect(left.clear).toBe(true)
  })

  it(`claims nothing from fewer than ${MIN_PAIRS} pairs, however consistent`, () => {
    const pairs = GOLD.slice(0, MIN_PAIRS - 1).map((gold) => {
      const { x, y, w, h } = gold as Extract<Geometry, { type: 'box' }>
      return { benchmark: gold, training: box(x, y, w * 1.5, h) }
    })
    expect(measure(geometryBias(pairs), 'width')).toMatchObject({ clear: false })
    expect(measure(geometryBias(pairs.slice(0, 1)), 'width')).toMatchObject({
      low: null,
      high: null,
      clear: false
    })
  })

  it(`claims nothing smaller than ${MIN_EFFECT * 100} %, however consistent`, () => {
    // Every box 1 % too wide, ± 0.1 %: sure, but not worth telling an annotator.
    const pairs = GOLD.map((gold, index) => {
      const { x, y, w, h } = gold as Extract<Geometry, { type: 'box' }>
      return { benchmark: gold, training: box(x, y, w * (1.01 + (index % 2 ? 0.001 : -0.001)), h) }
    })
    const width = measure(geometryBias(pairs), 'width')
    expect(width.low).toBeGreaterThan(0)
    expect(width.clear).toBe(false)
  })

  it('measures a rotated box on its unrotated box', () => {
    const pairs: GeometryPair[] = GOLD.map((gold) => {
      const { x, y, w, h } = gold as Extract<Geometry, { type: 'box' }>
      return {
        benchmark: { type: 'rotatedBox', x, y, w, h, theta: 30 },
        training: { type: 'rotatedBox', x, y, w, h: h * 1.2, theta: 30 }
      }
    })
    const estimates = geometryBias(pairs)
    expect(measure(estimates, 'height').mean).toBeCloseTo(0.2, 12)
    expect(measure(estimates, 'bottom').clear).toBe(true)
  })

  it('finds polygons 8 % larger than the expert’s, and none for equal areas', () => {
    const larger = GOLD.map((_, index) => ({
      benchmark: square(0.1 * index, 0.1, 0.05),
      training: square(0.1 * index, 0.1, 0.05 * Math.sqrt(index % 2 === 0 ? 1.07 : 1.09))
    }))
    const area = measure(geometryBias(larger), 'polygon-area')
    expect(area.mean).toBeCloseTo(0.08, 12)
    expect(area.clear).toBe(true)
    const same = GOLD.map((_, index) => ({
      benchmark: square(0.1 * index, 0.1, 0.05),
      training: square(0.1 * index + 0.01, 0.1, 0.05)
    }))
    expect(measure(geometryBias(same), 'polygon-area')).toMatchObject({ clear: false })
  })

  it('ignores pairs of different shapes and sizeless benchmark boxes', () => {
    expect(
      geometryBias([
        { benchmark: box(0.1, 0.1, 0.2, 0.2), training: square(0.1, 0.1, 0.2) },
        { benchmark: box(0.1, 0.1, 0, 0.2), training: box(0.1, 0.1, 0.2, 0.2) }
      ])
    ).toEqual([])
  })
})

describe('multiPolygonArea', () => {
  it('subtracts holes and adds separate polygons', () => {
    const ring = (x: number, y: number, side: number): number[] => [
      x,
      y,
      x + side,
      y,
      x + side,
      y + side,
      x,
      y + side
    ]
    const withHole = [ring(0, 0, 0.4), ring(0.1, 0.1, 0.2)]
    expect(multiPolygonArea([withHole, [ring(0.5, 0.5, 0.1)]])).toBeCloseTo(0.16 - 0.04 + 0.01, 12)
  })
})

describe('studentT975', () => {
  it('is close to the tabled quantiles from 4 degrees of freedom', () => {
    expect(Math.abs(studentT975(4) / 2.7764 - 1)).toBeLessThan(0.003)
    expect(Math.abs(studentT975(10) / 2.2281 - 1)).toBeLessThan(0.0001)
    expect(studentT975(1e9)).toBeCloseTo(1.96, 3)
  })
})
