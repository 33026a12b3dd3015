// evaluateRun in-process against the fake Encord server, through the real client: the benchmark is
// fetched once, a failing training project fails alone, a failing benchmark fails the run.
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import { createEncordClient, encordUserAgent, type EncordClient } from '../../src/encord/client.js'
import { signingKeyFor } from '../../src/encord/keys.js'
import { EncordApiError, EvaluationError } from '../../src/errors.js'
import type { RawInputs } from '../../src/inputs.js'
import { silentLogger } from '../../src/log.js'
import { evaluateRun, type EvaluableConfig, type PipelineDeps } from '../../src/pipeline.js'
import { CSV_COLUMNS } from '../../src/report/index.js'
import type { ProjectOutcome, RunResult } from '../../src/results/run-result.js'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { readCsv } from '../report/csv-reader.js'
import {
  ALICE,
  BENCHMARK,
  BOB,
  CAROL,
  CAROL_IOU,
  EVALUATOR,
  neverLabelled,
  OTHER_ONTOLOGY,
  ROWS,
  STAGE,
  streetProject,
  streetRow,
  streetScenario,
  UNKNOWN
} from './scenario.js'

const TOOL = { name: 'encord-annotator-eval', version: 'test' }
let fake: FakeEncord | undefined
let clients: TrackedClients | undefined

afterEach(async () => {
  // A failed benchmark ends the run while training projects are still loading; let that work
  // finish against the live server, so no request is left retrying a closed port.
  await clients?.drain()
  clients = undefined
  await fake?.close()
  fake = undefined
})

interface TrackedClients {
  createClient: NonNullable<PipelineDeps['createClient']>
  drain(): Promise<void>
}

/** The real client, with every call tracked so that a test can wait for all of them. */
function trackedClients(): TrackedClients {
  const pending = new Set<Promise<unknown>>()
  const made: EncordClient[] = []
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise)
    const forget = () => pending.delete(promise)
    promise.then(forget, forget)
    return promise
  }
  return {
    createClient: (source, log, signal) => {
      const client = createEncordClient({
        key: signingKeyFor(source.key),
        domain: source.domain,
        concurrency: source.concurrency,
        userAgent: encordUserAgent(TOOL.version),
        debug: log.debug,
        signal
      })
      made.push(client)
      return {
        getProject: (hash) => track(client.getProject(hash)),
        getOntology: (hash, project) => track(client.getOntology(hash, project)),
        listLabelRows: (hash, stage) => track(client.listLabelRows(hash, stage)),
        listProjectDatasets: (hash) => track(client.listProjectDatasets(hash)),
        listProjectUsers: (hash) => track(client.listProjectUsers(hash)),
        fetchLabelRowsLazily: (hash, labels) => track(client.fetchLabelRowsLazily(hash, labels)),
        get stats() {
          return client.stats
        },
        close: () => client.close()
      }
    },
    async drain() {
      for (;;) {
        // Let every continuation run, so a call that follows a settled one is registered.
        await new Promise((resolve) => setImmediate(resolve))
        if (pending.size === 0) break
        await Promise.allSettled([...pending])
      }
      for (const client of made) client.close()
    }
  }
}

async function serve(scenario = streetScenario()): Promise<FakeEncord> {
  fake = await startFakeEncord({ scenario })
  return fake
}

function config(server: FakeEncord, overrides: RawInputs = {}): EvaluableConfig {
  const parsed = parseConfig({
    // Preflight reads every project once more; its own tests are in __tests__/preflight.
    preflight: 'false',
    'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
    'encord-domain': server.url,
    'benchmark-project': BENCHMARK,
    'training-projects': [ALICE, BOB, CAROL].join('\n'),
    ...overrides
  })
  if (parsed.source === null) throw new Error('test config has no source')
  return parsed as EvaluableConfig
}

/** The CSV rows handed on by the last run, one entry per delivery. */
let csvDeliveries: string[] = []

function run(server: FakeEncord, overrides: RawInputs = {}): Promise<RunResult> {
  clients = trackedClients()
  csvDeliveries = []
  return evaluateRun(config(server, overrides), {
    log: silentLogger,
    tool: TOOL,
    createClient: clients.createClient,
    csvRows: (rows) => void csvDeliveries.push(Buffer.from(rows).toString('utf8'))
  })
}

/** The training project hash of each delivery's rows (each delivery is one project's rows). */
function csvProjects(): string[][] {
  const column = CSV_COLUMNS.indexOf('training_project_hash')
  return csvDeliveries.map((rows) => [
    ...new Set(readCsv(rows).map((record) => record[column]?.value ?? ''))
  ])
}

function evaluated(outcome: ProjectOutcome | undefined) {
  if (outcome?.status !== 'evaluated') {
    throw new Error(`expected an evaluated project, got ${JSON.stringify(outcome)}`)
  }
  return outcome.evaluation
}

function failed(outcome: ProjectOutcome | undefined) {
  if (outcome?.status !== 'failed') {
    throw new Error(`expected a failed project, got ${outcome?.status}`)
  }
  return outcome.failure
}

