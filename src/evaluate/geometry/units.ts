import type { FrameSize } from '../../labels/model.js'

/**
 * Factors that turn normalised coordinates into the units similarity works in: pixels when the
 * frame size is known (x by width, y by height), otherwise the normalised units themselves.
 * Distances (points, skeletons, polyline buffers) and rotations only mean something in pixels
 * because normalised x and y are fractions of different lengths on a non-square frame.
 */
export interface UnitScale {
  readonly sx: number
  readonly sy: number
}

const NORMALISED: UnitScale = { sx: 1, sy: 1 }

/** True when `size` is a usable pixel size (both sides finite and > 0). */
export function isKnownSize(size: FrameSize | undefined): size is FrameSize {
  return (
    size !== undefined &&
    Number.isFinite(size.width) &&
    Number.isFinite(size.height) &&
    size.width > 0 &&
    size.height > 0
  )
}

export function unitScale(size: FrameSize | undefined): UnitScale {
  return isKnownSize(size) ? { sx: size.width, sy: size.height } : NORMALISED
}

/**
 * sqrt(W·H) in the working units: the frame's "typical length" that point and polyline scales
 * are fractions of. 1 in normalised units.
 */
export function frameScale(scale: UnitScale): number {
  return Math.sqrt(scale.sx * scale.sy)
}
