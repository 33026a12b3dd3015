// The quality gate: every set threshold against every evaluated annotator; a null score fails;
// an unevaluated project fails the run; the message says who missed what and by how much.
import { describe, expect, it } from '@jest/globals'
import { applyGate, describeVerdict, GATE_METRICS, metricLabel } from '../../src/results/gate.js'
import { evaluated, failed, metrics } from '../report/builders.js'

const alice = evaluated({
  projectHash: 'p-alice',
  annotator: 'alice@example.com',
  overall: metrics({ precision: 0.9, recall: 0.85, f1: 0.875, meanIou: 0.8, classAccuracy: 0.95 })
})
const bob = evaluated({
  projectHash: 'p-bob',
  annotator: 'bob@example.com',
  overall: metrics({ precision: 0.6, recall: 0.5, f1: 0.545, meanIou: 0.7, classAccuracy: 0.9 })
})
const nobody = evaluated({
  projectHash: 'p-nobody',
  annotator: null,
  overall: metrics({ precision: 0.95, recall: 0.95, f1: 0.95, meanIou: 0.9, classAccuracy: 1 })
})

describe('applyGate', () => {
  it('passes everyone when no threshold is set', () => {
    expect(applyGate([alice, bob], {})).toEqual({ passed: true, failures: [], failedProjects: [] })
  })

  it('compares each annotator with each threshold, in project then metric order', () => {
    const verdict = applyGate([alice, bob], { f1: 0.6, meanIou: 0.75, recall: 0.5 })
    expect(verdict.passed).toBe(false)
    expect(verdict.failures).toEqual([
      {
        projectHash: 'p-bob',
        annotator: 'bob@example.com',
        metric: 'meanIou',
        threshold: 0.75,
        actual: 0.7
      },
      {
        projectHash: 'p-bob',
        annotator: 'bob@example.com',
        metric: 'f1',
        threshold: 0.6,
        actual: 0.545
      }
    ])
    expect(GATE_METRICS).toEqual(['meanIou', 'classAccuracy', 'precision', 'recall', 'f1'])
  })

  it('a score equal to the threshold passes; just below fails', () => {
    expect(applyGate([alice], { meanIou: 0.8 }).passed).toBe(true)
    expect(applyGate([alice], { meanIou: 0.8000000001 }).passed).toBe(false)
    expect(applyGate([alice], { classAccuracy: 0 }).passed).toBe(true)
  })

  it('a null score fails a set threshold, and only a set one', () => {
    const empty = evaluated({
      projectHash: 'p-empty',
      annotator: 'erin@example.com',
      overall: metrics({ precision: null, recall: 0, f1: null, meanIou: null })
    })
    expect(applyGate([empty], { classAccuracy: 0.5 }).passed).toBe(true)
    const verdict = applyGate([empty], { meanIou: 0, precision: 0 })
    expect(verdict.passed).toBe(false)
    expect(verdict.failures.map((failure) => [failure.metric, failure.actual])).toEqual([
      ['meanIou', null],
      ['precision', null]
    ])
  })

  it('a project that could not be evaluated fails the run even with no thresholds', () => {
    const broken = failed({ projectHash: 'p-broken', message: 'No access to project p-broken' })
    const verdict = applyGate([alice, broken], {})
    expect(verdict).toEqual({
      passed: false,
      failures: [],
      failedProjects: [
        {
          projectHash: 'p-broken',
          projectTitle: 'Broken project',
          message: 'No access to project p-broken'
        }
      ]
    })
  })
})

describe('describeVerdict', () => {
  it('lists who failed which threshold, the score and the shortfall', () => {
    const message = describeVerdict(applyGate([alice, bob], { f1: 0.6, meanIou: 0.75 }))
    expect(message).toBe(
      'Quality gate failed: bob@example.com mean IoU 0.700 (-0.050) < 0.75; ' +
        'bob@example.com F1 0.545 (-0.055) < 0.6'
    )
  })

  it('names the project when the annotator is unknown, and says n/a for a null score', () => {
    const empty = evaluated({
      projectHash: 'p-empty',
      annotator: null,
      overall: metrics({ recall: null })
    })
    expect(describeVerdict(applyGate([nobody, empty], { recall: 0.96 }))).toBe(
      'Quality gate failed: p-nobody recall 0.950 (-0.010) < 0.96; p-empty recall n/a < 0.96'
    )
  })

  it('adds the projects that could not be evaluated, with their errors', () => {
    const verdict = applyGate(
      [
        bob,
        failed({ projectHash: 'p-x', message: 'Project p-x not found' }),
        failed({ projectHash: 'p-y', message: 'Project p-y has no completed task' })
      ],
      { precision: 0.7 }
    )
    expect(describeVerdict(verdict)).toBe(
      'Quality gate failed: bob@example.com precision 0.600 (-0.100) < 0.7. ' +
        '2 training projects could not be evaluated: p-x: Project p-x not found; ' +
        'p-y: Project p-y has no completed task'
    )
    expect(describeVerdict(applyGate([failed({ projectHash: 'p-z', message: 'gone' })], {}))).toBe(
      '1 training project could not be evaluated: p-z: gone'
    )
  })

  it('is one line, and empty when the gate passed', () => {
    expect(describeVerdict(applyGate([alice], { f1: 0.5 }))).toBe('')
    expect(describeVerdict(applyGate([alice, bob], { f1: 0.9, recall: 0.9 }))).not.toMatch(/\n/)
  })

  it('labels every metric', () => {
    expect(GATE_METRICS.map(metricLabel)).toEqual([
      'mean IoU',
      'class accuracy',
      'precision',
      'recall',
      'F1'
    ])
  })
})
