/**
 * The prepared form of the shapes compared by polygon area (boxes, rotated boxes, polygons): a
 * multi-polygon in working units with its area and bounds.
 */
import { emptyBounds, includePoint, type Bounds } from './bounds.js'
import { multiPolygonArea, type MultiPolygon } from './clipping.js'

export interface ArealShape {
  polygons: MultiPolygon
  /** Area in working units squared; 0 for degenerate shapes. */
  area: number
  bounds: Bounds
  /**
   * True when the polygons are simple and do not overlap one another, so `area` is exact and the
   * clipping library can be trusted with them. False only after the library failed to clean the
   * shape up; such shapes are compared on a raster.
   */
  clean: boolean
}

export const DEGENERATE: ArealShape = Object.freeze({
  polygons: [],
  area: 0,
  bounds: emptyBounds(),
  clean: true
}) as ArealShape

export function boundsOfPolygons(polygons: MultiPolygon): Bounds {
  const bounds = emptyBounds()
  for (const polygon of polygons) {
    // Holes lie inside the outer ring, but a malformed hole may not; include every ring.
    for (const ring of polygon) for (const [x, y] of ring) includePoint(bounds, x, y)
  }
  return bounds
}

/** A shape whose polygons are already simple and disjoint (a box, or the library's output). */
export function cleanShape(polygons: MultiPolygon, area = multiPolygonArea(polygons)): ArealShape {
  if (!(area > 0) || !Number.isFinite(area)) return DEGENERATE
  return { polygons, area, bounds: boundsOfPolygons(polygons), clean: true }
}
