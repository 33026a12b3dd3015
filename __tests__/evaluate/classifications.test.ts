import { describe, expect, it } from '@jest/globals'
import { evaluateProjectWith } from '../../src/evaluate/engine.js'
import type { ClassificationResult } from '../../src/evaluate/types.js'
import {
  BOX_GEOMETRY,
  checklist,
  classification,
  numeric,
  project,
  radio,
  row,
  text
} from './builders.js'

const OPTIONS = { method: 'one-to-one', iouThreshold: 0.5 } as const

describe('classifications', () => {
  // A 4-frame video with frame classifications and two global ones.
  const benchmark = [
    row('v1', {
      dataType: 'video',
      frames: 4,
      classifications: [
        // Frame 0: Rain, heavy. Frame 1: Sunny. Frame 2: nothing on either side.
        classification(
          'w0',
          'weatherC',
          [0],
          [radio('weatherA', 'rainO'), radio('intensityA', 'heavyO')]
        ),
        classification('w1', 'weatherC', [1], [radio('weatherA', 'sunnyO')]),
        classification('t0', 'tagsC', [0], [checklist('tagsA', 'aO', 'bO')]),
        classification('cap', 'captionC', 'global', [text('captionA', '  a red car ')]),
        classification('cnt', 'countC', 'global', [numeric('countA', 3)])
      ]
    })
  ]
  const training = [
    row('v1', {
      dataType: 'video',
      frames: 4,
      classifications: [
        // Frame 0: Rain (right), light (wrong) → (1 + 0) / 2. Frame 1: absent → 0.
        classification(
          'x0',
          'weatherC',
          [0],
          [radio('weatherA', 'rainO'), radio('intensityA', 'lightO')]
        ),
        // Frame 3: Weather where the benchmark has none → 0.
        classification('x3', 'weatherC', [3], [radio('weatherA', 'sunnyO')]),
        // Tags {B, C} against {A, B}: Jaccard 1/3.
        classification('y0', 'tagsC', [0], [checklist('tagsA', 'bO', 'cO')]),
        // Caption equal after trimming → 1. Count 4 ≠ 3 → 0.
        classification('cap2', 'captionC', 'global', [text('captionA', 'a red car')]),
        classification('cnt2', 'countC', 'global', [numeric('countA', 4)])
      ]
    })
  ]
  const result = evaluateProjectWith(
    project('b', benchmark),
    project('t', training),
    OPTIONS,
    BOX_GEOMETRY
  )
  const line = (r: ClassificationResult): unknown[] => [
    r.frame,
    r.name,
    Math.round(r.score * 1e9) / 1e9,
    r.benchmarkAnswer,
    r.trainingAnswer
  ]

  it('compares per frame and per row, radio exactly, checklist by Jaccard, text trimmed, numbers equal', () => {
    expect(result.classifications.map(line)).toEqual([
      [null, 'Caption', 1, 'a red car', 'a red car'],
      [null, 'Count', 0, '3', '4'],
      [0, 'Weather', 0.5, 'Rain; Intensity: Heavy', 'Rain; Intensity: Light'],
      [0, 'Tags', 0.333333333, 'A, B', 'B, C'],
      [1, 'Weather', 0, 'Sunny', null],
      [3, 'Weather', 0, null, 'Sunny']
    ])
  })

  it('tallies classification accuracy as score over compared', () => {
    // (1 + 0 + 0.5 + 1/3 + 0 + 0) / 6
    expect(result.overall.classificationsCompared).toBe(6)
    expect(result.overall.classificationAccuracy).toBeCloseTo((1 + 0.5 + 1 / 3) / 6, 12)
    const weather = result.perClass.find((c) => c.featureHash === 'weatherC')
    expect(weather).toMatchObject({ classificationsCompared: 3, classificationScore: 0.5 })
    expect(weather?.precision).toBeNull()
  })

  it("counts an image's classifications on frame 0 and two empty checklists as agreeing", () => {
    const b = [
      row('i1', { classifications: [classification('a', 'tagsC', [0], [checklist('tagsA')])] })
    ]
    const t = [
      row('i1', { classifications: [classification('b', 'tagsC', [0], [checklist('tagsA')])] })
    ]
    const r = evaluateProjectWith(project('b', b), project('t', t), OPTIONS, BOX_GEOMETRY)
    expect(r.classifications.map(line)).toEqual([[0, 'Tags', 1, '', '']])
  })
})
