/**
 * The Gaussian kernel of COCO's object keypoint similarity, shared by points and skeletons:
 * exp(−d² / (2 s²)) for a distance d at scale s.
 *
 * Beyond OKS_CUTOFF_SIGMAS · s the value (below e^−8 ≈ 3.4e−4) is reported as exactly 0. No
 * sensible match threshold is that low, and the cut-off gives every point and skeleton a finite
 * reach, so `boundsOf` can promise that shapes with disjoint bounds score 0 and the matcher can
 * skip far pairs without computing them.
 */

export const OKS_CUTOFF_SIGMAS = 4

/**
 * Relative slack added to reaches, so that rounding in "bounds are disjoint" can never disagree
 * with rounding in "distance is beyond the cut-off".
 */
export const REACH_SLACK = 1e-9

export function gaussianSimilarity(dx: number, dy: number, s: number): number {
  if (!(s > 0) || !Number.isFinite(s)) return 0
  const squared = dx * dx + dy * dy
  const limit = OKS_CUTOFF_SIGMAS * s
  // Negated so that NaN distances land on 0.
  if (!(squared <= limit * limit)) return 0
  return Math.exp(-squared / (2 * s * s))
}
