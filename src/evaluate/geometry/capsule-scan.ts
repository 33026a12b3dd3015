/**
 * Cutting polyline buffers with horizontal lines: the buffer of a polyline (points within r of it)
 * is the union of one capsule per segment, and a capsule cut by a horizontal line is one interval,
 * found analytically. Integrating covered lengths over y gives areas; see `polyline.ts`.
 *
 * Intervals are flat lists [x0, x1, x2, x3, …], sorted and disjoint.
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

/** A height at which the covered length is sampled, and the band height it stands for. */
export interface Sample {
  y: number
  weight: number
}

/** Two-point Gauss–Legendre: exact for cubics, and far better than one midpoint near a cap's top. */
const GAUSS_OFFSET = 1 / (2 * Math.sqrt(3))

/** Upper bound on lattice bands, so absurd coordinates cannot make a pair arbitrarily slow. */
const MAX_LATTICE_BANDS = 20_000

/**
 * Sample heights covering [from, to]: bands on the lattice k · step (the same for every buffer of
 * the frame, coarsened only for absurdly tall ranges), split at the given breaks, with two
 * Gauss–Legendre points per band.
 */
export function bandSamples(
  from: number,
  to: number,
  step: number,
  breakLists: readonly (readonly number[])[]
): Sample[] {
  if (!(to > from) || !(step > 0)) return []
  const lattice = Math.max(step, (to - from) / MAX_LATTICE_BANDS)
  const cuts = [from, to]
  for (let k = Math.floor(from / lattice) + 1; k * lattice < to; k++) cuts.push(k * lattice)
  for (const breaks of breakLists) for (const y of breaks) if (y > from && y < to) cuts.push(y)
  cuts.sort((a, b) => a - b)
  const samples: Sample[] = []
  for (let k = 0; k + 1 < cuts.length; k++) {
    const low = cuts[k] as number
    const high = cuts[k + 1] as number
    if (!(high > low)) continue
    const middle = (low + high) / 2
    const offset = (high - low) * GAUSS_OFFSET
    const weight = (high - low) / 2
    samples.push({ y: middle - offset, weight }, { y: middle + offset, weight })
  }
  return samples
}

/**
 * Cuts one buffer with horizontal lines at increasing heights, keeping only the segments whose
 * capsules reach the current height, so a long line costs little per cut.
 */
export class BufferSweep {
  private next = 0
  private readonly active: Segment[] = []

  /** `segments` sorted by `top`. */
  constructor(
    private readonly segments: readonly Segment[],
    private readonly radius: number
  ) {}

  /** The intervals of the line at `y` within the buffer: [x0, x1, x2, x3, …], sorted, disjoint. */
  cut(y: number): number[] {
    const segments = this.segments
    while (this.next < segments.length && (segments[this.next] as Segment).top <= y) {
      this.active.push(segments[this.next] as Segment)
      this.next++
    }
    let kept = 0
    for (const segment of this.active) if (segment.bottom >= y) this.active[kept++] = segment
    this.active.length = kept
    const pieces: number[] = []
    for (const segment of this.active) cutCapsule(segment, this.radius, y, pieces)
    return pieces.length <= 2 ? pieces : mergeIntervals(pieces)
  }
}

/**
 * Union of intervals [x0, x1, x2, x3, …] given in any order, as a sorted disjoint list, in place.
 * A cut meets only the few capsules near it, so an insertion sort beats the general one here.
 */
function mergeIntervals(pieces: number[]): number[] {
  for (let k = 2; k < pieces.length; k += 2) {
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
  for (let k = 2; k < pieces.length; k += 2) {
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
  pieces.length = last + 1
  return pieces
}

/** Total length of a sorted disjoint interval list. */
export function intervalsLength(intervals: readonly number[]): number {
  let length = 0
  for (let k = 0; k < intervals.length; k += 2) {
    length += (intervals[k + 1] as number) - (intervals[k] as number)
  }
  return length
}

/**
 * Appends to `out` the capsule of a segment cut by the line at height y. The capsule is convex, so
 * the cut is one interval: from the leftmost to the rightmost of the cuts through the two end
 * discs and through the side rectangle.
 */
function cutCapsule(segment: Segment, radius: number, y: number, out: number[]): void {
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
export function sharedLength(a: readonly number[], b: readonly number[]): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const endA = a[i + 1] as number
    const endB = b[j + 1] as number
    const overlap = Math.min(endA, endB) - Math.max(a[i] as number, b[j] as number)
    if (overlap > 0) shared += overlap
    if (endA < endB) i += 2
    else j += 2
  }
  return shared
}
