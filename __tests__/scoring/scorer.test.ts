// createScorer with real scoring workers (dist/worker.js), driven directly so that tasks surely
// reach the workers: three tasks at once go one to this thread and one to each of two workers.
// Scores match the in-thread scorer's; a benchmark failure rejects every task with the
// benchmark's own error, whether the task was sent before or after the failure; a worker that
// stops costs no project its score (the main thread does its tasks), until the scorer is closed.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ScoredProject } from '../../src/scoring/score-project.js'
import type { Scorer } from '../../src/scoring/scorer.js'
import { bundleFile } from '../../test/bundle.js'

// Three cores, whatever this machine has: two workers for three training projects.
jest.unstable_mockModule('node:os', () => ({ ...os, default: os, availableParallelism: () => 3 }))
const { createScorer } = await import('../../src/scoring/scorer.js')
const { parseConfig } = await import('../../src/config.js')
const { InputError } = await import('../../src/errors.js')
const { silentLogger } = await import('../../src/log.js')
type Logger = import('../../src/log.js').Logger

/** The scoring worker of the bundle project's fresh build (never a possibly stale dist/). */
const WORKER_SCRIPT = pathToFileURL(bundleFile('worker.js'))
const SAMPLE = fileURLToPath(new URL('../../samples/demo/', import.meta.url))
const BENCHMARK = '3c543539-4b09-402f-af24-ee1e8faf932c'
const TRAINING = [
  'eabd1b42-29fa-4309-a552-225619f4c7c4',
  'ffa5da8e-2392-4d84-a28b-fe0daf6029fb',
  '5b312c3d-702d-400e-a14f-ce6747b3887e'
]
const exportOf = (hash: string) => path.join(SAMPLE, 'exports', `${hash}.json`)

let scratch: string

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'scorer-'))
  writeFileSync(path.join(scratch, 'broken-benchmark.json'), '{"not": "a list"}')
})

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

async function scorer(
  workers: boolean,
  options: { script?: URL; log?: Logger; projectsAtOnce?: number } = {}
): Promise<Scorer> {
  const config = parseConfig({
    'benchmark-export': exportOf(BENCHMARK),
    'training-exports': TRAINING.map(exportOf).join('\n'),
    'ontology-file': path.join(SAMPLE, 'ontology.json'),
    'workflow-stage': 'Complete'
  })
  if (config.source === null) throw new Error('test config has no source')
  return createScorer({
    source: config.source,
    workflowStage: config.workflowStage,
    evaluation: config.evaluation,
    trainingCount: TRAINING.length,
    projectsAtOnce: options.projectsAtOnce ?? TRAINING.length,
    log: options.log ?? silentLogger,
    signal: new AbortController().signal,
    version: 'test',
    ...(workers ? { workerScript: options.script ?? WORKER_SCRIPT } : {})
  })
}

/** Settles with `promise`, or fails the test (rather than hang) after 20 s. */
async function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('did not settle within 20 s')), 20_000)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

const asText = (scored: ScoredProject) => ({
  outcome: scored.outcome,
  csvRows:
    typeof scored.csvRows === 'string' || scored.csvRows === null
      ? scored.csvRows
      : Buffer.from(scored.csvRows).toString('utf8')
})

