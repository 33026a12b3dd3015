// evaluateRun writes each project's CSV rows in input order, so rows of finished projects wait
// behind a slow one. Bounded: a project starts only once the project `projectsAhead` places
// before it has been handed on, however many projects the run has. Here the first of 24
// training projects is held at its first request; the others are aliases of the real ones
// (their requests go to Bob's and Carol's projects on the fake server). No sleeps: the test
// checks the rule at every start, and releases the held project once every project allowed to
// run meanwhile has finished (its progress line is logged).
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import { createEncordClient, encordUserAgent, type EncordClient } from '../../src/encord/client.js'
import { signingKeyFor } from '../../src/encord/keys.js'
import { silentLogger, type Logger } from '../../src/log.js'
import {
  evaluateRun,
  projectConcurrency,
  projectsAhead,
  type EvaluableConfig,
  type PipelineDeps
} from '../../src/pipeline.js'
import { CSV_COLUMNS } from '../../src/report/index.js'
import { deterministicUuid } from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { readCsv } from '../report/csv-reader.js'
import { ALICE, BENCHMARK, BOB, CAROL, EVALUATOR, streetScenario, UNKNOWN } from './scenario.js'

const TOOL = { name: 'encord-annotator-eval', version: 'test' }
const TRAINING_COUNT = 24
let fake: FakeEncord | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

/** Training project i: the first is Alice's project itself, the rest aliases of Bob's and Carol's. */
const training = Array.from({ length: TRAINING_COUNT }, (_, i) =>
  i === 0 ? ALICE : deterministicUuid('rows-ahead', `alias-${i}`)
)
const realHash = (hash: string): string => {
  const index = training.indexOf(hash)
  return index <= 0 ? hash : index % 2 === 0 ? BOB : CAROL
}

/**
 * The real client, with training projects' requests sent to the real projects behind their
 * aliases; records which training projects were started, and holds the first at `held`.
 * `onStart(index)` is called as a training project starts, `fetched` gets the index of each
 * project whose label rows have been fetched.
 */
function aliasingClients(
  started: Set<number>,
  held: Promise<void>,
  onStart: (index: number) => void = () => {},
  fetched: Set<number> = new Set()
): NonNullable<PipelineDeps['createClient']> {
  return (source, log, signal) => {
    const client: EncordClient = createEncordClient({
      key: signingKeyFor(source.key),
      domain: source.domain,
      concurrency: source.concurrency,
      userAgent: encordUserAgent(TOOL.version),
      debug: log.debug,
      signal
    })
    return {
      ...client,
      async getProject(hash) {
        const index = training.indexOf(hash)
        if (index >= 0) {
          onStart(index)
          started.add(index)
        }
        if (index === 0) await held
        const info = await client.getProject(realHash(hash))
        return { ...info, projectHash: hash }
      },
      getOntology: (hash, project) => client.getOntology(hash, project),
      listLabelRows: (hash, stage) => client.listLabelRows(realHash(hash), stage),
      async fetchLabelRowsLazily(hash, labels) {
        const readers = await client.fetchLabelRowsLazily(realHash(hash), labels)
        fetched.add(training.indexOf(hash))
        return readers
      },
      close: () => client.close()
    }
  }
}

function configFor(benchmark: string, concurrency: string): EvaluableConfig {
  const parsed = parseConfig({
    // Preflight reads every project once more; its own tests are in __tests__/preflight.
    preflight: 'false',
    'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
    'encord-domain': (fake as FakeEncord).url,
    'benchmark-project': benchmark,
    'training-projects': training.join('\n'),
    concurrency
  })
  if (parsed.source === null) throw new Error('test config has no source')
  return parsed as EvaluableConfig
}

