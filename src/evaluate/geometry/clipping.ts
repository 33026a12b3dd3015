/**
 * The one place that talks to the polygon clipping library, so that changing library touches one
 * file. The library is `clipper-lib`, the JavaScript port of Angus Johnson's Clipper 6.4.2 (Vatti
 * sweep on integer coordinates). It replaced `polygon-clipping` (a float Martinez sweep), which
 * was 3.5–4.5× slower on overlapping 10–30-vertex polygons and threw on 206 of 6,000
 * near-degenerate fuzz pairs; clipper-lib threw on none, never hung, and agreed with an even-odd
 * raster everywhere. `clipper2-ts` (Clipper2) was as fast but returned wrong unions for rings with
 * a horizontal spike; see `bench/geometry-micro.mjs` and the commit that made the switch.
 *
 * Integer coordinates would cost precision, so each call runs on its own grid with the float
 * geometry carried along in Z (`snap-grid.ts`): results are float polygons, exact but for
 * features smaller than 1/2^24 of the pair's extent.
 *
 * Clipper does not throw on inputs we can give it; these wrappers still never let an error escape
 * and return null instead (also when the input has no finite extent), so callers can fall back.
 */
import ClipperLib, { type PolyNode } from 'clipper-lib'
import { SnapGrid, type GridPoint } from './snap-grid.js'

// Z carries each point's float original; set once, before any library call. Nothing else in the
// project uses clipper-lib, so the switch is ours alone.
ClipperLib.use_xyz = true

export type Pair = [number, number]
/** Rings are open (no repeated closing point), as we build them and as the library returns them. */
export type Ring = Pair[]
/** Ring 0 is the outer boundary, further rings are holes. */
export type Polygon = Ring[]
export type MultiPolygon = Polygon[]

/**
 * Twice the signed area of a ring (shoelace), positive when counter-clockwise in y-up axes. Taken
 * about the ring's first vertex, so that a small ring far from (0, 0) keeps its digits.
 */
export function ringDoubleArea(ring: readonly Pair[]): number {
  const n = ring.length
  if (n < 3) return 0
  const [originX, originY] = ring[0] as Pair
  let sum = 0
  for (let i = 1; i + 1 < n; i++) {
    const p = ring[i] as Pair
    const q = ring[i + 1] as Pair
    sum += (p[0] - originX) * (q[1] - originY) - (q[0] - originX) * (p[1] - originY)
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
 * Area of a multi-polygon whose polygons do not overlap (true of everything the library returns).
 */
export function multiPolygonArea(multiPolygon: MultiPolygon): number {
  let area = 0
  for (const polygon of multiPolygon) area += polygonArea(polygon)
  return area
}

/**
 * Area of the intersection of two multi-polygons, each read with the even-odd rule (right for clean
 * shapes and for single rings of either orientation), or null when the library gave up.
 */
export function intersectionArea(a: MultiPolygon, b: MultiPolygon): number | null {
  const grid = SnapGrid.around(ringsOf([a, b]))
  if (grid === null) return null
  try {
    const clipper = newClipper(grid)
    // A side with no ring left on the grid (all collapsed to a line or a point) meets nothing;
    // Execute would report that as a failure.
    if (!clipper.AddPaths(snap(a, grid), ClipperLib.PolyType.ptSubject, true)) return 0
    if (!clipper.AddPaths(snap(b, grid), ClipperLib.PolyType.ptClip, true)) return 0
    const solution: GridPoint[][] = []
    const evenOdd = ClipperLib.PolyFillType.pftEvenOdd
    if (!clipper.Execute(ClipperLib.ClipType.ctIntersection, solution, evenOdd, evenOdd))
      return null
    // Outer rings come out with one orientation and holes with the other, so the signed sum is
    // ± the area.
    let doubleArea = 0
    for (const path of solution) doubleArea += grid.doubleArea(path)
    return Math.abs(doubleArea) / 2
  } catch {
    return null
  }
}

/**
 * The union of the given polygons as non-overlapping polygons with holes, or null when the library
 * gave up. Each polygon is read with the even-odd rule (its rings may cross or be ordered either
 * way); overlapping polygons count once. Also used on a single shape to resolve self-intersections
 * and overlapping parts.
 */
export function unionOf(polygons: readonly Polygon[]): MultiPolygon | null {
  if (polygons.length === 0) return []
  try {
    if (polygons.length === 1) return union(polygons, ClipperLib.PolyFillType.pftEvenOdd)
    // Resolved one by one, outer rings and holes come out consistently oriented, so non-zero
    // winding then merges them: overlaps count once, a hole stays a hole unless another covers it.
    const resolved: MultiPolygon = []
    for (const polygon of polygons) {
      const one = union([polygon], ClipperLib.PolyFillType.pftEvenOdd)
      if (one === null) return null
      resolved.push(...one)
    }
    return union(resolved, ClipperLib.PolyFillType.pftNonZero)
  } catch {
    return null
  }
}

function union(polygons: readonly Polygon[], fill: number): MultiPolygon | null {
  if (polygons.length === 0) return []
  const grid = SnapGrid.around(ringsOf([polygons]))
  if (grid === null) return null
  const clipper = newClipper(grid)
  // Nothing left on the grid (every ring collapsed to a line or a point) is an empty union.
  if (!clipper.AddPaths(snap(polygons, grid), ClipperLib.PolyType.ptSubject, true)) return []
  const tree = new ClipperLib.PolyTree()
  if (!clipper.Execute(ClipperLib.ClipType.ctUnion, tree, fill, fill)) return null
  const out: MultiPolygon = []
  collectPolygons(tree, grid, out)
  return out
}

/** Outer rings with their holes; islands inside holes become polygons of their own. */
function collectPolygons(node: PolyNode, grid: SnapGrid, out: MultiPolygon): void {
  for (const outer of node.Childs()) {
    const polygon: Polygon = [grid.floatRing(outer.Contour())]
    for (const hole of outer.Childs()) {
      polygon.push(grid.floatRing(hole.Contour()))
      collectPolygons(hole, grid, out)
    }
    out.push(polygon)
  }
}

function newClipper(grid: SnapGrid) {
  // Collinear vertices are kept: on the grid they may look collinear when in floats they are not.
  const clipper = new ClipperLib.Clipper()
  clipper.PreserveCollinear = true
  clipper.ZFillFunction = grid.fillCrossing
  return clipper
}

function snap(polygons: readonly Polygon[], grid: SnapGrid): GridPoint[][] {
  const paths: GridPoint[][] = []
  for (const polygon of polygons) for (const ring of polygon) paths.push(grid.snapRing(ring))
  return paths
}

function* ringsOf(shapes: readonly (readonly Polygon[])[]): Generator<Ring> {
  for (const shape of shapes) for (const polygon of shape) yield* polygon
}
