/** Axis-aligned bounds, in the units similarity works in. */
export interface Bounds {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/**
 * Bounds of a shape with nothing to compare (no usable coordinates): min > max, so it overlaps
 * nothing, not even itself.
 */
export const EMPTY_BOUNDS: Readonly<Bounds> = Object.freeze({
  minX: Infinity,
  minY: Infinity,
  maxX: -Infinity,
  maxY: -Infinity
})

export function emptyBounds(): Bounds {
  return { ...EMPTY_BOUNDS }
}

export function isEmptyBounds(b: Bounds): boolean {
  return !(b.minX <= b.maxX && b.minY <= b.maxY)
}

/** True when the closed boxes share at least one point. Empty bounds overlap nothing. */
export function boundsOverlap(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY
}

/** Grows `b` in place to include (x, y); non-finite points are ignored. */
export function includePoint(b: Bounds, x: number, y: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return
  if (x < b.minX) b.minX = x
  if (x > b.maxX) b.maxX = x
  if (y < b.minY) b.minY = y
  if (y > b.maxY) b.maxY = y
}

/** A copy of `b` grown by `margin` on every side; empty bounds stay empty. */
export function grownBounds(b: Bounds, margin: number): Bounds {
  if (isEmptyBounds(b)) return emptyBounds()
  return {
    minX: b.minX - margin,
    minY: b.minY - margin,
    maxX: b.maxX + margin,
    maxY: b.maxY + margin
  }
}

export function unionBounds(a: Bounds, b: Bounds): Bounds {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY)
  }
}
