/**
 * Cutting polyline buffers with horizontal lines: the buffer of a polyline (points within r of it)
 * is the union of one capsule per segment, and a capsule cut by a horizontal line is one interval,
 * found analytically. Integrating covered lengths over y gives areas; see `polyline.ts`.
 *
 * Intervals are flat lists [x0, x1, x2, x3, …], sorted and disjoint, held in reused buffers: a
 * pair of lines takes hundreds of cuts, and allocating a list per cut made garbage collection a
 * large share of the work. The arithmetic, and its order, is what it was with fresh lists.
 */
import type { Pair } from './clipping.js'

/** A segment's capsule, with what cutting it needs precomputed. */
export interface Segment {
  startX: number
  startY: number
  endX: number
  endY: number
  /** Corners of the side rectangle (x0, y0, …, x3, y3), or empty for a zero-length segment. */
  corners: number[]
  /** y-range of the capsule. */
  top: number
  bottom: number
}

/** The capsule of segment start–end (a disc when they coincide). */
export function makeSegment(start: Pair, end: Pair, radius: number): Segment {
  const [startX, startY] = start
  const [endX, endY] = end
  const length = Math.hypot(endX - startX, endY - startY)
  let corners: number[] = []
  if (length > 0) {
    const nx = (-(endY - startY) / length) * radius
    const ny = ((endX - startX) / length) * radius
    corners = [
      startX + nx,
      startY + ny,
      endX + nx,
      endY + ny,
      endX - nx,
      endY - ny,
      startX - nx,
      startY - ny
    ]
  }
  return {
    startX,
    startY,
    endX,
    endY,
    corners,
    top: Math.min(startY, endY) - radius,
    bottom: Math.max(startY, endY) + radius
  }
}

/** Two-point Gauss–Legendre: exact for cubics, and far better than one midpoint near a cap's top. */
const GAUSS_OFFSET = 1 / (2 * Math.sqrt(3))

/** Upper bound on lattice bands, so absurd coordinates cannot make a pair arbitrarily slow. */
const MAX_LATTICE_BANDS = 20_000

/**
 * Heights at which covered lengths are sampled, and the band height each stands for, in
 * increasing y: `y[k]`, `weight[k]` for k < `count`. Refilled by `fill`, reused between calls.
 */
export class BandSamples {
  count = 0
  y = new Float64Array(512)
  weight = new Float64Array(512)
  private cuts = new Float64Array(256)

  /**
   * Samples covering [from, to]: bands on the lattice k · step (the same for every buffer of the
   * frame, coarsened only for absurdly tall ranges), split at the given breaks (each list
   * ascending), with two Gauss–Legendre points per band. No samples when the range is empty.
   */
  fill(
    from: number,
    to: number,
    step: number,
    breaks: readonly number[],
    moreBreaks: readonly number[] = []
  ): this {
    this.count = 0
    if (!(to > from) || !(step > 0)) return this
    const lattice = Math.max(step, (to - from) / MAX_LATTICE_BANDS)
    let cuts = this.cuts
    let n = 0
    const push = (value: number): void => {
      if (n === cuts.length) {
        const grown = new Float64Array(cuts.length * 2)
        grown.set(cuts)
        cuts = grown
      }
      cuts[n++] = value
    }
    push(from)
    push(to)
    for (let k = Math.floor(from / lattice) + 1; k * lattice < to; k++) push(k * lattice)
    for (const y of breaks) if (y > from && y < to) push(y)
    for (const y of moreBreaks) if (y > from && y < to) push(y)
    this.cuts = cuts
    // Every cut is finite, so the numeric order of a typed-array sort is the order of (a, b) =>
    // a − b (up to −0 and +0, which give the same bands).
    const sorted = cuts.subarray(0, n).sort()
    this.reserve(2 * n)
    let count = 0
    for (let k = 0; k + 1 < n; k++) {
      const low = sorted[k] as number
      const high = sorted[k + 1] as number
      if (!(high > low)) continue
      const middle = (low + high) / 2
      const offset = (high - low) * GAUSS_OFFSET
      const weight = (high - low) / 2
      this.y[count] = middle - offset
      this.weight[count++] = weight
      this.y[count] = middle + offset
      this.weight[count++] = weight
    }
    this.count = count
    return this
  }

  private reserve(size: number): void {
    if (this.y.length >= size) return
    this.y = new Float64Array(size)
    this.weight = new Float64Array(size)
  }
}

/** Sorted, disjoint intervals [x0, x1, x2, x3, …] in the first `length` entries of `values`. */
export class Intervals {
  values = new Float64Array(64)
  length = 0

