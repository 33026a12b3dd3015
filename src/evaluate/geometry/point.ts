/**
 * Points: OKS-style similarity exp(−d² / (2 s²)) with s = POINT_SCALE_FRACTION · sqrt(W·H).
 *
 * κ = 0.02. A pair scores 0.5 (the default match threshold) at d = s·sqrt(2 ln 2) ≈ 1.18 s, which
 * on a 1000×1000 frame is 23.5 px, 2.35 % of the image side: a point within about 2–3 % of the
 * image size matches. It is also the scale CVAT's polyline comparison uses (Gaussian with
 * s = 2 · line_torso_radius 0.01 · sqrt(image area)). In normalised units s = 0.02.
 */
import type { Geometry } from '../../labels/model.js'
import { emptyBounds, type Bounds } from './bounds.js'
import { gaussianSimilarity, OKS_CUTOFF_SIGMAS, REACH_SLACK } from './oks.js'
import { frameScale, type UnitScale } from './units.js'

export type PointGeometry = Extract<Geometry, { type: 'point' }>

export const POINT_SCALE_FRACTION = 0.02

export function pointScale(scale: UnitScale): number {
  return POINT_SCALE_FRACTION * frameScale(scale)
}

export function pointSimilarity(a: PointGeometry, b: PointGeometry, scale: UnitScale): number {
  return gaussianSimilarity((a.x - b.x) * scale.sx, (a.y - b.y) * scale.sy, pointScale(scale))
}

/**
 * The box outside which the point scores 0 against any other point: two points score 0 beyond
 * OKS_CUTOFF_SIGMAS · s, so each reaches half of that.
 */
export function pointReach(p: PointGeometry, scale: UnitScale): Bounds {
  const x = p.x * scale.sx
  const y = p.y * scale.sy
  if (!Number.isFinite(x) || !Number.isFinite(y)) return emptyBounds()
  const reach = ((OKS_CUTOFF_SIGMAS * pointScale(scale)) / 2) * (1 + REACH_SLACK)
  return { minX: x - reach, minY: y - reach, maxX: x + reach, maxY: y + reach }
}