describe('createScorer with workers', () => {
  it('scores as the in-thread scorer does, part of it on the workers', async () => {
    const reference = await scorer(false)
    const expected = await (async () => {
      try {
        const summary = await reference.loadBenchmark(exportOf(BENCHMARK))
        return {
          summary,
          scored: await Promise.all(TRAINING.map((id) => reference.score(exportOf(id))))
        }
      } finally {
        await reference.close()
      }
    })()

    const withWorkers = await scorer(true)
    try {
      // Tasks are sent before the benchmark has loaded; the workers wait for it.
      const benchmark = withWorkers.loadBenchmark(exportOf(BENCHMARK))
      const scored = await within(
        Promise.all(TRAINING.map((id) => withWorkers.score(exportOf(id))))
      )
      await expect(benchmark).resolves.toEqual(expected.summary)

      expect(scored.map((one) => one.outcome.status)).toEqual([
        'evaluated',
        'evaluated',
        'evaluated'
      ])
      expect(expected.summary).toMatchObject({ projectHash: BENCHMARK, rows: 24 })
      expect(scored.map(asText)).toStrictEqual(expected.scored.map(asText))
      // Workers answer with bytes, this thread with text: some of each.
      const fromWorkers = scored.filter((one) => one.csvRows instanceof Uint8Array).length
      expect(fromWorkers).toBeGreaterThan(0)
      expect(fromWorkers).toBeLessThan(scored.length)
    } finally {
      await withWorkers.close()
    }
  })

  it('rejects every task with the benchmark’s error, tasks sent before it failed', async () => {
    const withWorkers = await scorer(true)
    try {
      const benchmark = withWorkers.loadBenchmark(path.join(scratch, 'broken-benchmark.json'))
      const tasks = TRAINING.map((id) => withWorkers.score(exportOf(id)))
      const error = await within(
        benchmark.then(
          () => null,
          (reason: unknown) => reason
        )
      )
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toContain('broken-benchmark.json')
      const settled = await within(Promise.allSettled(tasks))
      // The very same error, from this thread's task and from the workers' alike.
      expect(settled).toEqual(TRAINING.map(() => ({ status: 'rejected', reason: error })))
      for (const result of settled) expect((result as PromiseRejectedResult).reason).toBe(error)
    } finally {
      await within(withWorkers.close())
    }
  })

  it('rejects every task with the benchmark’s error, tasks sent after it failed', async () => {
    const withWorkers = await scorer(true)
    try {
      const error = await within(
        withWorkers.loadBenchmark(path.join(scratch, 'missing-benchmark.json')).then(
          () => null,
          (reason: unknown) => reason
        )
      )
      expect(error).toBeInstanceOf(InputError)
      const settled = await within(
        Promise.allSettled(TRAINING.map((id) => withWorkers.score(exportOf(id))))
      )
      for (const result of settled) {
        expect(result.status).toBe('rejected')
        expect((result as PromiseRejectedResult).reason).toBe(error)
      }
    } finally {
      await within(withWorkers.close())
    }
  })

  it('fails a training project alone, on a worker as in this thread', async () => {
    const withWorkers = await scorer(true)
    try {
      await withWorkers.loadBenchmark(exportOf(BENCHMARK))
      const missing = path.join(scratch, 'missing-training.json')
      // Three at once: whichever thread gets the missing one, it fails alone.
      const scored = await within(
        Promise.all(
          [missing, exportOf(TRAINING[0] as string), missing].map((id) => withWorkers.score(id))
        )
      )
      expect(scored.map((one) => one.outcome.status)).toEqual(['failed', 'evaluated', 'failed'])
      for (const one of [scored[0], scored[2]]) {
        expect(one?.csvRows).toBeNull()
        expect(one?.outcome).toMatchObject({
          status: 'failed',
          failure: { projectHash: missing, projectTitle: null }
        })
      }
      expect(scored[0]?.outcome).toStrictEqual(scored[2]?.outcome)
    } finally {
      await withWorkers.close()
    }
  })

  it('scores on the main thread the tasks of a worker that stops, with a warning', async () => {
    const reference = await scorer(false)
    let expected: ScoredProject[]
    try {
      await reference.loadBenchmark(exportOf(BENCHMARK))
      expected = await Promise.all(TRAINING.map((id) => reference.score(exportOf(id))))
    } finally {
      await reference.close()
    }

    const crashing = path.join(scratch, 'crashing-worker.mjs')
    writeFileSync(
      crashing,
      "import { parentPort } from 'node:worker_threads'\n" +
        "parentPort.on('message', (m) => { if (m.type === 'score') process.exit(9) })\n"
    )
    const warnings: string[] = []
    const withWorkers = await scorer(true, {
      script: new URL(`file://${crashing}`),
      log: { ...silentLogger, warning: (message) => warnings.push(message) }
    })
    try {
      await withWorkers.loadBenchmark(exportOf(BENCHMARK))
      const scored = await within(
        Promise.all(TRAINING.map((id) => withWorkers.score(exportOf(id))))
      )
      expect(scored.map(asText)).toStrictEqual(expected.map(asText))
      // Two of the three went to a worker first (one to each), and came back.
      expect(warnings).toHaveLength(2)
      for (const warning of warnings) {
        expect(warning).toMatch(
          /^A scoring worker stopped \(.*exit code 9.*\); scoring .+ on the main thread instead\.$/
        )
      }
    } finally {
      await withWorkers.close()
    }
  })

  it('once closed, scores nothing on the main thread for a worker it stopped', async () => {
    const silent = path.join(scratch, 'silent-worker.mjs')
    writeFileSync(
      silent,
      "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => {})\n"
    )
    const warnings: string[] = []
    const withWorkers = await scorer(true, {
      script: new URL(`file://${silent}`),
      log: { ...silentLogger, warning: (message) => warnings.push(message) }
    })
    await withWorkers.loadBenchmark(exportOf(BENCHMARK))
    // The first task is done here; the other two go one to each worker, which never answers.
    const [here, ...onWorkers] = TRAINING.map((id) => withWorkers.score(exportOf(id)))
    const answered = Promise.allSettled(onWorkers)
    await here
    await withWorkers.close()
    const settled = await within(answered)
    expect(settled).toHaveLength(2)
    for (const task of settled) {
      expect(task.status).toBe('rejected')
      expect(String((task as PromiseRejectedResult).reason)).toMatch(
        /the scorer was closed before .+ was scored$/
      )
    }
    expect(warnings).toEqual([])
  })

  it('starts no worker when the run scores one project at a time', async () => {
    const oneAtATime = await scorer(true, { projectsAtOnce: 1 })
    try {
      await oneAtATime.loadBenchmark(exportOf(BENCHMARK))
      const scored = await within(Promise.all(TRAINING.map((id) => oneAtATime.score(exportOf(id)))))
      // This thread answers with text, a worker with bytes.
      expect(scored.map((one) => typeof one.csvRows)).toEqual(['string', 'string', 'string'])
    } finally {
      await oneAtATime.close()
    }
  })
})
