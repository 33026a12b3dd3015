/**
 * What the engine needs from the geometry layer. Passed in rather than imported so that the
 * engine can be tested with similarity functions whose values are known by hand.
 */
import type { FrameSize, Geometry } from '../labels/model.js'
import type { Bounds } from './geometry/bounds.js'

export interface GeometryFunctions {
  /** Similarity in [0, 1], symmetric; 0 across shape families. */
  similarity(a: Geometry, b: Geometry, size: FrameSize | undefined): number
  /**
   * The shape's reach, in the units `similarity` works in: two shapes whose reaches do not
   * overlap have similarity 0. Empty bounds (min > max) overlap nothing.
   */
  boundsOf(g: Geometry, size: FrameSize | undefined): Bounds
  /**
   * Optional: an upper bound on `similarity(a, b, size)`, cheaper than computing it. A matcher may
   * skip a pair whose bound is below the IoU threshold: it could not match in any pass.
   */
  similarityBound?(a: Geometry, b: Geometry, size: FrameSize | undefined): number
}
