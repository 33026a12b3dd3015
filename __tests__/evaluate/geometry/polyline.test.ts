import { describe, expect, it } from '@jest/globals'
import { boundsOf, similarity } from '../../../src/evaluate/geometry/index.js'
import type { FrameSize, Geometry } from '../../../src/labels/model.js'
import { box, FRAME_1000, polyline } from './shapes.js'

// On 1000×1000 the buffer radius is r = 0.01 · 1000 = 10 px.
const r = 10

/** Area of the lens shared by two discs of radius r whose centres are d apart. */
function lens(d: number): number {
  return 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d)
}

// The integration is exact across each band and Gauss–Legendre along y with bands of r/8, split
// where the covered length jumps; measured error against exact geometry is below 3e-4 here, so
// 1e-3 leaves room without hiding a wrong formula (which would be off by ≥ 1e-2).
const TOLERANCE = 1e-3

describe('polyline buffered IoU', () => {
  it('two parallel 100 px lines 10 px apart: stadiums sharing a 100×10 band and a lens', () => {
    // Each buffer is a stadium: 2r·L + πr² = 2000 + 314.16 px². They share the band of height
    // 2r − d = 10 over the length (1000 px²) plus, beyond each end, half of the lens of two
    // discs d apart (together one lens, 122.84 px²).
    const length = 100
    const d = 10
    const stadium = 2 * r * length + Math.PI * r * r
    const shared = (2 * r - d) * length + lens(d)
    const expected = shared / (2 * stadium - shared)
    expect(expected).toBeCloseTo(0.3203, 4)
    const a = polyline(
      [
        [100, 100],
        [200, 100]
      ],
      FRAME_1000
    )
    const b = polyline(
      [
        [100, 110],
        [200, 110]
      ],
      FRAME_1000
    )
    expect(Math.abs(similarity(a, b, FRAME_1000) - expected)).toBeLessThan(TOLERANCE)
  })

  it('the same lines tilted by 45° score the same', () => {
    const length = 100
    const d = 10
    const stadium = 2 * r * length + Math.PI * r * r
    const shared = (2 * r - d) * length + lens(d)
    const step = length * Math.SQRT1_2
    const offset = d * Math.SQRT1_2
    const a = polyline(
      [
        [300, 300],
        [300 + step, 300 + step]
      ],
      FRAME_1000
    )
    const b = polyline(
      [
        [300 + offset, 300 - offset],
        [300 + step + offset, 300 + step - offset]
      ],
      FRAME_1000
    )
    expect(Math.abs(similarity(a, b, FRAME_1000) - shared / (2 * stadium - shared))).toBeLessThan(
      TOLERANCE
    )
  })

  it('two perpendicular lines crossing at their middles share a 2r × 2r square', () => {
    const stadium = 2 * r * 100 + Math.PI * r * r
    const expected = 400 / (2 * stadium - 400)
    const across = polyline(
      [
        [450, 500],
        [550, 500]
      ],
      FRAME_1000
    )
    const down = polyline(
      [
        [500, 450],
        [500, 550]
      ],
      FRAME_1000
    )
    expect(Math.abs(similarity(across, down, FRAME_1000) - expected)).toBeLessThan(TOLERANCE)
  })

  it('single-point lines are discs: 10 px apart they share a lens', () => {
    const expected = lens(10) / (2 * Math.PI * r * r - lens(10))
    const a = polyline([[500, 500]], FRAME_1000)
    expect(
      Math.abs(similarity(a, polyline([[500, 510]], FRAME_1000), FRAME_1000) - expected)
    ).toBeLessThan(TOLERANCE)
    expect(
      Math.abs(similarity(a, polyline([[510, 500]], FRAME_1000), FRAME_1000) - expected)
    ).toBeLessThan(TOLERANCE)
  })

  it('identical lines score 1, reversed lines too', () => {
    const zigzag: [number, number][] = [
      [100, 100],
      [160, 180],
      [220, 90],
      [300, 300],
      [310, 305]
    ]
    const a = polyline(zigzag, FRAME_1000)
    expect(similarity(a, structuredClone(a), FRAME_1000)).toBe(1)
    expect(similarity(a, polyline([...zigzag].reverse(), FRAME_1000), FRAME_1000)).toBeCloseTo(1, 9)
  })

  it('lines more than 2r apart score 0', () => {
    const a = polyline(
      [
        [100, 100],
        [200, 100]
      ],
      FRAME_1000
    )
    const far = polyline(
      [
        [100, 121],
        [200, 121]
      ],
      FRAME_1000
    )
    expect(similarity(a, far, FRAME_1000)).toBe(0)
  })

  it('lines without points score 0, and a polyline against a box scores 0', () => {
    const empty: Geometry = { type: 'polyline', points: [] }
    expect(similarity(empty, structuredClone(empty), FRAME_1000)).toBe(0)
    expect(
      similarity(
        polyline(
          [
            [0, 0],
            [10, 10]
          ],
          FRAME_1000
        ),
        box(0, 0, 10, 10, FRAME_1000),
        FRAME_1000
      )
    ).toBe(0)
  })

  it('the radius follows the frame: 1 % of sqrt(W·H) in pixels, 0.01 normalised', () => {
    // 400×100: r = 0.01 · 200 = 2 px. Horizontal lines 0.02 of the height (2 px) apart overlap
    // in a band of 2 px out of 4: for long lines the IoU tends to (2r − d) / (2r + d) = 1/3.
    const wide: FrameSize = { width: 400, height: 100 }
    const a: Geometry = {
      type: 'polyline',
      points: [
        { x: 0, y: 0.5 },
        { x: 1, y: 0.5 }
      ]
    }
    const b: Geometry = {
      type: 'polyline',
      points: [
        { x: 0, y: 0.52 },
        { x: 1, y: 0.52 }
      ]
    }
    const stadium = 2 * 2 * 400 + Math.PI * 4
    const lensArea = 2 * 4 * Math.acos(0.5) - 1 * Math.sqrt(16 - 4)
    const shared = 2 * 400 + lensArea
    expect(Math.abs(similarity(a, b, wide) - shared / (2 * stadium - shared))).toBeLessThan(
      TOLERANCE
    )
    // Normalised: r = 0.01 and the lines are 0.02 = 2r apart, so they only touch.
    expect(similarity(a, b, undefined)).toBe(0)
  })

  it('bounds are the points’ extent grown by r', () => {
    expect(
      boundsOf(
        polyline(
          [
            [100, 200],
            [300, 150]
          ],
          FRAME_1000
        ),
        FRAME_1000
      )
    ).toEqual({ minX: 90, minY: 140, maxX: 310, maxY: 210 })
  })
})
