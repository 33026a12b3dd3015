import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { ObjectResult } from '../../src/evaluate/types.js'
import { limitWorstItems, WORST_ITEMS_KEPT, worstItems } from '../../src/results/worst-items.js'
import { evaluation, objectResult, ref, scriptRow } from '../report/builders.js'

describe('worstItems', () => {
  it('with one-to-one, keeps the first misses, extras and wrong classes and the lowest IoUs', () => {
    const objects = [
      objectResult({ iou: 0.9, dataTitle: 'm-0.9' }),
      objectResult({ status: 'missed', iou: null, training: null, dataTitle: 'miss-1' }),
      objectResult({ iou: 0.6, dataTitle: 'm-0.6-first' }),
      objectResult({ status: 'missed', iou: null, training: null, dataTitle: 'miss-2' }),
      objectResult({ status: 'missed', iou: null, training: null, dataTitle: 'miss-3' }),
      objectResult({ status: 'extra', iou: null, benchmark: null, dataTitle: 'extra-1' }),
      objectResult({ iou: 0.6, dataTitle: 'm-0.6-second' }),
      objectResult({
        status: 'wrong-class',
        iou: 0.7,
        benchmark: ref('person', 'b'),
        dataTitle: 'wrong-1'
      }),
      objectResult({ iou: 0.55, dataTitle: 'm-0.55' })
    ]
    const items = worstItems(evaluation({ objects }), 2)
    expect(items.map((item) => [item.kind, item.dataTitle])).toEqual([
      ['missed', 'miss-1'],
      ['missed', 'miss-2'],
      ['extra', 'extra-1'],
      ['wrong-class', 'wrong-1'],
      ['low-iou', 'm-0.55'],
      ['low-iou', 'm-0.6-first']
    ])
    expect(items[3]).toMatchObject({ trainingClass: 'car', benchmarkClass: 'person', iou: 0.7 })
  })

  it('with encord-script, keeps boxes with no match, with the wrong class and the lowest IoUs', () => {
    const scriptRows = [
      scriptRow({ iouScore: 0.9, dataUnitName: 'good' }),
      scriptRow({ iouScore: 0, classScore: 0, bestMatch: null, dataUnitName: 'none' }),
      scriptRow({
        iouScore: 0.4,
        classScore: 0,
        bestMatch: ref('truck', 't'),
        dataUnitName: 'wrong'
      }),
      scriptRow({ iouScore: 0.2, dataUnitName: 'low' })
    ]
    const items = worstItems(evaluation({ method: 'encord-script', scriptRows }), 1)
    expect(items.map((item) => [item.kind, item.dataTitle, item.frame])).toEqual([
      ['no-match', 'none', 0],
      ['wrong-class', 'wrong', 0],
      ['low-iou', 'low', 0]
    ])
  })

  it('returns nothing when asked for none', () => {
    expect(worstItems(evaluation({ objects: [objectResult({ status: 'missed' })] }), 0)).toEqual([])
  })
})

describe('limitWorstItems', () => {
  const status = fc.constantFrom('matched', 'wrong-class', 'missed', 'extra') as fc.Arbitrary<
    ObjectResult['status']
  >
  // Few distinct IoUs, so that ties (kept in result order) are common.
  const object = fc
    .tuple(status, fc.constantFrom(0.5, 0.6, 0.7, 0.9), fc.nat(1000))
    .map(([itemStatus, iou, id]) =>
      objectResult({
        status: itemStatus,
        iou: itemStatus === 'missed' || itemStatus === 'extra' ? null : iou,
        dataTitle: `item-${id}`
      })
    )

  it('picks from the kept items exactly what worstItems picks from every object', () => {
    fc.assert(
      fc.property(
        fc.array(object, { maxLength: 60 }),
        fc.integer({ min: 0, max: WORST_ITEMS_KEPT }),
        (objects, perKind) => {
          const kept = worstItems(evaluation({ objects }), WORST_ITEMS_KEPT)
          expect(limitWorstItems(kept, perKind)).toEqual(
            worstItems(evaluation({ objects }), perKind)
          )
        }
      ),
      { numRuns: 500 }
    )
  })
})