describe('evaluateRun with a slow first project', () => {
  it('starts no project more than projectsAhead places past the first unwritten one', async () => {
    fake = await startFakeEncord({ scenario: streetScenario() })
    const config = configFor(BENCHMARK, '8')
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    // Scored in this thread (an injected client keeps scoring off workers).
    const ahead = projectsAhead(projectConcurrency(config, 1))
    expect(ahead).toBeLessThan(TRAINING_COUNT - 1)
    const started = new Set<number>()
    const fetched = new Set<number>()
    // The rule, checked as each project starts: project i starts only once project i − ahead is
    // handed on, so its label rows were fetched before.
    const startedEarly: number[] = []
    const onStart = (index: number): void => {
      if (index >= ahead && !fetched.has(index - ahead)) startedEarly.push(index)
    }
    // Projects 1 … ahead − 1 may run while the first is held; each logs a progress line when done.
    let othersDone!: () => void
    const othersFinished = new Promise<void>((resolve) => (othersDone = resolve))
    let progressLines = 0
    const log: Logger = {
      ...silentLogger,
      group: (_name, work) => work(),
      info(message) {
        if (/^\[\d+\/\d+\] /.test(message) && ++progressLines === ahead - 1) othersDone()
      }
    }
    const deliveries: string[] = []
    const run = evaluateRun(config, {
      log,
      tool: TOOL,
      csvRows: (rows) => void deliveries.push(Buffer.from(rows).toString('utf8')),
      createClient: aliasingClients(started, held, onStart, fetched)
    })

    await othersFinished
    // Every project that may start did, and finished; none further started, none was written.
    expect([...started].sort((a, b) => a - b)).toEqual(Array.from({ length: ahead }, (_, i) => i))
    expect(deliveries).toEqual([])

    release()
    const result = await run
    expect(started.size).toBe(TRAINING_COUNT)
    expect(startedEarly).toEqual([])
    expect(result.projects.map((outcome) => outcome.status)).toEqual(
      training.map(() => 'evaluated')
    )
    // Every project's rows, each once, in input order.
    const column = CSV_COLUMNS.indexOf('training_project_hash')
    expect(
      deliveries.map((rows) => [...new Set(readCsv(rows).map((r) => r[column]?.value ?? ''))])
    ).toEqual(training.map((hash) => [hash]))
  })
})

describe('evaluateRun when the benchmark fails', () => {
  it('starts none of the training projects still queued', async () => {
    fake = await startFakeEncord({ scenario: streetScenario() })
    const started = new Set<number>()
    // Concurrency 1: two projects at once; the other 22 are queued when the benchmark fails.
    const run = evaluateRun(configFor(UNKNOWN, '1'), {
      log: silentLogger,
      tool: TOOL,
      createClient: aliasingClients(started, Promise.resolve())
    })
    // evaluateRun settles every project before it rejects, so none can start after this.
    await expect(run).rejects.toThrow(UNKNOWN)
    expect(started.size).toBeLessThanOrEqual(2)
  })
})

describe('projectConcurrency', () => {
  const config = (concurrency: string) =>
    ({ source: { kind: 'encord', concurrency: Number(concurrency) } }) as unknown as EvaluableConfig

  it('keeps two projects per scoring thread in hand: one scored, the next one loading', () => {
    expect(projectConcurrency(config('8'), 2)).toBe(4)
    expect(projectConcurrency(config('8'), 4)).toBe(8)
    expect(projectConcurrency(config('8'), 16)).toBe(32)
    expect(projectConcurrency(config('2'), 1)).toBe(2)
  })

  it('keeps one export per thread in hand offline (no network to wait on)', () => {
    const offline = { source: { kind: 'exports' } } as unknown as EvaluableConfig
    expect(projectConcurrency(offline, 1)).toBe(2)
    expect(projectConcurrency(offline, 4)).toBe(4)
  })

  it('keeps at least half the request concurrency in hand, as before', () => {
    expect(projectConcurrency(config('16'), 2)).toBe(8)
    expect(projectConcurrency(config('1'), 1)).toBe(2)
  })
})
