/**
 * The bootstrap's draws: n units drawn uniformly with replacement, as a count per unit.
 *
 * The generator is xoroshiro128+ exactly as `pure-rand` seeds and steps it (`xoroshiro128plus`,
 * 32 bits per step), so the draws are the ones pure-rand gives; the tests check this against
 * pure-rand itself. It is written out here, with its state in local variables for the whole
 * resample, because pure-rand's generator keeps its state in an object's fields: stepped two
 * million times per project, that made the draws a quarter of the bootstrap's time.
 */

const TWO_TO_32 = 2 ** 32

/** Generator state, as pure-rand's `xoroshiro128plus(seed)` starts it. */
export function resampleGenerator(seed: number): Int32Array {
  return Int32Array.of(-1, ~seed, seed | 0, 0)
}

/**
 * Adds one to `weights[unit]` for each of n draws of a unit in [0, n). Each draw takes the
 * generator's 32 bits and rejects the top values that would favour small numbers.
 */
export function drawWeights(state: Int32Array, n: number, weights: Uint32Array): void {
  let s01 = state[0] as number
  let s00 = state[1] as number
  let s11 = state[2] as number
  let s10 = state[3] as number
  const limit = TWO_TO_32 - (TWO_TO_32 % n)
  for (let drawn = 0; drawn < n;) {
    const bits = (s00 + s10) >>> 0
    const a0 = s10 ^ s00
    const a1 = s11 ^ s01
    const old00 = s00
    const old01 = s01
    s00 = (old00 << 24) ^ (old01 >>> 8) ^ a0 ^ (a0 << 16)
    s01 = (old01 << 24) ^ (old00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16))
    s10 = (a1 << 5) ^ (a0 >>> 27)
    s11 = (a0 << 5) ^ (a1 >>> 27)
    if (bits < limit) {
      // `bits % n`, but V8 takes `%` on a number above 2³¹ through its slow floating-point path.
      // Exact: bits / n < 2³², so its floor is never rounded up.
      const unit = bits - Math.floor(bits / n) * n
      weights[unit] = (weights[unit] as number) + 1
      drawn++
    }
  }
  state[0] = s01
  state[1] = s00
  state[2] = s11
  state[3] = s10
}
