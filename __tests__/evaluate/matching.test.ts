import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  maxWeightAssignment,
  maxWeightMatching,
  type Assignment
} from '../../src/evaluate/matching.js'

/** Best total over every partial matching, by exhaustive search (fine up to 7 × 7). */
function bruteForceBest(weights: number[][]): number {
  const columns = weights[0]?.length ?? 0
  const best = (row: number, used: number): number => {
    if (row === weights.length) return 0
    let total = best(row + 1, used) // leave this row unpaired
    for (let c = 0; c < columns; c += 1) {
      const w = weights[row]?.[c] ?? 0
      if (w > 0 && !(used & (1 << c))) total = Math.max(total, w + best(row + 1, used | (1 << c)))
    }
    return total
  }
  return best(0, 0)
}

function totalOf(weights: number[][], pairs: Assignment[]): number {
  return pairs.reduce((sum, [r, c]) => sum + (weights[r]?.[c] ?? 0), 0)
}

describe('maxWeightAssignment', () => {
  it('finds the optimum where greedy does not', () => {
    // Greedy takes 0.9 and then only 0.1 is left (1.0); the optimum is 0.8 + 0.7 = 1.5.
    const weights = [
      [0.9, 0.8],
      [0.7, 0.1]
    ]
    expect(maxWeightAssignment(weights)).toEqual([
      [0, 1],
      [1, 0]
    ])
  })

  it('never returns a pair of weight 0 and handles empty and rectangular matrices', () => {
    expect(maxWeightAssignment([])).toEqual([])
    expect(maxWeightAssignment([[], []])).toEqual([])
    expect(maxWeightAssignment([[0, 0, 0]])).toEqual([])
    expect(maxWeightAssignment([[0, 0.5, 0.6]])).toEqual([[0, 2]])
    expect(maxWeightAssignment([[0], [0.3], [0.2]])).toEqual([[1, 0]])
    expect(
      maxWeightAssignment([
        [0.5, 0],
        [0, 0]
      ])
    ).toEqual([[0, 0]])
  })

  it('treats negative and non-finite weights as "may not be paired"', () => {
    expect(maxWeightAssignment([[-1, Number.NaN, Number.POSITIVE_INFINITY]])).toEqual([])
  })

  it('reaches the brute-force optimum on random matrices up to 7 × 7 (with threshold zeros)', () => {
    const weight = fc.oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }
    )
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(weight, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows
        })
      )
    const threshold = fc.constantFrom(0, 0.3, 0.5)
    fc.assert(
      fc.property(matrix, threshold, (raw, t) => {
        const weights = raw.map((line) => line.map((w) => (w >= t ? w : 0)))
        const pairs = maxWeightAssignment(weights)
        const rows = new Set(pairs.map(([r]) => r))
        const columns = new Set(pairs.map(([, c]) => c))
        expect(rows.size).toBe(pairs.length)
        expect(columns.size).toBe(pairs.length)
        for (const [r, c] of pairs) expect(weights[r]?.[c] ?? 0).toBeGreaterThan(0)
        expect(totalOf(weights, pairs)).toBeCloseTo(bruteForceBest(weights), 9)
      }),
      { numRuns: 400 }
    )
  })
})

describe('maxWeightMatching (sparse, solved per group of competing pairs)', () => {
  it('solves independent groups separately and together reaches the optimum', () => {
    // Group 1: rows 0, 1 compete for columns 0, 1 (optimum 0-1, 1-0). Group 2: row 2 — column 3.
    const edges = [
      { row: 0, column: 0, weight: 0.9 },
      { row: 0, column: 1, weight: 0.8 },
      { row: 1, column: 0, weight: 0.7 },
      { row: 2, column: 3, weight: 0.6 }
    ]
    expect(maxWeightMatching(edges)).toEqual([
      [0, 1],
      [1, 0],
      [2, 3]
    ])
  })

  it('reaches the brute-force optimum of the same pairs as a matrix', () => {
    const cell = fc.oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }
    )
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows
        })
      )
    fc.assert(
      fc.property(matrix, (weights) => {
        const edges = weights.flatMap((line, row) =>
          line.map((weight, column) => ({ row, column, weight })).filter((e) => e.weight > 0)
        )
        const pairs = maxWeightMatching(edges)
        expect(new Set(pairs.map(([r]) => r)).size).toBe(pairs.length)
        expect(new Set(pairs.map(([, c]) => c)).size).toBe(pairs.length)
        expect(totalOf(weights, pairs)).toBeCloseTo(bruteForceBest(weights), 9)
      }),
      { numRuns: 400 }
    )
  })
})
