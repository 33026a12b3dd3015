import { describe, expect, it } from '@jest/globals'
import { trackingMetrics } from '../../../src/evaluate/tracking/index.js'
import { CAR, repeat, track, video } from './builders.js'

function overallOf(...args: Parameters<typeof trackingMetrics>) {
  const result = trackingMetrics(...args)
  if (result === null) throw new Error('expected tracking metrics')
  return result
}

describe('trackingMetrics: hand-computed cases', () => {
  it('is null without a video data unit', () => {
    expect(trackingMetrics([], CAR)).toBeNull()
  })

  it('a clean track: no switch, no fragmentation, MOTA = IDF1 = 1', () => {
    const { overall, events } = overallOf([video(repeat({ matches: [['A', 'X', 0.9]] }, 5))], CAR)
    expect(overall).toMatchObject({
      benchmarkInstances: 5,
      trainingInstances: 5,
      matches: 5,
      misses: 0,
      falsePositives: 0,
      idSwitches: 0,
      fragmentations: 0,
      idTruePositives: 5,
      benchmarkTracks: 1,
      trainingTracks: 1,
      mostlyTracked: 1,
      mota: 1,
      idf1: 1
    })
    expect(overall.motp).toBeCloseTo(0.9, 12)
    expect(events).toEqual([])
  })

  it('one swap between two tracks: 2 ID switches, IDF1 = 20 / 40 while every frame matches', () => {
    // Frames 0–4: A↔X, B↔Y; frames 5–9: A↔Y, B↔X. Each benchmark track switches once.
    // IDTP: the best one-to-one assignment (A–X, B–Y) agrees on 5 + 5 = 10 of 20 instances on
    // each side, so IDF1 = 2·10 / (2·10 + 10 + 10) = 0.5; MOTA = 1 − 2 / 20 = 0.9.
    const before = {
      matches: [
        ['A', 'X', 1],
        ['B', 'Y', 1]
      ] as [string, string, number][]
    }
    const after = {
      matches: [
        ['A', 'Y', 1],
        ['B', 'X', 1]
      ] as [string, string, number][]
    }
    const { overall, events } = overallOf([video([...repeat(before, 5), ...repeat(after, 5)])], CAR)
    expect(overall).toMatchObject({
      matches: 20,
      idSwitches: 2,
      fragmentations: 0,
      idTruePositives: 10,
      idFalseNegatives: 10,
      idFalsePositives: 10,
      idf1: 0.5,
      mota: 0.9,
      mostlyTracked: 2
    })
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'id-switch',
        benchmark: track('A'),
        fromFrame: 4,
        toFrame: 5,
        trainingBefore: track('X'),
        trainingAfter: track('Y')
      }),
      expect.objectContaining({
        kind: 'id-switch',
        benchmark: track('B'),
        fromFrame: 4,
        toFrame: 5,
        trainingBefore: track('Y'),
        trainingAfter: track('X')
      })
    ])
  })

  it('a split track: one switch, IDF1 counts only the longer piece', () => {
    // A on frames 0–9; the annotator drew X on 0–5 and Y on 6–9. IDTP = 6 (A–X);
    // IDF1 = 12 / (12 + 4 + 4) = 0.6; MOTA = 1 − 1 / 10 = 0.9; two training tracks.
    const { overall } = overallOf(
      [
        video([
          ...repeat({ matches: [['A', 'X', 0.8]] }, 6),
          ...repeat({ matches: [['A', 'Y', 0.8]] }, 4)
        ])
      ],
      CAR
    )
    expect(overall).toMatchObject({
      idSwitches: 1,
      fragmentations: 0,
      idTruePositives: 6,
      trainingTracks: 2,
      idf1: 0.6,
      mota: 0.9
    })
  })

  it('a track missed in the middle: 1 fragmentation, no switch', () => {
    // A on frames 0–9, missed on 3–4: 8 of 10 matched (mostly tracked), MOTA = 1 − 2 / 10.
    // IDTP = 8; IDF1 = 16 / (16 + 0 + 2) = 8 / 9.
    const { overall, events } = overallOf(
      [
        video([
          ...repeat({ matches: [['A', 'X', 0.7]] }, 3),
          ...repeat({ missed: ['A'] }, 2),
          ...repeat({ matches: [['A', 'X', 0.7]] }, 5)
        ])
      ],
      CAR
    )
    expect(overall).toMatchObject({
      misses: 2,
      idSwitches: 0,
      fragmentations: 1,
      mostlyTracked: 1,
      mota: 0.8,
      idf1: 8 / 9
    })
    expect(events).toEqual([
      expect.objectContaining({ kind: 'fragmented', fromFrame: 2, toFrame: 5 })
    ])
  })

  it('a track lost at the end is not a fragmentation', () => {
    const { overall } = overallOf(
      [video([{ matches: [['A', 'X', 1]] }, { missed: ['A'] }, { missed: ['A'] }])],
      CAR
    )
    expect(overall).toMatchObject({ fragmentations: 0, misses: 2, partiallyTracked: 1 })
  })

  it('a track of the wrong class: every instance a miss and a false positive', () => {
    // The per-frame matching pairs A (car) with X (truck): a wrong class, so for tracking A is
    // missed and X is extra on each of its 4 frames. MOTA = 1 − (4 + 4) / 4 = −1; IDF1 = 0.
    const classes = [...CAR, { featureHash: 'f-truck', className: 'truck' }]
    const frames = repeat({}, 4).map((_, frame) => ({
      frame,
      matches: [],
      missed: [track('A', 'car')],
      extra: [track('X', 'truck')],
      candidates: []
    }))
    const result = overallOf([{ dataHash: 'v', dataTitle: 'v.mp4', frames }], classes)
    expect(result.overall).toMatchObject({
      benchmarkInstances: 4,
      trainingInstances: 4,
      misses: 4,
      falsePositives: 4,
      mota: -1,
      idf1: 0,
      mostlyLost: 1
    })
    expect(result.perClass.map((c) => [c.className, c.mota, c.idf1])).toEqual([
      // Per class the miss is the car's and the false positive the truck's.
      ['car', 0, 0],
      ['truck', null, 0]
    ])
  })

  it('sums classes and videos into the overall counts; a track is per data unit', () => {
    const a = video(repeat({ matches: [['A', 'X', 1]] }, 2), 'car', 'v1')
    // The same object hashes in another video are other tracks: no switch between videos.
    const b = video(repeat({ matches: [['A', 'Y', 1]] }, 2), 'car', 'v2')
    const { overall } = overallOf([a, b], CAR)
    expect(overall).toMatchObject({ idSwitches: 0, benchmarkTracks: 2, idTruePositives: 4 })
  })
})

