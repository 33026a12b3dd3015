import { describe, expect, it } from '@jest/globals'
import { annotatorOf, contributorsOf } from '../../src/evaluate/contributors.js'
import { at, box, classification, img, obj, project, radio, row } from './builders.js'

describe('contributors', () => {
  it('counts per-frame annotations and classification instances; ties go alphabetically', () => {
    const labels = project('t', [
      row('v1', {
        dataType: 'video',
        objects: [
          // A track annotated by zoe on two frames and reviewed (re-drawn) by rex on one.
          obj('A', 'carF', [
            at(0, box(0, 0, 1, 1), 'zoe@x.io'),
            at(1, box(0, 0, 1, 1), 'zoe@x.io')
          ]),
          obj('B', 'carF', [at(1, box(0, 0, 1, 1), 'rex@x.io'), at(2, box(0, 0, 1, 1), null)])
        ],
        classifications: [
          classification('c', 'weatherC', [0, 1], [radio('weatherA', 'sunnyO')], 'rex@x.io')
        ]
      }),
      row('i1', { objects: [img('C', 'carF', box(0, 0, 1, 1), 'amy@x.io')] })
    ])
    const contributors = contributorsOf(labels)
    expect(contributors).toEqual([
      { email: 'rex@x.io', annotations: 2 },
      { email: 'zoe@x.io', annotations: 2 },
      { email: 'amy@x.io', annotations: 1 }
    ])
    expect(annotatorOf(contributors)).toBe('rex@x.io')
  })

  it('has no annotator when no creator is recorded', () => {
    const labels = project('t', [row('i1', { objects: [img('C', 'carF', box(0, 0, 1, 1), null)] })])
    expect(annotatorOf(contributorsOf(labels))).toBeNull()
  })
})
