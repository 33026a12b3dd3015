/**
 * History and the matrix merge through the bundled action (issue 16), offline so that the
 * labels can change between runs: earlier runs' report.json come from the fake GitHub's workflow
 * runs and artifact downloads (as @actions/artifact fetches them), or from a history file.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { WORKFLOW_FILE } from '../fakes/github-api.mjs'
import { e2eDataset } from './dataset.mjs'
import { GITHUB_TOKEN, startHarness, type ActionRun, type Harness } from './harness.js'

const dataset = e2eDataset()
const SAMPLE = path.resolve('samples/demo')
const PROJECTS = JSON.parse(await readFile(path.join(SAMPLE, 'projects.json'), 'utf8')) as {
  benchmarkProject: string
  trainingProjects: [string, string, string]
}
const exportOf = (hash: string): string => path.join(SAMPLE, 'exports', `${hash}.json`)

interface ResultEntry {
  project: string
  f1: number
  attempts?: number
  previous?: { f1: number } | null
}

let harness: Harness
let dir: string

const offline = (trainingExports: string[], extra: Record<string, string> = {}) => ({
  'benchmark-export': exportOf(PROJECTS.benchmarkProject),
  'ontology-file': path.join(SAMPLE, 'ontology.json'),
  'training-exports': trainingExports.join('\n'),
  'github-token': GITHUB_TOKEN,
  'min-f1': '0.5',
  'min-data-units': '1',
  'bootstrap-samples': '0',
  comment: 'off',
  'upload-artifact': 'false',
  ...extra
})

const results = (run: ActionRun): ResultEntry[] =>
  JSON.parse(run.outputs.results ?? '[]') as ResultEntry[]

/** Removes the first `count` objects of the export's image rows: the annotator's labels change. */
async function dropObjects(file: string, count: number): Promise<void> {
  const rows = JSON.parse(await readFile(file, 'utf8')) as {
    data_units: Record<string, { labels: { objects?: unknown[] } }>
  }[]
  let left = count
  for (const row of rows) {
    for (const unit of Object.values(row.data_units)) {
      const objects = unit.labels.objects ?? []
      while (left > 0 && objects.length > 0) {
        objects.shift()
        left -= 1
      }
    }
  }
  await writeFile(file, JSON.stringify(rows))
}

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  dir = await mkdtemp(path.join(tmpdir(), 'history-e2e-'))
})

