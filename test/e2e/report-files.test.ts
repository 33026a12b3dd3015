/**
 * Where the report files go, as a user breaks it: an output-dir that is a file, a folder where
 * report.json goes, a folder that turns bad while the run scores, and a run stopped by SIGTERM
 * (a cancelled workflow) half-way through the CSV. Through the bundled action and CLI, against the
 * fake Encord server: the check comes before any request, a failed write never ends green, and
 * the folder never holds files of two runs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { KEY_A, KEY_USERS, runNode, tempDir } from '../../__tests__/cli/support.js'
import { ALICE, BENCHMARK, BOB, CAROL, streetScenario } from '../../__tests__/pipeline/scenario.js'
import { bundleFile } from '../bundle.js'
import { GITHUB_TOKEN, startHarness, type Harness, type Inputs } from './harness.js'

const CLI = bundleFile('cli.js')
const REPORT_NAMES = ['iou_results.csv', 'report.html', 'report.json', 'summary.md']
const scenario = streetScenario({ users: KEY_USERS })

let harness: Harness
/** Answers every request after 150 ms, so a run lasts long enough to act on it half-way. */
let slowEncord: FakeEncord
let temp: { dir: string; remove(): Promise<void> }

beforeAll(async () => {
  harness = await startHarness({ scenario })
  slowEncord = await startFakeEncord({ scenario, latencyMs: 150 })
  temp = await tempDir('report-files-')
})

afterAll(async () => {
  await slowEncord.close()
  await harness.close()
  await temp.remove()
})

function actionInputs(encordUrl: string, outputDir: string): Inputs {
  return {
    'ssh-private-key': KEY_A.privateKeyOpenSsh,
    'benchmark-project': BENCHMARK,
    'training-projects': `${ALICE}\n${BOB}`,
    'encord-domain': encordUrl,
    'github-token': GITHUB_TOKEN,
    'output-dir': outputDir,
    'upload-artifact': 'false',
    comment: 'off'
  }
}

function cliArgs(encordUrl: string, outputDir: string, training = [ALICE, BOB]): string[] {
  return [
    CLI,
    '--encord-domain',
    encordUrl,
    '--benchmark-project',
    BENCHMARK,
    '--training-projects',
    training.join(' '),
    '--output-dir',
    outputDir
  ]
}

const cliEnv = { PATH: process.env.PATH, NO_COLOR: '1', ENCORD_SSH_KEY: KEY_A.privateKeyOpenSsh }

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 1500; tries++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`gave up waiting: ${what}`)
}

describe('an output-dir that cannot be written stops the run before any request', () => {
  it('CLI: a file as --output-dir exits 2 with one line, and Encord is never asked', async () => {
    const file = path.join(temp.dir, 'a-file')
    await writeFile(file, 'keep me')
    harness.encord.resetStats()
    const result = await runNode(cliArgs(harness.encord.url, file), { env: cliEnv })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `error: --output-dir is a file, not a folder: ${file}. Set it to a folder (it is created if missing), e.g. --output-dir encord-annotator-eval\n`
    )
    expect(harness.encord.stats().requests).toBe(0)
    expect(await readFile(file, 'utf8')).toBe('keep me')
  })

  it('CLI: a folder named report.json in the output folder exits 2 naming it', async () => {
    const out = path.join(temp.dir, 'taken')
    await mkdir(path.join(out, 'report.json'), { recursive: true })
    harness.encord.resetStats()
    const result = await runNode(cliArgs(harness.encord.url, out), { env: cliEnv })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `error: --output-dir holds a folder named report.json where the report file goes: ${path.join(out, 'report.json')}. Remove that folder, or set output-dir to another folder\n`
    )
    expect(harness.encord.stats().requests).toBe(0)
  })

  it('action: a file as output-dir fails the step with passed=false, and Encord is never asked', async () => {
    const file = path.join(temp.dir, 'another-file')
    await writeFile(file, '')
    harness.encord.resetStats()
    const run = await harness.run({ inputs: actionInputs(harness.encord.url, file) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.passed).toBe('false')
    expect(run.annotations('error')).toEqual([
      `Input 'output-dir' is a file, not a folder: ${file}. Set it to a folder (it is created if missing), e.g. output-dir: encord-annotator-eval`
    ])
    expect(harness.encord.stats().requests).toBe(0)
  })
})

describe('a write that fails after the scoring', () => {
  it('action: fails the step with passed=false and says what happened in words', async () => {
    const out = path.join(temp.dir, 'turns-bad')
    const blocker = path.join(out, 'report.json')
    slowEncord.resetStats()
    const running = harness.run({ inputs: actionInputs(slowEncord.url, out) })
    // The check has passed once requests arrive; then something takes report.json's place.
    await until(async () => slowEncord.requestLog.length > 0, 'the first request')
    await mkdir(blocker, { recursive: true })
    await writeFile(path.join(blocker, 'in-the-way'), '')
    const run = await running

    expect(run.exitCode).toBe(1)
    expect(run.outputs.passed).toBe('false')
    expect(run.outputs['report-path']).toBe('')
    const errors = run.annotations('error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(
        `^Could not write ${escapeRegExp(blocker)}: a folder of that name is in the way \\(EISDIR\\)\\. Remove that folder, or set output-dir to another folder`
      )
    )
    expect(errors[0]).not.toContain('Unexpected error')
    // The scores are still shown, with what went wrong; nothing half-written is left behind.
    expect(run.summary).toContain('annotators')
    expect(run.summary).toContain('The report files could not be written:** Could not write')
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([])
  })
})

describe('a run stopped by SIGTERM half-way through the CSV', () => {
  it('CLI: leaves no file of the previous run beside its partial CSV; the next run cleans up', async () => {
    const out = path.join(temp.dir, 'cancelled')
    await mkdir(out, { recursive: true })
    await writeFile(path.join(out, 'iou_results.csv'), 'previous run\n')
    await writeFile(path.join(out, 'report.json'), '{"previous": true}\n')
    await writeFile(path.join(out, 'summary.md'), '# previous run\n')

    const child = spawn(
      process.execPath,
      [...cliArgs(slowEncord.url, out, [ALICE, BOB, CAROL]), '--concurrency', '1'],
      { env: cliEnv, stdio: 'ignore' }
    )
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal))
    )
    // Stopped once the first project's rows are in the CSV and the others are still fetched.
    const partial = path.join(out, `.iou_results.csv.partial-${child.pid}`)
    await until(async () => {
      const size = await stat(partial).then(
        (found) => found.size,
        () => 0
      )
      return size > 300
    }, 'rows in the partial CSV')
    child.kill('SIGTERM')
    expect(await exited).toBe('SIGTERM')

    const left = await readdir(out)
    expect(left.filter((name) => REPORT_NAMES.includes(name))).toEqual([])
    expect(left).toEqual([path.basename(partial)])

    const next = await runNode(cliArgs(harness.encord.url, out), { env: cliEnv })
    expect(next.code).toBe(0)
    // Every report file is back, and nothing half-written is left (other outputs may sit beside).
    const after = await readdir(out)
    expect(after.filter((name) => REPORT_NAMES.includes(name)).sort()).toEqual(REPORT_NAMES)
    expect(after.filter((name) => name.startsWith('.'))).toEqual([])
    const csv = await readFile(path.join(out, 'iou_results.csv'), 'utf8')
    expect(csv).not.toContain('previous run')
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
