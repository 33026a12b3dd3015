/**
 * Shapes as sets of grid cells, stored as horizontal spans: for each row, half-open column
 * intervals [start, end). Spans are sorted by row, then start, and never overlap, so two shapes
 * intersect in one linear merge and a 1920×1080 mask costs a few thousand numbers, not two million.
 *
 * Used for bitmasks (their native form), for polygons compared with a bitmask (rasterised onto the
 * mask's pixel grid), and as the fallback when the clipping library gives up.
 */
import type { MultiPolygon, Pair, Polygon } from './clipping.js'

export interface RowSpans {
  rows: number[]
  starts: number[]
  ends: number[]
  /** Number of cells covered. */
  area: number
}

export function emptySpans(): RowSpans {
  return { rows: [], starts: [], ends: [], area: 0 }
}

/** Number of cells two span sets share. */
export function sharedCells(a: RowSpans, b: RowSpans): number {
  let i = 0
  let j = 0
  let shared = 0
  const n = a.rows.length
  const m = b.rows.length
  while (i < n && j < m) {
    const rowA = a.rows[i] as number
    const rowB = b.rows[j] as number
    if (rowA < rowB) {
      i++
      continue
    }
    if (rowB < rowA) {
      j++
      continue
    }
    const endA = a.ends[i] as number
    const endB = b.ends[j] as number
    const overlap = Math.min(endA, endB) - Math.max(a.starts[i] as number, b.starts[j] as number)
    if (overlap > 0) shared += overlap
    // Advance whichever span ends first: the other may still overlap the next span.
    if (endA < endB) i++
    else j++
  }
  return shared
}

/** Maps working units to grid coordinates: g = (u − origin) · factor, per axis. */
export interface GridTransform {
  originX: number
  originY: number
  factorX: number
  factorY: number
  /** Cells outside [0, columns) × [0, rows) are dropped. */
  columns: number
  rows: number
}

/**
 * Cells whose centre lies inside the multi-polygon. Each polygon is filled with the even-odd rule
 * (right for an outer ring with holes); polygons are then merged, so overlapping polygons count
 * once, as the clipping library reads a multi-polygon.
 */
export function rasterise(multiPolygon: MultiPolygon, grid: GridTransform): RowSpans {
  const perPolygon = multiPolygon.map((polygon) => rasterisePolygon(polygon, grid))
  if (perPolygon.length === 1) return perPolygon[0] as RowSpans
  return mergeSpans(perPolygon)
}

function rasterisePolygon(polygon: Polygon, grid: GridTransform): RowSpans {
  // Crossings of each cell-centre line y = row + 0.5 with the polygon's edges, bucketed by row.
  const crossings = new Map<number, number[]>()
  for (const ring of polygon) {
    const n = ring.length
    for (let k = 0; k < n; k++) {
      const p = ring[k] as Pair
      const q = ring[k + 1 === n ? 0 : k + 1] as Pair
      addEdgeCrossings(p, q, grid, crossings)
    }
  }
  const spans = emptySpans()
  const rowsInOrder = [...crossings.keys()].sort((a, b) => a - b)
  for (const row of rowsInOrder) {
    const xs = (crossings.get(row) as number[]).sort((a, b) => a - b)
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // Columns whose centre c + 0.5 lies in [x0, x1).
      const start = Math.max(0, Math.ceil((xs[k] as number) - 0.5))
      const end = Math.min(grid.columns, Math.ceil((xs[k + 1] as number) - 0.5))
      if (end > start) pushSpan(spans, row, start, end)
    }
  }
  return spans
}

function addEdgeCrossings(
  p: Pair,
  q: Pair,
  grid: GridTransform,
  crossings: Map<number, number[]>
): void {
  const x0 = (p[0] - grid.originX) * grid.factorX
  const y0 = (p[1] - grid.originY) * grid.factorY
  const x1 = (q[0] - grid.originX) * grid.factorX
  const y1 = (q[1] - grid.originY) * grid.factorY
  if (y0 === y1) return // horizontal edges never cross a centre line transversally
  const low = Math.min(y0, y1)
  const high = Math.max(y0, y1)
  // Half-open in y ([low, high)) so that a vertex shared by two edges is counted once.
  const firstRow = Math.max(0, Math.ceil(low - 0.5))
  const lastRow = Math.min(grid.rows - 1, Math.ceil(high - 0.5) - 1)
  const slope = (x1 - x0) / (y1 - y0)
  for (let row = firstRow; row <= lastRow; row++) {
    const x = x0 + (row + 0.5 - y0) * slope
    const list = crossings.get(row)
    if (list === undefined) crossings.set(row, [x])
    else list.push(x)
  }
}

function pushSpan(spans: RowSpans, row: number, start: number, end: number): void {
  spans.rows.push(row)
  spans.starts.push(start)
  spans.ends.push(end)
  spans.area += end - start
}

/** The union of several span sets, as one sorted, non-overlapping span set. */
export function mergeSpans(sets: readonly RowSpans[]): RowSpans {
  const all: [number, number, number][] = []
  for (const set of sets) {
    for (let k = 0; k < set.rows.length; k++) {
      all.push([set.rows[k] as number, set.starts[k] as number, set.ends[k] as number])
    }
  }
  all.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged = emptySpans()
  let current: [number, number, number] | undefined
  for (const span of all) {
    if (current !== undefined && span[0] === current[0] && span[1] <= current[2]) {
      current[2] = Math.max(current[2], span[2])
      continue
    }
    if (current !== undefined) pushSpan(merged, current[0], current[1], current[2])
    current = [span[0], span[1], span[2]]
  }
  if (current !== undefined) pushSpan(merged, current[0], current[1], current[2])
  return merged
}
