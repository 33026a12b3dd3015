import { describe, expect, it } from '@jest/globals'
import { standings } from '../../src/results/standings.js'
import { evaluated, metrics, runResult } from '../report/builders.js'

describe('standings', () => {
  it('takes pass or fail from the gate and checks only thresholds that are set', () => {
    const result = runResult({
      settings: {
        method: 'one-to-one',
        iouThreshold: 0.5,
        workflowStage: 'Complete',
        thresholds: { f1: 0.5, meanIou: 0.8 }
      },
      projects: [evaluated({ projectHash: 'p-1', overall: metrics({ meanIou: 0.6 }) })],
      gate: {
        passed: false,
        failures: [
          { projectHash: 'p-1', annotator: null, metric: 'meanIou', threshold: 0.8, actual: 0.6 }
        ],
        failedProjects: []
      }
    })
    const [standing] = standings(result)
    expect(standing?.status).toBe('evaluated')
    if (standing?.status !== 'evaluated') return
    expect(standing.passed).toBe(false)
    expect(standing.verdict).toBe('fail')
    expect([standing.dataUnits, standing.benchmarkObjects]).toEqual([48, 10])
    const check = { interval: null, borderline: false }
    expect(standing.checks).toEqual([
      {
        ...check,
        metric: 'meanIou',
        input: 'min-mean-iou',
        threshold: 0.8,
        actual: 0.6,
        outcome: 'fail',
        passed: false
      },
      {
        ...check,
        metric: 'f1',
        input: 'min-f1',
        threshold: 0.5,
        actual: 0.8,
        outcome: 'pass',
        passed: true
      }
    ])
  })
})
