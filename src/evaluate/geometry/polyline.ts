/**
 * Polylines are compared by **buffered IoU**: each line is thickened into the set of points within
 * radius r of it (every segment swept by a disc: straight sides, round joins and caps), and the two
 * thick lines are compared by area IoU.
 *
 * r = POLYLINE_BUFFER_FRACTION · sqrt(W·H), i.e. 1 % of the frame's typical length, which is CVAT's
 * `line_thickness` default in its quality settings: 10 px on a 1000×1000 frame, 14.4 px on
 * 1920×1080, 0.01 in normalised units. Two parallel lines of length L ≫ r at offset d < 2r score
 * about (2r − d) / (2r + d) — 0.5 at d = 2r/3 — so at the default threshold 0.5 a traced line may
 * drift by about two thirds of r.
 *
 * Areas are integrated in horizontal bands (`capsule-scan.ts`) rather than with the clipping
 * library: in `bench/geometry-micro.mjs` a buffer built as a library union of capsules with
 * 32-gon ends cost 4–7 ms per line and intersecting two of them about 3 ms with polygon-clipping
 * (1.7–2.3 ms and 0.7–0.9 ms with clipper-lib, its successor), against 0.4–0.8 ms per pair here
 * (plus about 1 ms once per line), with nothing large kept per line and no 32-gon ends.
 *
 * Along a horizontal line the covered length is exact (capsule ∩ line is an interval; the
 * intervals of all segments are merged). Across lines it is two-point Gauss–Legendre on bands at
 * most r / 8 high (POLYLINE_BANDS_PER_RADIUS), split at every vertex's y ± r, where the covered
 * length jumps (a horizontal segment's sides) or has a square-root end (a cap's top); elsewhere a
 * capsule's boundary is smooth. Straight edges are integrated exactly, horizontal ones included;
 * round caps and where the two buffers' outlines cross carry the error. Against exact geometry it
 * is below 3e-4 of the IoU for the lines in the tests and up to 2e-3 for two lone points half a
 * radius apart sideways (their outlines cross near a cap's top); on random jittered lines it is
 * below 2.1e-4 against a polygon-clipping reference with 512-gon ends.
 */
import type { Geometry } from '../../labels/model.js'
import { boundsOverlap, emptyBounds, grownBounds, includePoint, type Bounds } from './bounds.js'
import type { Pair } from './clipping.js'
import {
  BandSamples,
  BufferSweep,
  intervalsLength,
  makeSegment,
  sharedLength,
  type Segment
} from './capsule-scan.js'
import { memoisedByGeometry } from './memo.js'
import { frameScale, type UnitScale } from './units.js'

export type PolylineGeometry = Extract<Geometry, { type: 'polyline' }>

export const POLYLINE_BUFFER_FRACTION = 0.01
export const POLYLINE_BANDS_PER_RADIUS = 8

export function polylineBufferRadius(scale: UnitScale): number {
  return POLYLINE_BUFFER_FRACTION * frameScale(scale)
}

interface PreparedPolyline {
  segments: Segment[]
  radius: number
  /** Bounds of the buffer: the points' extent grown by the radius (empty without points). */
  reach: Bounds
  /** y values where the covered length jumps or kinks, ascending. */
  breaks: number[]
  /** Area of the buffer, integrated as described above. */
  area: number
}

/**
 * Reused for every integration, one at a time: `fill` overwrites what the last one left, so read
 * `y` and `weight` before anything else here can fill it again (prepare both lines first).
 */
const samples = new BandSamples()

const preparePolyline = memoisedByGeometry(
  (g: PolylineGeometry, scale: UnitScale): PreparedPolyline => {
    const radius = polylineBufferRadius(scale)
    const points = linePoints(g, scale)
    const extent = emptyBounds()
    for (const [x, y] of points) includePoint(extent, x, y)
    const segments: Segment[] = []
    const breaks: number[] = []
    if (radius > 0 && Number.isFinite(radius)) {
      // A single point is a zero-length segment: its buffer is a disc.
      const ends = points.length === 1 ? [points[0] as Pair, points[0] as Pair] : points
      for (let k = 0; k + 1 < ends.length; k++) {
        segments.push(makeSegment(ends[k] as Pair, ends[k + 1] as Pair, radius))
      }
      // The covered length jumps or kinks only at the top and bottom of a vertex's disc (where a
      // cap starts, and where a horizontal segment's sides are); elsewhere the capsule boundary
      // is smooth (sides meet the round ends tangentially).
      for (const [, y] of points) breaks.push(y - radius, y + radius)
    }
    segments.sort((a, b) => a.top - b.top)
    breaks.sort((a, b) => a - b)
    const prepared: PreparedPolyline = {
      segments,
      radius,
      reach: segments.length === 0 ? emptyBounds() : grownBounds(extent, radius),
      breaks,
      area: 0
    }
    const sweep = new BufferSweep(segments, radius)
    const step = radius / POLYLINE_BANDS_PER_RADIUS
    const { count, y, weight } = samples.fill(
      prepared.reach.minY,
      prepared.reach.maxY,
      step,
      breaks
    )
    for (let k = 0; k < count; k++) {
      prepared.area += (weight[k] as number) * intervalsLength(sweep.cut(y[k] as number))
    }
    return prepared
  }
)

/** The line's points in working units, without non-finite or repeated points. */
function linePoints(g: PolylineGeometry, scale: UnitScale): Pair[] {
  const points: Pair[] = []
  for (const point of g.points) {
    const x = point.x * scale.sx
    const y = point.y * scale.sy
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue
    const last = points[points.length - 1]
    if (last !== undefined && last[0] === x && last[1] === y) continue
    points.push([x, y])
  }
  return points
}

export function polylineSimilarity(
  a: PolylineGeometry,
  b: PolylineGeometry,
  scale: UnitScale
): number {
  const first = preparePolyline(a, scale)
  const second = preparePolyline(b, scale)
  if (!(first.area > 0 && second.area > 0) || !boundsOverlap(first.reach, second.reach)) return 0
  // Only the rows both buffers reach can hold shared area.
  const from = Math.max(first.reach.minY, second.reach.minY)
  const to = Math.min(first.reach.maxY, second.reach.maxY)
  let shared = 0
  const sweepFirst = new BufferSweep(first.segments, first.radius)
  const sweepSecond = new BufferSweep(second.segments, second.radius)
  const step = first.radius / POLYLINE_BANDS_PER_RADIUS
  const { count, y, weight } = samples.fill(from, to, step, first.breaks, second.breaks)
  for (let k = 0; k < count; k++) {
    const at = y[k] as number
    shared += (weight[k] as number) * sharedLength(sweepFirst.cut(at), sweepSecond.cut(at))
  }
  const union = first.area + second.area - shared
  return union > 0 ? Math.min(1, Math.max(0, shared / union)) : 0
}

/** Bounds of the buffer: the points' extent grown by the radius. */
export function polylineReach(g: PolylineGeometry, scale: UnitScale): Bounds {
  return { ...preparePolyline(g, scale).reach }
}
