/**
 * What gets scored: the encord-script method against an independent reading of the script, the
 * same CSV through a flaky Encord API, and a run where one training project of three cannot be
 * read at all.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { FakeEncord } from '../../tools/fake-encord/server.mjs'
import { e2eDataset } from './dataset.mjs'
import { pythonRepr, SCRIPT_HEADER, scriptCsvLines, scriptRows } from './encord-script-reference.js'
import {
  evaluationInputs,
  findSecrets,
  keyMaterial,
  runSinks,
  startHarness,
  type ActionRun,
  type Harness
} from './harness.js'
import { csvOf, resultsOf } from './results.js'

const dataset = e2eDataset()
const [alice = '', bob = '', carol = ''] = dataset.trainingProjects
const UNKNOWN_PROJECT = '0badc0de-0000-4000-8000-000000000000'

let harness: Harness
let flakyEncord: FakeEncord
let script: ActionRun
let clean: ActionRun
let throughFaults: ActionRun
let oneUnknown: ActionRun

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  // Seed 12 draws a 429 second and a 500 fifth, so both happen whatever the arrival order.
  flakyEncord = await harness.startEncord({
    rate429: 0.1,
    rate500: 0.1,
    retryAfterSeconds: 0,
    seed: 12
  })
  const inputs = { ...evaluationInputs(dataset, harness.encord), comment: 'off' }
  ;[script, clean, throughFaults, oneUnknown] = await Promise.all([
    harness.run({
      inputs: { ...inputs, method: 'encord-script', 'artifact-name': 'script' }
    }),
    harness.run({ inputs: { ...inputs, 'artifact-name': 'clean' } }),
    harness.run({
      inputs: {
        ...evaluationInputs(dataset, flakyEncord),
        comment: 'off',
        'artifact-name': 'faulted'
      }
    }),
    harness.run({
      inputs: {
        ...evaluationInputs(dataset, harness.encord),
        'training-projects': [alice, UNKNOWN_PROJECT, carol].join('\n')
      }
    })
  ])
}, 180_000)

afterAll(async () => {
  await harness?.close()
})

describe('method: encord-script', () => {
  const expected = scriptRows(
    dataset.scenario,
    dataset.benchmarkProject,
    dataset.trainingProjects,
    'Complete'
  )

  it('writes the script’s five columns first, row for row and digit for digit', () => {
    expect(script.exitCode).toBe(0)
    const [header = '', ...lines] = (script.files.csv?.toString('utf8') ?? '')
      .replace(/\n$/, '')
      .split('\n')
    expect(header.startsWith(`${SCRIPT_HEADER},`)).toBe(true)
    expect(script.files.csv?.includes('"')).toBe(false)
    const firstFive = lines.map((line) => line.split(',').slice(0, 5).join(','))
    expect(firstFive).toEqual(expected.flatMap(scriptCsvLines))
    expect(firstFive.length).toBeGreaterThan(20)
  })

  it('prints numbers as Python does: 1.0 and 0.0, shortest round-trip digits', () => {
    const { records } = csvOf(script)
    const classScores = new Set(records.map((record) => record.class_score))
    expect([...classScores].sort()).toEqual(['0.0', '1.0'])
    for (const record of records) {
      expect(record.iou_score).toBe(pythonRepr(Number(record.iou_score)))
      expect(record.iou_score).toMatch(/^(0\.0|1\.0|0\.\d+|\d\.\d+e-\d\d|1\.0000000000000\d+)$/)
    }
  })

  it('reports the mean iou_score and class_score of each annotator as its results', () => {
    const results = resultsOf(script)
    expect(results.map((result) => result.project)).toEqual(dataset.trainingProjects)
    results.forEach((result, index) => {
      const rows = expected[index] ?? []
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length
      expect(result.meanIou).toBeCloseTo(mean(rows.map((row) => row.iou)), 12)
      expect(result.classAccuracy).toBeCloseTo(mean(rows.map((row) => row.classScore)), 12)
      expect(Object.keys(result)).not.toContain('f1')
    })
  })
})

describe('an Encord API that answers 429 and 500 now and then', () => {
  it('gives the same CSV as one that does not', () => {
    const injected = flakyEncord.stats().faultsInjected.map((fault) => fault.status)
    expect(injected).toContain(429)
    expect(injected).toContain(500)
    expect(throughFaults.exitCode).toBe(0)
    expect(clean.exitCode).toBe(0)
    expect(throughFaults.files.csv?.length).toBeGreaterThan(1000)
    expect(throughFaults.files.csv?.equals(clean.files.csv ?? Buffer.alloc(0))).toBe(true)
    expect(throughFaults.outputs.results).toBe(clean.outputs.results)
    expect(throughFaults.annotations('warning')).toEqual([])
  })
})

describe('one unknown training project among three', () => {
  it('fails the step with an error that names the project', () => {
    expect(oneUnknown.exitCode).toBe(1)
    expect(oneUnknown.outputs.passed).toBe('false')
    const errors = oneUnknown.annotations('error')
    expect(errors.length).toBeGreaterThanOrEqual(1)
    expect(errors.every((error) => error.includes(UNKNOWN_PROJECT))).toBe(true)
    expect(errors.join('\n')).not.toContain(alice)
    expect(errors.join('\n')).not.toContain(carol)
    expect(JSON.parse(oneUnknown.outputs['failed-annotators'] ?? '')).toEqual([
      expect.objectContaining({ project: UNKNOWN_PROJECT, reason: 'not-evaluated' })
    ])
  })

  it('still scores the other two, in the CSV, the outputs and the summary', () => {
    const { records } = csvOf(oneUnknown)
    const projects = new Set(records.map((record) => record.training_project_hash))
    expect([...projects]).toEqual([alice, carol])
    // Their rows are exactly those of a run without the unknown project.
    const { records: full } = csvOf(clean)
    expect(records).toEqual(full.filter((record) => record.training_project_hash !== bob))
    expect(oneUnknown.outputs.annotators).toBe('2')
    for (const email of [dataset.annotators[0], dataset.annotators[2]]) {
      expect(oneUnknown.summary).toContain(email)
    }
    expect(oneUnknown.summary).toContain(UNKNOWN_PROJECT)
    expect(oneUnknown.summary).not.toContain(dataset.annotators[1])
    expect(harness.github.comments).toHaveLength(1)
    expect(harness.github.comments[0]?.body).toContain(UNKNOWN_PROJECT)
  })
})

describe('every run here', () => {
  it('keeps the key out of every sink', () => {
    const places = {
      ...runSinks('script', script),
      ...runSinks('clean', clean),
      ...runSinks('faulted', throughFaults),
      ...runSinks('unknown project', oneUnknown)
    }
    expect(findSecrets(keyMaterial(dataset), places)).toEqual([])
  })
})
