// Coverage counts benchmark data units, each once, however often either stage lists them: the
// units scored and the units not completed always add up to the benchmark's units, and the
// evaluation scores (and the bootstrap resamples) exactly the units counted as scored.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { evaluateProject } from '../../src/evaluate/index.js'
import { pairRows } from '../../src/evaluate/pairing.js'
import { box, img, project, row } from './builders.js'

/** Data hashes from a small alphabet, so that repeats and overlaps are common. */
const listing = fc.array(fc.constantFrom('d0', 'd1', 'd2', 'd3', 'd4', 'd5'), { maxLength: 12 })

describe('coverage', () => {
  it('pairedRows + notCompleted = benchmarkRows, in data units, under both duplicate rules', () => {
    fc.assert(
      fc.property(listing, listing, (benchmarkData, trainingData) => {
        const benchmark = project(
          'bench',
          benchmarkData.map((data) => row(data))
        )
        const training = project(
          'train',
          trainingData.map((data) => row(data))
        )
        const units = new Set(benchmarkData)
        for (const rule of ['last-row-wins', 'score-each-row'] as const) {
          const { coverage } = pairRows(benchmark, training, rule)
          expect(coverage.pairedRows + coverage.notCompleted).toBe(coverage.benchmarkRows)
          expect(coverage.benchmarkRows).toBe(units.size)
          expect(coverage.pairedRows).toBe(
            [...units].filter((data) => trainingData.includes(data)).length
          )
          expect(coverage.trainingRows).toBe(trainingData.length)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('a benchmark that lists a unit twice shows full coverage once the annotator did it', () => {
    const benchmark = project('bench', [row('d1'), row('d2'), row('d1')])
    const training = project('train', [row('d1'), row('d2')])
    expect(pairRows(benchmark, training).coverage).toEqual({
      benchmarkRows: 2,
      trainingRows: 2,
      pairedRows: 2,
      notCompleted: 0,
      unmatchedTrainingRows: 0
    })
  })

  it('the per-unit tallies hold one unit per scored data unit, empty ones included', () => {
    const car = (hash: string) => img(hash, 'carF', box(0.1, 0.1, 0.2, 0.2))
    const benchmark = project('bench', [
      row('d1', { objects: [car('b1')] }),
      row('d2'),
      row('d3', { objects: [car('b3')] })
    ])
    const training = project('train', [row('d2'), row('d1', { objects: [car('t1')] }), row('d2')])
    for (const method of ['one-to-one', 'encord-script'] as const) {
      const result = evaluateProject(benchmark, training, { method, iouThreshold: 0.5 })
      expect(result.units.units).toBe(result.coverage.pairedRows)
      expect(result.units.units).toBe(2)
    }
  })
})
