import { describe, expect, it } from '@jest/globals'
import { evaluateProjectWith } from '../../src/evaluate/engine.js'
import type { ObjectResult, ProjectEvaluation } from '../../src/evaluate/types.js'
import {
  BOX_GEOMETRY,
  at,
  box,
  checklist,
  during,
  img,
  numeric,
  obj,
  project,
  radio,
  rectPolygon,
  row,
  text
} from './builders.js'
import type { LabelRow } from '../../src/labels/model.js'

const OPTIONS = { method: 'one-to-one', iouThreshold: 0.5 } as const

function evaluate(
  benchmark: LabelRow[],
  training: LabelRow[],
  iouThreshold = 0.5
): ProjectEvaluation {
  return evaluateProjectWith(
    project('bench', benchmark),
    project('train', training),
    { ...OPTIONS, iouThreshold },
    BOX_GEOMETRY
  )
}

/** The parts of an object result a reader checks: status, classes, similarity, frame. */
function summary(r: ObjectResult): [string, string | null, string | null, number | null, number] {
  return [
    r.status,
    r.benchmark?.objectHash ?? null,
    r.training?.objectHash ?? null,
    r.iou === null ? null : Math.round(r.iou * 1e9) / 1e9,
    r.frame
  ]
}

describe('one-to-one on one image', () => {
  // Benchmark: B1 Car (0.1,0.1,0.2,0.2), B2 Car (0.5,0.5,0.2,0.2), B3 Truck (0.1,0.6,0.2,0.2).
  // Training:  T1 Car (0.1,0.1,0.2,0.15): IoU with B1 = 0.03 / 0.04 = 0.75 → true positive;
  //            T2 Truck identical to B2: IoU 1, other class → wrong class;
  //            T3 Car (0.8,0.1,0.1,0.1): overlaps nothing → extra; B3 → missed.
  const benchmark = [
    row('d1', {
      objects: [
        img('B1', 'carF', box(0.1, 0.1, 0.2, 0.2)),
        img('B2', 'carF', box(0.5, 0.5, 0.2, 0.2)),
        img('B3', 'truckF', box(0.1, 0.6, 0.2, 0.2))
      ]
    })
  ]
  const training = [
    row('d1', {
      objects: [
        img('T1', 'carF', box(0.1, 0.1, 0.2, 0.15), 'alice@x.io'),
        img('T2', 'truckF', box(0.5, 0.5, 0.2, 0.2), 'alice@x.io'),
        img('T3', 'carF', box(0.8, 0.1, 0.1, 0.1), 'bob@x.io')
      ]
    })
  ]
  const result = evaluate(benchmark, training)

  it('tells a true positive, a wrong class, a miss and an extra apart', () => {
    expect(result.objects.map(summary)).toEqual([
      ['matched', 'B1', 'T1', 0.75, 0],
      ['wrong-class', 'B2', 'T2', 1, 0],
      ['missed', 'B3', null, null, 0],
      ['extra', null, 'T3', null, 0]
    ])
    const [tp] = result.objects
    expect(tp?.training?.createdBy).toBe('alice@x.io')
    expect(tp?.labelHash).toBe('label-d1')
    expect(tp?.shape).toBe('bounding_box')
  })

  it('derives the overall scores from the counts', () => {
    const o = result.overall
    expect([
      o.benchmarkObjects,
      o.trainingObjects,
      o.truePositives,
      o.wrongClass,
      o.missed,
      o.extra
    ]).toEqual([3, 3, 1, 1, 1, 1])
    expect(o.precision).toBeCloseTo(1 / 3, 12)
    expect(o.recall).toBeCloseTo(1 / 3, 12)
    expect(o.f1).toBeCloseTo(1 / 3, 12)
    expect(o.meanIou).toBeCloseTo((0.75 + 1) / 2, 12)
    expect(o.classAccuracy).toBe(0.5)
    expect(o.attributeAccuracy).toBeNull()
    expect(o.classificationAccuracy).toBeNull()
  })

  it('keys wrong class and misses by the benchmark class, extras and training counts by the training class', () => {
    const car = result.perClass.find((c) => c.className === 'Car')
    const truck = result.perClass.find((c) => c.className === 'Truck')
    // Car: benchmark B1, B2; training T1, T3; TP B1-T1; B2 paired with a Truck; T3 extra.
    expect(car).toMatchObject({ benchmarkObjects: 2, trainingObjects: 2, truePositives: 1 })
    expect(car).toMatchObject({ wrongClass: 1, missed: 0, extra: 1, precision: 0.5, recall: 0.5 })
    expect(car?.iouSum).toBeCloseTo(1.75, 12)
    // Truck: benchmark B3 (missed); training T2 (labelled Truck, but on a Car).
    expect(truck).toMatchObject({ benchmarkObjects: 1, trainingObjects: 1, truePositives: 0 })
    expect(truck).toMatchObject({ missed: 1, precision: 0, recall: 0, f1: 0, meanIou: null })
    expect(result.perClass.map((c) => c.featureHash)).toEqual(['carF', 'truckF'])
  })

  it('fills the confusion matrix with "no object" on the missing side', () => {
    expect(result.confusion).toEqual([
      { benchmark: 'Car', training: 'Car', count: 1 },
      { benchmark: 'Car', training: 'Truck', count: 1 },
      { benchmark: 'Truck', training: null, count: 1 },
      { benchmark: null, training: 'Car', count: 1 }
    ])
  })

  it('names the annotator after the creator of most annotations and lists everyone', () => {
    expect(result.annotator).toBe('alice@x.io')
    expect(result.contributors).toEqual([
      { email: 'alice@x.io', annotations: 2 },
      { email: 'bob@x.io', annotations: 1 }
    ])
  })
})

