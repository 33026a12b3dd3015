import { describe, expect, it } from '@jest/globals'
import type { ProjectOutcome } from '../../src/results/run-result.js'
import { biasLines, feedbackNotes, noteFileNames } from '../../src/results/feedback-note.js'
import type { BiasEstimate } from '../../src/results/geometry-bias.js'
import { renderFeedbackNotes } from '../../src/report/feedback-note.js'
import {
  classMetrics,
  evaluated,
  metrics,
  objectResult,
  ref,
  runResult
} from '../report/builders.js'

function estimate(measure: BiasEstimate['measure'], mean: number): BiasEstimate {
  return { measure, pairs: 40, mean, low: mean - 0.01, high: mean + 0.01, clear: true }
}

describe('noteFileNames', () => {
  it('makes a safe file name from the e-mail', () => {
    expect(
      noteFileNames([
        { annotator: 'Alice.Smith+eval@Example.com', projectHash: 'p1' },
        { annotator: 'bob/../../etc@x.io', projectHash: 'p2' },
        { annotator: null, projectHash: 'p3' },
        { annotator: '.hidden@x.io', projectHash: 'p4' }
      ])
    ).toEqual([
      'alice.smith+eval@example.com.md',
      'bob_.._.._etc@x.io.md',
      'unknown-annotator.md',
      '_hidden@x.io.md'
    ])
  })

  it('tells apart one annotator’s projects, and e-mails that differ only in case, by project hash', () => {
    expect(
      noteFileNames([
        { annotator: 'alice@x.io', projectHash: '11111111-aaaa' },
        { annotator: 'bob@x.io', projectHash: '22222222-bbbb' },
        { annotator: 'Alice@X.io', projectHash: '33333333-cccc' },
        { annotator: 'alice@x.io', projectHash: '11111111-dddd' }
      ])
    ).toEqual([
      'alice@x.io-11111111.md',
      'bob@x.io.md',
      'alice@x.io-33333333.md',
      'alice@x.io-11111111-2.md'
    ])
  })
})

describe('feedbackNotes', () => {
  const wrong = (count: number): ReturnType<typeof objectResult>[] =>
    Array.from({ length: count }, () =>
      objectResult({
        status: 'wrong-class',
        iou: 0.8,
        benchmark: ref('Pedestrian', 'b'),
        training: { ...ref('Cyclist', 't'), createdBy: 'alice@example.com' }
      })
    )

  it('holds the scores against the bar, what went well, the top three errors and ten worst items', () => {
    const objects = [
      ...wrong(5),
      ...Array.from({ length: 3 }, () =>
        objectResult({ status: 'missed', iou: null, training: null })
      ),
      ...Array.from({ length: 2 }, () => objectResult({ iou: 0.6 })),
      objectResult({ iou: 0.95, attributeMismatches: ['occluded'] }),
      ...Array.from({ length: 20 }, () =>
        objectResult({ status: 'extra', iou: null, benchmark: null })
      )
    ]
    const project: ProjectOutcome = evaluated({
      objects,
      overall: metrics({ f1: 0.85, precision: 0.7 }),
      perClass: [
        classMetrics('car', { f1: 0.93, benchmarkObjects: 30 }),
        classMetrics('truck', { f1: 0.4 })
      ]
    })
    const result = runResult({
      projects: [project],
      settings: { thresholds: { f1: 0.8, precision: 0.9 } }
    })
    const [note] = feedbackNotes(result)
    expect(note?.fileName).toBe('alice@example.com.md')
    expect(note?.scores.find((score) => score.name === 'f1')).toMatchObject({
      value: 0.85,
      threshold: 0.8,
      meets: true
    })
    expect(note?.scores.find((score) => score.name === 'precision')).toMatchObject({ meets: false })
    expect(note?.scores.find((score) => score.name === 'recall')).toMatchObject({
      threshold: null,
      meets: null
    })
    expect(note?.wentWell).toEqual([
      'F1 0.850 meets the bar of 0.8.',
      '“car”: F1 0.930 over 30 expert objects.'
    ])
    expect(note?.topErrors.map((error) => error.text)).toEqual([
      '“car” drawn where the expert has nothing: 20 times',
      '“Pedestrian” labelled as “Cyclist”: 5 times',
      '“car” missed: 3 times'
    ])
    expect(note?.errorTotals).toMatchObject({ 'low-overlap': 2, attribute: 1 })
    // Ten, from every kind in turn: not only the first kind's.
    expect(note?.worstItems).toHaveLength(10)
    expect(new Set(note?.worstItems.map((item) => item.kind))).toEqual(
      new Set(['missed', 'extra', 'wrong-class', 'low-iou'])
    )
  })

  it('carries each score’s interval when the run has intervals, and shows it', () => {
    const project = evaluated({ overall: metrics({ f1: 0.85 }) })
    if (project.status !== 'evaluated') throw new Error('not evaluated')
    project.evaluation.intervals = { overall: { f1: { low: 0.8, high: 0.9 } }, perClass: [] }
    const result = runResult({ projects: [project] })
    const [note] = feedbackNotes(result)
    expect(note?.scores.find((score) => score.name === 'f1')?.interval).toEqual({
      low: 0.8,
      high: 0.9
    })
    expect(note?.scores.find((score) => score.name === 'recall')?.interval).toBeNull()
    expect(renderFeedbackNotes(result)[0]?.markdown).toMatch(
      /\| F1 \| 0\.850 \| \(0\.800–0\.900\) \|/
    )
  })

  it('renders the note as markdown with the same content', () => {
    const result = runResult({ projects: [evaluated({ objects: wrong(2) })] })
    const [rendered] = renderFeedbackNotes(result)
    expect(rendered?.fileName).toBe('alice@example.com.md')
    expect(rendered?.markdown).toContain('# Feedback for alice@example.com')
    expect(rendered?.markdown).toContain('## Your scores')
    expect(rendered?.markdown).toContain('1. “Pedestrian” labelled as “Cyclist”: 2 times')
    expect(rendered?.markdown).toContain('## Your 2 worst items')
  })
})

describe('biasLines', () => {
  it('says how much too wide, and on which edge mostly', () => {
    const lines = biasLines([
      estimate('width', 0.06),
      estimate('right', 0.05),
      estimate('left', 0.01)
    ])
    expect(lines.map((line) => line.text)).toEqual([
      'Your boxes are 6.0 % too wide, mostly on the right edge (95 % interval +5.0 % to +7.0 %, 40 pairs).'
    ])
  })

  it('reads one edge in and the other out as a shift', () => {
    const lines = biasLines([estimate('top', -0.1), estimate('bottom', 0.1)])
    expect(lines.map((line) => line.text)).toEqual([
      'Your boxes sit 10.0 % of the box’s height too far down (95 % interval +9.0 % to +11.0 %, 40 pairs).'
    ])
  })

  it('never prints a bound of a clear claim as 0.0', () => {
    const [line] = biasLines([{ ...estimate('width', 0.034), low: 0.0003, high: 0.068 }])
    expect(line?.text).toBe(
      'Your boxes are 3.4 % too wide (95 % interval +0.03 % to +6.8 %, 40 pairs).'
    )
  })

  it('says polygons are larger, and claims nothing that is not clear', () => {
    const lines = biasLines([
      estimate('polygon-area', 0.08),
      { ...estimate('width', 0.2), low: -0.1, clear: false }
    ])
    expect(lines.map((line) => line.text)).toEqual([
      'Your polygons are 8.0 % larger than the expert’s (95 % interval +7.0 % to +9.0 %, 40 pairs).'
    ])
  })
})
