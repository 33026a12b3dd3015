/**
 * Systematic geometry bias of an annotator against the expert, for the feedback notes: does the
 * annotator draw boxes too wide, too low, polygons too large? Nothing here changes a score.
 *
 * - Boxes and rotated boxes: for each paired object, the signed offset of each edge, as a fraction
 *   of the benchmark box's width (left, right) or height (top, bottom); positive means the
 *   annotator's edge lies outside the expert's (the box is larger on that side). Width and height
 *   differences are the sums of the two edges' offsets. A rotated box is measured on its stored,
 *   unrotated box (`x, y, w, h` before the turn), which reads well when the two angles agree.
 * - Polygons: the signed area difference as a fraction of the benchmark polygon's area.
 *
 * A mean is claimed only when it is clearly not noise: its 95 % interval (Student's t on the
 * per-pair values) excludes 0, and there are at least `MIN_PAIRS` pairs. It must also be worth
 * saying: at least `MIN_EFFECT` (2 %) either way, since a consistent 0.4 % is real but nothing an
 * annotator can see, let alone correct. Sums are kept as they
 * come (`BiasAccumulator`), so a million pairs cost no memory, and only the few numbers of the
 * estimate leave the scoring thread.
 */
import type { Geometry } from '../labels/model.js'

export type BiasMeasure = 'left' | 'right' | 'top' | 'bottom' | 'width' | 'height' | 'polygon-area'

/** The order the measures are reported in. */
export const BIAS_MEASURES: readonly BiasMeasure[] = [
  'width',
  'height',
  'left',
  'right',
  'top',
  'bottom',
  'polygon-area'
]

/** Fewer pairs than this make no claim, however narrow the interval looks. */
export const MIN_PAIRS = 5

/** A smaller mean difference (as a fraction) makes no claim, however sure. */
export const MIN_EFFECT = 0.02

/** One measure's mean signed difference (a fraction) and its 95 % interval. */
export interface BiasEstimate {
  measure: BiasMeasure
  pairs: number
  mean: number
  /** The 95 % interval; null with a single pair. */
  low: number | null
  high: number | null
  /** The interval excludes 0, with at least `MIN_PAIRS` pairs and a mean of `MIN_EFFECT` or more. */
  clear: boolean
}

export interface GeometryPair {
  benchmark: Geometry
  training: Geometry
}

/** Running sums per measure (Welford's mean and squared deviations: stable for any count). */
export class BiasAccumulator {
  private readonly sums = new Map<BiasMeasure, { n: number; mean: number; m2: number }>()

  add(pair: GeometryPair): void {
    const { benchmark: gold, training: given } = pair
    if (isBox(gold) && isBox(given)) {
      if (!(gold.w > 0 && gold.h > 0)) return
      const left = (gold.x - given.x) / gold.w
      const right = (given.x + given.w - (gold.x + gold.w)) / gold.w
      const top = (gold.y - given.y) / gold.h
      const bottom = (given.y + given.h - (gold.y + gold.h)) / gold.h
      this.push('left', left)
      this.push('right', right)
      this.push('top', top)
      this.push('bottom', bottom)
      this.push('width', left + right)
      this.push('height', top + bottom)
    } else if (gold.type === 'polygon' && given.type === 'polygon') {
      const goldArea = multiPolygonArea(gold.polygons)
      if (!(goldArea > 0)) return
      this.push('polygon-area', (multiPolygonArea(given.polygons) - goldArea) / goldArea)
    }
  }

  estimates(): BiasEstimate[] {
    return BIAS_MEASURES.flatMap((measure) => {
      const sum = this.sums.get(measure)
      return sum === undefined ? [] : [estimateOf(measure, sum.n, sum.mean, sum.m2)]
    })
  }

  private push(measure: BiasMeasure, value: number): void {
    if (!Number.isFinite(value)) return
    const sum = this.sums.get(measure) ?? { n: 0, mean: 0, m2: 0 }
    sum.n += 1
    const delta = value - sum.mean
    sum.mean += delta / sum.n
    sum.m2 += delta * (value - sum.mean)
    this.sums.set(measure, sum)
  }
}

/** The estimates for a list of pairs: what `BiasAccumulator` gives once they are all added. */
export function geometryBias(pairs: Iterable<GeometryPair>): BiasEstimate[] {
  const accumulator = new BiasAccumulator()
  for (const pair of pairs) accumulator.add(pair)
  return accumulator.estimates()
}

function isBox(
  geometry: Geometry
): geometry is Extract<Geometry, { type: 'box' } | { type: 'rotatedBox' }> {
  return geometry.type === 'box' || geometry.type === 'rotatedBox'
}

function estimateOf(measure: BiasMeasure, n: number, mean: number, m2: number): BiasEstimate {
  if (n < 2) return { measure, pairs: n, mean, low: null, high: null, clear: false }
  const standardError = Math.sqrt(m2 / (n - 1) / n)
  const half = studentT975(n - 1) * standardError
  const low = mean - half
  const high = mean + half
  const clear = n >= MIN_PAIRS && (low > 0 || high < 0) && Math.abs(mean) >= MIN_EFFECT
  return { measure, pairs: n, mean, low, high, clear }
}

/**
 * The 97.5 % quantile of Student's t with `df` degrees of freedom (two-sided 95 %): the
 * Cornish–Fisher expansion around the normal quantile. From 4 degrees of freedom (`MIN_PAIRS`
 * pairs) it is within 0.3 % of the exact value (2.769 against 2.776 at 4, 2.2280 against 2.2281
 * at 10); below that it is a little small (4.17 against 4.30 at 2), but so few pairs claim nothing.
 */
export function studentT975(df: number): number {
  const z = 1.959963984540054
  const z3 = z ** 3
  const z5 = z ** 5
  const z7 = z ** 7
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  )
}

/** Area of a multi-polygon (outer rings minus holes), in the normalised units it is given in. */
export function multiPolygonArea(polygons: readonly (readonly (readonly number[])[])[]): number {
  let area = 0
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      const ringArea = Math.abs(shoelace(ring))
      area += index === 0 ? ringArea : -ringArea
    })
  }
  return area
}

function shoelace(ring: readonly number[]): number {
  let twice = 0
  const count = Math.floor(ring.length / 2)
  for (let i = 0; i < count; i++) {
    const j = (i + 1) % count
    twice += ring[2 * i]! * ring[2 * j + 1]! - ring[2 * j]! * ring[2 * i + 1]!
  }
  return twice / 2
}
