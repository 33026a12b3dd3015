/**
 * List inputs as the runner passes them to the bundled action: a training export path with a
 * space or a comma is one path (one per line when the value has line breaks), and a project or
 * export given twice is scored once, with one warning.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { e2eDataset } from './dataset.mjs'
import { evaluationInputs, startHarness, type ActionRun, type Harness } from './harness.js'

const dataset = e2eDataset()
const SAMPLE = path.resolve('samples/demo')
const sampleExport = (index: number): string => {
  const hashes = ['eabd1b42-29fa-4309-a552-225619f4c7c4', 'ffa5da8e-2392-4d84-a28b-fe0daf6029fb']
  return path.join(SAMPLE, 'exports', `${hashes[index]}.json`)
}

let harness: Harness
let exportsDir: string
let repeatedProjects: ActionRun
let offlineLines: ActionRun
let offlineOneLine: ActionRun

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  exportsDir = await mkdtemp(path.join(tmpdir(), 'list-inputs-'))
  const spaced = path.join(exportsDir, 'alice export.json')
  const comma = path.join(exportsDir, 'bob, second.json')
  await copyFile(sampleExport(0), spaced)
  await copyFile(sampleExport(1), comma)
  const offline = {
    'benchmark-export': path.join(SAMPLE, 'exports', '3c543539-4b09-402f-af24-ee1e8faf932c.json'),
    'ontology-file': path.join(SAMPLE, 'ontology.json'),
    comment: 'off',
    'upload-artifact': 'false'
  }
  const [first, second] = dataset.trainingProjects as [string, string]
  ;[repeatedProjects, offlineLines, offlineOneLine] = await Promise.all([
    harness.run({
      inputs: {
        ...evaluationInputs(dataset, harness.encord),
        'training-projects': `${first}\n${second}\n${first.toUpperCase()}`,
        comment: 'off',
        'upload-artifact': 'false'
      }
    }),
    // A YAML block: one path per line, the last line break included.
    harness.run({ inputs: { ...offline, 'training-exports': `${spaced}\n${comma}\n${spaced}\n` } }),
    harness.run({ inputs: { ...offline, 'training-exports': spaced } })
  ])
}, 180_000)

afterAll(async () => {
  await harness?.close()
  await rm(exportsDir, { recursive: true, force: true })
})

describe('a training project listed twice', () => {
  it('is scored once, with one warning naming it', () => {
    expect(repeatedProjects.annotations('error')).toEqual([])
    expect(repeatedProjects.outputs.annotators).toBe('2')
    expect(repeatedProjects.annotations('warning')).toEqual([
      `Input 'training-projects' lists '${dataset.trainingProjects[0]}' more than once; each is scored once`
    ])
  })
})

describe('training-exports', () => {
  it('one path per line: spaces and commas stay in the path; a repeat is scored once', () => {
    expect(offlineLines.annotations('error')).toEqual([])
    expect(offlineLines.outputs.annotators).toBe('2')
    const projects = (
      JSON.parse(offlineLines.outputs.results ?? '[]') as { project: string }[]
    ).map((entry) => entry.project)
    expect(projects).toEqual(['alice export', 'bob, second'])
    expect(offlineLines.annotations('warning')).toEqual([
      `Input 'training-exports' lists '${path.join(exportsDir, 'alice export.json')}' more than once; each is scored once`
    ])
  })

  it('a single line is one path, space included', () => {
    expect(offlineOneLine.annotations('error')).toEqual([])
    expect(offlineOneLine.outputs.annotators).toBe('1')
    expect(offlineOneLine.annotations('warning')).toEqual([])
  })
})
