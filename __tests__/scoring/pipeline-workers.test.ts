// evaluateRun on real scoring workers (dist/worker.js) against the same run in this thread: the
// offline sample's exports, listed several times and mixed with broken ones, must give the same
// outcomes and the same CSV, in input order. A benchmark that cannot be loaded fails the run with
// its own error, workers or not, and nothing hangs.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { RawInputs } from '../../src/inputs.js'
import type { EvaluableConfig } from '../../src/pipeline.js'
import type { RunResult } from '../../src/results/run-result.js'
import { readCsv } from '../report/csv-reader.js'
import { bundleFile } from '../../test/bundle.js'

// Three cores, whatever this machine has: createScorer then starts two workers for these runs
// (one fewer than cores), and this thread scores as well.
jest.unstable_mockModule('node:os', () => ({ ...os, default: os, availableParallelism: () => 3 }))
const { evaluateRun } = await import('../../src/pipeline.js')
const { parseConfig } = await import('../../src/config.js')
const { InputError } = await import('../../src/errors.js')
const { silentLogger } = await import('../../src/log.js')
const { CSV_COLUMNS, csvHeader } = await import('../../src/report/index.js')

/** The scoring worker of the bundle project's fresh build (never a possibly stale dist/). */
const WORKER_SCRIPT = pathToFileURL(bundleFile('worker.js'))
const SAMPLE = fileURLToPath(new URL('../../samples/demo/', import.meta.url))
const TOOL = { name: 'encord-annotator-eval', version: 'test' }
const [A, B, C] = [
  'eabd1b42-29fa-4309-a552-225619f4c7c4',
  'ffa5da8e-2392-4d84-a28b-fe0daf6029fb',
  '5b312c3d-702d-400e-a14f-ce6747b3887e'
]
const BENCHMARK = '3c543539-4b09-402f-af24-ee1e8faf932c'
const exportOf = (hash: string) => path.join(SAMPLE, 'exports', `${hash}.json`)

let scratch: string
const inScratch = (name: string) => path.join(scratch, name)
/**
 * A copy of a sample export under another path: a path given twice is scored once (with a
 * warning), so the repeats below are copies. Each lies in its own folder under the same name,
 * as offline runs take the project hash from the file name.
 */
const copyOf = (hash: string, copy: number) => {
  const file = inScratch(path.join(`copy-${copy}`, `${hash}.json`))
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    copyFileSync(exportOf(hash), file)
  }
  return file
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'pipeline-workers-'))
  writeFileSync(inScratch('not-a-list.json'), '{"label_rows": []}')
  writeFileSync(inScratch('not-json.json'), '[{"label_hash": ')
  writeFileSync(inScratch('bad-row.json'), '[{"label_hash": 7}]')
})

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

function config(benchmark: string, training: string[], more: RawInputs = {}): EvaluableConfig {
  const parsed = parseConfig({
    'benchmark-export': benchmark,
    'training-exports': training.join('\n'),
    'ontology-file': path.join(SAMPLE, 'ontology.json'),
    'workflow-stage': 'Complete',
    ...more
  })
  if (parsed.source === null) throw new Error('test config has no source')
  return parsed as EvaluableConfig
}

interface Run {
  result: RunResult
  /** Each delivery to `csvRows`, in the order it came, as text. */
  deliveries: string[]
  /** How many deliveries came as bytes (from a worker) rather than text (this thread). */
  fromWorkers: number
}

async function run(cfg: EvaluableConfig, workers: boolean): Promise<Run> {
  const deliveries: string[] = []
  let fromWorkers = 0
  const result = await evaluateRun(cfg, {
    log: silentLogger,
    tool: TOOL,
    csvRows: (rows) => {
      if (typeof rows !== 'string') fromWorkers += 1
      deliveries.push(typeof rows === 'string' ? rows : Buffer.from(rows).toString('utf8'))
    },
    ...(workers ? { workerScript: WORKER_SCRIPT } : {})
  })
  return { result, deliveries, fromWorkers }
}

/** The training_project_hash of each CSV row, runs of the same hash collapsed to one. */
function projectSequence(csv: string): string[] {
  const column = CSV_COLUMNS.indexOf('training_project_hash')
  const hashes = readCsv(csvHeader() + csv)
    .slice(1)
    .map((record) => record[column]?.value ?? '')
  return hashes.filter((hash, index) => index === 0 || hash !== hashes[index - 1])
}

