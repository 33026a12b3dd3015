/**
 * Similarity of two annotations on the same frame, by shape.
 *
 * Units: coordinates in the label model are normalised (x by the frame width, y by its height).
 * When the frame's pixel size is known (width and height finite and > 0) everything is computed in
 * pixels; otherwise in normalised units. Area IoU does not depend on the choice (it is invariant
 * under scaling each axis), but rotations, distances and buffer radii do.
 *
 * | pair                                     | similarity                                       |
 * | ---------------------------------------- | ------------------------------------------------ |
 * | box, rotated box, polygon (any two)      | area IoU (`areal.ts`; box–box in `box.ts`)       |
 * | bitmask with bitmask / box / polygon …   | pixel IoU on the mask's grid (`bitmask.ts`)      |
 * | point with point                         | Gaussian, s = 0.02·sqrt(W·H) (`point.ts`)        |
 * | skeleton with skeleton                   | symmetric COCO OKS, k = 0.1 (`skeleton.ts`)      |
 * | polyline with polyline                   | IoU of 0.01·sqrt(W·H) buffers (`polyline.ts`)    |
 * | anything else (e.g. point with polygon)  | 0                                                |
 *
 * Every value is in [0, 1], symmetric in its operands (to the last bit), 1 for two identical
 * non-degenerate shapes, 0 for degenerate ones (no area, no usable points), and 0 whenever the
 * two shapes' `boundsOf` are disjoint. Nothing here throws on bad coordinates.
 */
import type { FrameSize, Geometry } from '../../labels/model.js'
import { arealIoU, arealIoUBound, arealShapeOf, isAreal, type ArealGeometry } from './areal.js'
import { bitmaskArealIoU, bitmaskIoU, bitmaskReach } from './bitmask.js'
import type { Bounds } from './bounds.js'
import { boxBounds, boxIoU } from './box.js'
import { pointReach, pointSimilarity } from './point.js'
import { polylineReach, polylineSimilarity } from './polyline.js'
import { asAxisAlignedBox } from './rotated-box.js'
import { skeletonReach, skeletonSimilarity } from './skeleton.js'
import { isKnownSize, unitScale, type UnitScale } from './units.js'

export type { Bounds } from './bounds.js'
export { boundsOverlap, EMPTY_BOUNDS, isEmptyBounds } from './bounds.js'
export { decodeRleCounts, encodeRleCounts } from './rle.js'
export { OKS_CUTOFF_SIGMAS } from './oks.js'
export { POINT_SCALE_FRACTION } from './point.js'
export { SKELETON_K, SKELETON_MIN_SIDE_FRACTION } from './skeleton.js'
export { POLYLINE_BUFFER_FRACTION, POLYLINE_BANDS_PER_RADIUS } from './polyline.js'

/** Similarity in [0, 1] of two annotations on the same frame; symmetric. size = frame pixel size if known. */
export function similarity(a: Geometry, b: Geometry, size: FrameSize | undefined): number {
  // The hot path: plain boxes, compared without allocating anything.
  if (a.type === 'box' && b.type === 'box') {
    const known = isKnownSize(size)
    return boxIoU(a, b, known ? size.width : 1, known ? size.height : 1)
  }
  const value = shapeSimilarity(a, b, size)
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0
}

/**
 * An upper bound on `similarity(a, b, size)`, cheap to compute: for two shapes compared by the
 * clipping library (polygons and rotated boxes with each other and with boxes), from their areas
 * and the overlap of their bounds (`arealIoUBound`); 1 for every other pair, whose exact value is
 * cheap enough or has no cheap bound.
 */
export function similarityBound(a: Geometry, b: Geometry, size: FrameSize | undefined): number {
  if (!isAreal(a) || !isAreal(b)) return 1
  const scale = unitScale(size)
  // Pairs `shapeSimilarity` scores as two boxes never reach the library: no bound needed.
  if (axisAlignedBox(a, scale) !== null && axisAlignedBox(b, scale) !== null) return 1
  return arealIoUBound(arealShapeOf(a, scale), arealShapeOf(b, scale))
}

/** The shape as a box when it is one: a box, or a rotated box at a multiple of 90°. */
function axisAlignedBox(g: ArealGeometry, scale: UnitScale) {
  return g.type === 'rotatedBox' ? asAxisAlignedBox(g, scale) : g.type === 'box' ? g : null
}

function shapeSimilarity(a: Geometry, b: Geometry, size: FrameSize | undefined): number {
  const scale = unitScale(size)
  if (isAreal(a) && isAreal(b)) {
    const boxA = axisAlignedBox(a, scale)
    const boxB = axisAlignedBox(b, scale)
    if (boxA !== null && boxB !== null) return boxIoU(boxA, boxB, scale.sx, scale.sy)
    return arealIoU(arealShapeOf(a, scale), arealShapeOf(b, scale))
  }
  if (a.type === 'bitmask') {
    if (b.type === 'bitmask') return bitmaskIoU(a, b, scale)
    if (isAreal(b)) return bitmaskArealIoU(a, arealShapeOf(b, scale), scale)
    return 0
  }
  if (b.type === 'bitmask') {
    return isAreal(a) ? bitmaskArealIoU(b, arealShapeOf(a, scale), scale) : 0
  }
  if (a.type === 'point' && b.type === 'point') return pointSimilarity(a, b, scale)
  if (a.type === 'skeleton' && b.type === 'skeleton') return skeletonSimilarity(a, b, scale)
  if (a.type === 'polyline' && b.type === 'polyline') return polylineSimilarity(a, b, scale)
  return 0
}

/**
 * Axis-aligned bounds in the same units similarity works in (pixels when size known).
 *
 * These are the shape's *reach*: outside them the shape scores 0 against anything, so a matcher may
 * skip every pair whose bounds are disjoint. For boxes, rotated boxes, polygons and bitmasks that
 * is the shape's extent; for polylines the extent grown by the buffer radius; for points and
 * skeletons the extent grown by half (points) or all (skeletons) of the distance at which OKS is
 * cut to 0 — a point's bounds are a square, not a dot. A shape with nothing to compare (no usable
 * coordinates) has empty bounds (min > max), which overlap nothing.
 */
export function boundsOf(g: Geometry, size: FrameSize | undefined): Bounds {
  const scale = unitScale(size)
  switch (g.type) {
    case 'box':
      return boxBounds(g, scale)
    case 'rotatedBox': {
      // At multiples of 90° similarity treats it as a box; its bounds must agree to the last bit.
      const box = asAxisAlignedBox(g, scale)
      return box === null ? { ...arealShapeOf(g, scale).bounds } : boxBounds(box, scale)
    }
    case 'polygon':
      return { ...arealShapeOf(g, scale).bounds }
    case 'bitmask':
      return bitmaskReach(g, scale)
    case 'point':
      return pointReach(g, scale)
    case 'skeleton':
      return skeletonReach(g, scale)
    case 'polyline':
      return polylineReach(g, scale)
  }
}
