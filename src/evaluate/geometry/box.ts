/**
 * Axis-aligned box IoU: the hot path (hundreds of thousands of candidate pairs), so it works on
 * plain numbers and allocates nothing.
 */
import { emptyBounds, includePoint, type Bounds } from './bounds.js'
import type { Pair, Ring } from './clipping.js'
import type { UnitScale } from './units.js'

export interface BoxFields {
  x: number
  y: number
  w: number
  h: number
}

/**
 * IoU of two axis-aligned rectangles given by their extents (either corner order). Zero-area or
 * non-finite rectangles score 0.
 */
export function extentIoU(
  ax0: number,
  ay0: number,
  ax1: number,
  ay1: number,
  bx0: number,
  by0: number,
  bx1: number,
  by1: number
): number {
  const aMinX = Math.min(ax0, ax1)
  const aMaxX = Math.max(ax0, ax1)
  const aMinY = Math.min(ay0, ay1)
  const aMaxY = Math.max(ay0, ay1)
  const bMinX = Math.min(bx0, bx1)
  const bMaxX = Math.max(bx0, bx1)
  const bMinY = Math.min(by0, by1)
  const bMaxY = Math.max(by0, by1)
  const areaA = (aMaxX - aMinX) * (aMaxY - aMinY)
  const areaB = (bMaxX - bMinX) * (bMaxY - bMinY)
  // Written as negations so that NaN (and an infinite box's NaN area) lands on 0.
  if (!(areaA > 0 && areaB > 0 && Number.isFinite(areaA) && Number.isFinite(areaB))) return 0
  const overlapX = Math.min(aMaxX, bMaxX) - Math.max(aMinX, bMinX)
  const overlapY = Math.min(aMaxY, bMaxY) - Math.max(aMinY, bMinY)
  if (!(overlapX > 0 && overlapY > 0)) return 0
  const intersection = overlapX * overlapY
  return Math.min(1, intersection / (areaA + areaB - intersection))
}

/**
 * IoU of two boxes in normalised fields, computed in working units (sx, sy: see `units.ts`; passed
 * as numbers so the hot path needs no scale object).
 */
export function boxIoU(a: BoxFields, b: BoxFields, sx: number, sy: number): number {
  return extentIoU(
    a.x * sx,
    a.y * sy,
    (a.x + a.w) * sx,
    (a.y + a.h) * sy,
    b.x * sx,
    b.y * sy,
    (b.x + b.w) * sx,
    (b.y + b.h) * sy
  )
}

/** Extent of the box in working units; a box with a non-finite field has none. */
export function boxBounds(box: BoxFields, scale: UnitScale): Bounds {
  const bounds = emptyBounds()
  const x0 = box.x * scale.sx
  const y0 = box.y * scale.sy
  const x1 = (box.x + box.w) * scale.sx
  const y1 = (box.y + box.h) * scale.sy
  if (![x0, y0, x1, y1].every(Number.isFinite)) return bounds
  includePoint(bounds, x0, y0)
  includePoint(bounds, x1, y1)
  return bounds
}

/** The box as a ring in working units (for comparison with polygons). */
export function boxRing(box: BoxFields, scale: UnitScale): Ring {
  const x0 = box.x * scale.sx
  const y0 = box.y * scale.sy
  const x1 = (box.x + box.w) * scale.sx
  const y1 = (box.y + box.h) * scale.sy
  const corners: Pair[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1]
  ]
  return corners
}
