/**
 * Coordinates of one frame object (`docs/encord-api.md` §7.5) → our `Geometry`. Values stay
 * normalised as Encord stores them; nothing is clamped (neither does the SDK).
 */
import {
  SCORED_SHAPES,
  type Geometry,
  type ObjectShape,
  type Point,
  type SkeletonNode,
  type SkeletonVisibility
} from './model.js'
import type { FrameObjectJson, PointListJson, SkeletonNodeJson } from './schema.js'

/** Why coordinates could not be read, and the field of the frame object at fault. */
export interface GeometryProblem {
  problem: string
  field: (string | number)[]
}

export type ScoredShape =
  | 'bounding_box'
  | 'rotatable_bounding_box'
  | 'polygon'
  | 'polyline'
  | 'point'
  | 'bitmask'
  | 'skeleton'

export function isScoredShape(shape: ObjectShape): shape is ScoredShape {
  return SCORED_SHAPES.has(shape)
}

export function decodeGeometry(
  object: FrameObjectJson,
  shape: ScoredShape
): Geometry | GeometryProblem {
  switch (shape) {
    case 'bounding_box': {
      const box = object.boundingBox
      if (box === undefined) return missing('boundingBox', shape)
      return { type: 'box', x: box.x, y: box.y, w: box.w, h: box.h }
    }
    case 'rotatable_bounding_box': {
      const box = object.rotatableBoundingBox
      if (box === undefined) return missing('rotatableBoundingBox', shape)
      // theta is kept as given: its unit is unverified; the geometry layer reads degrees.
      return { type: 'rotatedBox', x: box.x, y: box.y, w: box.w, h: box.h, theta: box.theta }
    }
    case 'polygon':
      return decodePolygon(object)
    case 'polyline': {
      if (object.polyline === undefined) return missing('polyline', shape)
      const points = orderedPoints(object.polyline, 'polyline')
      return 'problem' in points ? points : { type: 'polyline', points }
    }
    case 'point': {
      if (object.point === undefined) return missing('point', shape)
      // Only key "0" is read, as in the SDK (a 3-D point's z is ignored).
      const point = object.point['0']
      return { type: 'point', x: point.x, y: point.y }
    }
    case 'bitmask':
      return decodeBitmask(object)
    case 'skeleton': {
      if (object.skeleton === undefined) return missing('skeleton', shape)
      return { type: 'skeleton', nodes: Object.values(object.skeleton).map(toSkeletonNode) }
    }
  }
}

/**
 * A non-empty `polygons` (polygons → rings → flat `[x1, y1, …]`) wins; otherwise the legacy
 * `polygon` points make one polygon with one ring. Both empty is an error, as in the SDK.
 */
function decodePolygon(object: FrameObjectJson): Geometry | GeometryProblem {
  const polygons = object.polygons
  if (polygons !== null && polygons !== undefined && polygons.length > 0) {
    for (const [p, polygon] of polygons.entries()) {
      if (polygon.length === 0) {
        return { problem: 'a polygon in "polygons" has no rings', field: ['polygons', p] }
      }
      for (const [r, ring] of polygon.entries()) {
        if (ring.length % 2 !== 0) {
          return {
            problem: `a ring must list x, y pairs, but has ${ring.length} numbers`,
            field: ['polygons', p, r]
          }
        }
      }
    }
    return { type: 'polygon', polygons }
  }
  const points =
    object.polygon === null || object.polygon === undefined
      ? []
      : orderedPoints(object.polygon, 'polygon')
  if ('problem' in points) return points
  if (points.length === 0) {
    return {
      problem: 'the polygon has no points (both "polygon" and "polygons" are empty)',
      field: ['polygon']
    }
  }
  const ring: number[] = []
  for (const point of points) ring.push(point.x, point.y)
  return { type: 'polygon', polygons: [[ring]] }
}

function decodeBitmask(object: FrameObjectJson): Geometry | GeometryProblem {
  // Very old labels carry the mask on the object itself; the SDK falls back to reading it there.
  const mask = object.bitmask ?? object
  const { top, left, width, height, rleString } = mask
  if (
    top === undefined ||
    left === undefined ||
    width === undefined ||
    height === undefined ||
    rleString === undefined
  ) {
    return missing('bitmask', 'bitmask')
  }
  return { type: 'bitmask', top, left, width, height, rle: rleString }
}

/** Legacy point lists: arrays keep their order, objects keyed "0", "1", … are sorted numerically. */
function orderedPoints(list: PointListJson, field: string): Point[] | GeometryProblem {
  if (Array.isArray(list)) return list.map(({ x, y }) => ({ x, y }))
  const keyed: [number, Point][] = []
  for (const [key, { x, y }] of Object.entries(list)) {
    if (!/^\d+$/.test(key)) {
      return {
        problem: `point keys must be numbers "0", "1", …, not "${key}"`,
        field: [field, key]
      }
    }
    keyed.push([Number(key), { x, y }])
  }
  return keyed.sort((a, b) => a[0] - b[0]).map(([, point]) => point)
}

function toSkeletonNode(node: SkeletonNodeJson): SkeletonNode {
  return {
    name: node.name,
    featureHash: node.featureHash ?? null,
    x: node.x,
    y: node.y,
    visibility: visibilityOf(node)
  }
}

/** Legacy boolean flags take precedence, in the SDK's order; then `visibility`; default visible. */
function visibilityOf(node: SkeletonNodeJson): SkeletonVisibility {
  if (node.invisible) return 'invisible'
  if (node.occluded) return 'occluded'
  if (node.selfOccluded) return 'selfOccluded'
  if (node.visible) return 'visible'
  return node.visibility ?? 'visible'
}

function missing(key: string, shape: string): GeometryProblem {
  return { problem: `a ${shape} label needs a "${key}" field`, field: [key] }
}
