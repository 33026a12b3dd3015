/**
 * Rotated boxes: `x, y, w, h` of the unrotated box, turned by `theta` about its centre.
 *
 * `theta` is read as **degrees**, positive **clockwise on screen** (image axes, y down), which is
 * what the Encord editor shows; the unit is unverified in Encord's SDK (docs/encord-api.md §7.5).
 * The rotation is done in working units — pixels when the frame size is known, since a rectangle
 * turned in normalised units of a non-square frame is no longer a rectangle in pixels.
 */
import type { BoxFields } from './box.js'
import type { Pair, Ring } from './clipping.js'
import type { UnitScale } from './units.js'

export interface RotatedBoxFields extends BoxFields {
  theta: number
}

/** The rotation folded into [0, 360). */
function foldedDegrees(theta: number): number {
  return ((theta % 360) + 360) % 360
}

/**
 * The same rectangle as an axis-aligned box when `theta` is a multiple of 90°, else null. At 0° and
 * 180° the fields are returned unchanged, so theta = 0 scores exactly as the plain box does.
 */
export function asAxisAlignedBox(box: RotatedBoxFields, scale: UnitScale): BoxFields | null {
  if (!Number.isFinite(box.theta)) return null
  const degrees = foldedDegrees(box.theta)
  if (degrees === 0 || degrees === 180) return box
  if (degrees !== 90 && degrees !== 270) return null
  // A quarter turn swaps the pixel width and height about the same centre.
  const centreX = (box.x + box.w / 2) * scale.sx
  const centreY = (box.y + box.h / 2) * scale.sy
  const widthUnits = Math.abs(box.h * scale.sy)
  const heightUnits = Math.abs(box.w * scale.sx)
  return {
    x: (centreX - widthUnits / 2) / scale.sx,
    y: (centreY - heightUnits / 2) / scale.sy,
    w: widthUnits / scale.sx,
    h: heightUnits / scale.sy
  }
}

/** The four corners in working units, in order around the rectangle. */
export function rotatedBoxRing(box: RotatedBoxFields, scale: UnitScale): Ring {
  const centreX = (box.x + box.w / 2) * scale.sx
  const centreY = (box.y + box.h / 2) * scale.sy
  const halfW = (box.w * scale.sx) / 2
  const halfH = (box.h * scale.sy) / 2
  const radians = (foldedDegrees(box.theta) * Math.PI) / 180
  const cos = Math.cos(radians)
  const sin = Math.sin(radians)
  // With y pointing down, the usual rotation matrix turns clockwise on screen.
  const corner = (dx: number, dy: number): Pair => [
    centreX + dx * cos - dy * sin,
    centreY + dx * sin + dy * cos
  ]
  return [
    corner(-halfW, -halfH),
    corner(halfW, -halfH),
    corner(halfW, halfH),
    corner(-halfW, halfH)
  ]
}