describe('evaluateRun with scoring workers', () => {
  // Each sample export more than once (as copies), with failures between them: 11 projects in all.
  const training = () => [
    exportOf(A),
    exportOf(B),
    inScratch('missing.json'),
    exportOf(C),
    copyOf(A, 1),
    inScratch('not-a-list.json'),
    copyOf(B, 1),
    inScratch('not-json.json'),
    copyOf(C, 1),
    inScratch('bad-row.json'),
    copyOf(A, 2)
  ]
  let inThread: Run
  let onWorkers: Run

  beforeAll(async () => {
    if (!existsSync(WORKER_SCRIPT)) throw new Error('the fresh build has no worker.js')
    inThread = await run(config(exportOf(BENCHMARK), training()), false)
    onWorkers = await run(config(exportOf(BENCHMARK), training()), true)
  }, 120_000)

  it('really scored on workers, and in this thread too', () => {
    expect(inThread.fromWorkers).toBe(0)
    expect(onWorkers.fromWorkers).toBeGreaterThan(0)
    expect(onWorkers.fromWorkers).toBeLessThan(onWorkers.deliveries.length)
  })

  it('gives the same outcomes, in input order', () => {
    const statuses = inThread.result.projects.map((outcome) => outcome.status)
    expect(statuses).toEqual([
      'evaluated',
      'evaluated',
      'failed',
      'evaluated',
      'evaluated',
      'failed',
      'evaluated',
      'failed',
      'evaluated',
      'failed',
      'evaluated'
    ])
    const hashes = inThread.result.projects.map((outcome) =>
      outcome.status === 'evaluated' ? outcome.evaluation.projectHash : outcome.failure.projectHash
    )
    expect(hashes).toEqual([
      A,
      B,
      inScratch('missing.json'),
      C,
      A,
      inScratch('not-a-list.json'),
      B,
      inScratch('not-json.json'),
      C,
      inScratch('bad-row.json'),
      A
    ])

    expect(onWorkers.result.projects).toStrictEqual(inThread.result.projects)
    expect(onWorkers.result).toStrictEqual(inThread.result)
  })

  it('names each failed project and says what is wrong with it', () => {
    const failures = onWorkers.result.projects.flatMap((outcome) =>
      outcome.status === 'failed' ? [outcome.failure] : []
    )
    expect(failures.map((failure) => failure.projectHash)).toEqual([
      inScratch('missing.json'),
      inScratch('not-a-list.json'),
      inScratch('not-json.json'),
      inScratch('bad-row.json')
    ])
    for (const failure of failures) {
      expect(failure.message).toContain(path.basename(failure.projectHash))
      expect(failure.message).not.toMatch(/scoring worker|Unexpected error/)
    }
  })

  it('writes the same CSV, delivery by delivery, in input order', () => {
    expect(onWorkers.deliveries).toEqual(inThread.deliveries)
    const csv = onWorkers.deliveries.join('')
    expect(csv).toBe(inThread.deliveries.join(''))
    // One delivery per evaluated project, none for a failed one.
    expect(onWorkers.deliveries).toHaveLength(7)
    expect(projectSequence(csv)).toEqual([A, B, C, A, B, C, A])
    // Each delivery is one project's rows.
    expect(onWorkers.deliveries.map((rows) => projectSequence(rows))).toEqual(
      [A, B, C, A, B, C, A].map((hash) => [hash])
    )
  })

  it('gives each listing of the same export the same rows', () => {
    const [a1, b1, c1, a2, b2, c2, a3] = onWorkers.deliveries
    expect(a2).toBe(a1)
    expect(a3).toBe(a1)
    expect(b2).toBe(b1)
    expect(c2).toBe(c1)
    expect(new Set([a1, b1, c1]).size).toBe(3)
  })
})

describe('evaluateRun with scoring workers, when the benchmark cannot be loaded', () => {
  const training = () => [exportOf(A), exportOf(B), exportOf(C), exportOf(A), exportOf(B)]

  /** The run's rejection; the test fails (rather than hangs) if it takes too long. */
  async function rejectionOf(cfg: EvaluableConfig, workers: boolean): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the run did not settle within 20 s')), 20_000)
    })
    try {
      await Promise.race([run(cfg, workers), timeout])
    } catch (error) {
      return error
    } finally {
      clearTimeout(timer)
    }
    throw new Error('the run succeeded without its benchmark')
  }

  it.each([
    ['is missing', 'missing-benchmark.json'],
    ['is not a list of label rows', 'not-a-list.json'],
    ['is not JSON', 'not-json.json'],
    ['has a malformed row', 'bad-row.json']
  ])(
    'rejects with the benchmark’s error when the benchmark file %s',
    async (_what, file) => {
      const cfg = config(inScratch(file), training())
      const inThread = await rejectionOf(cfg, false)
      const onWorkers = await rejectionOf(cfg, true)

      expect(inThread).toBeInstanceOf(InputError)
      expect(onWorkers).toBeInstanceOf(InputError)
      expect((onWorkers as Error).message).toBe((inThread as Error).message)
      expect((onWorkers as Error).message).toContain(file)
      expect((onWorkers as InstanceType<typeof InputError>).input).toBe('benchmark-export')
    },
    60_000
  )

  it('rejects with the ontology file’s error when that cannot be read', async () => {
    const cfg = config(exportOf(BENCHMARK), training(), {
      'ontology-file': inScratch('no-ontology.json')
    })
    const inThread = await rejectionOf(cfg, false)
    const onWorkers = await rejectionOf(cfg, true)
    expect(onWorkers).toBeInstanceOf(InputError)
    expect((onWorkers as Error).message).toBe((inThread as Error).message)
    expect((onWorkers as Error).message).toContain('no-ontology.json')
  }, 60_000)
})
