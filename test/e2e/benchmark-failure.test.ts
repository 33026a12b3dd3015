/**
 * The bundled CLI and action, as processes, when the benchmark cannot be read while training
 * projects are loading and queued: each exits with code 1 and one error line naming the
 * benchmark's error, never hangs, never blames the network for the projects it stopped, on one
 * core (everything in the main thread) and on two (a scoring worker too). The action's log
 * groups never nest.
 *
 * Cores are chosen as a runner would have them: the process is pinned with `taskset -c`, and the
 * action sizes its scoring workers by the CPUs it may use (os.availableParallelism()).
 */
import { spawn, spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { deterministicUuid } from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import {
  BENCHMARK,
  EVALUATOR,
  streetProject,
  streetScenario,
  UNKNOWN
} from '../../__tests__/pipeline/scenario.js'
import {
  UNKNOWN_ATTRIBUTE,
  unreadableBenchmark
} from '../../__tests__/pipeline/unreadable-benchmark.js'
import { tempDir } from '../../__tests__/cli/support.js'
import { bundleFile } from '../bundle.js'
import { startHarness, type ActionRun, type Harness, type WorkflowCommand } from './harness.js'

const COUNTS = [3, 8, 24]
const MOST = Math.max(...COUNTS)
const GOOD_BENCHMARK = deterministicUuid('benchmark-failure-e2e', 'good-benchmark')
/** A child still running then is killed: a hang fails the test, with what it printed. */
const HANG_MS = 60_000

const training = Array.from({ length: MOST }, (_, i) =>
  deterministicUuid('benchmark-failure-e2e', 'training', i)
)

const pinnable = tasksetWorks()
/** `taskset -c` CPU lists for one core and two; `can`: this machine can pin a process to them. */
const CORES = [
  { cores: 1, cpus: '0', can: pinnable && availableParallelism() >= 1 },
  { cores: 2, cpus: '0,1', can: pinnable && availableParallelism() >= 2 }
]

let harness: Harness
let encord: FakeEncord
/** The CLI's working directory: where its output-dir would go. */
let cwd: { dir: string; remove(): Promise<void> }

beforeAll(async () => {
  cwd = await tempDir('benchmark-failure-cli-')
  const projects = Object.fromEntries(
    training.map((hash, i) => [
      hash,
      streetProject(hash, `Training ${i}`, { email: `annotator-${i}@example.com` })
    ])
  )
  const scenario = streetScenario({
    projects: {
      ...projects,
      [BENCHMARK]: unreadableBenchmark(BENCHMARK),
      [GOOD_BENCHMARK]: streetProject(GOOD_BENCHMARK, 'Benchmark', { email: 'e@example.com' })
    }
  })
  harness = await startHarness({ scenario })
  // Answers take a while, so training projects are still downloading when the benchmark fails.
  encord = await startFakeEncord({ scenario, latencyMs: 25 })
}, 60_000)

afterAll(async () => {
  await encord?.close()
  await harness?.close()
  await cwd?.remove()
})

function inputs(benchmark: string, count: number): Record<string, string> {
  return {
    'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
    'encord-domain': encord.url,
    'benchmark-project': benchmark,
    'training-projects': training.slice(0, count).join('\n'),
    // Two projects at once: with three or more, some are queued when the benchmark fails.
    concurrency: '2',
    comment: 'off',
    'upload-artifact': 'false'
  }
}

/** Throws if a `::group::` opens before the previous one closed (GitHub does not nest them). */
function expectGroupsNeverNest(commands: readonly WorkflowCommand[]): void {
  let open: string | null = null
  for (const command of commands) {
    if (command.name === 'group') {
      if (open !== null) throw new Error(`group "${command.message}" opened inside "${open}"`)
      open = command.message
    } else if (command.name === 'endgroup') {
      if (open === null) throw new Error('endgroup without a group')
      open = null
    }
  }
  expect(open).toBeNull()
}

/** The two ways a benchmark fails: at once (not found), or once its labels are read. */
const BAD_BENCHMARKS = [
  { what: 'not found', hash: UNKNOWN, names: [UNKNOWN] },
  { what: 'unreadable', hash: BENCHMARK, names: [BENCHMARK, UNKNOWN_ATTRIBUTE] }
]

function expectTheBenchmarksError(line: string | undefined, names: readonly string[]): void {
  for (const name of names) expect(line).toContain(name)
  expect(line).not.toMatch(/Unexpected error|Could not reach Encord|cancelled/)
}

function cliArgs(benchmark: string, count: number): string[] {
  return [
    '--benchmark-project',
    benchmark,
    ...training.slice(0, count).flatMap((hash) => ['--training-project', hash]),
    '--encord-domain',
    encord.url,
    '--concurrency',
    '2'
  ]
}

for (const { cores, cpus, can } of CORES) {
  describe(`on ${cores} core(s)`, () => {
    if (!can) {
      // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- says what was not checked
      it.skip(`is not checked: this machine cannot pin a process to ${cores} core(s)`, () => {})
      return
    }

    describe.each(BAD_BENCHMARKS)('with a benchmark that is $what', ({ hash, names }) => {
      it.each(COUNTS)(
        'the bundled action fails its step with one error, %i training projects',
        async (count) => {
          const run: ActionRun = await harness.run({ inputs: inputs(hash, count), cpus })
          expect(run.stderr).not.toContain('[killed by')
          expect(run.exitCode).toBe(1)
          const errors = run.annotations('error')
          expect(errors).toHaveLength(1)
          expectTheBenchmarksError(errors[0], names)
          expect(run.visibleStdout).not.toMatch(/Could not reach Encord|cancelled/)
          // Nothing goes on after the run has failed: no worker is stopped with work in hand.
          expect(run.annotations('warning')).toEqual([])
          expect(run.outputs.passed).toBe('false')
          expectGroupsNeverNest(run.commands)
        },
        HANG_MS + 10_000
      )

      it.each(COUNTS)(
        'the bundled CLI exits 1 with one error line, %i training projects',
        async (count) => {
          const result = await pinned(cpus, [bundleFile('cli.js'), ...cliArgs(hash, count)], {
            PATH: process.env.PATH ?? '',
            NO_COLOR: '1',
            ENCORD_SSH_KEY: EVALUATOR.privateKeyOpenSsh
          })
          expect(result.killed).toBe(false)
          expect(result.code).toBe(1)
          const errorLines = result.stderr.split('\n').filter((line) => /^error\b/i.test(line))
          expect(errorLines).toHaveLength(1)
          expectTheBenchmarksError(errorLines[0], names)
          expect(result.stderr).not.toMatch(/Could not reach Encord|cancelled/)
          expect(result.stderr).not.toMatch(/^warning:/m)
        },
        HANG_MS + 10_000
      )
    })

    it('the bundled action that scores opens its groups one after another', async () => {
      const run = await harness.run({ inputs: inputs(GOOD_BENCHMARK, 3), cpus })
      expect(run.exitCode).toBe(0)
      const groups = run.commands.filter((command) => command.name === 'group')
      // Preflight (on by default) checks the set-up first, in a group of its own.
      expect(groups.map((group) => group.message).slice(0, 3)).toEqual([
        'Preflight: check the set-up',
        `Load the benchmark project ${GOOD_BENCHMARK}`,
        'Score 3 training project(s)'
      ])
      expectGroupsNeverNest(run.commands)
    }, 60_000)
  })
}

/** Runs `node args…` pinned to `cpus`, with exactly `env`; killed if it outlives HANG_MS. */
function pinned(
  cpus: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', cpus, process.execPath, ...args], {
      env,
      cwd: cwd.dir,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let killed = false
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, HANG_MS)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, killed })
    })
  })
}

function tasksetWorks(): boolean {
  const probe = spawnSync('taskset', ['-c', '0', process.execPath, '-e', ''], { stdio: 'ignore' })
  return probe.error === undefined && probe.status === 0
}
