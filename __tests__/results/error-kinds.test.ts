import { describe, expect, it } from '@jest/globals'
import type { ClassificationResult } from '../../src/evaluate/types.js'
import { errorSummary } from '../../src/results/error-kinds.js'
import { evaluation, objectResult, ref, scriptRow } from '../report/builders.js'

function classification(name: string, score: number): ClassificationResult {
  return {
    dataHash: 'data-1',
    dataTitle: 'image-1.jpg',
    frame: 0,
    featureHash: `feature-${name}`,
    name,
    score,
    benchmarkAnswer: 'a',
    trainingAnswer: score === 1 ? 'a' : 'b'
  }
}

const pedestrian = ref('Pedestrian', 'b-1')
const cyclist = { ...ref('Cyclist', 't-1'), createdBy: 'alice@example.com' }

describe('errorSummary', () => {
  it('counts each kind of error by what it is about, most frequent first', () => {
    const objects = [
      // Pedestrian labelled as Cyclist, 3 times.
      ...Array.from({ length: 3 }, () =>
        objectResult({ status: 'wrong-class', iou: 0.8, benchmark: pedestrian, training: cyclist })
      ),
      // Two missed cars, one extra cyclist.
      objectResult({ status: 'missed', iou: null, training: null }),
      objectResult({ status: 'missed', iou: null, training: null }),
      objectResult({ status: 'extra', iou: null, benchmark: null, training: cyclist }),
      // Matches: one below low-iou 0.7, one exactly at it (not low), one with two wrong attributes.
      objectResult({ iou: 0.69 }),
      objectResult({ iou: 0.7 }),
      objectResult({ iou: 0.95, attributeMismatches: ['occluded', 'colour'] }),
      // A wrong class below low-iou is a wrong class, not also a low overlap.
      objectResult({ status: 'wrong-class', iou: 0.5, benchmark: pedestrian, training: cyclist })
    ]
    const classifications = [
      classification('Weather', 0),
      classification('Weather', 0.5),
      classification('Weather', 1),
      classification('Time of day', 1)
    ]
    const summary = errorSummary(evaluation({ objects, classifications }), 0.7)
    expect(summary.totals).toEqual({
      missed: 2,
      extra: 1,
      'wrong-class': 4,
      'low-overlap': 1,
      attribute: 2,
      classification: 2
    })
    expect(summary.counts).toEqual([
      { kind: 'wrong-class', subject: 'Pedestrian', given: 'Cyclist', count: 4 },
      { kind: 'missed', subject: 'car', given: null, count: 2 },
      { kind: 'classification', subject: 'Weather', given: null, count: 2 },
      { kind: 'extra', subject: 'Cyclist', given: null, count: 1 },
      { kind: 'low-overlap', subject: 'car', given: null, count: 1 },
      { kind: 'attribute', subject: 'colour', given: null, count: 1 },
      { kind: 'attribute', subject: 'occluded', given: null, count: 1 }
    ])
  })

  it('with encord-script, counts boxes with no match as extra, wrong classes and low IoUs', () => {
    const scriptRows = [
      scriptRow({ iouScore: 0, classScore: 0, bestMatch: null }),
      scriptRow({ iouScore: 0.8, classScore: 0, bestMatch: ref('truck', 'b-2') }),
      scriptRow({ iouScore: 0.4 }),
      scriptRow({ iouScore: 0.9 })
    ]
    const summary = errorSummary(evaluation({ method: 'encord-script', scriptRows }), 0.7)
    expect(summary.counts).toEqual([
      { kind: 'extra', subject: 'car', given: null, count: 1 },
      { kind: 'wrong-class', subject: 'truck', given: 'car', count: 1 },
      { kind: 'low-overlap', subject: 'car', given: null, count: 1 }
    ])
  })

  it('finds nothing in a perfect project', () => {
    const summary = errorSummary(evaluation({ objects: [objectResult({ iou: 1 })] }), 0.7)
    expect(summary.counts).toEqual([])
    expect(Object.values(summary.totals).every((count) => count === 0)).toBe(true)
  })
})
