// Track metrics through evaluateProject: recorded from the real per-frame matching on video rows
// only, attached to the overall and per-class metrics, and the events become worst items.
import { describe, expect, it } from '@jest/globals'
import { evaluateProject } from '../../../src/evaluate/index.js'
import { checkVideoThresholds } from '../../../src/results/video-thresholds.js'
import { worstItems } from '../../../src/results/worst-items.js'
import { InputError } from '../../../src/errors.js'
import { at, box, obj, project, row } from '../builders.js'

const OPTIONS = { method: 'one-to-one', iouThreshold: 0.5 } as const
const LEFT = box(0.1, 0.1, 0.2, 0.2)
const RIGHT = box(0.6, 0.6, 0.2, 0.2)
const FRAMES = [0, 1, 2, 3, 4, 5]

/** Two cars, one on the left and one on the right, on frames 0–5. */
function clip(objects: ReturnType<typeof obj>[], dataType: 'video' | 'img_group' = 'video') {
  return row('v1', { dataType, frames: FRAMES.length, title: 'clip.mp4', objects })
}
const benchmark = (dataType?: 'video' | 'img_group') =>
  project('bench', [
    clip(
      [
        obj(
          'L',
          'carF',
          FRAMES.map((f) => at(f, LEFT))
        ),
        obj(
          'R',
          'carF',
          FRAMES.map((f) => at(f, RIGHT))
        )
      ],
      dataType
    )
  ])
/** The clean annotator follows each car; the swapper trades the two identities from frame 3. */
const clean = project('clean', [
  clip([
    obj(
      'x',
      'carF',
      FRAMES.map((f) => at(f, LEFT))
    ),
    obj(
      'y',
      'carF',
      FRAMES.map((f) => at(f, RIGHT))
    )
  ])
])
const swapped = (dataType?: 'video' | 'img_group') =>
  project('swapper', [
    clip(
      [
        obj(
          'x',
          'carF',
          FRAMES.map((f) => at(f, f < 3 ? LEFT : RIGHT))
        ),
        obj(
          'y',
          'carF',
          FRAMES.map((f) => at(f, f < 3 ? RIGHT : LEFT))
        )
      ],
      dataType
    )
  ])

describe('evaluateProject on video', () => {
  it('gives the swapper the clean F1 but 2 ID switches and IDF1 0.5', () => {
    const good = evaluateProject(benchmark(), clean, OPTIONS)
    const swapper = evaluateProject(benchmark(), swapped(), OPTIONS)
    expect(swapper.overall.f1).toBe(1)
    expect(good.overall.f1).toBe(1)
    expect(good.overall).toMatchObject({ idf1: 1, idSwitches: 0, mota: 1 })
    // IDTP 3 + 3 of 12 instances per side: IDF1 = 12 / 24; MOTA = 1 − 2 / 12.
    expect(swapper.overall).toMatchObject({ idf1: 0.5, idSwitches: 2 })
    expect(swapper.overall.mota).toBeCloseTo(1 - 2 / 12, 12)
    expect(swapper.perClass.find((c) => c.className === 'Car')?.tracking).toMatchObject({
      idSwitches: 2,
      benchmarkTracks: 2,
      trainingTracks: 2
    })
  })

  it('lists the switches as worst items, frame 2 → 3', () => {
    const items = worstItems(evaluateProject(benchmark(), swapped(), OPTIONS), 5)
    expect(items.filter((item) => item.kind === 'id-switch')).toEqual([
      expect.objectContaining({ frame: 3, fromFrame: 2, benchmarkClass: 'Car', dataHash: 'v1' }),
      expect.objectContaining({ frame: 3, fromFrame: 2, benchmarkClass: 'Car', dataHash: 'v1' })
    ])
  })

  it('has no tracking block, track scores or events without video', () => {
    const evaluation = evaluateProject(benchmark('img_group'), swapped('img_group'), OPTIONS)
    expect(evaluation.overall.f1).toBe(1)
    expect('tracking' in evaluation.overall).toBe(false)
    expect('idf1' in evaluation.overall).toBe(false)
    expect(evaluation.trackEvents).toBeUndefined()
  })
})

describe('checkVideoThresholds', () => {
  it('refuses min-idf1 or min-mota on a benchmark without video, naming the input', () => {
    expect(() => checkVideoThresholds({ idf1: 0.8 }, 0)).toThrow(InputError)
    expect(() => checkVideoThresholds({ mota: 0.5 }, 0)).toThrow(
      /^Input 'min-mota' needs video: the benchmark has no video data unit.*remove min-mota$/
    )
  })

  it('accepts them with video, and the other thresholds without', () => {
    expect(() => checkVideoThresholds({ idf1: 0.8, mota: 0.5 }, 3)).not.toThrow()
    expect(() => checkVideoThresholds({ f1: 0.8, meanIou: 0.7 }, 0)).not.toThrow()
  })
})