describe('the IoU threshold', () => {
  // B (0,0,0.2,0.2) area 0.04; T (0,0,0.2,0.1) inside it: IoU = 0.02 / 0.04 = 0.5.
  const benchmark = [row('d1', { objects: [img('B', 'carF', box(0, 0, 0.2, 0.2))] })]
  const training = [row('d1', { objects: [img('T', 'carF', box(0, 0, 0.2, 0.1))] })]

  it('matches a pair whose similarity equals the threshold', () => {
    expect(evaluate(benchmark, training, 0.5).objects.map((r) => r.status)).toEqual(['matched'])
  })

  it('turns a pair below the threshold into a miss and an extra', () => {
    expect(evaluate(benchmark, training, 0.6).objects.map((r) => r.status)).toEqual([
      'missed',
      'extra'
    ])
  })

  it('never matches boxes that do not overlap, even at threshold 0', () => {
    const apart = [row('d1', { objects: [img('T', 'carF', box(0.5, 0.5, 0.1, 0.1))] })]
    expect(evaluate(benchmark, apart, 0).objects.map((r) => r.status)).toEqual(['missed', 'extra'])
  })
})

describe('optimal assignment', () => {
  it('prefers two matches to the single best pair, where greedy matching would find one', () => {
    // All boxes have the same y and height, so IoU is the overlap of their x intervals:
    // B1 [0,0.5], B2 [0.15,0.5]; T1 [0.05,0.5], T2 [0,0.3].
    // T1-B1 0.45/0.5 = 0.9 (the best pair), T1-B2 0.35/0.45 ≈ 0.778, T2-B1 0.3/0.5 = 0.6,
    // T2-B2 0.15/0.5 = 0.3 (below 0.5). Greedy takes T1-B1 and leaves T2 unmatched; the optimum
    // is T1-B2 + T2-B1 (total ≈ 1.378 > 0.9).
    const benchmark = [
      row('d1', {
        objects: [
          img('B1', 'carF', box(0, 0, 0.5, 0.2)),
          img('B2', 'carF', box(0.15, 0, 0.35, 0.2))
        ]
      })
    ]
    const training = [
      row('d1', {
        objects: [
          img('T1', 'carF', box(0.05, 0, 0.45, 0.2)),
          img('T2', 'carF', box(0, 0, 0.3, 0.2))
        ]
      })
    ]
    expect(evaluate(benchmark, training).objects.map(summary)).toEqual([
      ['matched', 'B1', 'T2', 0.6, 0],
      ['matched', 'B2', 'T1', 0.777777778, 0]
    ])
  })

  it('matches the same class first, then leaves the wrong class for the second pass', () => {
    // B Car and T1 Truck identical (IoU 1); T2 Car covers B at IoU 0.5. Same class first: B-T2
    // is a true positive, T1 is an extra — not a wrong class that would leave T2 extra.
    const benchmark = [row('d1', { objects: [img('B', 'carF', box(0, 0, 0.2, 0.2))] })]
    const training = [
      row('d1', {
        objects: [img('T1', 'truckF', box(0, 0, 0.2, 0.2)), img('T2', 'carF', box(0, 0, 0.2, 0.1))]
      })
    ]
    expect(evaluate(benchmark, training).objects.map(summary)).toEqual([
      ['matched', 'B', 'T2', 0.5, 0],
      ['extra', null, 'T1', null, 0]
    ])
  })
})

