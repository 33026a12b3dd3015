/** fast-check generators of geometries of every shape, in normalised coordinates. */
import fc from 'fast-check'
import { encodeRleCounts } from '../../../src/evaluate/geometry/rle.js'
import type { FrameSize, Geometry, SkeletonVisibility } from '../../../src/labels/model.js'

const coordinate = fc.double({ min: -0.2, max: 1.2, noNaN: true, noDefaultInfinity: true })
const extent = (min: number) => fc.double({ min, max: 0.5, noNaN: true, noDefaultInfinity: true })
const angle = fc.double({ min: -720, max: 720, noNaN: true, noDefaultInfinity: true })

export const frameSize: fc.Arbitrary<FrameSize | undefined> = fc.option(
  fc.record({
    width: fc.integer({ min: 1, max: 4000 }),
    height: fc.integer({ min: 1, max: 4000 })
  }),
  { nil: undefined }
)

function boxOf(minExtent: number): fc.Arbitrary<Geometry> {
  return fc.record({
    type: fc.constant('box' as const),
    x: coordinate,
    y: coordinate,
    w: extent(minExtent),
    h: extent(minExtent)
  })
}

function rotatedBoxOf(minExtent: number): fc.Arbitrary<Geometry> {
  return fc.record({
    type: fc.constant('rotatedBox' as const),
    x: coordinate,
    y: coordinate,
    w: extent(minExtent),
    h: extent(minExtent),
    theta: fc.oneof(angle, fc.constantFrom(0, 45, 90, 180, 270))
  })
}

/** Any ring: 3–10 random points, often self-crossing. */
const wildRing = fc
  .array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 10 })
  .map((points) => points.flat())

/** A simple star-shaped ring: vertices at increasing angles around a centre. */
const starRing = fc
  .record({
    cx: coordinate,
    cy: coordinate,
    radius: fc.double({ min: 0.02, max: 0.3, noNaN: true }),
    spokes: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 12 })
  })
  .map(({ cx, cy, radius, spokes }) =>
    spokes.flatMap((spoke, k) => {
      const turn = (2 * Math.PI * k) / spokes.length
      return [cx + radius * spoke * Math.cos(turn), cy + radius * spoke * Math.sin(turn)]
    })
  )

const anyPolygon: fc.Arbitrary<Geometry> = fc.record({
  type: fc.constant('polygon' as const),
  polygons: fc.array(fc.array(fc.oneof(wildRing, starRing), { minLength: 1, maxLength: 2 }), {
    minLength: 0,
    maxLength: 2
  })
})

const solidPolygon: fc.Arbitrary<Geometry> = fc.record({
  type: fc.constant('polygon' as const),
  polygons: fc.array(
    starRing.map((ring) => [ring]),
    { minLength: 1, maxLength: 2 }
  )
})

const pointShape: fc.Arbitrary<Geometry> = fc.record({
  type: fc.constant('point' as const),
  x: coordinate,
  y: coordinate
})

const visibility = fc.constantFrom<SkeletonVisibility>(
  'visible',
  'invisible',
  'occluded',
  'selfOccluded'
)

function skeletonOf(minVisible: number): fc.Arbitrary<Geometry> {
  const node = (seen: fc.Arbitrary<SkeletonVisibility>) =>
    fc.record({
      name: fc.constantFrom('head', 'neck', 'hand', 'foot', 'tail'),
      featureHash: fc.option(fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5'), { nil: null }),
      x: coordinate,
      y: coordinate,
      visibility: seen
    })
  return fc
    .tuple(
      fc.array(node(fc.constant('visible')), { minLength: minVisible, maxLength: minVisible }),
      fc.array(node(visibility), { maxLength: 5 })
    )
    .map(([sure, others]) => ({ type: 'skeleton' as const, nodes: [...sure, ...others] }))
}

function polylineOf(minPoints: number): fc.Arbitrary<Geometry> {
  return fc.record({
    type: fc.constant('polyline' as const),
    points: fc.array(fc.record({ x: coordinate, y: coordinate }), {
      minLength: minPoints,
      maxLength: 6
    })
  })
}

/** Run counts (0-run first) of row-major bits. */
function countsOfBits(bits: boolean[]): number[] {
  const counts: number[] = []
  let current = false
  let run = 0
  for (const bit of bits) {
    if (bit === current) {
      run++
    } else {
      counts.push(run)
      current = bit
      run = 1
    }
  }
  counts.push(run)
  return counts
}

function bitmaskOf(atLeastOnePixel: boolean): fc.Arbitrary<Geometry> {
  return fc
    .record({
      width: fc.integer({ min: 1, max: 8 }),
      height: fc.integer({ min: 1, max: 6 }),
      top: fc.constantFrom(0, 0, 1),
      left: fc.constantFrom(0, 0, 2),
      bits: fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }),
      forced: fc.nat()
    })
    .map(({ width, height, top, left, bits, forced }) => {
      const pixels = bits.slice(0, width * height)
      if (atLeastOnePixel) pixels[forced % pixels.length] = true
      return {
        type: 'bitmask' as const,
        top,
        left,
        width,
        height,
        rle: encodeRleCounts(countsOfBits(pixels))
      }
    })
}

/** Any geometry, degenerate ones included. */
export const anyGeometry: fc.Arbitrary<Geometry> = fc.oneof(
  boxOf(0),
  rotatedBoxOf(0),
  anyPolygon,
  pointShape,
  skeletonOf(0),
  polylineOf(0),
  bitmaskOf(false)
)

/** Geometries with something to compare: area, a labelled node, a point. */
export const solidGeometry: fc.Arbitrary<Geometry> = fc.oneof(
  boxOf(0.01),
  rotatedBoxOf(0.01),
  solidPolygon,
  pointShape,
  skeletonOf(1),
  polylineOf(1),
  bitmaskOf(true)
)

/** Two geometries, usually of one family (cross-family pairs are cheap and mostly 0). */
export const geometryPair: fc.Arbitrary<[Geometry, Geometry]> = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(anyGeometry, anyGeometry) },
  { weight: 1, arbitrary: fc.tuple(boxOf(0), rotatedBoxOf(0)) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(boxOf(0), rotatedBoxOf(0)), anyPolygon) },
  { weight: 1, arbitrary: fc.tuple(anyPolygon, anyPolygon) },
  { weight: 1, arbitrary: fc.tuple(rotatedBoxOf(0), rotatedBoxOf(0)) },
  { weight: 1, arbitrary: fc.tuple(pointShape, pointShape) },
  { weight: 1, arbitrary: fc.tuple(skeletonOf(0), skeletonOf(0)) },
  { weight: 1, arbitrary: fc.tuple(polylineOf(0), polylineOf(0)) },
  { weight: 1, arbitrary: fc.tuple(bitmaskOf(false), bitmaskOf(false)) },
  {
    weight: 1,
    arbitrary: fc.tuple(bitmaskOf(false), fc.oneof(boxOf(0), rotatedBoxOf(0), anyPolygon))
  }
)
