import { describe, expect, it } from '@jest/globals'
import {
  intersectionArea,
  multiPolygonArea,
  unionOf,
  type MultiPolygon,
  type Pair
} from '../../../src/evaluate/geometry/clipping.js'
import { similarity } from '../../../src/evaluate/geometry/index.js'
import type { Geometry } from '../../../src/labels/model.js'

const FRAME = { width: 1920, height: 1080 }

/** Seeded star-shaped pairs in pixels, as in bench/geometry-micro.mjs: 10–30 vertices, overlapping. */
function starPairs(count: number, seed: number): [Pair[], Pair[]][] {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const star = (cx: number, cy: number, radius: number, vertices: number): Pair[] =>
    Array.from({ length: vertices }, (_, k) => {
      const angle = (2 * Math.PI * k) / vertices
      const r = radius * (0.6 + 0.4 * random())
      return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)]
    })
  return Array.from({ length: count }, () => {
    const cx = 200 + random() * 1500
    const cy = 150 + random() * 750
    const radius = 30 + random() * 120
    const a = star(cx, cy, radius, 10 + Math.floor(random() * 21))
    const b = star(
      cx + (random() - 0.5) * radius * 0.4,
      cy + (random() - 0.5) * radius * 0.4,
      radius * (0.8 + random() * 0.4),
      10 + Math.floor(random() * 21)
    )
    return [a, b]
  })
}

const normalised = (rings: Pair[][]): number[][] =>
  rings.map((ring) => ring.flatMap(([x, y]) => [x / FRAME.width, y / FRAME.height]))
const polygonOf = (...rings: Pair[][]): Geometry => ({
  type: 'polygon',
  polygons: [normalised(rings)]
})

/** The ring shrunk to 30 % about its vertex mean: a hole well inside a star. */
function holeOf(ring: Pair[]): Pair[] {
  const cx = ring.reduce((sum, [x]) => sum + x, 0) / ring.length
  const cy = ring.reduce((sum, [, y]) => sum + y, 0) / ring.length
  return ring.map(([x, y]) => [cx + (x - cx) * 0.3, cy + (y - cy) * 0.3])
}

describe('clipper-lib against the values polygon-clipping gave', () => {
  // IoU of starPairs(12, 20250101) by polygon-clipping 0.15.7, the library before clipper-lib.
  const plain = [
    0.5770606693212003, 0.7124302359520355, 0.5528820279200495, 0.5367516447275809,
    0.7617557849286447, 0.6703738733740688, 0.6197821481078969, 0.6664879665702863,
    0.6021159424546727, 0.7258552314115859, 0.5883340082584262, 0.7314484739408605
  ]
  // The same with a hole in the first star.
  const holed = [
    0.49850728181978615, 0.6451133397363996, 0.46697975772807204, 0.45344387057819197,
    0.683214459859891, 0.6005774994969606, 0.5389400007254483, 0.6017967644398506,
    0.5138367048140755, 0.6530846030270184, 0.5109073447617742, 0.644490868431593
  ]
  const pairs = starPairs(12, 20250101)

  it('agrees to 1e-12 on overlapping stars: the float geometry survives the integer grid', () => {
    pairs.forEach(([a, b], k) => {
      expect(similarity(polygonOf(a), polygonOf(b), FRAME)).toBeCloseTo(plain[k] as number, 12)
    })
  })

  it('agrees to 1e-12 with holes (which go through the library union first)', () => {
    pairs.forEach(([a, b], k) => {
      const value = similarity(polygonOf(a, holeOf(a)), polygonOf(b), FRAME)
      expect(value).toBeCloseTo(holed[k] as number, 12)
    })
  })
})

describe('precision of the integer library', () => {
  it('nearly parallel edges still cross where the float edges do', () => {
    // Two 1000 × 1 px wedges on one base whose slanted sides cross at (500, 0.5) at ~0.1°; the
    // overlap is the triangle under both, 250 of 500 + 500 − 250 px²: IoU exactly 1/3.
    const a: MultiPolygon = [
      [
        [
          [0, 0],
          [1000, 0],
          [0, 1]
        ]
      ]
    ]
    const b: MultiPolygon = [
      [
        [
          [0, 0],
          [1000, 0],
          [1000, 1]
        ]
      ]
    ]
    expect(intersectionArea(a, b)).toBeCloseTo(250, 9)
    expect(intersectionArea(b, a)).toBeCloseTo(250, 9)
  })

  it('keeps irrational coordinates: a square and itself turned by 45°, both at an odd angle', () => {
    // Whatever the common angle, the overlap is a regular octagon of area 2(√2 − 1) (side-1
    // squares), so the IoU is 2(√2 − 1) / (2 − 2(√2 − 1)) = 1/√2.
    const square = (degrees: number): Pair[] =>
      [45, 135, 225, 315].map((corner) => {
        const angle = ((corner + degrees) * Math.PI) / 180
        return [300 + Math.SQRT1_2 * Math.cos(angle), 200 + Math.SQRT1_2 * Math.sin(angle)]
      })
    const a: MultiPolygon = [[square(17)]]
    const b: MultiPolygon = [[square(62)]]
    expect(intersectionArea(a, b)).toBeCloseTo(2 * (Math.SQRT2 - 1), 12)
    expect(similarity(polygonOf(square(17)), polygonOf(square(62)), FRAME)).toBeCloseTo(
      Math.SQRT1_2,
      12
    )
  })

  it('identical shapes score exactly 1 without depending on the library', () => {
    const [a] = starPairs(1, 7)[0] as [Pair[], Pair[]]
    const shape = polygonOf(a)
    expect(similarity(shape, structuredClone(shape), FRAME)).toBe(1)
  })
})

