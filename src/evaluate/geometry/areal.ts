/**
 * Area IoU between boxes, rotated boxes and polygons, which all compare with one another: each is
 * prepared (once per geometry) as a multi-polygon in working units. Two plain boxes never get here
 * (see `boxIoU`); rotated boxes at multiples of 90° are boxes too.
 *
 * inter = area(intersection(a, b)) from the clipping library; union = area(a) + area(b) − inter,
 * which is cheaper than a second library call. Disjoint bounds give 0, and the same polygons give 1,
 * without calling the library.
 * If the library throws, the pair is compared on a raster of RASTER_FALLBACK_CELLS cells along the
 * longer side of the pair's joint bounds (IoU error roughly perimeter × cell / area, well under 1 %
 * for shapes spanning a few dozen cells or more).
 */
import type { Geometry } from '../../labels/model.js'
import { DEGENERATE, cleanShape, type ArealShape } from './areal-shape.js'
import { boundsOverlap, unionBounds } from './bounds.js'
import { boxRing } from './box.js'
import { intersectionArea, type MultiPolygon, type Pair } from './clipping.js'
import { GRID_BITS } from './snap-grid.js'
import { memoisedByGeometry } from './memo.js'
import { preparePolygons } from './polygon.js'
import { rasterise, sharedCells, type GridTransform } from './raster.js'
import { rotatedBoxRing } from './rotated-box.js'
import type { UnitScale } from './units.js'

export type ArealGeometry = Extract<Geometry, { type: 'box' | 'rotatedBox' | 'polygon' }>

export const RASTER_FALLBACK_CELLS = 1024

export function isAreal(g: Geometry): g is ArealGeometry {
  return g.type === 'box' || g.type === 'rotatedBox' || g.type === 'polygon'
}

export const arealShapeOf = memoisedByGeometry((g: ArealGeometry, scale: UnitScale): ArealShape => {
  switch (g.type) {
    case 'box':
      return cleanShape([[boxRing(g, scale)]], Math.abs(g.w * scale.sx * g.h * scale.sy))
    case 'rotatedBox':
      if (!Number.isFinite(g.theta)) return DEGENERATE
      return cleanShape([[rotatedBoxRing(g, scale)]], Math.abs(g.w * scale.sx * g.h * scale.sy))
    case 'polygon':
      return preparePolygons(g.polygons, scale)
  }
})

/** IoU of two prepared shapes; symmetric to the last bit because the operands are ordered. */
export function arealIoU(a: ArealShape, b: ArealShape): number {
  if (!(a.area > 0 && b.area > 0) || !boundsOverlap(a.bounds, b.bounds)) return 0
  const order = compareShapes(a, b)
  // The same polygons (a shape against a copy of itself): exactly 1, with no library call.
  if (order === 0) return 1
  const [first, second] = order < 0 ? [a, b] : [b, a]
  if (first.clean && second.clean) {
    const intersection = intersectionArea(first.polygons, second.polygons)
    if (intersection !== null) {
      const union = first.area + second.area - intersection
      return union > 0 ? Math.min(1, Math.max(0, intersection / union)) : 0
    }
  }
  return rasterIoU(first, second)
}

/**
 * The library's intersection is exact but for its vertices, each within a few grid cells (the
 * pair's extent / 2^GRID_BITS) of the true one, so its area may exceed the true one by about
 * cells × (perimeter(a) + perimeter(b)): on thin shapes, more than any fixed relative slack. The
 * bound allows for this many cells, well above what tests see (under one).
 */
const GRID_SLACK_CELLS = 8

/**
 * An upper bound on `arealIoU(a, b)`, without the library: the intersection is at most
 * m = min(area(a), area(b), area of the overlap of their bounds), and IoU = I / (A + B − I) grows
 * with I, so IoU ≤ m / (A + B − m), taken here with m larger by what the library's grid may add
 * (`GRID_SLACK_CELLS`). Shapes the library cannot take are compared on a raster, an estimate with
 * no such bound: for them the bound is 1.
 */
