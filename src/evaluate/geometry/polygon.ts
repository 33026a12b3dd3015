/**
 * Preparing Encord polygons (`number[][][]`: polygons → rings → flat `[x1, y1, x2, y2, …]`, ring 0
 * the outer boundary, further rings holes) for area IoU.
 *
 * Input is fixed rather than trusted: points are scaled to working units, non-finite points and
 * repeated points (including the repeated closing point) are dropped, rings with fewer than 3
 * points or all on one line are dropped, and a polygon whose outer ring is dropped goes with its holes.
 * A single simple ring (the usual case) is used as is. Anything else — holes, several polygons,
 * a self-intersecting ring — is resolved once with the library's union (each polygon read with
 * the even-odd rule), which gives non-overlapping polygons whose area is exact. If the library
 * fails on that, the cleaned rings are kept, marked unclean, and compared on a raster (see
 * `areal.ts`).
 */
import { cleanShape, boundsOfPolygons, DEGENERATE, type ArealShape } from './areal-shape.js'
import {
  polygonArea,
  unionOf,
  type MultiPolygon,
  type Pair,
  type Polygon,
  type Ring
} from './clipping.js'
import type { UnitScale } from './units.js'

/** Above this many vertices the O(n²) simplicity check costs more than letting the library look. */
const MAX_VERTICES_CHECKED_FOR_SIMPLICITY = 256

export function preparePolygons(polygons: number[][][], scale: UnitScale): ArealShape {
  const cleaned: MultiPolygon = []
  for (const rings of polygons) {
    const outer = rings[0] === undefined ? null : cleanRing(rings[0], scale)
    if (outer === null) continue
    const polygon: Polygon = [outer]
    for (let k = 1; k < rings.length; k++) {
      const hole = cleanRing(rings[k] as number[], scale)
      if (hole !== null) polygon.push(hole)
    }
    cleaned.push(polygon)
  }
  const only = cleaned.length === 1 ? (cleaned[0] as Polygon) : undefined
  if (only !== undefined && only.length === 1 && isSimpleRing(only[0] as Ring)) {
    return cleanShape(cleaned, polygonArea(only))
  }
  if (cleaned.length === 0) return DEGENERATE
  const resolved = unionOf(cleaned)
  if (resolved !== null) return cleanShape(resolved)
  // The library gave up: keep the rings for the raster comparison, with an area that is right
  // for non-overlapping polygons (only used to rule out empty shapes).
  let area = 0
  for (const polygon of cleaned) area += polygonArea(polygon)
  if (!(area > 0)) return DEGENERATE
  return { polygons: cleaned, area, bounds: boundsOfPolygons(cleaned), clean: false }
}

/** The ring as points in working units without repeats, or null when it encloses no area. */
export function cleanRing(flat: readonly number[], scale: UnitScale): Ring | null {
  const ring: Ring = []
  for (let k = 0; k + 1 < flat.length; k += 2) {
    const x = (flat[k] as number) * scale.sx
    const y = (flat[k + 1] as number) * scale.sy
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue
    const last = ring[ring.length - 1]
    if (last !== undefined && last[0] === x && last[1] === y) continue
    ring.push([x, y])
  }
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (ring.length > 1 && first !== undefined && last !== undefined) {
    if (first[0] === last[0] && first[1] === last[1]) ring.pop()
  }
  if (ring.length < 3 || allCollinear(ring)) return null
  return ring
}

/**
 * True when every point lies on one line, so the ring encloses nothing. (A zero shoelace sum is
 * not enough: a symmetric bow-tie sums to 0 yet encloses two triangles.)
 */
function allCollinear(ring: Ring): boolean {
  const a = ring[0] as Pair
  const b = ring[1] as Pair
  for (let k = 2; k < ring.length; k++) if (turn(a, b, ring[k] as Pair) !== 0) return false
  return true
}

/** Sign of the turn a → b → c: > 0 one way, < 0 the other, 0 collinear. */
function turn(a: Pair, b: Pair, c: Pair): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/** Whether c, known to be collinear with a–b, lies within the segment's box. */
function withinSegment(a: Pair, b: Pair, c: Pair): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  )
}

/** Whether closed segments p1–p2 and p3–p4 share a point. */
function segmentsTouch(p1: Pair, p2: Pair, p3: Pair, p4: Pair): boolean {
  const d1 = turn(p3, p4, p1)
  const d2 = turn(p3, p4, p2)
  const d3 = turn(p1, p2, p3)
  const d4 = turn(p1, p2, p4)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true
  }
  return (
    (d1 === 0 && withinSegment(p3, p4, p1)) ||
    (d2 === 0 && withinSegment(p3, p4, p2)) ||
    (d3 === 0 && withinSegment(p1, p2, p3)) ||
    (d4 === 0 && withinSegment(p1, p2, p4))
  )
}

/**
 * True when no two edges meet except neighbours at their shared vertex, and no edge doubles back
 * on the previous one. Rings too large to check cheaply are reported as not simple, which only
 * costs a library union.
 */
export function isSimpleRing(ring: Ring): boolean {
  const n = ring.length
  if (n > MAX_VERTICES_CHECKED_FOR_SIMPLICITY) return false
  const at = (k: number): Pair => ring[k % n] as Pair
  for (let i = 0; i < n; i++) {
    const a = at(i)
    const b = at(i + 1)
    const c = at(i + 2)
    // A spike: the next edge runs back along this one.
    if (turn(a, b, c) === 0 && (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]) > 0) {
      return false
    }
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue // the closing edge neighbours the first
      if (segmentsTouch(a, b, at(j), at(j + 1))) return false
    }
  }
  return true
}
