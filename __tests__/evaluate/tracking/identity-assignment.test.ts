import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { bestIdentityAssignment } from '../../../src/evaluate/tracking/index.js'

/** Best total over every one-to-one assignment of rows to columns (or to nothing). */
function bruteForce(matrix: number[][]): number {
  const columns = matrix[0]?.length ?? 0
  const best = (row: number, used: number): number => {
    if (row === matrix.length) return 0
    let total = best(row + 1, used)
    for (let c = 0; c < columns; c += 1) {
      if (!(used & (1 << c))) {
        total = Math.max(total, (matrix[row]?.[c] ?? 0) + best(row + 1, used | (1 << c)))
      }
    }
    return total
  }
  return best(0, 0)
}

describe('bestIdentityAssignment', () => {
  it('prefers two good pairs to one best pair', () => {
    // Greedy takes A–X (5) and is left with B–Y (0); the optimum is A–Y + B–X = 4 + 4.
    expect(
      bestIdentityAssignment([
        [5, 4],
        [4, 0]
      ])
    ).toEqual({
      pairs: [
        [0, 1],
        [1, 0]
      ],
      total: 8
    })
  })

  it('equals brute force over all track assignments on small random cases', () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([rows, columns]) =>
        fc.array(
          fc.array(fc.integer({ min: 0, max: 12 }), { minLength: columns, maxLength: columns }),
          {
            minLength: rows,
            maxLength: rows
          }
        )
      )
    fc.assert(
      fc.property(matrix, (m) => {
        const { pairs, total } = bestIdentityAssignment(m)
        // One-to-one, and the total is what its pairs add up to.
        expect(new Set(pairs.map(([r]) => r)).size).toBe(pairs.length)
        expect(new Set(pairs.map(([, c]) => c)).size).toBe(pairs.length)
        expect(total).toBe(pairs.reduce((sum, [r, c]) => sum + (m[r]?.[c] ?? 0), 0))
        expect(total).toBe(bruteForce(m))
      }),
      { numRuns: 500, seed: 15 }
    )
  })
})
