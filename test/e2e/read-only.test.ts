/**
 * A scoring run never writes to Encord (the set-up issue, 17): the bundled action and the bundled CLI, with
 * preflight on (the default), score against the fake, which records every write it is sent
 * (label-row creation, project creation, adding users) whether it carries it out or not.
 */
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { tempDir } from '../../__tests__/cli/support.js'
import { bundleFile } from '../bundle.js'
import { e2eDataset } from './dataset.mjs'
import { evaluationInputs, startHarness, type ActionRun, type Harness } from './harness.js'

const dataset = e2eDataset()
let harness: Harness
let action: ActionRun
let cli: { code: number | null; stderr: string }
let cwd: { dir: string; remove(): Promise<void> }

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  cwd = await tempDir('read-only-cli-')
  action = await harness.run({
    inputs: { ...evaluationInputs(dataset, harness.encord), comment: 'off' }
  })
  cli = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        bundleFile('cli.js'),
        '--benchmark-project',
        dataset.benchmarkProject,
        ...dataset.trainingProjects.flatMap((hash) => ['--training-project', hash]),
        '--encord-domain',
        harness.encord.url
      ],
      {
        cwd: cwd.dir,
        env: { PATH: process.env.PATH ?? '', ENCORD_SSH_KEY: dataset.key.privateKeyOpenSsh }
      }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stderr }))
  })
}, 180_000)

afterAll(async () => {
  await harness?.close()
  await cwd?.remove()
})

describe('a scoring run', () => {
  it('ran its preflight and scored, through the action and through the CLI', () => {
    expect(action.exitCode).toBe(0)
    expect(cli).toEqual({ code: 0, stderr: expect.any(String) })
    const endpoints = harness.encord.requestLog.map((entry) => entry.endpoint)
    // Each run read the benchmark's datasets once for preflight: the checks were not skipped.
    expect(
      endpoints.filter((endpoint) => endpoint === 'v2 GET /projects/{hash}/datasets').length
    ).toBeGreaterThanOrEqual(2)
  })

  it('sends no write request, from the action or the CLI', () => {
    expect(harness.encord.stats().writes).toEqual([])
    const endpoints = new Set(harness.encord.requestLog.map((entry) => entry.endpoint))
    for (const write of ['v1 user project POST', 'v1 projectusers POST', 'v1 labelrow PUT']) {
      expect(endpoints).not.toContain(write)
    }
  })
})
