import { describe, expect, it } from '@jest/globals'
import { arealShapeOf, isAreal, rasterIoU } from '../../../src/evaluate/geometry/areal.js'
import { intersectionArea, type MultiPolygon } from '../../../src/evaluate/geometry/clipping.js'
import { similarity } from '../../../src/evaluate/geometry/index.js'
import type { Geometry } from '../../../src/labels/model.js'
import { box, FRAME_100, multiPolygon, polygon, rectRing } from './shapes.js'

const full = box(0, 0, 10, 10, FRAME_100)
const PIXELS_100 = { sx: 100, sy: 100 }

/** The prepared form of a box, rotated box or polygon, in pixels of FRAME_100. */
function prepared(g: Geometry) {
  if (!isAreal(g)) throw new Error(`not an areal shape: ${g.type}`)
  return arealShapeOf(g, PIXELS_100)
}

describe('polygon IoU', () => {
  it('a square with a 5×5 hole covers 75 of the full square’s 100 px²', () => {
    const holed = polygon([rectRing(0, 0, 10, 10), rectRing(2.5, 2.5, 7.5, 7.5)], FRAME_100)
    expect(similarity(holed, full, FRAME_100)).toBeCloseTo(0.75, 12)
    // The hole itself shares only a boundary with the holed square.
    expect(similarity(holed, box(2.5, 2.5, 5, 5, FRAME_100), FRAME_100)).toBe(0)
    expect(similarity(holed, structuredClone(holed), FRAME_100)).toBeCloseTo(1, 12)
  })

  it('a multi-polygon of two squares against one of them scores 100 / 200', () => {
    const two = multiPolygon([[rectRing(0, 0, 10, 10)], [rectRing(20, 0, 30, 10)]], FRAME_100)
    expect(similarity(two, full, FRAME_100)).toBeCloseTo(0.5, 12)
    // Against the box spanning both: 200 of 300 px².
    expect(similarity(two, box(0, 0, 30, 10, FRAME_100), FRAME_100)).toBeCloseTo(2 / 3, 12)
    const reordered = multiPolygon([[rectRing(20, 0, 30, 10)], [rectRing(0, 0, 10, 10)]], FRAME_100)
    expect(similarity(two, reordered, FRAME_100)).toBeCloseTo(1, 12)
  })

  it('overlapping parts of a multi-polygon count once', () => {
    // [0,10]² ∪ [5,15]×[0,10] is the 15×10 box (150 px², not 200).
    const overlapping = multiPolygon(
      [[rectRing(0, 0, 10, 10)], [rectRing(5, 0, 15, 10)]],
      FRAME_100
    )
    expect(similarity(overlapping, box(0, 0, 15, 10, FRAME_100), FRAME_100)).toBeCloseTo(1, 12)
  })

  it('a self-crossing bow-tie encloses both of its triangles', () => {
    // (0,0)→(10,10)→(10,0)→(0,10): two triangles of 25 px² meeting at (5,5); its signed
    // shoelace area is 0, which must not be mistaken for "no area".
    const bowTie = polygon(
      [
        [
          [0, 0],
          [10, 10],
          [10, 0],
          [0, 10]
        ]
      ],
      FRAME_100
    )
    const leftTriangle = polygon(
      [
        [
          [0, 0],
          [5, 5],
          [0, 10]
        ]
      ],
      FRAME_100
    )
    expect(similarity(bowTie, leftTriangle, FRAME_100)).toBeCloseTo(25 / 50, 12)
  })

  it('a repeated closing point changes nothing', () => {
    const closed = polygon([[...rectRing(0, 0, 10, 10), [0, 0]]], FRAME_100)
    expect(similarity(closed, full, FRAME_100)).toBeCloseTo(1, 12)
    expect(prepared(closed)).toMatchObject({ area: 100, clean: true })
  })

  it('degenerate polygons score 0, even against themselves', () => {
    const twoPoints: Geometry = { type: 'polygon', polygons: [[[0.1, 0.1, 0.2, 0.2]]] }
    const collinear: Geometry = { type: 'polygon', polygons: [[[0.1, 0.1, 0.2, 0.2, 0.3, 0.3]]] }
    const empty: Geometry = { type: 'polygon', polygons: [] }
    const onlyNaN: Geometry = { type: 'polygon', polygons: [[[Number.NaN, 0, 1, Number.NaN]]] }
    for (const degenerate of [twoPoints, collinear, empty, onlyNaN]) {
      expect(similarity(degenerate, structuredClone(degenerate), FRAME_100)).toBe(0)
      expect(similarity(degenerate, box(0, 0, 100, 100, FRAME_100), FRAME_100)).toBe(0)
    }
  })

  it('holes are dropped with their polygon when the outer ring is degenerate', () => {
    const orphanHole: Geometry = {
      type: 'polygon',
      polygons: [
        [
          [0, 0, 0.1, 0.1],
          [0.02, 0.02, 0.08, 0.02, 0.08, 0.08, 0.02, 0.08]
        ]
      ]
    }
    expect(similarity(orphanHole, full, FRAME_100)).toBe(0)
  })
})

