import { describe, expect, it } from '@jest/globals'
import { addTallies, emptyTally, scoresOf } from '../../src/evaluate/metrics.js'

describe('scores from tallies', () => {
  const tally = {
    ...emptyTally(),
    benchmarkObjects: 10,
    trainingObjects: 8,
    truePositives: 6,
    wrongClass: 1,
    missed: 3,
    extra: 1,
    iouSum: 5.6,
    attributesAgreeing: 9,
    attributesCompared: 12,
    classificationScore: 2.5,
    classificationsCompared: 4
  }

  it('derives every score from the counts', () => {
    expect(scoresOf(tally)).toEqual({
      precision: 6 / 8,
      recall: 6 / 10,
      f1: 12 / 18, // 2·TP / (benchmark + training) = harmonic mean of 0.75 and 0.6
      meanIou: 5.6 / 7,
      classAccuracy: 6 / 7,
      attributeAccuracy: 9 / 12,
      classificationAccuracy: 2.5 / 4
    })
  })

  it('gives null, not 0, when there is nothing to measure', () => {
    expect(scoresOf(emptyTally())).toEqual({
      precision: null,
      recall: null,
      f1: null,
      meanIou: null,
      classAccuracy: null,
      attributeAccuracy: null,
      classificationAccuracy: null
    })
    // Nothing labelled: recall is 0 (all missed) but precision has no denominator.
    expect(scoresOf({ ...emptyTally(), benchmarkObjects: 2, missed: 2 })).toMatchObject({
      precision: null,
      recall: 0,
      f1: null
    })
  })

  it('leaves precision, recall and F1 out for the script method, which cannot see misses', () => {
    expect(scoresOf(tally, 'encord-script')).toMatchObject({
      precision: null,
      recall: null,
      f1: null,
      classAccuracy: 6 / 7
    })
  })

  it('adds tallies field by field, so scores can be derived for any grouping', () => {
    const total = addTallies(tally, tally, emptyTally())
    expect(total.truePositives).toBe(12)
    expect(total.iouSum).toBeCloseTo(11.2, 12)
    expect(scoresOf(total).precision).toBe(0.75)
  })
})