/** Requests per project hash for one logical endpoint. */
function countsFor(server: FakeEncord, endpoint: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const entry of server.requestLog) {
    if (entry.endpoint !== endpoint) continue
    const key = entry.projectHash ?? '(none)'
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

describe('evaluateRun against the fake Encord server', () => {
  it('scores three training projects and fetches the benchmark once', async () => {
    const server = await serve()
    const result = await run(server)

    const expectedOncePerProject = { [BENCHMARK]: 1, [ALICE]: 1, [BOB]: 1, [CAROL]: 1 }
    expect(countsFor(server, 'v2 GET /projects/{hash}')).toEqual(expectedOncePerProject)
    expect(countsFor(server, 'v1 labelrowmetadata GET')).toEqual(expectedOncePerProject)
    expect(countsFor(server, 'v1 labelrow GET')).toEqual(expectedOncePerProject)
    expect(server.stats().bundleSizes).toEqual([ROWS, ROWS, ROWS, ROWS])
    expect(server.stats().writes).toEqual([])

    expect(result.source).toBe('encord-api')
    expect(result.benchmark).toEqual({
      projectHash: BENCHMARK,
      title: 'Benchmark (expert)',
      rows: ROWS
    })
    const [alice, bob, carol] = result.projects.map(evaluated)
    expect(alice).toMatchObject({
      projectHash: ALICE,
      projectTitle: 'Training – Alice',
      annotator: 'alice@example.com',
      overall: { precision: 1, recall: 1, f1: 1, meanIou: 1, truePositives: 2 * ROWS }
    })
    expect(bob).toMatchObject({
      annotator: 'bob@example.com',
      overall: {
        precision: 0.5,
        recall: 0.5,
        f1: 0.5,
        meanIou: 1,
        missed: ROWS,
        extra: ROWS,
        wrongClass: 0
      }
    })
    expect(carol?.annotator).toBe('carol@example.com')
    expect(carol?.overall.f1).toBe(1)
    expect(carol?.overall.meanIou).toBeCloseTo((CAROL_IOU + 1) / 2, 12)
    expect(result.gate).toMatchObject({ passed: true, failures: [], failedProjects: [] })
  })

  it('applies the thresholds: bob fails F1 0.6', async () => {
    const server = await serve()
    // Four images: enough evidence only once min-data-units allows it.
    const result = await run(server, { 'min-f1': '0.6', 'min-data-units': '1' })
    expect(result.gate.passed).toBe(false)
    expect(result.gate.failures).toEqual([
      { projectHash: BOB, annotator: 'bob@example.com', metric: 'f1', threshold: 0.6, actual: 0.5 }
    ])
  })

  it('reports an unknown training project as failed, naming it, and scores the other two', async () => {
    const server = await serve()
    const result = await run(server, { 'training-projects': [ALICE, UNKNOWN, CAROL].join(',') })

    expect(result.projects.map((outcome) => outcome.status)).toEqual([
      'evaluated',
      'failed',
      'evaluated'
    ])
    const failure = failed(result.projects[1])
    expect(failure.projectHash).toBe(UNKNOWN)
    expect(failure.projectTitle).toBeNull()
    expect(failure.message).toContain(UNKNOWN)
    expect(failure.message).not.toMatch(/\n/)
    expect(evaluated(result.projects[0]).overall.f1).toBe(1)
    expect(evaluated(result.projects[2]).overall.f1).toBe(1)
    expect(result.gate.passed).toBe(false)
    expect(result.gate.failedProjects).toEqual([failure])
    // The CSV gets the evaluated projects' rows, in input order; the failed one has none.
    expect(csvProjects()).toEqual([[ALICE], [CAROL]])
    // The benchmark is still fetched once.
    expect(countsFor(server, 'v2 GET /projects/{hash}')[BENCHMARK]).toBe(1)
  })

  it('a training project the key cannot read fails alone', async () => {
    const scenario = streetScenario()
    const user = scenario.users[0] as { projects: string[] }
    user.projects = user.projects.filter((hash) => hash !== BOB)
    const server = await serve(scenario)
    const result = await run(server)
    expect(result.projects.map((outcome) => outcome.status)).toEqual([
      'evaluated',
      'failed',
      'evaluated'
    ])
    expect(failed(result.projects[1]).message).toContain(BOB)
  })

  it("fails the run with the benchmark's own error when the benchmark cannot be read", async () => {
    const server = await serve()
    const error = await run(server, { 'benchmark-project': UNKNOWN }).then(
      () => null,
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(EncordApiError)
    expect((error as EncordApiError).message).toContain(UNKNOWN)
    expect((error as EncordApiError).kind).toBe('not-found')
  })

  it('fails the run when the benchmark is not readable, even if every training project is', async () => {
    const scenario = streetScenario()
    const user = scenario.users[0] as { projects: string[] }
    user.projects = user.projects.filter((hash) => hash !== BENCHMARK)
    const server = await serve(scenario)
    const error = await run(server).then(
      () => null,
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(EncordApiError)
    expect((error as EncordApiError).kind).toBe('no-access')
    expect((error as Error).message).toContain(BENCHMARK)
  })

  it('fails only the training project whose ontology differs', async () => {
    const server = await serve(
      streetScenario({
        projects: {
          [BOB]: streetProject(BOB, 'Training – Bob (other ontology)', {
            email: 'bob@example.com',
            ontologyHash: OTHER_ONTOLOGY
          })
        }
      })
    )
    const result = await run(server)
    expect(result.projects.map((outcome) => outcome.status)).toEqual([
      'evaluated',
      'failed',
      'evaluated'
    ])
    const failure = failed(result.projects[1])
    expect(failure.projectTitle).toBe('Training – Bob (other ontology)')
    expect(failure.message).toContain(BOB)
    expect(failure.message).toMatch(/does not use the benchmark's ontology/)
    expect(failure.message).toMatch(/Forklift|Car/)
  })

  it('an empty training project is an error for that project, not a score of 0', async () => {
    const server = await serve(
      streetScenario({
        projects: {
          [BOB]: streetProject(BOB, 'Training – Bob (nothing done)', {
            email: 'bob@example.com',
            // Every task still in Annotate: nothing in the Complete stage.
            rows: Array.from({ length: ROWS }, (_, index) =>
              streetRow(BOB, index, { email: 'bob@example.com', stage: 'Annotate' })
            )
          })
        }
      })
    )
    const result = await run(server, { 'min-f1': '0' })
    const failure = failed(result.projects[1])
    expect(failure.message).toContain(BOB)
    expect(failure.message).toMatch(
      new RegExp(`0 of ${ROWS} benchmark rows are in its '${STAGE}' stage`)
    )
    expect(result.gate.failures).toEqual([])
    expect(result.gate.failedProjects.map((project) => project.projectHash)).toEqual([BOB])
    expect(result.gate.passed).toBe(false)
  })

  it('a stage title the benchmark does not have fails the run, naming its stages', async () => {
    const server = await serve()
    const error = await run(server, { 'workflow-stage': 'Done' }).then(
      () => null,
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(EvaluationError)
    const message = (error as Error).message
    expect(message).toContain("no workflow stage titled 'Done'")
    expect(message).toContain("'Annotate', 'Review', 'Complete'")
    expect(message).toContain(BENCHMARK)
    expect(message).toMatch(/set workflow-stage/)
    // Nothing is listed for a stage that does not exist.
    expect(countsFor(server, 'v1 labelrowmetadata GET')[BENCHMARK]).toBeUndefined()
  })

  it('a training project without the stage fails alone, naming its stages', async () => {
    const server = await serve(
      streetScenario({
        projects: {
          [CAROL]: streetProject(CAROL, 'Training – Carol (own workflow)', {
            email: 'carol@example.com',
            stages: [
              ['Label', 'ANNOTATION'],
              ['Finished', 'DONE']
            ],
            rows: []
          })
        }
      })
    )
    const result = await run(server)
    expect(result.projects.map((outcome) => outcome.status)).toEqual([
      'evaluated',
      'evaluated',
      'failed'
    ])
    const message = failed(result.projects[2]).message
    expect(message).toContain(CAROL)
    expect(message).toContain("'Label', 'Finished'")
    expect(message).toContain(`'${STAGE}'`)
  })

  it('never fetches, creates or writes never-labelled rows', async () => {
    const rows = [
      streetRow(ALICE, 0, { email: 'alice@example.com' }),
      neverLabelled(1),
      streetRow(ALICE, 2, { email: 'alice@example.com' }),
      neverLabelled(3)
    ]
    const server = await serve(
      streetScenario({
        projects: {
          [ALICE]: streetProject(ALICE, 'Training – Alice', { email: 'alice@example.com', rows })
        }
      })
    )
    const result = await run(server, { 'training-projects': ALICE })
    expect(server.stats().writes).toEqual([])
    expect(
      server.requestLog.filter((entry) => entry.method !== 'GET' && entry.path.startsWith('/v2'))
    ).toEqual([])
    // The benchmark's 4 rows and alice's 2 labelled rows are fetched; the null label hashes are not.
    const fetched = server.requestLog
      .filter((entry) => entry.endpoint === 'v1 labelrow GET')
      .map((entry) => [entry.projectHash, entry.uidCount])
    expect(fetched).toEqual(
      expect.arrayContaining([
        [BENCHMARK, ROWS],
        [ALICE, 2]
      ])
    )
    expect(fetched).toHaveLength(2)

    const alice = evaluated(result.projects[0])
    // Listed, never labelled: paired rows whose benchmark objects count as missed.
    expect(alice.coverage).toMatchObject({
      benchmarkRows: ROWS,
      trainingRows: ROWS,
      pairedRows: ROWS
    })
    expect(alice.overall).toMatchObject({ truePositives: 4, missed: 4, extra: 0, precision: 1 })
  })
})
