/**
 * Skeletons: COCO-style object keypoint similarity, made symmetric.
 *
 *   OKS = mean over counted nodes of exp(−d_i² / (2 · area · k²))
 *
 * - Nodes are paired by `featureHash` when every node of both skeletons has a distinct one, else by
 *   `name` when names are distinct and non-empty on both sides, else by position in the list.
 * - A node is *labelled* unless its visibility is `invisible` (occluded and self-occluded nodes
 *   have a position and count, like COCO's v = 1). A node labelled on one side only scores 0; a
 *   node labelled on neither side is not counted. COCO lets the ground truth decide; "labelled on
 *   either side" is the symmetric version, so an extra node costs as much as a missing one.
 * - area = the larger of the two skeletons' own areas, each the area of the box around its
 *   labelled nodes, with two floors so that single-node and collinear skeletons (zero box area,
 *   CVAT issue #9957) still have a sensible scale:
 *   - a thin box counts as at least (longer side)² / 4, as if it were 4:1 — a straight three-node
 *     arm 400 px long is scaled like a 400×100 box, not like a line of no area;
 *   - any box counts as at least (SKELETON_MIN_SIDE_FRACTION · sqrt(W·H))², a square of 5 % of the
 *     frame's typical length (50×50 px on 1000×1000): a lone node then scores 0.5 at 5.9 px. Below
 *     that size a box says more about how few nodes were placed than about the object.
 *   The larger area, not the box around both skeletons, because that box grows with the very
 *   displacement being scored (and would leave a shifted skeleton no finite reach); CVAT uses the
 *   mean of the two boxes in the same spirit.
 * - k = SKELETON_K = 0.1. COCO's mean per-keypoint σ is 0.067 (k = 2σ = 0.134), but COCO scales by
 *   the segmentation area, which for a person is roughly half to two thirds of the box area; on
 *   box area the equivalent k is 0.134 · sqrt(0.5 … 0.67) ≈ 0.095 … 0.11. SLEAP uses the same
 *   κ = 0.1 with box area. A node at d = 0.118 · sqrt(area) scores 0.5: 16.7 px for a 100×200 px
 *   person.
 */
import type { Geometry, SkeletonNode } from '../../labels/model.js'
import { emptyBounds, grownBounds, includePoint, type Bounds } from './bounds.js'
import { memoisedByGeometry } from './memo.js'
import { gaussianSimilarity, OKS_CUTOFF_SIGMAS, REACH_SLACK } from './oks.js'
import { frameScale, type UnitScale } from './units.js'

export type SkeletonGeometry = Extract<Geometry, { type: 'skeleton' }>

export const SKELETON_K = 0.1
export const SKELETON_MIN_SIDE_FRACTION = 0.05

interface PreparedNode {
  featureHash: string | null
  name: string
  labelled: boolean
  /** Working units; only meaningful when labelled. */
  x: number
  y: number
}

interface PreparedSkeleton {
  nodes: PreparedNode[]
  /** Floored area of the box around the labelled nodes. */
  area: number
  /** Box around the labelled nodes (empty when none). */
  extent: Bounds
  distinctHashes: boolean
  distinctNames: boolean
}

/** Smallest area any skeleton is scaled by. */
export function skeletonAreaFloor(scale: UnitScale): number {
  const side = SKELETON_MIN_SIDE_FRACTION * frameScale(scale)
  return side * side
}

const prepareSkeleton = memoisedByGeometry(
  (g: SkeletonGeometry, scale: UnitScale): PreparedSkeleton => {
    const extent = emptyBounds()
    const nodes = g.nodes.map((node): PreparedNode => {
      const x = node.x * scale.sx
      const y = node.y * scale.sy
      const labelled = isLabelled(node) && Number.isFinite(x) && Number.isFinite(y)
      if (labelled) includePoint(extent, x, y)
      return { featureHash: node.featureHash, name: node.name, labelled, x, y }
    })
    return {
      nodes,
      area: scaleArea(extent, scale),
      extent,
      distinctHashes: allDistinct(nodes.map((node) => node.featureHash)),
      distinctNames: allDistinct(nodes.map((node) => node.name || null))
    }
  }
)

function isLabelled(node: SkeletonNode): boolean {
  return node.visibility !== 'invisible'
}

/** The area OKS is scaled by: the box around the labelled nodes, floored as documented above. */
function scaleArea(extent: Bounds, scale: UnitScale): number {
  const width = extent.maxX - extent.minX
  const height = extent.maxY - extent.minY
  if (!(width >= 0 && height >= 0)) return skeletonAreaFloor(scale) // no labelled node
  const longer = Math.max(width, height)
  return Math.max(width * height, (longer * longer) / 4, skeletonAreaFloor(scale))
}

/** True when no value is null and none repeats. */
function allDistinct(values: (string | null)[]): boolean {
  const seen = new Set<string>()
  for (const value of values) {
    if (value === null || seen.has(value)) return false
    seen.add(value)
  }
  return true
}

export function skeletonSimilarity(
  a: SkeletonGeometry,
  b: SkeletonGeometry,
  scale: UnitScale
): number {
  const first = prepareSkeleton(a, scale)
  const second = prepareSkeleton(b, scale)
  const keyOf: (node: PreparedNode, index: number) => string =
    first.distinctHashes && second.distinctHashes
      ? (node) => node.featureHash as string
      : first.distinctNames && second.distinctNames
        ? (node) => node.name
        : (_node, index) => String(index)
  const s = SKELETON_K * Math.sqrt(Math.max(first.area, second.area))

  const others = new Map<string, PreparedNode>()
  second.nodes.forEach((node, index) => others.set(keyOf(node, index), node))
  const scores: number[] = []
  first.nodes.forEach((node, index) => {
    const key = keyOf(node, index)
    const other = others.get(key)
    others.delete(key)
    const labelledOther = other?.labelled ?? false
    if (!node.labelled && !labelledOther) return
    scores.push(
      node.labelled && other !== undefined && labelledOther
        ? gaussianSimilarity(node.x - other.x, node.y - other.y, s)
        : 0
    )
  })
  for (const other of others.values()) if (other.labelled) scores.push(0)
  if (scores.length === 0) return 0
  // Summed in sorted order so that swapping the operands cannot change the last bit.
  scores.sort((x, y) => x - y)
  let sum = 0
  for (const score of scores) sum += score
  return sum / scores.length
}

/**
 * The box outside which the skeleton scores 0 against any other: a node pair scores 0 beyond
 * OKS_CUTOFF_SIGMAS · k · sqrt(area of the pair), and the pair's area is the larger of the two, so
 * growing each skeleton's labelled extent by that distance for its own area is enough.
 */
export function skeletonReach(g: SkeletonGeometry, scale: UnitScale): Bounds {
  const prepared = prepareSkeleton(g, scale)
  const reach = OKS_CUTOFF_SIGMAS * SKELETON_K * Math.sqrt(prepared.area) * (1 + REACH_SLACK)
  return grownBounds(prepared.extent, reach)
}