export function arealIoUBound(a: ArealShape, b: ArealShape): number {
  if (!(a.area > 0 && b.area > 0) || !boundsOverlap(a.bounds, b.bounds)) return 0
  if (!a.clean || !b.clean) return 1
  const width = Math.min(a.bounds.maxX, b.bounds.maxX) - Math.max(a.bounds.minX, b.bounds.minX)
  const height = Math.min(a.bounds.maxY, b.bounds.maxY) - Math.max(a.bounds.minY, b.bounds.minY)
  const joint = unionBounds(a.bounds, b.bounds)
  const cell = Math.max(joint.maxX - joint.minX, joint.maxY - joint.minY) / 2 ** GRID_BITS
  const slack = GRID_SLACK_CELLS * cell * (perimeterOf(a) + perimeterOf(b))
  const most = Math.min(width * height, a.area, b.area) * (1 + 1e-9) + slack
  const union = a.area + b.area - most
  return union > 0 ? Math.min(1, most / union) : 1
}

const perimeters = new WeakMap<ArealShape, number>()

/** Total length of every ring of the shape (outer rings and holes), computed once per shape. */
function perimeterOf(shape: ArealShape): number {
  let perimeter = perimeters.get(shape)
  if (perimeter !== undefined) return perimeter
  perimeter = 0
  for (const polygon of shape.polygons) {
    for (const ring of polygon) {
      for (let k = 0; k < ring.length; k++) {
        const [x0, y0] = ring[k] as Pair
        const [x1, y1] = ring[(k + 1) % ring.length] as Pair
        perimeter += Math.sqrt((x1 - x0) ** 2 + (y1 - y0) ** 2)
      }
    }
  }
  perimeters.set(shape, perimeter)
  return perimeter
}

/** IoU of the cells whose centres fall inside each shape, on a grid fitted to both. */
export function rasterIoU(a: ArealShape, b: ArealShape): number {
  const joint = unionBounds(a.bounds, b.bounds)
  const cell = Math.max(joint.maxX - joint.minX, joint.maxY - joint.minY) / RASTER_FALLBACK_CELLS
  if (!(cell > 0) || !Number.isFinite(cell)) return 0
  const grid: GridTransform = {
    originX: joint.minX,
    originY: joint.minY,
    factorX: 1 / cell,
    factorY: 1 / cell,
    columns: Math.ceil((joint.maxX - joint.minX) / cell) + 1,
    rows: Math.ceil((joint.maxY - joint.minY) / cell) + 1
  }
  const cellsA = rasterise(a.polygons, grid)
  const cellsB = rasterise(b.polygons, grid)
  const shared = sharedCells(cellsA, cellsB)
  const union = cellsA.area + cellsB.area - shared
  return union > 0 ? shared / union : 0
}

/** A total order on prepared shapes, so that a pair is always handed to the library one way. */
function compareShapes(a: ArealShape, b: ArealShape): number {
  return (
    a.area - b.area ||
    a.bounds.minX - b.bounds.minX ||
    a.bounds.minY - b.bounds.minY ||
    a.bounds.maxX - b.bounds.maxX ||
    a.bounds.maxY - b.bounds.maxY ||
    compareCoordinates(a.polygons, b.polygons)
  )
}

function compareCoordinates(a: MultiPolygon, b: MultiPolygon): number {
  const flatA = flatten(a)
  const flatB = flatten(b)
  if (flatA.length !== flatB.length) return flatA.length - flatB.length
  for (let k = 0; k < flatA.length; k++) {
    const difference = (flatA[k] as number) - (flatB[k] as number)
    if (difference !== 0) return difference
  }
  return 0
}

function flatten(polygons: MultiPolygon): number[] {
  const out: number[] = []
  for (const polygon of polygons) {
    out.push(polygon.length)
    for (const ring of polygon) {
      out.push(ring.length)
      for (const [x, y] of ring as Pair[]) out.push(x, y)
    }
  }
  return out
}
