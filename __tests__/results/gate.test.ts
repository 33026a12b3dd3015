// The quality gate: every set threshold against every evaluated annotator; a null score fails;
// an unevaluated project fails the run.
import { describe, expect, it } from '@jest/globals'
import { applyGate } from '../../src/results/gate.js'
import { GATE_METRICS } from '../../src/results/metrics.js'
import { evaluated, failed, gateSettings, metrics } from '../report/builders.js'

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
    const verdict = applyGate([alice, bob], gateSettings({}))
    expect(verdict).toMatchObject({
      passed: true,
      stepFails: false,
      failures: [],
      failedProjects: []
    })
    expect(verdict.verdicts.map((item) => [item.projectHash, item.verdict, item.checks])).toEqual([
      ['p-alice', 'pass', []],
      ['p-bob', 'pass', []]
    ])
  })

  it('compares each annotator with each threshold, in project then metric order', () => {
    const verdict = applyGate([alice, bob], gateSettings({ f1: 0.6, meanIou: 0.75, recall: 0.5 }))
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
    expect(GATE_METRICS).toEqual([
      'meanIou',
      'classAccuracy',
      'precision',
      'recall',
      'f1',
      'idf1',
      'mota'
    ])
  })

  it('a score equal to the threshold passes; just below fails', () => {
    expect(applyGate([alice], gateSettings({ meanIou: 0.8 })).passed).toBe(true)
    expect(applyGate([alice], gateSettings({ meanIou: 0.8000000001 })).passed).toBe(false)
    expect(applyGate([alice], gateSettings({ classAccuracy: 0 })).passed).toBe(true)
  })

  it('a null score fails a set threshold, and only a set one', () => {
    const empty = evaluated({
      projectHash: 'p-empty',
      annotator: 'erin@example.com',
      overall: metrics({ precision: null, recall: 0, f1: null, meanIou: null })
    })
    expect(applyGate([empty], gateSettings({ classAccuracy: 0.5 })).passed).toBe(true)
    const verdict = applyGate([empty], gateSettings({ meanIou: 0, precision: 0 }))
    expect(verdict.passed).toBe(false)
    expect(verdict.failures.map((failure) => [failure.metric, failure.actual])).toEqual([
      ['meanIou', null],
      ['precision', null]
    ])
  })

  it('a project that could not be evaluated fails the run even with no thresholds', () => {
    const broken = failed({ projectHash: 'p-broken', message: 'No access to project p-broken' })
    const verdict = applyGate([alice, broken], gateSettings({}))
    expect(verdict).toMatchObject({
      passed: false,
      stepFails: true,
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

  describe('verdicts from intervals and evidence', () => {
    const withInterval = (projectHash: string, low: number, high: number, pairedRows = 48) =>
      evaluated({
        projectHash,
        annotator: `${projectHash}@example.com`,
        coverage: {
          benchmarkRows: 50,
          trainingRows: pairedRows,
          pairedRows,
          notCompleted: 50 - pairedRows,
          unmatchedTrainingRows: 0
        },
        overall: metrics({ f1: (low + high) / 2 })
      })
    // evaluated() has no intervals (no units to resample): lay them over the result.
    const at = (outcome: ReturnType<typeof withInterval>, low: number, high: number) => {
      if (outcome.status !== 'evaluated') throw new Error('expected an evaluated project')
      outcome.evaluation.intervals = { overall: { f1: { low, high } }, perClass: [] }
      return outcome
    }
    const clear = at(withInterval('p-clear', 0.85, 0.95), 0.85, 0.95)
    const poor = at(withInterval('p-poor', 0.5, 0.7), 0.5, 0.7)
    const straddling = at(withInterval('p-coin', 0.75, 0.87), 0.75, 0.87)
    const few = at(withInterval('p-few', 0.85, 0.95, 9), 0.85, 0.95)
    const everyone = [clear, poor, straddling, few]
    const verdicts = (settings: Parameters<typeof applyGate>[1]) =>
      applyGate(everyone, settings).verdicts.map((item) => item.verdict)

    it('gated on the interval: pass above, fail below, inconclusive across the threshold', () => {
      const gate = applyGate(everyone, gateSettings({ f1: 0.8 }, { gateOn: 'interval' }))
      expect(gate.verdicts.map((item) => item.verdict)).toEqual([
        'pass',
        'fail',
        'inconclusive',
        'insufficient-evidence'
      ])
      expect(gate.failures.map((failure) => failure.projectHash)).toEqual(['p-poor'])
      expect(gate.passed).toBe(false)
      expect(gate.stepFails).toBe(true)
      expect(gate.verdicts[3]).toMatchObject({ dataUnits: 9, benchmarkObjects: 10 })
    })

    it('gated on the estimate: today’s rule, with a straddling interval marked borderline', () => {
      const gate = applyGate(everyone, gateSettings({ f1: 0.8 }))
      expect(gate.verdicts.map((item) => item.verdict)).toEqual([
        'pass',
        'fail',
        'pass',
        'insufficient-evidence'
      ])
      expect(gate.verdicts.map((item) => item.checks[0]?.borderline)).toEqual([
        false,
        false,
        true,
        false
      ])
    })

    it('on-inconclusive decides whether unsettled verdicts fail the step; passed stays false', () => {
      const unsettled = [clear, straddling, few]
      for (const [onInconclusive, stepFails] of [
        ['warn', false],
        ['pass', false],
        ['fail', true]
      ] as const) {
        const gate = applyGate(
          unsettled,
          gateSettings({ f1: 0.8 }, { gateOn: 'interval', onInconclusive })
        )
        expect([gate.passed, gate.stepFails]).toEqual([false, stepFails])
      }
      expect(applyGate([clear], gateSettings({ f1: 0.8 }, { gateOn: 'interval' })).passed).toBe(
        true
      )
    })

    it('min-data-units: fewer units than the minimum is insufficient, exactly the minimum is not', () => {
      expect(verdicts(gateSettings({ f1: 0.8 }, { minDataUnits: 9 }))[3]).toBe('pass')
      expect(verdicts(gateSettings({ f1: 0.8 }, { minDataUnits: 10 }))[3]).toBe(
        'insufficient-evidence'
      )
      // No threshold, no bar: nothing for the evidence to be enough for.
      expect(verdicts(gateSettings({}, { minDataUnits: 1000 }))).toEqual([
        'pass',
        'pass',
        'pass',
        'pass'
      ])
    })

    it('an interval that is undefined is inconclusive; a score that is undefined fails', () => {
      const undefinedInterval = at(withInterval('p-undef', 0.9, 0.9), 0.9, 0.9)
      if (undefinedInterval.status === 'evaluated') {
        undefinedInterval.evaluation.intervals = { overall: { f1: null }, perClass: [] }
      }
      const settings = gateSettings({ f1: 0.8 }, { gateOn: 'interval' })
      expect(applyGate([undefinedInterval], settings).verdicts[0]?.verdict).toBe('inconclusive')
      const noScore = evaluated({ projectHash: 'p-none', overall: metrics({ f1: null }) })
      expect(applyGate([noScore], settings).verdicts[0]?.verdict).toBe('fail')
    })
  })
})
