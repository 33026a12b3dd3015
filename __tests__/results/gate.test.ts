// The quality gate: every set threshold against every evaluated annotator; a null score fails;
// an unevaluated project fails the run.
import { describe, expect, it } from '@jest/globals'
import { applyGate } from '../../src/results/gate.js'
import { GATE_METRICS } from '../../src/results/metrics.js'
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
