import { describe, expect, it } from '@jest/globals'
import { boundsOf, similarity } from '../../../src/evaluate/geometry/index.js'
import type { FrameSize } from '../../../src/labels/model.js'
import { box, FRAME_1000, point } from './shapes.js'

// On 1000×1000, s = 0.02 · sqrt(1000 · 1000) = 20 px.
describe('point OKS', () => {
  const origin = point(500, 500, FRAME_1000)

  it('scores exp(−d² / (2 s²)): 20 px away is exp(−0.5)', () => {
    expect(similarity(origin, point(520, 500, FRAME_1000), FRAME_1000)).toBeCloseTo(
      Math.exp(-0.5),
      12
    )
    // 12 px right and 16 px down is also 20 px away.
    expect(similarity(origin, point(512, 516, FRAME_1000), FRAME_1000)).toBeCloseTo(
      Math.exp(-0.5),
      12
    )
  })

  it('the same point scores 1', () => {
    expect(similarity(origin, point(500, 500, FRAME_1000), FRAME_1000)).toBe(1)
  })

  it('the default threshold 0.5 is reached at d = s·√(2 ln 2) ≈ 23.5 px, 2.35 % of the image', () => {
    const d = 20 * Math.sqrt(2 * Math.LN2)
    expect(d).toBeCloseTo(23.548, 3)
    expect(similarity(origin, point(500 + d, 500, FRAME_1000), FRAME_1000)).toBeCloseTo(0.5, 12)
  })

  it('is cut to 0 beyond 4 s = 80 px', () => {
    expect(similarity(origin, point(579, 500, FRAME_1000), FRAME_1000)).toBeCloseTo(
      Math.exp(-(79 * 79) / 800),
      15
    )
    expect(similarity(origin, point(581, 500, FRAME_1000), FRAME_1000)).toBe(0)
  })

  it('works in normalised units without a frame size: s = 0.02', () => {
    expect(
      similarity({ type: 'point', x: 0.5, y: 0.5 }, { type: 'point', x: 0.52, y: 0.5 }, undefined)
    ).toBeCloseTo(Math.exp(-0.5), 12)
  })

  it('measures distance in pixels on a 4:1 frame', () => {
    // 400×100: s = 0.02 · sqrt(40000) = 4 px. 0.01 of the width and 0.04 of the height are both 4 px.
    const wide: FrameSize = { width: 400, height: 100 }
    const a = { type: 'point' as const, x: 0.5, y: 0.5 }
    expect(similarity(a, { type: 'point', x: 0.51, y: 0.5 }, wide)).toBeCloseTo(Math.exp(-0.5), 12)
    expect(similarity(a, { type: 'point', x: 0.5, y: 0.54 }, wide)).toBeCloseTo(Math.exp(-0.5), 12)
    // Normalised, the first pair is only 0.01 apart: exp(−0.01² / (2 · 0.02²)) = exp(−0.125).
    expect(similarity(a, { type: 'point', x: 0.51, y: 0.5 }, undefined)).toBeCloseTo(
      Math.exp(-0.125),
      12
    )
  })

  it('reaches half the cut-off distance, so disjoint bounds mean more than 4 s apart', () => {
    const bounds = boundsOf(origin, FRAME_1000)
    expect(bounds.minX).toBeCloseTo(460, 6)
    expect(bounds.maxX).toBeCloseTo(540, 6)
    expect(bounds.minY).toBeCloseTo(460, 6)
    expect(bounds.maxY).toBeCloseTo(540, 6)
  })

  it('a point against an areal shape scores 0', () => {
    expect(similarity(origin, box(490, 490, 20, 20, FRAME_1000), FRAME_1000)).toBe(0)
  })
})
