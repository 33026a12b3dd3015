/**
 * Matching of one frame, in two passes as CVAT does: first only same-class pairs may match; then,
 * on what is left, any class may, and such a pair is a wrong class. What is still left is missed
 * (benchmark) or extra (training). Each pass is an optimal one-to-one assignment maximising total
 * similarity; pairs below the threshold never match.
 */
import type { FrameSize } from '../labels/model.js'
import type { FrameObject } from './frames.js'
import { boundsOverlap, type Bounds } from './geometry/bounds.js'
import type { GeometryFunctions } from './geometry-port.js'
import { maxWeightMatching, type Edge } from './matching.js'

export interface FramePair {
  benchmark: FrameObject
  training: FrameObject
  similarity: number
  sameClass: boolean
}

export interface FrameMatch {
  /** Pairs in benchmark order. */
  pairs: FramePair[]
  missed: FrameObject[]
  extra: FrameObject[]
  /**
   * Every same-class pair at or above the threshold, matched or not, when asked for (video
   * frames, for the identity measures in `tracking/`); empty otherwise.
   */
  candidates: FramePair[]
}

export function matchFrame(
  benchmark: readonly FrameObject[],
  training: readonly FrameObject[],
  geometry: GeometryFunctions,
  size: FrameSize | undefined,
  threshold: number,
  keepCandidates = false
): FrameMatch {
  const result: FrameMatch = { pairs: [], missed: [], extra: [], candidates: [] }
  if (benchmark.length === 0 || training.length === 0) {
    result.missed.push(...benchmark)
    result.extra.push(...training)
    return result
  }
  const pairs = new FramePairs(benchmark, training, geometry, size, threshold)
  const partnerOf = new Map<number, Edge>()
  const takenTraining = new Set<number>()
  const take = (edges: Edge[]): void => {
    for (const [i, j] of maxWeightMatching(edges)) {
      partnerOf.set(i, edges.find((e) => e.row === i && e.column === j) as Edge)
      takenTraining.add(j)
    }
  }
  const all = (list: readonly FrameObject[]): number[] => list.map((_, i) => i)
  const sameClass = pairs.matchable(all(benchmark), all(training), true)
  take(sameClass)
  if (keepCandidates) {
    for (const { row, column, weight } of sameClass) {
      const gold = benchmark[row] as FrameObject
      const given = training[column] as FrameObject
      result.candidates.push({
        benchmark: gold,
        training: given,
        similarity: weight,
        sameClass: true
      })
    }
  }
  // The second pass only needs other-class pairs between what the first pass left: a same-class
  // pair left on both sides cannot reach the threshold, or the first pass would have taken it.
  // Computing these pairs only now skips most of them: on a good annotator's frame nearly
  // everything matches in the first pass.
  take(
    pairs.matchable(
      all(benchmark).filter((i) => !partnerOf.has(i)),
      all(training).filter((j) => !takenTraining.has(j)),
      false
    )
  )

  benchmark.forEach((gold, i) => {
    const edge = partnerOf.get(i)
    const given = edge && training[edge.column]
    if (!edge || !given) {
      result.missed.push(gold)
      return
    }
    result.pairs.push({
      benchmark: gold,
      training: given,
      similarity: edge.weight,
      sameClass: gold.object.featureHash === given.object.featureHash
    })
  })
  training.forEach((given, j) => {
    if (!takenTraining.has(j)) result.extra.push(given)
  })
  return result
}

/**
 * Similarities of one frame's benchmark × training pairs, computed on demand. Pairs whose reaches
 * (bounds) are apart score 0 without being computed: on a busy frame most pairs are apart, and
 * polygon or bitmask IoU is costly. Pairs whose similarity bound is below the threshold are
 * skipped too: only pairs at or above it become edges, and an edge's weight is all that is read.
 */
class FramePairs {
  private readonly goldBounds: Bounds[]
  private readonly givenBounds: Bounds[]

  constructor(
    private readonly benchmark: readonly FrameObject[],
    private readonly training: readonly FrameObject[],
    private readonly geometry: GeometryFunctions,
    private readonly size: FrameSize | undefined,
    private readonly threshold: number
  ) {
    this.goldBounds = benchmark.map((o) => geometry.boundsOf(o.annotation.geometry, size))
    this.givenBounds = training.map((o) => geometry.boundsOf(o.annotation.geometry, size))
  }

  /**
   * Pairs among the given rows and columns, of the same class or of different classes, whose
   * similarity is > 0 and at or above the threshold.
   */
  matchable(rows: readonly number[], columns: readonly number[], sameClass: boolean): Edge[] {
    const edges: Edge[] = []
    for (const row of rows) {
      const gold = this.benchmark[row]
      const goldBounds = this.goldBounds[row]
      if (!gold || !goldBounds) continue
      for (const column of columns) {
        const given = this.training[column]
        const givenBounds = this.givenBounds[column]
        if (!given || !givenBounds) continue
        if ((gold.object.featureHash === given.object.featureHash) !== sameClass) continue
        // Bounds that share no point: the pair's similarity is 0.
        if (!boundsOverlap(goldBounds, givenBounds)) continue
        // Nothing reads the similarity of a pair that cannot match, so it need not be computed.
        const bound = this.geometry.similarityBound?.(
          gold.annotation.geometry,
          given.annotation.geometry,
          this.size
        )
        if (bound !== undefined && bound < this.threshold) continue
        const raw = this.geometry.similarity(
          gold.annotation.geometry,
          given.annotation.geometry,
          this.size
        )
        // The geometry layer promises [0, 1]; clamp anyway so that a stray 1 + ε never shows.
        const weight = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0
        if (weight > 0 && weight >= this.threshold) edges.push({ row, column, weight })
      }
    }
    return edges
  }
}