describe('videos', () => {
  // A Car track on frames 0–3 in the benchmark. The annotator's track is exact on frame 0,
  // 0.75 on frame 1, elsewhere on frame 2 and absent on frame 3.
  const goldBox = box(0.1, 0.1, 0.2, 0.2)
  const benchmark = [
    row('v1', {
      dataType: 'video',
      frames: 4,
      title: 'clip.mp4',
      objects: [
        obj('BV', 'carF', [at(0, goldBox), at(1, goldBox), at(2, goldBox), at(3, goldBox)], {
          static: [radio('colourA', 'redO')],
          dynamic: [during(radio('movingA', 'yesO'), [0, 3])]
        })
      ]
    })
  ]
  const training = [
    row('v1', {
      dataType: 'video',
      frames: 4,
      title: 'clip.mp4',
      objects: [
        obj(
          'TV',
          'carF',
          [at(0, goldBox), at(1, box(0.1, 0.1, 0.2, 0.15)), at(2, box(0.7, 0.7, 0.1, 0.1))],
          {
            static: [radio('colourA', 'redO')],
            dynamic: [
              during(radio('movingA', 'yesO'), [0, 0]),
              during(radio('movingA', 'noO'), [1, 3])
            ]
          }
        )
      ]
    })
  ]
  const result = evaluate(benchmark, training)

  it('scores every frame of a track: right on some frames, missed on others', () => {
    expect(result.objects.map(summary)).toEqual([
      ['matched', 'BV', 'TV', 1, 0],
      ['matched', 'BV', 'TV', 0.75, 1],
      ['missed', 'BV', null, null, 2],
      ['extra', null, 'TV', null, 2],
      ['missed', 'BV', null, null, 3]
    ])
    expect(result.overall).toMatchObject({
      benchmarkObjects: 4,
      trainingObjects: 3,
      truePositives: 2,
      missed: 2,
      extra: 1
    })
    expect(result.overall.precision).toBeCloseTo(2 / 3, 12)
    expect(result.overall.recall).toBe(0.5)
  })

  it('compares static answers and the dynamic answers that cover each frame', () => {
    // Frame 0: Colour Red = Red, Moving Yes = Yes → 2/2. Frame 1: Colour agrees, Moving Yes ≠ No.
    const [frame0, frame1] = result.objects
    expect(frame0?.attributeAgreement).toBe(1)
    expect(frame0?.attributeMismatches).toEqual([])
    expect(frame1?.attributeAgreement).toBe(0.5)
    expect(frame1?.attributeMismatches).toEqual(['Moving'])
    expect(result.overall).toMatchObject({ attributesAgreeing: 3, attributesCompared: 4 })
    expect(result.overall.attributeAccuracy).toBe(0.75)
  })
})

describe('image groups', () => {
  // Frame = the image's data_sequence. Object G spans images 0 and 1 in the benchmark.
  const sizes: [number, { width: number; height: number }][] = [
    [0, { width: 100, height: 100 }],
    [1, { width: 640, height: 480 }],
    [2, { width: 50, height: 80 }]
  ]
  const benchmark = [
    row('g1', {
      dataType: 'img_group',
      frames: 3,
      sizes,
      objects: [
        obj('G', 'carF', [at(0, box(0, 0, 0.5, 0.5)), at(1, box(0.5, 0.5, 0.5, 0.5))]),
        obj('H', 'truckF', [at(2, box(0.2, 0.2, 0.2, 0.2))])
      ]
    })
  ]
  const training = [
    row('g1', {
      dataType: 'img_group',
      frames: 3,
      sizes,
      objects: [
        // Image 0: 0.5×0.25 inside 0.5×0.5 → IoU 0.5. Image 1: the Car was labelled as a Truck.
        obj('U', 'carF', [at(0, box(0, 0, 0.5, 0.25))]),
        obj('V', 'truckF', [at(1, box(0.5, 0.5, 0.5, 0.5)), at(2, box(0.8, 0.8, 0.1, 0.1))])
      ]
    })
  ]

  it('matches image by image and passes each image its own pixel size', () => {
    const seen: (number | undefined)[] = []
    const result = evaluateProjectWith(project('b', benchmark), project('t', training), OPTIONS, {
      ...BOX_GEOMETRY,
      similarity: (a, b, size) => {
        seen.push(size?.width)
        return BOX_GEOMETRY.similarity(a, b, size)
      }
    })
    expect(result.objects.map(summary)).toEqual([
      ['matched', 'G', 'U', 0.5, 0],
      ['wrong-class', 'G', 'V', 1, 1],
      ['missed', 'H', null, null, 2],
      ['extra', null, 'V', null, 2]
    ])
    expect(new Set(seen)).toEqual(new Set([100, 640]))
  })
})

