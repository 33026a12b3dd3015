/**
 * The one place that talks to the polygon clipping library, so that changing library touches one
 * file. `polygon-clipping` (a Martinez–Rueda–Feito sweep line) was chosen over `polyclip-ts` (its
 * TypeScript port on bignumber.js): on overlapping 10–30-vertex polygons it was 10–18× faster
 * (`bench/geometry-micro.mjs`), and in a fuzz of 3,000 near-coincident and self-crossing pairs it
 * threw twice against polyclip-ts's fourteen (two of them stack overflows).
 *
 * The library throws on some near-degenerate inputs ("Unable to complete output ring…"); these
 * wrappers never let that escape and return null instead, so callers can fall back.
 */
import polygonClipping from 'polygon-clipping'

export type Pair = [number, number]
/** Rings we build are open (no repeated closing point); the library accepts both, returns closed. */
export type Ring = Pair[]
/** Ring 0 is the outer boundary, further rings are holes. */
export type Polygon = Ring[]
export type MultiPolygon = Polygon[]

/** Twice the signed area of a ring (shoelace), positive when counter-clockwise in y-up axes. */
export function ringDoubleArea(ring: readonly Pair[]): number {
  let sum = 0
  const n = ring.length
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Pair
    const q = ring[i + 1 === n ? 0 : i + 1] as Pair
    sum += p[0] * q[1] - q[0] * p[1]
  }
  return sum
}

/** Area of a polygon: outer ring minus holes, never negative. */
export function polygonArea(polygon: Polygon): number {
  let area = 0
  for (let k = 0; k < polygon.length; k++) {
    const ringArea = Math.abs(ringDoubleArea(polygon[k] as Ring)) / 2
    area += k === 0 ? ringArea : -ringArea
  }
  return Math.max(0, area)
}

/**
 * Area of a multi-polygon whose polygons do not overlap (true of everything the library returns;
 * the library's output rings repeat their first point, which the shoelace sum does not mind).
 */
export function multiPolygonArea(multiPolygon: MultiPolygon): number {
  let area = 0
  for (const polygon of multiPolygon) area += polygonArea(polygon)
  return area
}

/** Area of the intersection of two multi-polygons, or null when the library gave up. */
export function intersectionArea(a: MultiPolygon, b: MultiPolygon): number | null {
  try {
    return multiPolygonArea(polygonClipping.intersection(a, b))
  } catch {
    return null
  }
}

/**
 * The union of the given polygons as non-overlapping polygons with holes, or null when the library
 * gave up. Also used on a single shape to resolve self-intersections and overlapping parts.
 */
export function unionOf(polygons: readonly Polygon[]): MultiPolygon | null {
  const [first, ...rest] = polygons
  if (first === undefined) return []
  try {
    return polygonClipping.union(first, ...rest)
  } catch {
    return null
  }
}
