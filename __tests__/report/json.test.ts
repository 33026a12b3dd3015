import { describe, expect, it } from '@jest/globals'
import { renderReportJson } from '../../src/report/json.js'
import type { RunResult } from '../../src/results/run-result.js'
import { evaluated, failed, objectResult, runResult, scriptRow } from './builders.js'

const full = (): RunResult =>
  runResult({
    settings: {
      method: 'one-to-one',
      iouThreshold: 0.5,
      workflowStage: 'Complete',
      thresholds: { f1: 0.7, meanIou: 0.8 }
    },
    projects: [
      evaluated({
        objects: [
          objectResult(),
          objectResult({ status: 'missed', iou: null, training: null, attributeMismatches: [] }),
          objectResult({ attributeAgreement: 0.5, attributeMismatches: ['colour'] })
        ],
        classifications: [
          {
            dataHash: 'data-1',
            dataTitle: 'image-1.jpg',
            frame: null,
            featureHash: 'weather',
            name: 'Weather',
            score: 1,
            benchmarkAnswer: 'sunny',
            trainingAnswer: 'sunny'
          }
        ],
        notes: ['1 box skipped']
      }),
      evaluated({ projectHash: 'p-script', method: 'encord-script', scriptRows: [scriptRow()] }),
      failed()
    ],
    gate: {
      passed: false,
      failures: [
        {
          projectHash: 'project-a',
          annotator: 'alice@example.com',
          metric: 'f1',
          threshold: 0.7,
          actual: null
        }
      ],
      failedProjects: []
    }
  })

/** The same data with every object's keys inserted in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reverseKeys(member)])
  ) as T
}

describe('renderReportJson', () => {
  it('round-trips the result, leaving per-object lists (and the worst items and feedback facts) out', () => {
    const result = full()
    const withoutRows = {
      ...result,
      projects: result.projects.map((outcome) => {
        if (outcome.status !== 'evaluated') return outcome
        const { worstItems, feedback: _feedback, ...evaluation } = outcome.evaluation
        expect(worstItems.length).toBeGreaterThan(0)
        return { ...outcome, evaluation }
      })
    }
    expect(JSON.parse(renderReportJson(result))).toEqual(withoutRows)
    expect(renderReportJson(result)).not.toContain('"objects"')
    expect(renderReportJson(result)).not.toContain('"worstItems"')
    expect(renderReportJson(result)).not.toContain('"feedback"')
  })

  it('pretty-prints with two spaces and ends with a line break', () => {
    const json = renderReportJson(full())
    expect(json.startsWith('{\n  "tool": {\n    "name": "encord-annotator-eval",')).toBe(true)
    expect(json.endsWith('}\n')).toBe(true)
    expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`)
  })

  it('orders keys as the types declare them, however the objects were built', () => {
    const result = full()
    const json = renderReportJson(reverseKeys(result))
    expect(json).toBe(renderReportJson(result))
    const parsed = JSON.parse(json) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual([
      'tool',
      'source',
      'settings',
      'benchmark',
      'projects',
      'gate'
    ])
    expect(json.indexOf('"meanIou": 0.8')).toBeLessThan(json.indexOf('"f1": 0.7'))
    expect(json).toMatch(/"featureHash": "feature-car",\s+"className": "car",\s+"benchmarkObjects"/)
  })

  it('is deterministic and has no timestamps: online and offline runs differ only in source', () => {
    const online = renderReportJson(full())
    expect(renderReportJson(full())).toBe(online)
    expect(online).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
    const offline = renderReportJson({ ...full(), source: 'export-files' })
    const changed = online.split('\n').filter((line, index) => offline.split('\n')[index] !== line)
    expect(changed).toEqual(['  "source": "encord-api",'])
  })
})
