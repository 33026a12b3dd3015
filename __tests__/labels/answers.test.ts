import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mergeChecklistRanges } from '../../src/labels/answers.js'
import { toLabelRow } from '../../src/labels/convert.js'
import { CONTEXT, fixture, metadata, ontology } from './fixtures.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are mutated as plain JSON */
type Json = any

function carAnswers(answers: unknown[], actions: unknown[] = []) {
  const json: Json = fixture('video')
  json.object_answers.carTrk01.classifications = answers
  json.object_actions.carTrk01.actions = actions
  const row = toLabelRow(json, metadata({ dataType: 'video' }), ontology, CONTEXT)
  const car = row.objects[0]
  return { staticAnswers: car?.staticAnswers, dynamicAnswers: car?.dynamicAnswers }
}

describe('attribute answers', () => {
  it('ignores a radio answer with zero or two options, and null answers', () => {
    expect(
      carAnswers([
        { featureHash: 'colAttr1', answers: [] },
        {
          featureHash: 'shadeAt1',
          answers: [{ featureHash: 'lightOpt' }, { featureHash: 'darkOpt1' }]
        },
        { featureHash: 'plateAtt', answers: null }
      ]).staticAnswers
    ).toEqual([])
  })

  it('lets a later answer to the same radio or text attribute replace an earlier one', () => {
    expect(
      carAnswers([
        { featureHash: 'colAttr1', answers: [{ featureHash: 'redOpt01' }] },
        { featureHash: 'plateAtt', answers: 'OLD' },
        { featureHash: 'colAttr1', answers: [{ featureHash: 'blueOpt1' }] },
        { featureHash: 'plateAtt', answers: 'NEW' }
      ]).staticAnswers
    ).toEqual([
      { attributeHash: 'colAttr1', answer: { type: 'radio', option: 'blueOpt1' } },
      { attributeHash: 'plateAtt', answer: { type: 'text', text: 'NEW' } }
    ])
  })

  it('merges checklist dicts without repeating an option', () => {
    expect(
      carAnswers([
        { featureHash: 'tagsAttr', answers: [{ featureHash: 'parkOpt1' }] },
        {
          featureHash: 'tagsAttr',
          answers: [{ featureHash: 'damgOpt1' }, { featureHash: 'parkOpt1' }]
        }
      ]).staticAnswers
    ).toEqual([
      {
        attributeHash: 'tagsAttr',
        answer: { type: 'checklist', options: ['parkOpt1', 'damgOpt1'] }
      }
    ])
  })

  it('lets the ontology decide what is dynamic, whichever list the answer is in', () => {
    const { staticAnswers, dynamicAnswers } = carAnswers(
      [{ featureHash: 'movAttr1', range: [[0, 0]], answers: [{ featureHash: 'movNo001' }] }],
      [{ featureHash: 'plateAtt', range: [[0, 7]], answers: 'XY-99', trackHash: null }]
    )
    expect(staticAnswers).toEqual([
      { attributeHash: 'plateAtt', answer: { type: 'text', text: 'XY-99' } }
    ])
    expect(dynamicAnswers).toEqual([
      { attributeHash: 'movAttr1', answer: { type: 'radio', option: 'movNo001' }, ranges: [[0, 0]] }
    ])
  })

  it('rejects a dynamic range that ends before it starts', () => {
    expect(() =>
      carAnswers(
        [],
        [{ featureHash: 'movAttr1', range: [[5, 2]], answers: [{ featureHash: 'movNo001' }] }]
      )
    ).toThrow(
      'object carTrk01: range [5, 2] ends before it starts (at object_actions.carTrk01.actions[0].range[0];'
    )
  })

  it('reads a bitmask written on the object itself by very old labels', () => {
    const json: Json = fixture('image')
    const sky = json.data_units['du-image-1'].labels.objects[6]
    Object.assign(sky, sky.bitmask)
    delete sky.bitmask
    const row = toLabelRow(json, metadata({ dataType: 'image' }), ontology, CONTEXT)
    expect(row.objects.find((o) => o.objectHash === 'skyObj01')?.annotations[0]?.geometry).toEqual({
      type: 'bitmask',
      top: 0,
      left: 0,
      width: 4,
      height: 3,
      rle: '22104'
    })
  })
})

describe('mergeChecklistRanges', () => {
  it('gathers pieces that hold the same options, joining adjacent ones', () => {
    // a on 0–9, b on 2–3 and 6–7: {a} holds on 0–1, 4–5, 8–9; {a, b} on 2–3 and 6–7.
    expect(
      mergeChecklistRanges([
        { ranges: [[0, 9]], options: ['a'] },
        {
          ranges: [
            [2, 3],
            [6, 7]
          ],
          options: ['b']
        }
      ])
    ).toEqual([
      {
        ranges: [
          [0, 1],
          [4, 5],
          [8, 9]
        ],
        options: ['a']
      },
      {
        ranges: [
          [2, 3],
          [6, 7]
        ],
        options: ['a', 'b']
      }
    ])
    expect(
      mergeChecklistRanges([
        { ranges: [[0, 2]], options: ['a'] },
        { ranges: [[3, 4]], options: ['a'] }
      ])
    ).toEqual([{ ranges: [[0, 4]], options: ['a'] }])
  })

  it('gives every frame exactly the union of the options ticked on it', () => {
    const option = fc.constantFrom('a', 'b', 'c')
    const range = fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }))
      .map(([start, length]): [number, number] => [start, start + length])
    const entry = fc.record({
      ranges: fc.array(range, { minLength: 1, maxLength: 3 }),
      options: fc.uniqueArray(option, { minLength: 1, maxLength: 3 })
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const merged = mergeChecklistRanges(entries)
        for (let frame = 0; frame <= 36; frame++) {
          const expected = new Set(
            entries
              .filter((e) => e.ranges.some(([s, t]) => s <= frame && frame <= t))
              .flatMap((e) => e.options)
          )
          const holding = merged.filter((m) => m.ranges.some(([s, t]) => s <= frame && frame <= t))
          if (expected.size === 0) expect(holding).toEqual([])
          else {
            expect(holding).toHaveLength(1)
            expect(new Set(holding[0]?.options)).toEqual(expected)
          }
        }
      })
    )
  })
})
