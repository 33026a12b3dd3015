/**
 * Bitmasks: area IoU on pixels, from the run-length encoding, without ever allocating the
 * `height × width` raster (a 1920×1080 frame would be two million cells per mask).
 *
 * A mask's pixel (row r, column c) is frame pixel (top + r, left + c): two masks are compared pixel
 * for pixel on the frame grid. The mask's `width × height` is the frame's pixel size
 * (docs/encord-api.md §7.5), so it also fixes the grid when a bitmask meets a box, rotated box or
 * polygon: the areal shape is rasterised onto that grid — a pixel belongs to it when the pixel's
 * centre does — and the two pixel sets are compared (as CVAT compares polygons with masks).
 * Rasterised pixels are kept within the frame, [0, left + width) × [0, top + height).
 *
 * A mask whose RLE cannot be decoded, or whose size is not a positive integer, is empty and scores 0.
 */
import type { Geometry } from '../../labels/model.js'
import type { ArealShape } from './areal-shape.js'
import { boundsOverlap, emptyBounds, type Bounds } from './bounds.js'
import { memoisedByGeometry } from './memo.js'
import { emptySpans, rasterise, sharedCells, type RowSpans } from './raster.js'
import { decodeRleCounts } from './rle.js'
import type { UnitScale } from './units.js'

export type BitmaskGeometry = Extract<Geometry, { type: 'bitmask' }>

interface PreparedMask {
  /** Set pixels in frame pixel coordinates. */
  pixels: RowSpans
  /** Bounds of the set pixels (as squares) in working units. */
  bounds: Bounds
}

const EMPTY_MASK: PreparedMask = { pixels: emptySpans(), bounds: emptyBounds() }

function isPixelCount(n: number, allowZero: boolean): boolean {
  return Number.isInteger(n) && (allowZero ? n >= 0 : n > 0)
}

export const preparedMaskOf = memoisedByGeometry(
  (g: BitmaskGeometry, scale: UnitScale): PreparedMask => {
    const { width, height, top, left } = g
    if (!isPixelCount(width, false) || !isPixelCount(height, false)) return EMPTY_MASK
    if (!Number.isInteger(top) || !Number.isInteger(left)) return EMPTY_MASK
    let counts: number[]
    try {
      counts = decodeRleCounts(g.rle)
    } catch {
      return EMPTY_MASK
    }
    if (counts.some((count) => !isPixelCount(count, true))) return EMPTY_MASK
    const pixels = spansOfRuns(counts, width, height, top, left)
    if (pixels.area === 0) return EMPTY_MASK
    return { pixels, bounds: pixelBounds(pixels, g, scale) }
  }
)

/**
 * The 1-runs (odd-indexed counts, row-major over width × height) split at row ends, in frame pixel
 * coordinates. Counts running past the mask's end are cut, as the SDK's decoder does.
 */
function spansOfRuns(
  counts: readonly number[],
  width: number,
  height: number,
  top: number,
  left: number
): RowSpans {
  const spans = emptySpans()
  const total = width * height
  let position = 0
  for (let index = 0; index < counts.length && position < total; index++) {
    const runEnd = Math.min(total, position + (counts[index] as number))
    if (index % 2 === 1) {
      for (let start = position; start < runEnd;) {
        const row = Math.floor(start / width)
        const end = Math.min(runEnd, (row + 1) * width)
        spans.rows.push(top + row)
        spans.starts.push(left + start - row * width)
        spans.ends.push(left + end - row * width)
        spans.area += end - start
        start = end
      }
    }
    position = runEnd
  }
  return spans
}

/** Frame pixels map to working units by `scale / mask size` (identity in pixels). */
function pixelBounds(pixels: RowSpans, g: BitmaskGeometry, scale: UnitScale): Bounds {
  let minColumn = Infinity
  let maxColumn = -Infinity
  for (let k = 0; k < pixels.rows.length; k++) {
    minColumn = Math.min(minColumn, pixels.starts[k] as number)
    maxColumn = Math.max(maxColumn, pixels.ends[k] as number)
  }
  const firstRow = pixels.rows[0] as number
  const lastRow = pixels.rows[pixels.rows.length - 1] as number
  const unitsPerColumn = scale.sx / g.width
  const unitsPerRow = scale.sy / g.height
  return {
    minX: minColumn * unitsPerColumn,
    minY: firstRow * unitsPerRow,
    maxX: maxColumn * unitsPerColumn,
    maxY: (lastRow + 1) * unitsPerRow
  }
}

export function bitmaskIoU(a: BitmaskGeometry, b: BitmaskGeometry, scale: UnitScale): number {
  const first = preparedMaskOf(a, scale)
  const second = preparedMaskOf(b, scale)
  return pixelIoU(first, second.pixels, second.bounds)
}

/** IoU of a mask and a box, rotated box or polygon, on the mask's pixel grid. */
export function bitmaskArealIoU(
  mask: BitmaskGeometry,
  shape: ArealShape,
  scale: UnitScale
): number {
  const prepared = preparedMaskOf(mask, scale)
  if (!(shape.area > 0) || !boundsOverlap(prepared.bounds, shape.bounds)) return 0
  const pixels = rasterise(shape.polygons, {
    originX: 0,
    originY: 0,
    factorX: mask.width / scale.sx,
    factorY: mask.height / scale.sy,
    columns: mask.left + mask.width,
    rows: mask.top + mask.height
  })
  return pixelIoU(prepared, pixels, shape.bounds)
}

function pixelIoU(mask: PreparedMask, pixels: RowSpans, bounds: Bounds): number {
  if (mask.pixels.area === 0 || pixels.area === 0 || !boundsOverlap(mask.bounds, bounds)) return 0
  const shared = sharedCells(mask.pixels, pixels)
  return shared / (mask.pixels.area + pixels.area - shared)
}

export function bitmaskReach(g: BitmaskGeometry, scale: UnitScale): Bounds {
  return { ...preparedMaskOf(g, scale).bounds }
}
