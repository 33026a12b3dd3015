// The bootstrap's draws are pure-rand's xoroshiro128+ draws: the same generator state, the same
// 32 bits per step, the same rejection of the top values, so the same units drawn.
import { describe, expect, it } from '@jest/globals'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { drawWeights, resampleGenerator } from '../../src/results/resample-weights.js'

function pureRandWeights(seed: number, n: number, resamples: number): Uint32Array[] {
  const rng = xoroshiro128plus(seed)
  const limit = 2 ** 32 - (2 ** 32 % n)
  return Array.from({ length: resamples }, () => {
    const weights = new Uint32Array(n)
    for (let draw = 0; draw < n; draw++) {
      let bits = rng.next() >>> 0
      while (bits >= limit) bits = rng.next() >>> 0
      const unit = bits % n
      weights[unit] = (weights[unit] as number) + 1
    }
    return weights
  })
}

describe('drawWeights', () => {
  it.each([
    [0, 1],
    [7, 2],
    [-123456789, 97],
    [2 ** 31 - 1, 1000],
    [-(2 ** 31), 65537],
    [42, 300000]
  ])('draws what pure-rand draws (seed %i, %i units)', (seed, n) => {
    const resamples = n > 10000 ? 2 : 20
    const generator = resampleGenerator(seed)
    const ours = Array.from({ length: resamples }, () => {
      const weights = new Uint32Array(n)
      drawWeights(generator, n, weights)
      return weights
    })
    const theirs = pureRandWeights(seed, n, resamples)
    for (const [k, weights] of ours.entries()) {
      expect(weights.reduce((a, b) => a + b, 0)).toBe(n)
      expect(
        Buffer.from(weights.buffer).equals(Buffer.from((theirs[k] as Uint32Array).buffer))
      ).toBe(true)
    }
  })
})