describe('attributes on true positives', () => {
  const gold = {
    static: [
      radio('colourA', 'redO'),
      // The web UI may write one entry per ticked option: they are one answer.
      checklist('damageA', 'dentO'),
      checklist('damageA', 'scratchO'),
      text('plateA', 'AB-123'),
      numeric('seatsA', 5)
    ]
  }

  function agreement(trainingAnswers: Parameters<typeof obj>[3]): ObjectResult | undefined {
    const benchmark = [
      row('d1', { objects: [obj('B', 'carF', [at(0, box(0, 0, 0.2, 0.2))], gold)] })
    ]
    const training = [
      row('d1', { objects: [obj('T', 'carF', [at(0, box(0, 0, 0.2, 0.2))], trainingAnswers)] })
    ]
    return evaluate(benchmark, training).objects[0]
  }

  it('agrees when every answer is the same (checklist as a set, text trimmed)', () => {
    const r = agreement({
      static: [
        radio('colourA', 'redO'),
        checklist('damageA', 'scratchO', 'dentO'),
        text('plateA', ' AB-123 '),
        numeric('seatsA', 5)
      ]
    })
    expect(r?.attributeAgreement).toBe(1)
    expect(r?.attributeMismatches).toEqual([])
  })

  it('names each disagreeing attribute, counting one answered on one side only as a mismatch', () => {
    // Colour Blue ≠ Red; Damage {Dent} ≠ {Dent, Scratch}; Plate agrees; Seats unanswered.
    const r = agreement({
      static: [radio('colourA', 'blueO'), checklist('damageA', 'dentO'), text('plateA', 'AB-123')]
    })
    expect(r?.attributeAgreement).toBe(1 / 4)
    expect(r?.attributeMismatches).toEqual(['Colour', 'Damage', 'Seats'])
  })

  it('reports no agreement when neither side answered anything', () => {
    const benchmark = [row('d1', { objects: [img('B', 'carF', box(0, 0, 0.2, 0.2))] })]
    const training = [row('d1', { objects: [img('T', 'carF', box(0, 0, 0.2, 0.2))] })]
    const r = evaluate(benchmark, training).objects[0]
    expect(r?.attributeAgreement).toBeNull()
  })

  it('does not compare attributes across classes', () => {
    const benchmark = [
      row('d1', { objects: [obj('B', 'carF', [at(0, box(0, 0, 0.2, 0.2))], gold)] })
    ]
    const training = [row('d1', { objects: [img('T', 'truckF', box(0, 0, 0.2, 0.2))] })]
    const result = evaluate(benchmark, training)
    expect(result.objects[0]).toMatchObject({ status: 'wrong-class', attributeAgreement: null })
    expect(result.overall.attributesCompared).toBe(0)
  })
})

