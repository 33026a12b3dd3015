// § numbers in this file are sections of docs/encord-api.md.
import { describe, expect, it } from '@jest/globals'
import { boundsOf, encodeRleCounts, similarity } from '../../../src/evaluate/geometry/index.js'
import type { FrameSize, Geometry } from '../../../src/labels/model.js'
import { box, mask, point, polygon } from './shapes.js'

const FRAME_4x3: FrameSize = { width: 4, height: 3 }
// Rows 0011 / 0110 / 0000: pixels (row, column) (0,2) (0,3) (1,1) (1,2).
const vectorMask = mask(['0011', '0110', '0000'])

describe('bitmask IoU', () => {
  it('the §7.6 vector mask encodes as documented', () => {
    expect(vectorMask).toMatchObject({ width: 4, height: 3, rle: '22104' })
  })

  it('two 4×3 masks sharing 3 of 5 pixels score 0.6', () => {
    // 0010 / 0110 / 0010: (0,2) (1,1) (1,2) (2,2); shared (0,2) (1,1) (1,2).
    const other = mask(['0010', '0110', '0010'])
    expect(similarity(vectorMask, other, FRAME_4x3)).toBe(0.6)
    expect(similarity(other, vectorMask, undefined)).toBe(0.6)
  })

  it('identical masks score 1 and disjoint masks 0', () => {
    expect(similarity(vectorMask, mask(['0011', '0110', '0000']), FRAME_4x3)).toBe(1)
    expect(similarity(vectorMask, mask(['1100', '0000', '1111']), FRAME_4x3)).toBe(0)
  })

  it('top/left offsets place the mask on the frame: shifted one column right, 2 of 6 shared', () => {
    const shifted = mask(['0011', '0110', '0000'], { top: 0, left: 1 })
    // (0,3) (0,4) (1,2) (1,3) against (0,2) (0,3) (1,1) (1,2): shared (0,3) (1,2).
    expect(similarity(vectorMask, shifted, FRAME_4x3)).toBeCloseTo(2 / 6, 15)
  })

  it('a box is rasterised onto the mask grid: pixels whose centre it covers', () => {
    // x 1..3, y 0..2 covers centres (1.5, 0.5) (2.5, 0.5) (1.5, 1.5) (2.5, 1.5):
    // (0,1) (0,2) (1,1) (1,2), of which (0,2) (1,1) (1,2) are in the mask: 3 of 5.
    const covering = box(1, 0, 2, 2, FRAME_4x3)
    expect(similarity(vectorMask, covering, FRAME_4x3)).toBe(0.6)
    expect(similarity(covering, vectorMask, FRAME_4x3)).toBe(0.6)
    // Without a frame size the mask's own width × height is the frame.
    expect(similarity(vectorMask, covering, undefined)).toBe(0.6)
  })

  it('the polygon tracing the mask’s pixels scores 1', () => {
    const outline = polygon(
      [
        [
          [2, 0],
          [4, 0],
          [4, 1],
          [3, 1],
          [3, 2],
          [1, 2],
          [1, 1],
          [2, 1]
        ]
      ],
      FRAME_4x3
    )
    expect(similarity(vectorMask, outline, FRAME_4x3)).toBe(1)
  })

  it('full-HD masks are compared from their runs: 100×100 squares 50 px apart share 1/3', () => {
    const hd: FrameSize = { width: 1920, height: 1080 }
    const square = (left: number, top: number): Geometry => {
      const counts = [top * 1920 + left]
      for (let row = 0; row < 100; row++) counts.push(100, 1820)
      counts[counts.length - 1] = 1920 * 1080 - ((top + 99) * 1920 + left + 100)
      return {
        type: 'bitmask',
        top: 0,
        left: 0,
        width: 1920,
        height: 1080,
        rle: encodeRleCounts(counts)
      }
    }
    expect(similarity(square(500, 300), square(550, 300), hd)).toBeCloseTo(5000 / 15000, 15)
    expect(similarity(square(500, 300), box(500, 300, 100, 100, hd), hd)).toBe(1)
    expect(similarity(square(500, 300), box(550, 350, 100, 100, hd), hd)).toBeCloseTo(
      2500 / 17500,
      15
    )
  })

  it('runs past the end of the mask are cut', () => {
    const overlong: Geometry = {
      type: 'bitmask',
      top: 0,
      left: 0,
      width: 4,
      height: 3,
      rle: encodeRleCounts([0, 20])
    }
    expect(similarity(overlong, box(0, 0, 4, 3, FRAME_4x3), FRAME_4x3)).toBe(1)
  })

  it('a mask that cannot be read scores 0 and has empty bounds', () => {
    const badString: Geometry = { ...vectorMask, rle: '22 04' } as Geometry
    const badSize: Geometry = { ...vectorMask, width: 0 } as Geometry
    const empty = mask(['0000', '0000', '0000'])
    for (const broken of [badString, badSize, empty]) {
      expect(similarity(broken, vectorMask, FRAME_4x3)).toBe(0)
      expect(similarity(broken, structuredClone(broken), FRAME_4x3)).toBe(0)
      const bounds = boundsOf(broken, FRAME_4x3)
      expect(bounds.minX > bounds.maxX).toBe(true)
    }
  })

  it('a bitmask against a point, polyline or skeleton scores 0', () => {
    expect(similarity(vectorMask, point(2, 1, FRAME_4x3), FRAME_4x3)).toBe(0)
    expect(
      similarity({ type: 'polyline', points: [{ x: 0.5, y: 0.2 }] }, vectorMask, FRAME_4x3)
    ).toBe(0)
  })

  it('bounds are the set pixels’ squares, in pixels or normalised', () => {
    expect(boundsOf(vectorMask, FRAME_4x3)).toEqual({ minX: 1, minY: 0, maxX: 4, maxY: 2 })
    expect(boundsOf(vectorMask, undefined)).toEqual({ minX: 0.25, minY: 0, maxX: 1, maxY: 2 / 3 })
  })
})
