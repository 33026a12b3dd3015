import { describe, expect, it } from '@jest/globals'
import { buildOutputs, SCORE_OUTPUTS } from '../../src/report/outputs.js'
import { evaluated, failed, metrics, objectResult, runResult, scriptRow } from './builders.js'

const result = runResult({
  settings: {
    method: 'one-to-one',
    iouThreshold: 0.5,
    workflowStage: 'Complete',
    thresholds: { meanIou: 0.8 }
  },
  projects: [
    evaluated({ projectHash: 'p-1', objects: [objectResult(), objectResult()] }),
    evaluated({
      projectHash: 'p-2',
      annotator: 'bob@example.com',
      overall: metrics({ meanIou: 0.61 })
    }),
    failed({ projectHash: 'p-3', projectTitle: null, message: 'Project not found' })
  ],
  gate: {
    passed: false,
    failures: [
      {
        projectHash: 'p-2',
        annotator: 'bob@example.com',
        metric: 'meanIou',
        threshold: 0.8,
        actual: 0.61
      }
    ],
    failedProjects: []
  }
})

describe('buildOutputs', () => {
  it('gives every score output as a string', () => {
    const outputs = buildOutputs(result)
    expect(Object.keys(outputs).sort()).toEqual([...SCORE_OUTPUTS].sort())
    expect(outputs.passed).toBe('false')
    expect(outputs.annotators).toBe('2')
    expect(buildOutputs(runResult()).passed).toBe('true')
  })

  it('lists who failed the gate or could not be evaluated', () => {
    expect(JSON.parse(buildOutputs(result)['failed-annotators'])).toEqual([
      {
        project: 'p-2',
        title: 'Training A',
        annotator: 'bob@example.com',
        reason: 'below-threshold',
        thresholds: ['min-mean-iou']
      },
      {
        project: 'p-3',
        title: null,
        annotator: null,
        reason: 'not-evaluated',
        error: 'Project not found'
      }
    ])
    expect(buildOutputs(runResult())['failed-annotators']).toBe('[]')
  })

  it('summarises each project compactly, with the method’s scores and no per-object data', () => {
    const outputs = buildOutputs(result)
    expect(outputs.results).toBe(JSON.stringify(JSON.parse(outputs.results)))
    const results = JSON.parse(outputs.results) as Record<string, unknown>[]
    expect(results).toHaveLength(3)
    expect(results[0]).toEqual({
      project: 'p-1',
      title: 'Training A',
      annotator: 'alice@example.com',
      passed: true,
      verdict: 'pass',
      dataUnits: 48,
      benchmarkObjects: 10,
      precision: 0.8,
      recall: 0.8,
      f1: 0.8,
      meanIou: 0.8,
      classAccuracy: 0.8888888888888888,
      attributeAccuracy: 0.75,
      classificationAccuracy: 0.75,
      intervals: null,
      failedThresholds: []
    })
    expect(results[1]).toMatchObject({
      passed: false,
      meanIou: 0.61,
      failedThresholds: ['min-mean-iou']
    })
    expect(results[2]).toEqual({
      project: 'p-3',
      title: null,
      annotator: null,
      passed: false,
      verdict: null,
      error: 'Project not found'
    })
    expect(outputs.results).not.toContain('objects')

    const script = runResult({
      settings: {
        method: 'encord-script',
        iouThreshold: 0.5,
        workflowStage: 'Complete',
        thresholds: {}
      },
      projects: [evaluated({ method: 'encord-script', scriptRows: [scriptRow()] })]
    })
    expect(Object.keys((JSON.parse(buildOutputs(script).results) as object[])[0] ?? {})).toEqual([
      'project',
      'title',
      'annotator',
      'passed',
      'verdict',
      'dataUnits',
      'benchmarkObjects',
      'meanIou',
      'classAccuracy',
      'intervals',
      'failedThresholds'
    ])
  })
})
