// The one table of scores: every score the evaluation computes has a row, every gated score names
// a real input, and the gate's rule follows each score's direction.
import { describe, expect, it } from '@jest/globals'
import { emptyTally, scoresOf } from '../../src/evaluate/metrics.js'
import { attachTracking } from '../../src/evaluate/tracking/attach.js'
import { emptyTrackingCounts, withTrackingScores } from '../../src/evaluate/tracking/counts.js'
import { INPUT_NAMES } from '../../src/inputs.js'
import {
  GATE_METRICS,
  labelsUnder,
  meetsThreshold,
  metricFacts,
  METRICS,
  metricsComputedBy,
  thresholdInput
} from '../../src/results/metrics.js'

describe('METRICS', () => {
  it('has one row for each score the evaluation computes', () => {
    const names = METRICS.map((metric) => metric.name)
    expect(new Set(names).size).toBe(names.length)
    const frameScores = METRICS.filter((metric) => !('videoOnly' in metric)).map((m) => m.name)
    expect([...frameScores].sort()).toEqual(Object.keys(scoresOf(emptyTally())).sort())
  })

  it('has one video-only row for each track score put beside the frame scores', () => {
    const tracking = withTrackingScores(emptyTrackingCounts())
    const { overall } = attachTracking({ ...emptyTally(), ...scoresOf(emptyTally()) }, [], {
      overall: withTrackingScores(emptyTrackingCounts()),
      perClass: [],
      events: []
    })
    const added = Object.keys(overall).filter(
      (key) => !(key in scoresOf(emptyTally())) && !(key in emptyTally()) && key !== 'tracking'
    )
    const videoOnly = METRICS.filter((metric) => 'videoOnly' in metric).map((m) => m.name)
    expect([...videoOnly].sort()).toEqual(added.sort())
    expect(Object.keys(tracking)).toEqual(expect.arrayContaining(videoOnly))
  })

  it('shows the track scores only when the run has video', () => {
    const withoutVideo = metricsComputedBy('one-to-one').map((metric) => metric.name)
    const withVideo = metricsComputedBy('one-to-one', true).map((metric) => metric.name)
    expect(withoutVideo).not.toContain('idf1')
    expect(withVideo.filter((name) => !withoutVideo.includes(name))).toEqual([
      'idf1',
      'idSwitches',
      'mota'
    ])
    expect(metricsComputedBy('encord-script', true).map((metric) => metric.name)).not.toContain(
      'idf1'
    )
  })

  it('gives every score its own labels and phrase', () => {
    for (const key of ['label', 'shortLabel', 'phrase'] as const) {
      const values = METRICS.map((metric) => metric[key])
      expect(new Set(values).size).toBe(values.length)
    }
  })

  it('names a real input for each threshold, and no input twice', () => {
    const inputs = METRICS.flatMap((metric) =>
      metric.threshold === null ? [] : [metric.threshold]
    )
    expect(new Set(inputs).size).toBe(inputs.length)
    for (const input of inputs) expect(INPUT_NAMES).toContain(input)
  })

  it('lists the gated scores in the order their inputs are declared', () => {
    expect(GATE_METRICS).toEqual([
      'meanIou',
      'classAccuracy',
      'precision',
      'recall',
      'f1',
      'idf1',
      'mota'
    ])
    const positions = GATE_METRICS.map((metric) => INPUT_NAMES.indexOf(thresholdInput(metric)))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(GATE_METRICS.map(thresholdInput)).toEqual([
      'min-mean-iou',
      'min-class-accuracy',
      'min-precision',
      'min-recall',
      'min-f1',
      'min-idf1',
      'min-mota'
    ])
  })

  it('shows the scores each method computes, under the names its users know', () => {
    expect(metricsComputedBy('one-to-one').map((metric) => metric.name)).toEqual([
      'precision',
      'recall',
      'f1',
      'meanIou',
      'classAccuracy',
      'attributeAccuracy',
      'classificationAccuracy'
    ])
    const script = metricsComputedBy('encord-script')
    expect(script.map((metric) => metric.name)).toEqual(['meanIou', 'classAccuracy'])
    expect(script.map((metric) => labelsUnder(metric, 'encord-script'))).toEqual([
      { label: 'Mean IoU', shortLabel: 'Mean IoU' },
      { label: 'Mean class score', shortLabel: 'Class score' }
    ])
    expect(labelsUnder(metricFacts('classAccuracy'), 'one-to-one')).toEqual({
      label: 'Class accuracy',
      shortLabel: 'Class acc'
    })
  })
})

describe('meetsThreshold', () => {
  it('passes a score at or above the bar when higher is better', () => {
    expect(meetsThreshold('higher-is-better', 0.8, 0.8)).toBe(true)
    expect(meetsThreshold('higher-is-better', 0.9, 0.8)).toBe(true)
    expect(meetsThreshold('higher-is-better', 0.7999, 0.8)).toBe(false)
  })

  it('passes a score at or below the bar when lower is better', () => {
    expect(meetsThreshold('lower-is-better', 3, 3)).toBe(true)
    expect(meetsThreshold('lower-is-better', 2, 3)).toBe(true)
    expect(meetsThreshold('lower-is-better', 4, 3)).toBe(false)
  })

  it('fails a score that cannot be computed, whichever the direction', () => {
    expect(meetsThreshold('higher-is-better', null, 0)).toBe(false)
    expect(meetsThreshold('lower-is-better', null, 1)).toBe(false)
  })
})
