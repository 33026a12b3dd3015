/**
 * Builders for test geometries written in pixels of a given frame, so that expected values can be
 * worked out on paper in pixels while the geometries stay normalised as the label model keeps them.
 */
import { encodeRleCounts } from '../../../src/evaluate/geometry/rle.js'
import type {
  FrameSize,
  Geometry,
  SkeletonNode,
  SkeletonVisibility
} from '../../../src/labels/model.js'

export const FRAME_100: FrameSize = { width: 100, height: 100 }
export const FRAME_1000: FrameSize = { width: 1000, height: 1000 }

export function box(x: number, y: number, w: number, h: number, size: FrameSize): Geometry {
  return {
    type: 'box',
    x: x / size.width,
    y: y / size.height,
    w: w / size.width,
    h: h / size.height
  }
}

export function rotatedBox(
  x: number,
  y: number,
  w: number,
  h: number,
  theta: number,
  size: FrameSize
): Geometry {
  return {
    ...(box(x, y, w, h, size) as { x: number; y: number; w: number; h: number }),
    type: 'rotatedBox',
    theta
  }
}

/** A polygon from rings of [x, y] pixel pairs: ring 0 outer, further rings holes. */
export function polygon(rings: [number, number][][], size: FrameSize): Geometry {
  return multiPolygon([rings], size)
}

export function multiPolygon(polygons: [number, number][][][], size: FrameSize): Geometry {
  return {
    type: 'polygon',
    polygons: polygons.map((rings) =>
      rings.map((ring) => ring.flatMap(([x, y]) => [x / size.width, y / size.height]))
    )
  }
}

/** The rectangle [x0, x1] × [y0, y1] as a ring. */
export function rectRing(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1]
  ]
}

export function point(x: number, y: number, size: FrameSize): Geometry {
  return { type: 'point', x: x / size.width, y: y / size.height }
}

export function polyline(points: [number, number][], size: FrameSize): Geometry {
  return {
    type: 'polyline',
    points: points.map(([x, y]) => ({ x: x / size.width, y: y / size.height }))
  }
}

export interface NodeSpec {
  name: string
  x: number
  y: number
  visibility?: SkeletonVisibility
  featureHash?: string | null
}

export function skeleton(nodes: NodeSpec[], size: FrameSize): Geometry {
  return {
    type: 'skeleton',
    nodes: nodes.map((node): SkeletonNode => ({
      name: node.name,
      featureHash: node.featureHash ?? null,
      x: node.x / size.width,
      y: node.y / size.height,
      visibility: node.visibility ?? 'visible'
    }))
  }
}

/** Run counts (0-run first) of a mask given as rows of '0'/'1' characters, row-major. */
export function countsOfRows(rows: string[]): number[] {
  const bits = rows.join('')
  const counts: number[] = []
  let current = '0'
  let run = 0
  for (const bit of bits) {
    if (bit === current) {
      run++
    } else {
      counts.push(run)
      current = bit
      run = 1
    }
  }
  counts.push(run)
  return counts
}

/** A bitmask from rows of '0'/'1' characters (its width × height is the frame's pixel size). */
export function mask(
  rows: string[],
  offset: { top: number; left: number } = { top: 0, left: 0 }
): Geometry {
  return {
    type: 'bitmask',
    top: offset.top,
    left: offset.left,
    width: rows[0]?.length ?? 0,
    height: rows.length,
    rle: encodeRleCounts(countsOfRows(rows))
  }
}
