/**
 * Clipper works on integers; we want its robustness without its rounding. So each library call
 * gets its own grid and a table of the float points behind its integer points:
 *
 * - the grid maps the call's joint bounds onto [0, 2^GRID_BITS] with a power-of-two scale, so
 *   snapping is one rounding and coordinates stay well inside Clipper 6's exact 53-bit range
 *   (|c| ≤ 47,453,132; beyond it the library switches to a 128-bit emulation 3–4× slower);
 * - every input vertex carries its table index in Clipper's Z, and every crossing Clipper makes is
 *   computed again in floats from the two original edges, which Clipper hands to its Z callback;
 * - output rings are read back through the table.
 *
 * Clipper thus decides only the topology (which vertices and crossings, in which order); the
 * coordinates, and so the areas, are the float ones, good to ~1e-15 relative. The topology can
 * differ from the exact one only where features are closer than a grid cell (extent / 2^24).
 * Where the float crossing of two edges is not on both of them, or is more than
 * MAX_CROSSING_DRIFT cells from Clipper's, and where an output point's Z is stale (Clipper 6 moves
 * some points along an edge and keeps the Z they had), Clipper's integer point is used: off by at
 * most a cell, ~6e-8 of the extent.
 */
import type { Pair, Ring } from './clipping.js'

export const GRID_BITS = 24
/**
 * Nearly parallel edges cross at an ill-defined point: snapping moves it along them by about
 * 1 / sin(angle) cells. Up to this many cells (angles down to ~0.01°) the float crossing is used.
 */
const MAX_CROSSING_DRIFT = 4096

/** Clipper's point: integer X, Y and the table index Z (0 = not filled, never a table index). */
export interface GridPoint {
  X: number
  Y: number
  Z: number
}

export class SnapGrid {
  /** The table: float point and the integer point Clipper was given or made for it. */
  private readonly xs: number[] = [Number.NaN]
  private readonly ys: number[] = [Number.NaN]
  private readonly gridXs: number[] = [Number.NaN]
  private readonly gridYs: number[] = [Number.NaN]

  private constructor(
    private readonly originX: number,
    private readonly originY: number,
    private readonly scale: number
  ) {}

  /** A grid for these rings, or null when their joint extent is empty or not finite. */
  static around(rings: Iterable<readonly Pair[]>): SnapGrid | null {
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    for (const ring of rings) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x
        if (x > maxX) maxX = x
        if (y < minY) minY = y
        if (y > maxY) maxY = y
      }
    }
    const extent = Math.max(maxX - minX, maxY - minY)
    if (!(extent > 0) || !Number.isFinite(extent)) return null
    const scale = 2 ** Math.floor(Math.log2(2 ** GRID_BITS / extent))
    if (!Number.isFinite(scale) || !(scale > 0)) return null
    return new SnapGrid(minX, minY, scale)
  }

  /** The ring on the grid, each point remembering its float original. */
  snapRing(ring: readonly Pair[]): GridPoint[] {
    return ring.map(([x, y]) => {
      const point = {
        X: Math.round((x - this.originX) * this.scale),
        Y: Math.round((y - this.originY) * this.scale),
        Z: 0
      }
      point.Z = this.remember(x, y, point)
      return point
    })
  }

  /**
   * Clipper's Z callback: `crossing` is where edges bottom1–top1 and bottom2–top2 meet on the grid;
   * record where the original float edges meet.
   */
  readonly fillCrossing = (
    bottom1: GridPoint,
    top1: GridPoint,
    bottom2: GridPoint,
    top2: GridPoint,
    crossing: GridPoint
  ): void => {
    const floatCrossing = this.crossingOf(bottom1.Z, top1.Z, bottom2.Z, top2.Z)
    const [x, y] =
      floatCrossing !== null && this.drift(floatCrossing, crossing) <= MAX_CROSSING_DRIFT
        ? floatCrossing
        : this.fromGrid(crossing)
    crossing.Z = this.remember(x, y, crossing)
  }

  /** An output ring in float coordinates. */
  floatRing(path: readonly GridPoint[]): Ring {
    return path.map((point) => this.floatPoint(point))
  }

  /**
   * Twice the signed area of an output ring, in float coordinates (shoelace), taken about the
   * grid's origin: near the shape rather than the frame's corner, so that a small shape far from
   * (0, 0) does not lose digits to cancellation.
   */
  doubleArea(path: readonly GridPoint[]): number {
    const n = path.length
    if (n === 0) return 0
    let sum = 0
    let [px, py] = this.floatPoint(path[n - 1] as GridPoint)
    px -= this.originX
    py -= this.originY
    for (const point of path) {
      const [x, y] = this.floatPoint(point)
      const qx = x - this.originX
      const qy = y - this.originY
      sum += px * qy - qx * py
      px = qx
      py = qy
    }
    return sum
  }

  /**
   * The float point behind an output point, unless Clipper moved the point after giving it its Z
   * (then the integer point is the better answer).
   */
  private floatPoint(point: GridPoint): Pair {
    const id = point.Z
    if (id > 0 && id < this.xs.length) {
      if (this.gridXs[id] === point.X && this.gridYs[id] === point.Y) {
        return [this.xs[id] as number, this.ys[id] as number]
      }
    }
    return this.fromGrid(point)
  }

  /** Distance in cells, per axis, of a float point from an integer one. */
  private drift([x, y]: Pair, point: GridPoint): number {
    return Math.max(
      Math.abs((x - this.originX) * this.scale - point.X),
      Math.abs((y - this.originY) * this.scale - point.Y)
    )
  }

  private fromGrid(point: GridPoint): Pair {
    return [point.X / this.scale + this.originX, point.Y / this.scale + this.originY]
  }

  private remember(x: number, y: number, point: GridPoint): number {
    this.xs.push(x)
    this.ys.push(y)
    this.gridXs.push(point.X)
    this.gridYs.push(point.Y)
    return this.xs.length - 1
  }

  /** Where the float lines through two edges (given by table indices) meet within both, or null. */
  private crossingOf(a: number, b: number, c: number, d: number): Pair | null {
    const { xs, ys } = this
    const n = xs.length
    if (!(a > 0 && b > 0 && c > 0 && d > 0 && a < n && b < n && c < n && d < n)) return null
    const ax = xs[a] as number
    const ay = ys[a] as number
    const cx = xs[c] as number
    const cy = ys[c] as number
    const dx1 = (xs[b] as number) - ax
    const dy1 = (ys[b] as number) - ay
    const dx2 = (xs[d] as number) - cx
    const dy2 = (ys[d] as number) - cy
    const denominator = dx1 * dy2 - dy1 * dx2
    const t = ((cx - ax) * dy2 - (cy - ay) * dx2) / denominator
    const u = ((cx - ax) * dy1 - (cy - ay) * dx1) / denominator
    // Written as negations so that NaN (parallel edges) lands on null.
    if (!(t >= 0 && t <= 1 && u >= 0 && u <= 1)) return null
    return [ax + t * dx1, ay + t * dy1]
  }
}
