/**
 * Geometry no careful reviewer would score: a box of zero or negative width or height, a box or
 * polygon entirely outside the frame, a polygon ring of fewer than 3 points, coordinates so far
 * out that areas overflow (`1e308`). Left in, such labels give nonsense: two identical
 * negative-size boxes overlap with IoU 1.0, two identical zero-size boxes become a miss and an
 * extra.
 *
 * The rule, one for every case: under `one-to-one` a degenerate annotation is not scorable. It is
 * never matched (a benchmark one is not expected of the annotator, a training one is not an
 * extra), and it is counted per project and named in the notes, so that it can be fixed.
 * `encord-script` reproduces the script, which has no such rule: its IoU arithmetic already gives
 * 0 to any box with a zero or negative side (the intersection is empty), and scores boxes outside
 * the frame like any other; those boxes are scored as the script scores them and counted in a note.
 */
import type { Geometry, ObjectInstance } from '../labels/model.js'
import { plural, type RowPair } from './pairing.js'

/**
 * How far from the frame a coordinate may lie, in frame widths (coordinates are normalised to
 * [0, 1]). Generous — labels slightly outside the frame are common — and small enough that every
 * area and sum stays far from overflow.
 */
export const MAX_COORDINATE = 1000

/** Why an annotation cannot be scored, or null when it can. */
export function degeneracyOf(geometry: Geometry): string | null {
  switch (geometry.type) {
    case 'box':
    case 'rotatedBox': {
      const { x, y, w, h } = geometry
      const what = geometry.type === 'box' ? 'a box' : 'a rotated box'
      if (!nearFrame(x, y, w, h)) return `${what} with coordinates far outside the frame`
      if (!(w > 0 && h > 0)) return `${what} with zero or negative width or height`
      if (geometry.type === 'box' && outsideFrame(x, y, x + w, y + h)) {
        return `${what} entirely outside the frame`
      }
      return null
    }
    case 'polygon': {
      let minX = Infinity
      let minY = Infinity
      let maxX = -Infinity
      let maxY = -Infinity
      for (const polygon of geometry.polygons) {
        for (const ring of polygon) {
          if (ring.length < 6) return 'a polygon with a ring of fewer than 3 points'
          for (let i = 0; i < ring.length; i += 2) {
            const px = ring[i] as number
            const py = ring[i + 1] as number
            if (!nearFrame(px, py)) return 'a polygon with coordinates far outside the frame'
            minX = Math.min(minX, px)
            maxX = Math.max(maxX, px)
            minY = Math.min(minY, py)
            maxY = Math.max(maxY, py)
          }
        }
      }
      if (minX === Infinity) return 'a polygon with no points'
      if (outsideFrame(minX, minY, maxX, maxY)) return 'a polygon entirely outside the frame'
      return null
    }
    case 'polyline':
      for (const { x, y } of geometry.points) {
        if (!nearFrame(x, y)) return 'a polyline with coordinates far outside the frame'
      }
      return null
    case 'point':
      return nearFrame(geometry.x, geometry.y) ? null : 'a point far outside the frame'
    case 'skeleton':
      for (const { x, y } of geometry.nodes) {
        if (!nearFrame(x, y)) return 'a skeleton with coordinates far outside the frame'
      }
      return null
    case 'bitmask':
      return null
  }
}

function nearFrame(...values: number[]): boolean {
  return values.every((value) => Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE)
}

/** No overlap of positive area with the frame [0, 1] × [0, 1]. */
function outsideFrame(left: number, top: number, right: number, bottom: number): boolean {
  return right <= 0 || left >= 1 || bottom <= 0 || top >= 1
}

/** One annotation left out of matching, and where it is. */
export interface DegenerateAnnotation {
  side: 'benchmark' | 'training'
  dataTitle: string
  frame: number
  object: ObjectInstance
  reason: string
}

/** The note that counts and names the degenerate annotations left out under `one-to-one`. */
export function degenerateNotes(found: readonly DegenerateAnnotation[]): string[] {
  if (found.length === 0) return []
  const training = found.filter((d) => d.side === 'training').length
  const named = found
    .slice(0, 3)
    .map(
      (d) =>
        `${d.side} ${d.object.className} ${d.object.objectHash} on "${d.dataTitle}" frame ${d.frame}: ${d.reason}`
    )
  const more = found.length - named.length
  return [
    `${found.length} annotation${plural(found.length)} with degenerate geometry (${training} training, ` +
      `${found.length - training} benchmark) ${found.length === 1 ? 'was' : 'were'} not scored and never matched: ` +
      `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
  ]
}

/**
 * Under `encord-script`, the frame-0 boxes the one-to-one method would leave out: the script
 * scores them by its own arithmetic, and the note says how many there were.
 */
export function scriptDegenerateNotes(pairs: readonly RowPair[]): string[] {
  let count = 0
  const rows = new Set([...pairs.map((p) => p.training), ...pairs.map((p) => p.benchmark)])
  for (const row of rows) {
    for (const object of row.objects) {
      if (object.shape !== 'bounding_box') continue
      const geometry = object.annotations.find((a) => a.frame === 0)?.geometry
      if (geometry?.type === 'box' && degeneracyOf(geometry) !== null) count += 1
    }
  }
  if (count === 0) return []
  return [
    `${count} frame-0 box${count === 1 ? '' : 'es'} with degenerate geometry (zero or negative size, ` +
      `outside the frame or far out) ${count === 1 ? 'was' : 'were'} scored as the script scores ` +
      `${count === 1 ? 'it' : 'them'} (IoU 0 for a zero or negative side); the one-to-one method leaves such boxes out`
  ]
}
