// evaluateRun when the benchmark cannot be loaded while training projects are in flight and
// queued: every project settles, the run fails with the benchmark's error alone, the stopped
// projects are said to be unscored because of it (not sent after the network), and the log's
// groups never nest (GitHub does not nest them).
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import { createEncordClient, encordUserAgent } from '../../src/encord/client.js'
import { signingKeyFor } from '../../src/encord/keys.js'
import { EncordApiError, LabelDataError } from '../../src/errors.js'
import type { Logger } from '../../src/log.js'
import { evaluateRun, type EvaluableConfig, type PipelineDeps } from '../../src/pipeline.js'
import { deterministicUuid } from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { BENCHMARK, EVALUATOR, streetProject, streetScenario, UNKNOWN } from './scenario.js'
import { unreadableBenchmark } from './unreadable-benchmark.js'

const TOOL = { name: 'encord-annotator-eval', version: 'test' }
let fake: FakeEncord | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

/** What a logger was told, in order: lines, and the opening and closing of groups. */
function recordingLogger(): { log: Logger; events: string[] } {
  const events: string[] = []
  const log: Logger = {
    info: (message) => void events.push(`info ${message}`),
    debug: () => {},
    warning: (message) => void events.push(`warning ${message}`),
    async group(name, run) {
      events.push(`group ${name}`)
      try {
        return await run()
      } finally {
        events.push('endgroup')
      }
    }
  }
  return { log, events }
}

/** The groups' nesting depth after each event; throws if a group opens inside another. */
function expectNoNestedGroups(events: readonly string[]): void {
  let open: string | null = null
  for (const event of events) {
    if (event.startsWith('group ')) {
      if (open !== null) throw new Error(`"${event}" opened inside "${open}"`)
      open = event
    } else if (event === 'endgroup') {
      if (open === null) throw new Error('a group closed that was not open')
      open = null
    }
  }
  expect(open).toBeNull()
}

function trainingHashes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => deterministicUuid('benchmark-failure', i))
}

/** The street world with `count` training projects (copies of Alice's) and the given benchmark. */
async function serve(
  count: number,
  benchmark = streetProject(BENCHMARK, 'Benchmark', { email: 'expert@example.com' })
): Promise<FakeEncord> {
  const projects = Object.fromEntries(
    trainingHashes(count).map((hash, i) => [
      hash,
      streetProject(hash, `Training ${i}`, { email: `annotator-${i}@example.com` })
    ])
  )
  // Latency keeps the training projects' downloads in flight when the benchmark fails.
  fake = await startFakeEncord({
    scenario: streetScenario({ projects: { ...projects, [BENCHMARK]: benchmark } }),
    latencyMs: 20
  })
  return fake
}

function config(server: FakeEncord, benchmark: string, count: number): EvaluableConfig {
  const parsed = parseConfig({
    // Preflight reads every project once more; its own tests are in __tests__/preflight.
    preflight: 'false',
    'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
    'encord-domain': server.url,
    'benchmark-project': benchmark,
    'training-projects': trainingHashes(count).join('\n'),
    concurrency: '1'
  })
  if (parsed.source === null) throw new Error('test config has no source')
  return parsed as EvaluableConfig
}

/** The real client in this thread (an injected factory keeps scoring off workers). */
const inThisThread: NonNullable<PipelineDeps['createClient']> = (source, log, signal) =>
  createEncordClient({
    key: signingKeyFor(source.key),
    domain: source.domain,
    concurrency: source.concurrency,
    userAgent: encordUserAgent(TOOL.version),
    debug: log.debug,
    signal
  })

/** The run's rejection, and what it logged. */
async function failedRun(
  server: FakeEncord,
  benchmark: string,
  count: number
): Promise<{ error: unknown; events: string[] }> {
  const { log, events } = recordingLogger()
  const error = await evaluateRun(config(server, benchmark, count), {
    log,
    tool: TOOL,
    createClient: inThisThread
  }).then(
    () => {
      throw new Error('the run succeeded without its benchmark')
    },
    (caught: unknown) => caught
  )
  return { error, events }
}

describe('evaluateRun when the benchmark is not found', () => {
  it.each([3, 8, 24])(
    'settles with the benchmark’s error, %i training projects at concurrency 1',
    async (count) => {
      const server = await serve(count)
      const { error, events } = await failedRun(server, UNKNOWN, count)
      expect(error).toBeInstanceOf(EncordApiError)
      expect((error as Error).message).toContain(UNKNOWN)
      expectNoNestedGroups(events)
    }
  )
})

describe('evaluateRun when the benchmark cannot be read', () => {
  it('names no network trouble for the training projects it stopped', async () => {
    const count = 8
    const server = await serve(count, unreadableBenchmark(BENCHMARK))
    const { error, events } = await failedRun(server, BENCHMARK, count)
    expect(error).toBeInstanceOf(LabelDataError)
    expect((error as Error).message).toContain(BENCHMARK)
    const said = events.join('\n')
    expect(said).not.toMatch(/Could not reach Encord|cancelled/)
    // Said once for all of them; the benchmark's error itself is the run's, named once by the
    // entry point.
    expect(events.filter((event) => event.includes('the benchmark failed'))).toEqual([
      expect.stringMatching(/^info \d+ of 8 training projects? not scored: the benchmark failed$/)
    ])
    expect(said).not.toContain((error as Error).message)
    expectNoNestedGroups(events)
  })
})

describe('evaluateRun when writing the CSV fails', () => {
  it('ends with that error once every project has settled', async () => {
    const server = await serve(8)
    const full = new Error('no space left on the device')
    let deliveries = 0
    const error = await evaluateRun(config(server, BENCHMARK, 8), {
      log: recordingLogger().log,
      tool: TOOL,
      createClient: inThisThread,
      csvRows: () => {
        deliveries += 1
        throw full
      }
    }).then(
      () => null,
      (caught: unknown) => caught
    )
    expect(error).toBe(full)
    // The first delivery failed; the ones after it were not attempted.
    expect(deliveries).toBe(1)
  })
})

describe('evaluateRun log groups', () => {
  it('never opens one inside another when the run succeeds', async () => {
    const server = await serve(3)
    const { log, events } = recordingLogger()
    const result = await evaluateRun(config(server, BENCHMARK, 3), {
      log,
      tool: TOOL,
      createClient: inThisThread
    })
    expect(result.projects.map((outcome) => outcome.status)).toEqual([
      'evaluated',
      'evaluated',
      'evaluated'
    ])
    expectNoNestedGroups(events)
    // Each project's line is inside the scoring group.
    const scoring = events.indexOf('group Score 3 training project(s)')
    expect(scoring).toBeGreaterThan(events.indexOf('endgroup'))
    const lines = events.filter((event) => /^info \[\d\/3\]/.test(event))
    expect(lines).toHaveLength(3)
    for (const line of lines) expect(events.indexOf(line)).toBeGreaterThan(scoring)
  })
})