describe('shapes thinner than a grid cell', () => {
  // A 200 px triangle 1e-7 px thick: on its grid (a cell is 200 / 2^24 px) it is a line.
  const sliver: Pair[] = [
    [100, 100],
    [300, 150],
    [200, 125 + 1e-7]
  ]

  it('have an empty union rather than a failed one', () => {
    expect(unionOf([[sliver], [sliver]])).toEqual([])
  })

  it('meet nothing rather than fail', () => {
    const box: Pair[] = [
      [150, 100],
      [250, 100],
      [250, 200],
      [150, 200]
    ]
    expect(intersectionArea([[sliver]], [[box]])).toBe(0)
  })
})

describe('unions read each polygon with the even-odd rule', () => {
  // (0,40) → (30,40) → (20,40) runs back along itself (a horizontal spike), then the ring crosses
  // itself twice. Its even-odd region is three triangles: 2400/13 + 937.5/13 + 87.5 px². (clipper2-ts
  // 2.0.1 returned only the part above y = 30 for a ring like this.)
  const spiked: Pair[] = [
    [0, 40],
    [30, 40],
    [20, 40],
    [10, 10],
    [40, 10],
    [30, 0]
  ]
  const exact = 3337.5 / 13 + 87.5

  it('resolves a spiked, self-crossing ring into the area of its three triangles', () => {
    // Clipper 6 may return them as one ring that touches itself at the crossings; the area is
    // what matters.
    expect(multiPolygonArea(unionOf([[spiked]]) as MultiPolygon)).toBeCloseTo(exact, 9)
  })

  it('scores the ring against its three triangles as 1', () => {
    const crossing: Pair = [180 / 13, 280 / 13]
    const triangles: Pair[][] = [
      [[0, 40], [20, 40], crossing],
      [crossing, [10, 10], [22.5, 10]],
      [
        [22.5, 10],
        [40, 10],
        [30, 0]
      ]
    ]
    const frame = { width: 100, height: 100 }
    const toNormalised = (ring: Pair[]) => ring.flatMap(([x, y]) => [x / 100, y / 100])
    const asRing: Geometry = { type: 'polygon', polygons: [[toNormalised(spiked)]] }
    const asParts: Geometry = {
      type: 'polygon',
      polygons: triangles.map((ring) => [toNormalised(ring)])
    }
    expect(similarity(asRing, asParts, frame)).toBeCloseTo(1, 12)
  })

  it('agrees with an even-odd raster on random self-crossing rings', () => {
    let state = 99
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
    const wild = (): Pair[] =>
      Array.from({ length: 3 + Math.floor(random() * 8) }, () => [random() * 100, random() * 100])
    for (let k = 0; k < 12; k++) {
      const a = wild()
      const b = wild()
      const value = similarity(
        { type: 'polygon', polygons: [[a.flat()]] },
        { type: 'polygon', polygons: [[b.flat()]] },
        undefined
      )
      expect(Math.abs(value - evenOddRasterIoU(a, b, 300))).toBeLessThan(0.01)
    }
  })
})

/** IoU of the cells (centres) inside each ring by the even-odd rule, on an n × n grid over both. */
function evenOddRasterIoU(a: Pair[], b: Pair[], n: number): number {
  const xs = [...a, ...b].map(([x]) => x)
  const ys = [...a, ...b].map(([, y]) => y)
  const minX = Math.min(...xs)
  const minY = Math.min(...ys)
  const cell = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY) / n
  let shared = 0
  let either = 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = minX + (i + 0.5) * cell
      const y = minY + (j + 0.5) * cell
      const inA = insideEvenOdd(a, x, y)
      const inB = insideEvenOdd(b, x, y)
      if (inA && inB) shared++
      if (inA || inB) either++
    }
  }
  return either === 0 ? 0 : shared / either
}

function insideEvenOdd(ring: Pair[], x: number, y: number): boolean {
  let inside = false
  for (let k = 0; k < ring.length; k++) {
    const [x1, y1] = ring[k] as Pair
    const [x2, y2] = ring[(k + 1) % ring.length] as Pair
    if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside
  }
  return inside
}