describe('trackingMetrics: the py-motmetrics documentation example, number for number', () => {
  // The example's three frames, with distances d turned into similarities 1 − d and every finite
  // distance a candidate pair (no maximum distance is set there). The per-frame matches are the
  // ones the example's event table lists: frame 0 a–1 and b–2 (3 is a false alarm), frame 1 a–1
  // (b is missed), frame 2 a–1 and b–3 (b switches from 2 to 3).
  const full = video([
    {
      matches: [
        ['a', '1', 1 - 0.1],
        ['b', '2', 1 - 0.2]
      ],
      extra: ['3'],
      alsoCandidates: [
        ['a', '3', 1 - 0.3],
        ['b', '1', 1 - 0.5],
        ['b', '3', 1 - 0.3]
      ]
    },
    { matches: [['a', '1', 1 - 0.2]], missed: ['b'], alsoCandidates: [['b', '1', 1 - 0.4]] },
    {
      matches: [
        ['a', '1', 1 - 0.6],
        ['b', '3', 1 - 0.6]
      ],
      alsoCandidates: [
        ['a', '3', 1 - 0.2],
        ['b', '1', 1 - 0.1]
      ]
    }
  ])

  it("'full' (3 frames): IDF1 83.3 %, GT 2, MT 1, PT 1, ML 0, FP 1, FN 1, IDs 1, FM 1, MOTA 50 %, MOTP 0.340", () => {
    const { overall } = overallOf([full], CAR)
    expect(overall.idf1).toBeCloseTo(0.833, 3)
    expect(overall.idPrecision).toBeCloseTo(0.833, 3)
    expect(overall.idRecall).toBeCloseTo(0.833, 3)
    expect(overall.matches / overall.benchmarkInstances).toBeCloseTo(0.833, 3) // Rcll
    expect(overall.matches / overall.trainingInstances).toBeCloseTo(0.833, 3) // Prcn
    expect(overall).toMatchObject({
      benchmarkTracks: 2,
      mostlyTracked: 1,
      partiallyTracked: 1,
      mostlyLost: 0,
      falsePositives: 1,
      misses: 1,
      idSwitches: 1,
      fragmentations: 1,
      mota: 0.5
    })
    // MOTP there is the mean distance, 0.340; ours is the mean similarity, 1 − 0.340.
    expect(1 - (overall.motp as number)).toBeCloseTo(0.34, 3)
  })

  it("'part' (frames 0–1): IDF1 75 %, FP 1, FN 1, IDs 0, FM 0, MOTA 50 %, MOTP 0.167", () => {
    const part = { ...full, frames: full.frames.slice(0, 2) }
    const { overall } = overallOf([part], CAR)
    expect(overall.idf1).toBeCloseTo(0.75, 3)
    expect(overall.idPrecision).toBeCloseTo(0.75, 3)
    expect(overall.idRecall).toBeCloseTo(0.75, 3)
    expect(overall).toMatchObject({
      benchmarkTracks: 2,
      mostlyTracked: 1,
      partiallyTracked: 1,
      mostlyLost: 0,
      falsePositives: 1,
      misses: 1,
      idSwitches: 0,
      fragmentations: 0,
      mota: 0.5
    })
    expect(1 - (overall.motp as number)).toBeCloseTo(0.167, 3)
  })
})
