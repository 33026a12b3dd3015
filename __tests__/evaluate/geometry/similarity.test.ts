import { describe, expect, it } from '@jest/globals'
import {
  type Bounds,
  boundsOf,
  boundsOverlap,
  EMPTY_BOUNDS,
  isEmptyBounds,
  similarity
} from '../../../src/evaluate/geometry/index.js'
import type { FrameSize, Geometry } from '../../../src/labels/model.js'
import {
  box,
  FRAME_100,
  FRAME_1000,
  mask,
  point,
  polygon,
  polyline,
  rectRing,
  rotatedBox,
  skeleton
} from './shapes.js'

describe('similarity across families', () => {
  const shapes: Record<string, Geometry> = {
    point: point(50, 50, FRAME_100),
    polyline: polyline(
      [
        [40, 50],
        [60, 50]
      ],
      FRAME_100
    ),
    skeleton: skeleton([{ name: 'a', x: 50, y: 50 }], FRAME_100),
    box: box(40, 40, 20, 20, FRAME_100)
  }

  it.each([
    ['point', 'polyline'],
    ['point', 'skeleton'],
    ['point', 'box'],
    ['polyline', 'skeleton'],
    ['polyline', 'box'],
    ['skeleton', 'box']
  ])('%s against %s scores 0 even when they lie on each other', (first, second) => {
    const a = shapes[first] as Geometry
    const b = shapes[second] as Geometry
    expect(boundsOverlap(boundsOf(a, FRAME_100), boundsOf(b, FRAME_100))).toBe(true)
    expect(similarity(a, b, FRAME_100)).toBe(0)
    expect(similarity(b, a, FRAME_100)).toBe(0)
  })

  it('a prepared shape is recomputed when the same geometry meets another frame size', () => {
    // The turned square is square in pixels on 100×100 but not on 200×100 (normalised 0.2 × 0.2
    // is 40×20 px there), so its overlap with its upright self differs.
    const turned = rotatedBox(40, 40, 20, 20, 45, FRAME_100)
    const upright = box(40, 40, 20, 20, FRAME_100)
    const wide: FrameSize = { width: 200, height: 100 }
    expect(similarity(turned, upright, FRAME_100)).toBeCloseTo(Math.SQRT1_2, 12)
    const onWide = similarity(turned, upright, wide)
    expect(onWide).not.toBeCloseTo(Math.SQRT1_2, 3)
    expect(similarity(turned, upright, FRAME_100)).toBeCloseTo(Math.SQRT1_2, 12)
    expect(similarity(turned, upright, wide)).toBe(onWide)
  })
})

/** Bounds rounded to 9 decimals, so that 0.3 · 100 = 30.000000000000004 compares equal to 30. */
function rounded(bounds: Bounds): Bounds {
  const round = (value: number) => Math.round(value * 1e9) / 1e9
  return {
    minX: round(bounds.minX),
    minY: round(bounds.minY),
    maxX: round(bounds.maxX),
    maxY: round(bounds.maxY)
  }
}

describe('boundsOf', () => {
  it('gives a box’s extent in pixels when the size is known, normalised otherwise', () => {
    expect(rounded(boundsOf(box(10, 20, 30, 40, FRAME_100), FRAME_100))).toEqual({
      minX: 10,
      minY: 20,
      maxX: 40,
      maxY: 60
    })
    expect(rounded(boundsOf({ type: 'box', x: 0.5, y: 0.25, w: 0.25, h: 0.5 }, undefined))).toEqual(
      {
        minX: 0.5,
        minY: 0.25,
        maxX: 0.75,
        maxY: 0.75
      }
    )
  })

  it('gives a turned box the extent of its corners', () => {
    // A 20×20 square turned by 45° about (50, 50) reaches 10√2 from the centre.
    const bounds = boundsOf(rotatedBox(40, 40, 20, 20, 45, FRAME_100), FRAME_100)
    expect(bounds.minX).toBeCloseTo(50 - 10 * Math.SQRT2, 12)
    expect(bounds.maxY).toBeCloseTo(50 + 10 * Math.SQRT2, 12)
  })

  it('gives a polygon its extent and a degenerate one empty bounds', () => {
    expect(rounded(boundsOf(polygon([rectRing(10, 20, 30, 50)], FRAME_100), FRAME_100))).toEqual({
      minX: 10,
      minY: 20,
      maxX: 30,
      maxY: 50
    })
    const flat: Geometry = { type: 'polygon', polygons: [[[0.1, 0.1, 0.2, 0.2]]] }
    expect(isEmptyBounds(boundsOf(flat, FRAME_100))).toBe(true)
  })

  it('empty bounds overlap nothing, not even themselves', () => {
    expect(boundsOverlap(EMPTY_BOUNDS, EMPTY_BOUNDS)).toBe(false)
    expect(boundsOverlap(EMPTY_BOUNDS, boundsOf(box(0, 0, 100, 100, FRAME_100), FRAME_100))).toBe(
      false
    )
  })

  it('gives every shape bounds in the units similarity works in', () => {
    // A 2×2 mask on a 2×2 frame with one set pixel, against a frame of 1000×1000.
    const lone = mask(['01', '00'])
    expect(boundsOf(lone, undefined)).toEqual({ minX: 0.5, minY: 0, maxX: 1, maxY: 0.5 })
    const far = point(900, 900, FRAME_1000)
    expect(boundsOf(far, FRAME_1000).minX).toBeCloseTo(860, 6)
  })
})