  push(low: number, high: number): void {
    if (this.length + 2 > this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = low
    this.values[this.length++] = high
  }
}

/**
 * Cuts one buffer with horizontal lines at increasing heights, keeping only the segments whose
 * capsules reach the current height, so a long line costs little per cut.
 */
export class BufferSweep {
  private next = 0
  /** The first `activeCount` entries are the segments that reach the last height cut. */
  private readonly active: Segment[] = []
  private activeCount = 0
  private readonly intervals = new Intervals()

  /** `segments` sorted by `top`. */
  constructor(
    private readonly segments: readonly Segment[],
    private readonly radius: number
  ) {}

  /**
   * The intervals of the line at `y` within the buffer, sorted and disjoint. The result is
   * this sweep's own buffer: valid until the next cut.
   */
  cut(y: number): Intervals {
    const { segments, active } = this
    let count = this.activeCount
    while (this.next < segments.length && (segments[this.next] as Segment).top <= y) {
      active[count++] = segments[this.next] as Segment
      this.next++
    }
    // Array length is left alone (setting it is a slow runtime call); stale entries past the
    // count are never read.
    let kept = 0
    for (let k = 0; k < count; k++) {
      const segment = active[k] as Segment
      if (segment.bottom >= y) active[kept++] = segment
    }
    this.activeCount = kept
    const pieces = this.intervals
    pieces.length = 0
    for (let k = 0; k < kept; k++) cutCapsule(active[k] as Segment, this.radius, y, pieces)
    if (pieces.length > 2) mergeIntervals(pieces)
    return pieces
  }
}

/**
 * Union of intervals [x0, x1, x2, x3, …] given in any order, as a sorted disjoint list, in place.
 * A cut meets only the few capsules near it, so an insertion sort beats the general one here.
 */
function mergeIntervals(intervals: Intervals): void {
  const pieces = intervals.values
  const length = intervals.length
  for (let k = 2; k < length; k += 2) {
    const low = pieces[k] as number
    const high = pieces[k + 1] as number
    let j = k - 2
    while (j >= 0 && (pieces[j] as number) > low) {
      pieces[j + 2] = pieces[j] as number
      pieces[j + 3] = pieces[j + 1] as number
      j -= 2
    }
    pieces[j + 2] = low
    pieces[j + 3] = high
  }
  let last = 1
  for (let k = 2; k < length; k += 2) {
    const low = pieces[k] as number
    const high = pieces[k + 1] as number
    if (low <= (pieces[last] as number)) {
      if (high > (pieces[last] as number)) pieces[last] = high
    } else {
      pieces[last + 1] = low
      pieces[last + 2] = high
      last += 2
    }
  }
  intervals.length = last + 1
}

/** Total length of a sorted disjoint interval list. */
export function intervalsLength(intervals: Intervals): number {
  const values = intervals.values
  let length = 0
  for (let k = 0; k < intervals.length; k += 2) {
    length += (values[k + 1] as number) - (values[k] as number)
  }
  return length
}

/**
 * Appends to `out` the capsule of a segment cut by the line at height y. The capsule is convex, so
 * the cut is one interval: from the leftmost to the rightmost of the cuts through the two end
 * discs and through the side rectangle.
 */
function cutCapsule(segment: Segment, radius: number, y: number, out: Intervals): void {
  let low = Infinity
  let high = -Infinity
  for (let end = 0; end < 2; end++) {
    const centreX = end === 0 ? segment.startX : segment.endX
    const dy = y - (end === 0 ? segment.startY : segment.endY)
    if (Math.abs(dy) <= radius) {
      const half = Math.sqrt(radius * radius - dy * dy)
      if (centreX - half < low) low = centreX - half
      if (centreX + half > high) high = centreX + half
    }
  }
  const corners = segment.corners
  for (let k = 0; k < corners.length; k += 2) {
    const ax = corners[k] as number
    const ay = corners[k + 1] as number
    const next = (k + 2) % corners.length
    const bx = corners[next] as number
    const by = corners[next + 1] as number
    if ((ay <= y && y <= by) || (by <= y && y <= ay)) {
      const x = ay === by ? ax : ax + ((y - ay) / (by - ay)) * (bx - ax)
      const other = ay === by ? bx : x
      low = Math.min(low, x, other)
      high = Math.max(high, x, other)
    }
  }
  if (high > low) out.push(low, high)
}

/** Length shared by two sorted, disjoint interval lists. */
export function sharedLength(a: Intervals, b: Intervals): number {
  const first = a.values
  const second = b.values
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const endA = first[i + 1] as number
    const endB = second[j + 1] as number
    const overlap = Math.min(endA, endB) - Math.max(first[i] as number, second[j] as number)
    if (overlap > 0) shared += overlap
    if (endA < endB) i += 2
    else j += 2
  }
  return shared
}
