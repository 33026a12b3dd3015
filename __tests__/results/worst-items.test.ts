import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { ObjectResult } from '../../src/evaluate/types.js'
import { editorLinkBase } from '../../src/results/editor-links.js'
import {
  balancedWorstItems,
  keptWorstItems,
  limitWorstItems,
  WORST_ITEMS_KEPT,
  worstItems
} from '../../src/results/worst-items.js'
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

describe('keptWorstItems', () => {
  const many = (status: ObjectResult['status'], count: number): ObjectResult[] =>
    Array.from({ length: count }, (_, index) =>
      objectResult({
        status,
        iou: status === 'missed' || status === 'extra' ? null : 0.5 + index / 1000,
        dataTitle: `${status}-${index}`
      })
    )

  it('keeps at most the total, taking the kinds in turn so one kind cannot crowd out the rest', () => {
    const objects = [...many('missed', 40), ...many('extra', 3), ...many('matched', 40)]
    const kept = keptWorstItems(evaluation({ objects }), 23)
    const count = (kind: string): number => kept.filter((item) => item.kind === kind).length
    expect(kept).toHaveLength(23)
    // 3 extras, then the 20 left shared by the misses and the low IoUs.
    expect([count('missed'), count('extra'), count('low-iou')]).toEqual([10, 3, 10])
    expect(limitWorstItems(kept, 5)).toEqual(worstItems(evaluation({ objects }), 5))
  })

  it('keeps the few of each kind the summary shows even when asked for fewer', () => {
    const objects = [...many('missed', 9), ...many('extra', 9)]
    const kept = keptWorstItems(evaluation({ objects }), 2)
    expect(kept).toEqual(worstItems(evaluation({ objects }), WORST_ITEMS_KEPT))
  })

  it("links each item to the annotator's frame and the benchmark's", () => {
    const training = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
    const benchmark = '11111111-2222-3333-4444-555555555555'
    const objects = [objectResult({ status: 'missed', dataHash: 'd-7', frame: 3 })]
    const links = editorLinkBase('https://app.encord.com', benchmark, training)
    const [item] = keptWorstItems(evaluation({ objects }), 200, links)
    expect(item).toMatchObject({
      dataHash: 'd-7',
      trainingUrl: `https://app.encord.com/label_editor/${training}/d-7/3`,
      benchmarkUrl: `https://app.encord.com/label_editor/${benchmark}/d-7/3`
    })
    const [unlinked] = keptWorstItems(evaluation({ objects }), 200)
    expect(unlinked).toMatchObject({ trainingUrl: null, benchmarkUrl: null })
  })
})

describe('balancedWorstItems', () => {
  it('takes the kinds in turn and keeps each kind in its order', () => {
    const objects = [
      ...Array.from({ length: 8 }, (_, index) =>
        objectResult({ status: 'missed', iou: null, training: null, dataTitle: `miss-${index}` })
      ),
      objectResult({ status: 'extra', iou: null, benchmark: null, dataTitle: 'extra-0' }),
      objectResult({ iou: 0.55, dataTitle: 'low-0' }),
      objectResult({ iou: 0.6, dataTitle: 'low-1' })
    ]
    const items = worstItems(evaluation({ objects }), 10)
    expect(balancedWorstItems(items, 5).map((item) => item.dataTitle)).toEqual([
      'miss-0',
      'miss-1',
      'extra-0',
      'low-0',
      'low-1'
    ])
    expect(balancedWorstItems(items, 0)).toEqual([])
    expect(balancedWorstItems(items, 100)).toEqual(items)
  })
})