describe('when the clipping library gives up', () => {
  // A self-crossing octagon and a copy moved by ~1e-12 (found by fuzzing): polygon-clipping 0.15.7,
  // the library before clipper-lib, threw "Unable to complete output ring" on this raw pair.
  const ringA: [number, number][] = [
    [0.5123800039291382, 0.5689696073532104],
    [0.6559375524520874, 0.8988713026046753],
    [0.7172731161117554, 0.4579828977584839],
    [0.6257690191268921, 0.45522773265838623],
    [0.9353193044662476, 0.4213064908981323],
    [0.5235484838485718, 0.42354094982147217],
    [0.009780287742614746, 0.6244677565991879],
    [0.4181588888168335, 0.6416414976119995],
    [0.5123800039291382, 0.5689696073532104]
  ]
  const ringB: [number, number][] = [
    [0.5123800039290777, 0.5689696073535064],
    [0.655937552452136, 0.8988713026043272],
    [0.7172731161114274, 0.45798289775847006],
    [0.625769019127153, 0.45522773265808675],
    [0.9353193044660095, 0.42130649089836814],
    [0.5235484838487351, 0.4235409498214619],
    [0.009780287742348027, 0.6244677565995004],
    [0.4181588888167697, 0.6416414976119648],
    [0.5123800039291835, 0.5689696073530067]
  ]

  it('the wrapper returns null instead of throwing', () => {
    // clipper-lib answers on the octagons; what it cannot be given is a pair that has no grid,
    // here because the extent overflows to Infinity.
    const a: MultiPolygon = [
      [
        [
          [-1e308, 0],
          [1e308, 0],
          [0, 1e308]
        ]
      ]
    ]
    const b: MultiPolygon = [[ringB]]
    expect(intersectionArea(a, b)).toBeNull()
  })

  it('similarity still answers, and near-identical shapes still score about 1', () => {
    const asGeometry = (ring: [number, number][]): Geometry => ({
      type: 'polygon',
      polygons: [[ring.flat()]]
    })
    const value = similarity(asGeometry(ringA), asGeometry(ringB), undefined)
    expect(value).toBeCloseTo(1, 6)
    expect(similarity(asGeometry(ringB), asGeometry(ringA), undefined)).toBe(value)
  })

  it('the raster fallback is close to the exact IoU (1024 cells on the longer side)', () => {
    const a = prepared(box(10, 10, 10, 10, FRAME_100))
    const b = prepared(box(15, 15, 10, 10, FRAME_100))
    // 15 px of joint bounds over 1024 cells: each edge is off by at most one 0.015 px cell.
    expect(rasterIoU(a, b)).toBeCloseTo(25 / 175, 2)
    const triangle = prepared(
      polygon(
        [
          [
            [10, 10],
            [20, 10],
            [10, 20]
          ]
        ],
        FRAME_100
      )
    )
    expect(rasterIoU(a, triangle)).toBeCloseTo(0.5, 2)
    expect(rasterIoU(a, a)).toBe(1)
  })
})
