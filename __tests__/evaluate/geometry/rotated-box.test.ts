import { describe, expect, it } from '@jest/globals'
import { similarity } from '../../../src/evaluate/geometry/index.js'
import type { FrameSize, Geometry } from '../../../src/labels/model.js'
import { box, FRAME_100, polygon, rotatedBox } from './shapes.js'

/** A bar of length 2·half and thickness 2·thickness centred at (cx, cy) along unit vector (ux, uy). */
function bar(
  cx: number,
  cy: number,
  ux: number,
  uy: number,
  half: number,
  thickness: number
): Geometry {
  const vx = -uy
  const vy = ux
  return polygon(
    [
      [
        [cx - half * ux - thickness * vx, cy - half * uy - thickness * vy],
        [cx + half * ux - thickness * vx, cy + half * uy - thickness * vy],
        [cx + half * ux + thickness * vx, cy + half * uy + thickness * vy],
        [cx - half * ux + thickness * vx, cy - half * uy + thickness * vy]
      ]
    ],
    FRAME_100
  )
}

describe('rotated boxes', () => {
  const square45 = rotatedBox(40, 40, 20, 20, 45, FRAME_100)

  it('a square turned by 45° scores 1 against itself', () => {
    expect(similarity(square45, { ...square45 }, FRAME_100)).toBeCloseTo(1, 12)
  })

  it('a square turned by 45° against the unturned square scores 1/√2', () => {
    // The overlap is the square minus 4 corner triangles. Each corner sticks out of the turned
    // square by h = a/√2 − a/2 along the diagonal, cutting a right isosceles triangle of area h².
    // Overlap = a²(2√2 − 2), union = a²(4 − 2√2), ratio = 1/√2.
    const a = 20
    const overlap = a * a * (2 * Math.SQRT2 - 2)
    const union = 2 * a * a - overlap
    expect(overlap / union).toBeCloseTo(Math.SQRT1_2, 12)
    expect(similarity(square45, rotatedBox(40, 40, 20, 20, 0, FRAME_100), FRAME_100)).toBeCloseTo(
      Math.SQRT1_2,
      12
    )
    expect(similarity(square45, box(40, 40, 20, 20, FRAME_100), FRAME_100)).toBeCloseTo(
      Math.SQRT1_2,
      12
    )
  })

  it('theta = 0 (and 180, 360) scores exactly as the plain box does', () => {
    type Rect = [number, number, number, number]
    const pairs: [Rect, Rect][] = [
      [
        [10, 10, 10, 10],
        [15, 15, 10, 10]
      ],
      [
        [3.3, 7.1, 40.9, 12.2],
        [20.05, 1.7, 8.8, 30.3]
      ]
    ]
    for (const [[x, y, w, h], [x2, y2, w2, h2]] of pairs) {
      const plain = similarity(
        box(x, y, w, h, FRAME_100),
        box(x2, y2, w2, h2, FRAME_100),
        FRAME_100
      )
      for (const theta of [0, 180, 360, -180]) {
        const turned = rotatedBox(x, y, w, h, theta, FRAME_100)
        expect(similarity(turned, box(x2, y2, w2, h2, FRAME_100), FRAME_100)).toBe(plain)
        expect(similarity(turned, rotatedBox(x2, y2, w2, h2, theta, FRAME_100), FRAME_100)).toBe(
          plain
        )
      }
    }
  })

  it('a quarter turn swaps the sides about the centre: 20×10 vs 10×20 share 100 of 300 px²', () => {
    const flat = rotatedBox(40, 45, 20, 10, 0, FRAME_100)
    expect(similarity(flat, rotatedBox(40, 45, 20, 10, 90, FRAME_100), FRAME_100)).toBeCloseTo(
      1 / 3,
      12
    )
    expect(similarity(flat, rotatedBox(40, 45, 20, 10, -90, FRAME_100), FRAME_100)).toBeCloseTo(
      1 / 3,
      12
    )
  })

  it('positive theta turns clockwise on screen (y down)', () => {
    // A 40×2 bar turned by +45° clockwise runs from top-left to bottom-right, along (1, 1)/√2.
    const turned = rotatedBox(30, 49, 40, 2, 45, FRAME_100)
    const r = Math.SQRT1_2
    expect(similarity(turned, bar(50, 50, r, r, 20, 1), FRAME_100)).toBeCloseTo(1, 9)
    // The other diagonal crosses it in a 2×2 square: 4 of 80 + 80 − 4 px².
    expect(similarity(turned, bar(50, 50, r, -r, 20, 1), FRAME_100)).toBeCloseTo(4 / 156, 9)
  })

  it('turns in pixels: on a 2:1 frame a box that is square in pixels stays square', () => {
    const wide: FrameSize = { width: 200, height: 100 }
    // 20×20 px, normalised 0.1 × 0.2.
    const turned = rotatedBox(90, 40, 20, 20, 45, wide)
    const upright = rotatedBox(90, 40, 20, 20, 0, wide)
    expect(similarity(turned, upright, wide)).toBeCloseTo(Math.SQRT1_2, 12)
    // In normalised units the same numbers describe a 0.1 × 0.2 rectangle: a different overlap.
    expect(similarity(turned, upright, undefined)).not.toBeCloseTo(Math.SQRT1_2, 2)
  })

  it('a non-finite angle scores 0', () => {
    const broken = rotatedBox(40, 40, 20, 20, Number.NaN, FRAME_100)
    expect(similarity(broken, box(40, 40, 20, 20, FRAME_100), FRAME_100)).toBe(0)
    expect(similarity(broken, square45, FRAME_100)).toBe(0)
  })
})
