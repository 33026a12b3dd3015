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
import {
  exactArea,
  exactIntersectionArea,
  exactIou,
  rational,
  subtract,
  toNumber
} from './exact-area.js'

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

/**
 * Seeded pairs in integer pixels whose overlap is known exactly: a star-shaped ring (10–30
 * vertices, not convex, vertex offsets from its centre multiples of 4 so that a hole a quarter
 * its size also has integer vertices) and a convex ring (the hull of 8–20 points) across it.
 */
function starAndConvexPairs(
  count: number,
  seed: number
): { star: Pair[]; hole: Pair[]; convex: Pair[] }[] {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const pairs: { star: Pair[]; hole: Pair[]; convex: Pair[] }[] = []
  while (pairs.length < count) {
    const cx = Math.round(200 + random() * 1500)
    const cy = Math.round(150 + random() * 750)
    const radius = 40 + random() * 120
    const vertices = 10 + Math.floor(random() * 21)
    const offsets: Pair[] = Array.from({ length: vertices }, (_, k) => {
      const angle = (2 * Math.PI * k) / vertices
      const r = radius * (0.6 + 0.4 * random())
      return [4 * Math.round((r * Math.cos(angle)) / 4), 4 * Math.round((r * Math.sin(angle)) / 4)]
    })
    const points = Array.from({ length: 8 + Math.floor(random() * 13) }, (): Pair => {
      const angle = 2 * Math.PI * random()
      const r = radius * (0.7 + 0.5 * random())
      return [
        Math.round(cx + radius * 0.4 * (random() - 0.5) + r * Math.cos(angle)),
        Math.round(cy + radius * 0.4 * (random() - 0.5) + r * Math.sin(angle))
      ]
    })
    // Star-shaped about its centre only if every turn around it goes the same way (exact: small
    // integers); rounding to the grid can undo that for a small star, so such a draw is skipped.
    const turns = offsets.map(([x, y], k) => {
      const [x2, y2] = offsets[(k + 1) % vertices] as Pair
      return x * y2 - y * x2
    })
    if (turns.some((turn) => turn <= 0)) continue
    pairs.push({
      star: offsets.map(([x, y]) => [cx + x, cy + y]),
      // Inside the star: it is star-shaped about its centre.
      hole: offsets.map(([x, y]) => [cx + x / 4, cy + y / 4]),
      convex: convexHull(points)
    })
  }
  return pairs
}

/** Andrew's monotone chain on integer points: the hull, counter-clockwise (y up). */
function convexHull(points: Pair[]): Pair[] {
  const sorted = [...points].sort(([ax, ay], [bx, by]) => ax - bx || ay - by)
  const turn = (o: Pair, a: Pair, b: Pair) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
  const half = (list: Pair[]): Pair[] => {
    const chain: Pair[] = []
    for (const point of list) {
      while (
        chain.length >= 2 &&
        turn(chain[chain.length - 2] as Pair, chain[chain.length - 1] as Pair, point) <= 0
      )
        chain.pop()
      chain.push(point)
    }
    return chain.slice(0, -1)
  }
  return [...half(sorted), ...half([...sorted].reverse())]
}

describe('the exact reference', () => {
  it('gives the hand-computed IoU of two squares overlapping by a quarter: 1/7', () => {
    // 2 × 2 squares offset by (1, 1): overlap 1, union 4 + 4 − 1 = 7.
    const a: Pair[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2]
    ]
    const b: Pair[] = [
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3]
    ]
    const overlap = exactIntersectionArea(a, b)
    expect(overlap).toEqual(rational(1n))
    expect(exactIou(overlap, exactArea(a), exactArea(b))).toEqual(rational(1n, 7n))
  })

  it('clips a non-convex ring by a convex one: an L-shape and a square over its corner', () => {
    // The L is the 4 × 4 square without its top-right 2 × 2 quarter (area 12); the square
    // [1, 3]² covers 3 of its unit cells (area 3) and the missing quarter's cell.
    const l: Pair[] = [
      [0, 0],
      [4, 0],
      [4, 2],
      [2, 2],
      [2, 4],
      [0, 4]
    ]
    const square: Pair[] = [
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3]
    ]
    expect(exactArea(l)).toEqual(rational(12n))
    expect(exactIntersectionArea(l, square)).toEqual(rational(3n))
    expect(
      exactIntersectionArea(l, [
        [5, 5],
        [6, 5],
        [6, 6]
      ])
    ).toEqual(rational(0n))
  })
})

describe('clipper-lib against exact rational arithmetic', () => {
  // Each expected IoU is computed here, exactly, by exact-area.ts: nothing is copied from the
  // output of a library.
  const pairs = starAndConvexPairs(12, 20250101)

  it('agrees to 1e-12 on a star across a convex ring: the float geometry survives the integer grid', () => {
    for (const { star, convex } of pairs) {
      const expected = exactIou(
        exactIntersectionArea(star, convex),
        exactArea(star),
        exactArea(convex)
      )
      expect(similarity(polygonOf(star), polygonOf(convex), FRAME)).toBeCloseTo(
        toNumber(expected),
        12
      )
    }
  })

  it('agrees to 1e-12 with a hole in the star (holes go through the library union first)', () => {
    for (const { star, hole, convex } of pairs) {
      // The hole lies inside the star, so the holed star's overlap is the star's less the hole's.
      const overlap = subtract(
        exactIntersectionArea(star, convex),
        exactIntersectionArea(hole, convex)
      )
      const area = subtract(exactArea(star), exactArea(hole))
      const expected = exactIou(overlap, area, exactArea(convex))
      expect(similarity(polygonOf(star, hole), polygonOf(convex), FRAME)).toBeCloseTo(
        toNumber(expected),
        12
      )
    }
  })

  it('draws pairs that overlap partly, so the comparison says something', () => {
    const ious = pairs.map(({ star, convex }) =>
      toNumber(exactIou(exactIntersectionArea(star, convex), exactArea(star), exactArea(convex)))
    )
    expect(ious.every((iou) => iou > 0.05 && iou < 0.95)).toBe(true)
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