afterAll(async () => {
  await harness?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('history from earlier runs’ artifacts', () => {
  it('counts an attempt per change of labels, with the right deltas; unchanged labels add none', async () => {
    const alice = path.join(dir, 'alice.json')
    await copyFile(exportOf(PROJECTS.trainingProjects[0]), alice)
    const github = harness.github
    const runOnce = async (runId: number): Promise<ActionRun> => {
      const run = await harness.run({
        inputs: offline([alice], { 'output-dir': `out-${runId}`, 'comment-key': 'history' }),
        runId: String(runId),
        workflowFile: WORKFLOW_FILE,
        eventName: 'schedule',
        event: {}
      })
      expect(run.exitCode).not.toBeNull()
      // What the run uploads, as GitHub then serves it: report.json in the run's artifact.
      github.addWorkflowRun({
        id: runId,
        artifacts: [
          {
            // artifact-name's default, the job, the comment key and the run attempt.
            name: 'annotator-scores-evaluate-history-attempt-1',
            files: new Map([['report.json', run.files.report ?? Buffer.from('')]])
          }
        ]
      })
      return run
    }

    const first = await runOnce(101)
    expect(first.summary).toContain('No earlier runs found')
    expect(results(first)[0]?.attempts).toBe(1)
    expect(results(first)[0]?.previous).toBeNull()

    await dropObjects(alice, 3)
    const second = await runOnce(102)
    await dropObjects(alice, 5)
    const third = await runOnce(103)
    const [f1a, f1b, f1c] = [first, second, third].map((run) => results(run)[0]!.f1)
    expect(new Set([f1a, f1b, f1c]).size).toBe(3)
    expect(results(third)[0]).toMatchObject({ attempts: 3, previous: { f1: f1b } })
    const delta = f1c! - f1b!
    const arrow = delta > 0 ? '▲ +' : '▼ −'
    expect(third.summary).toContain(
      `F1 ${f1c!.toFixed(3)} ${arrow}${Math.abs(delta).toFixed(3)} since last attempt · 3 attempts`
    )
    const report = JSON.parse(third.files.report!.toString('utf8'))
    expect(report.history.projects[0].attempts.map((a: { run: string }) => a.run)).toEqual([
      '101',
      '102',
      '103'
    ])

    // Labels unchanged since 103: the same attempt, compared with the one before.
    const fourth = await runOnce(104)
    expect(results(fourth)[0]).toMatchObject({ attempts: 3, previous: { f1: f1b } })
  }, 240_000)

  it('gives a notice and a normal run when the token may not read actions (403)', async () => {
    const denied = await harness.startGitHub({ actionsRead: false })
    denied.addWorkflowRun({ id: 50 })
    const run = await harness.run({
      inputs: offline([exportOf(PROJECTS.trainingProjects[0])], { 'output-dir': 'out-403' }),
      github: denied,
      runId: '60',
      workflowFile: WORKFLOW_FILE
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.passed).toBe('true')
    const notices = run.annotations('notice')
    expect(notices.some((notice) => notice.includes('actions: read'))).toBe(true)
    expect(run.annotations('error')).toEqual([])
    expect(denied.requests.some((request) => request.path.includes('/actions/'))).toBe(true)
  }, 120_000)
})

describe('history-file', () => {
  it('skips a malformed line with a warning naming it and appends this run’s line', async () => {
    const file = path.join(dir, 'history.jsonl')
    const earlier = {
      run: '7',
      at: '2026-01-01T00:00:00.000Z',
      // Offline, a project is named by its export's file name.
      projectHash: PROJECTS.trainingProjects[0],
      annotator: null,
      labelsDigest: 'sha256:older',
      scores: { f1: 0.25 }
    }
    await writeFile(file, `{"run": "6", broken\n${JSON.stringify(earlier)}\n`)
    const before = await readFile(file, 'utf8')
    const run = await harness.run({
      inputs: offline([exportOf(PROJECTS.trainingProjects[0])], {
        'output-dir': 'out-file',
        'history-runs': '0',
        'history-file': file
      }),
      runId: '900'
    })
    expect(run.exitCode).toBe(0)
    expect(run.annotations('warning')).toEqual(
      expect.arrayContaining([expect.stringContaining(`${file} line 1 is not a history entry`)])
    )
    const after = await readFile(file, 'utf8')
    expect(after.startsWith(before)).toBe(true)
    const added = after.slice(before.length).trim().split('\n')
    expect(added).toHaveLength(1)
    expect(JSON.parse(added[0]!)).toMatchObject({ run: '900' })
    const [entry] = results(run)
    expect(entry).toMatchObject({ attempts: 2, previous: { f1: 0.25 } })
  }, 120_000)
})

describe('merge-reports', () => {
  const trainings = PROJECTS.trainingProjects.map(exportOf)
  let single: ActionRun
  let legs: ActionRun[]

  beforeAll(async () => {
    single = await harness.run({
      inputs: offline(trainings, { 'output-dir': path.join(dir, 'single'), 'history-runs': '0' })
    })
    legs = []
    for (const [index, file] of trainings.entries()) {
      legs.push(
        await harness.run({
          inputs: offline([file], {
            'output-dir': path.join(dir, 'legs', `leg-${index + 1}`),
            'history-runs': '0'
          })
        })
      )
    }
  }, 240_000)

  const mergeInputs = (extra: Record<string, string>) => ({
    'github-token': GITHUB_TOKEN,
    'min-f1': '0.5',
    'min-data-units': '1',
    comment: 'off',
    'upload-artifact': 'false',
    'history-runs': '0',
    ...extra
  })

  it('gives one leaderboard whose gate, CSV and outputs equal one run over the same projects', async () => {
    const merged = await harness.run({
      inputs: mergeInputs({
        'merge-reports': path.join(dir, 'legs', '*', 'report.json'),
        'expected-legs': '3',
        'output-dir': 'merged'
      })
    })
    expect(merged.exitCode).toBe(single.exitCode)
    for (const name of ['passed', 'annotators', 'failed-annotators', 'results']) {
      expect(merged.outputs[name]).toBe(single.outputs[name])
    }
    expect(merged.files.csv?.toString('utf8')).toBe(single.files.csv?.toString('utf8'))
    const projects = (run: ActionRun) =>
      JSON.parse(run.files.report!.toString('utf8')).projects.map(
        (p: { evaluation: { projectHash: string } }) => p.evaluation.projectHash
      )
    expect(projects(merged)).toEqual(projects(single))
  }, 120_000)

  it('names the legs and the setting when legs were run differently', async () => {
    await harness.run({
      inputs: offline([trainings[0]!], {
        'output-dir': path.join(dir, 'odd', 'leg-x'),
        'iou-threshold': '0.7'
      })
    })
    const run = await harness.run({
      inputs: mergeInputs({
        'merge-reports': [
          path.join(dir, 'legs', 'leg-1', 'report.json'),
          path.join(dir, 'odd', 'leg-x', 'report.json')
        ].join('\n'),
        'output-dir': 'merged-mixed'
      })
    })
    expect(run.exitCode).toBe(1)
    const [error] = run.annotations('error')
    expect(error).toContain('iou-threshold')
    expect(error).toContain(path.join('leg-1', 'report.json'))
    expect(error).toContain(path.join('leg-x', 'report.json'))
  }, 120_000)

  it('is an error when a leg’s report is missing and expected-legs is set', async () => {
    const run = await harness.run({
      inputs: mergeInputs({
        'merge-reports': path.join(dir, 'legs', 'leg-[12]', 'report.json'),
        'expected-legs': '3',
        'output-dir': 'merged-missing'
      })
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations('error')[0]).toContain('Expected 3 legs but found 2')
  }, 120_000)
})