describe('coverage', () => {
  // Benchmark: d1, d2, d3 (d2 and d3 have objects). Training: d1 and dX (not in the benchmark).
  const benchmark = [
    row('d1', { objects: [img('B1', 'carF', box(0, 0, 0.2, 0.2))] }),
    row('d2', { objects: [img('B2', 'carF', box(0, 0, 0.2, 0.2))] }),
    row('d3', { objects: [img('B3', 'carF', box(0, 0, 0.2, 0.2))] })
  ]
  const training = [
    row('dX', { objects: [img('TX', 'carF', box(0, 0, 0.2, 0.2))] }),
    row('d1', { objects: [img('T1', 'carF', box(0, 0, 0.2, 0.2))] })
  ]
  const result = evaluate(benchmark, training)

  it('reports benchmark rows the annotator has not completed without counting them as missed', () => {
    expect(result.coverage).toEqual({
      benchmarkRows: 3,
      trainingRows: 2,
      pairedRows: 1,
      notCompleted: 2,
      unmatchedTrainingRows: 1
    })
    expect(result.overall).toMatchObject({
      benchmarkObjects: 1,
      truePositives: 1,
      missed: 0,
      extra: 0
    })
    expect(result.overall.recall).toBe(1)
  })

  it('uses the last benchmark row listed for a data hash, as the script does', () => {
    const stale = row('d1', { objects: [img('OLD', 'carF', box(0.5, 0.5, 0.2, 0.2))] })
    const withDuplicate = evaluate([stale, ...benchmark], training)
    expect(withDuplicate.objects.map(summary)).toEqual([['matched', 'B1', 'T1', 1, 0]])
    expect(withDuplicate.coverage.notCompleted).toBe(2)
    expect(withDuplicate.notes.join(' ')).toMatch(/last row listed is used/)
  })

  it('scores a data unit the training stage lists more than once from its last row only', () => {
    const stale = row('d1', { objects: [img('OLD', 'carF', box(0.5, 0.5, 0.2, 0.2))] })
    const twice = evaluate(benchmark, [stale, stale, ...training])
    expect(twice.objects.map(summary)).toEqual(result.objects.map(summary))
    expect(twice.notes.join(' ')).toMatch(
      /lists 2 extra rows for data it already has; for each data unit the last row listed is scored and the 2 earlier ones were dropped/
    )
    // Listed last, the stale row is the one scored.
    const staleLast = evaluate(benchmark, [...training, stale])
    expect(staleLast.objects.map(summary)).toContainEqual(['extra', null, 'OLD', null, 0])
  })

  it('treats a never-labelled training row as empty: everything on it is missed', () => {
    const empty = row('d1', { labelHash: null })
    const result = evaluate(benchmark, [empty])
    expect(result.objects.map((r) => r.status)).toEqual(['missed'])
    expect(result.objects[0]?.labelHash).toBeNull()
    expect(result.notes.join(' ')).toMatch(/never labelled/)
  })
})

describe('shapes', () => {
  it('matches rectangles drawn as polygons like boxes; a box on a polygon of another class is a wrong class', () => {
    // P Person polygon (0,0,0.2,0.2) vs Q Person polygon (0,0,0.2,0.1): IoU 0.5, a true positive.
    // C Car box vs D Person polygon on the same rectangle: both are areas, IoU 1, a wrong class.
    // Results come per frame in object-hash order (C before P).
    const benchmark = [
      row('d1', {
        objects: [
          img('P', 'personF', rectPolygon(0, 0, 0.2, 0.2)),
          img('C', 'carF', box(0.5, 0.5, 0.2, 0.2))
        ]
      })
    ]
    const training = [
      row('d1', {
        objects: [
          img('Q', 'personF', rectPolygon(0, 0, 0.2, 0.1)),
          img('D', 'personF', rectPolygon(0.5, 0.5, 0.2, 0.2))
        ]
      })
    ]
    const result = evaluate(benchmark, training)
    expect(result.objects.map(summary)).toEqual([
      ['wrong-class', 'C', 'D', 1, 0],
      ['matched', 'P', 'Q', 0.5, 0]
    ])
    expect(result.objects.map((r) => r.shape)).toEqual(['bounding_box', 'polygon'])
  })

  it('skips objects of unscored shapes and says so, per side', () => {
    const unscored = (audio: number): { objectsByShape: { audio: number } } => ({
      objectsByShape: { audio }
    })
    const benchmark = [
      row('d1', { objects: [img('B', 'carF', box(0, 0, 0.2, 0.2))], unscored: unscored(2) })
    ]
    const training = [
      row('d1', { objects: [img('T', 'carF', box(0, 0, 0.2, 0.2))], unscored: unscored(1) })
    ]
    const notes = evaluate(benchmark, training).notes.join('\n')
    expect(notes).toContain(
      'Objects of shapes this tool does not score were left out (benchmark: 2 (2 audio); training: 1 (1 audio))'
    )
  })
})
