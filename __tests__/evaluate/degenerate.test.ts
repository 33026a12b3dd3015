import { describe, expect, it } from '@jest/globals'
import { degeneracyOf, MAX_COORDINATE } from '../../src/evaluate/degenerate.js'

const box = (x: number, y: number, w: number, h: number) => ({ type: 'box' as const, x, y, w, h })
const polygon = (...ring: number[]) => ({ type: 'polygon' as const, polygons: [[ring]] })

describe('degeneracyOf', () => {
  it('accepts ordinary labels, including boxes and polygons partly outside the frame', () => {
    expect(degeneracyOf(box(0.1, 0.1, 0.2, 0.2))).toBeNull()
    expect(degeneracyOf(box(-0.1, 0.9, 0.2, 0.2))).toBeNull()
    expect(degeneracyOf(box(0.5, 0.5, 1e-9, 1e-9))).toBeNull()
    expect(degeneracyOf(polygon(0.9, 0.9, 1.2, 0.9, 1.1, 1.3))).toBeNull()
    expect(degeneracyOf({ type: 'point', x: 1.5, y: -0.2 })).toBeNull()
  })

  it.each([
    [box(0.1, 0.1, 0, 0.2), 'a box with zero or negative width or height'],
    [box(0.1, 0.1, 0.2, -0.2), 'a box with zero or negative width or height'],
    [box(1, 0.1, 0.2, 0.2), 'a box entirely outside the frame'],
    [box(-0.3, 0.1, 0.3, 0.2), 'a box entirely outside the frame'],
    [box(0, 0, 1e308, 1e308), 'a box with coordinates far outside the frame'],
    [box(0, 0, MAX_COORDINATE + 1, 0.1), 'a box with coordinates far outside the frame'],
    [
      { type: 'rotatedBox' as const, x: 0.1, y: 0.1, w: -1, h: 0.2, theta: 10 },
      'a rotated box with zero or negative width or height'
    ],
    [polygon(0.1, 0.1, 0.2, 0.2), 'a polygon with a ring of fewer than 3 points'],
    [polygon(2, 2, 3, 2, 2.5, 3), 'a polygon entirely outside the frame'],
    [{ type: 'point' as const, x: 1e300, y: 0 }, 'a point far outside the frame']
  ])('%j: %s', (geometry, reason) => {
    expect(degeneracyOf(geometry)).toBe(reason)
  })
})
