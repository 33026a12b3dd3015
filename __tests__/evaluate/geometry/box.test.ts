import { describe, expect, it } from '@jest/globals'
import { similarity } from '../../../src/evaluate/geometry/index.js'
import type { FrameSize, Geometry } from '../../../src/labels/model.js'
import { box, FRAME_100, polygon, rectRing } from './shapes.js'

describe('box IoU', () => {
  it('two 10×10 boxes offset by 5 in x and y share 25 of 175 px²', () => {
    const a = box(10, 10, 10, 10, FRAME_100)
    const b = box(15, 15, 10, 10, FRAME_100)
    expect(similarity(a, b, FRAME_100)).toBeCloseTo(25 / 175, 12)
  })

  it('two 10×10 boxes offset by 5 in x only share 50 of 150 px²', () => {
    expect(
      similarity(box(10, 10, 10, 10, FRAME_100), box(15, 10, 10, 10, FRAME_100), FRAME_100)
    ).toBeCloseTo(1 / 3, 12)
  })

  it('a 10×10 box inside a 20×20 box scores 100 / 400', () => {
    expect(
      similarity(box(10, 10, 10, 10, FRAME_100), box(5, 5, 20, 20, FRAME_100), FRAME_100)
    ).toBeCloseTo(0.25, 12)
  })

  it('identical boxes score exactly 1', () => {
    const a = box(12, 34, 20, 10, FRAME_100)
    expect(similarity(a, { ...a }, FRAME_100)).toBe(1)
  })

  it('disjoint and edge-touching boxes score 0', () => {
    const a = box(0, 0, 10, 10, FRAME_100)
    expect(similarity(a, box(30, 30, 10, 10, FRAME_100), FRAME_100)).toBe(0)
    expect(similarity(a, box(10, 0, 10, 10, FRAME_100), FRAME_100)).toBe(0)
  })

  it('zero-area boxes score 0, even against themselves', () => {
    const flat = box(10, 10, 10, 0, FRAME_100)
    expect(similarity(flat, { ...flat }, FRAME_100)).toBe(0)
    expect(similarity(flat, box(5, 5, 20, 20, FRAME_100), FRAME_100)).toBe(0)
  })

  it('a box with a negative width covers the same pixels as its mirror', () => {
    const mirrored: Geometry = { type: 'box', x: 0.2, y: 0.1, w: -0.1, h: 0.1 }
    expect(similarity(mirrored, box(10, 10, 10, 10, FRAME_100), FRAME_100)).toBe(1)
  })

  it('non-finite coordinates score 0 instead of NaN', () => {
    const broken: Geometry = { type: 'box', x: Number.NaN, y: 0, w: 0.1, h: 0.1 }
    expect(similarity(broken, box(0, 0, 10, 10, FRAME_100), FRAME_100)).toBe(0)
  })

  it('on a 2:1 frame the boxes are compared in pixels (and area IoU is the same normalised)', () => {
    const wide: FrameSize = { width: 200, height: 100 }
    // 100×50 px boxes, the second 50 px to the right: 50×50 shared, 7500 px² in the union.
    const a = box(0, 0, 100, 50, wide)
    const b = box(50, 0, 100, 50, wide)
    expect(similarity(a, b, wide)).toBeCloseTo(2500 / 7500, 12)
    // Scaling each axis scales every area by the same factor, so the ratio cannot change.
    expect(similarity(a, b, undefined)).toBeCloseTo(2500 / 7500, 12)
  })

  it('an unknown or zero frame size means normalised units', () => {
    const a: Geometry = { type: 'box', x: 0.1, y: 0.1, w: 0.1, h: 0.1 }
    const b: Geometry = { type: 'box', x: 0.15, y: 0.15, w: 0.1, h: 0.1 }
    expect(similarity(a, b, { width: 0, height: 0 })).toBeCloseTo(25 / 175, 12)
    expect(similarity(a, b, undefined)).toBeCloseTo(25 / 175, 12)
  })
})

describe('boxes against polygons', () => {
  it('a box and the polygon of its corners score 1', () => {
    const a = box(10, 20, 30, 15, FRAME_100)
    expect(similarity(a, polygon([rectRing(10, 20, 40, 35)], FRAME_100), FRAME_100)).toBeCloseTo(
      1,
      12
    )
  })

  it('a box and the triangle of half of it score 50 / 100', () => {
    const triangle = polygon(
      [
        [
          [0, 0],
          [10, 0],
          [0, 10]
        ]
      ],
      FRAME_100
    )
    expect(similarity(box(0, 0, 10, 10, FRAME_100), triangle, FRAME_100)).toBeCloseTo(0.5, 12)
    expect(similarity(triangle, box(0, 0, 10, 10, FRAME_100), FRAME_100)).toBeCloseTo(0.5, 12)
  })
})
