// Preflight's requests and the benchmark's load go out together (preflight used to finish before
// anything else started), under one limit on requests in flight: the user's `concurrency` holds
// for the whole run. A training project starts loading once preflight has checked it.
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import type { Logger } from '../../src/log.js'
import { evaluateRun, type EvaluableConfig } from '../../src/pipeline.js'
import { deterministicUuid } from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { BENCHMARK, EVALUATOR, streetProject, streetScenario } from './scenario.js'

const TOOL = { name: 'encord-annotator-eval', version: 'test' }
let fake: FakeEncord | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const quiet: Logger = {
  info: () => {},
  debug: () => {},
  warning: () => {},
  group: (_name, run) => run()
}

const training = Array.from({ length: 10 }, (_, i) => deterministicUuid('preflight-overlap', i))

async function serve(): Promise<FakeEncord> {
  const projects = Object.fromEntries(
    training.map((hash, i) => [
      hash,
      streetProject(hash, `Training ${i}`, { email: `annotator-${i}@example.com` })
    ])
  )
  return startFakeEncord({
    scenario: streetScenario({
      projects: {
        ...projects,
        [BENCHMARK]: streetProject(BENCHMARK, 'Benchmark', { email: 'expert@example.com' })
      }
    }),
    latencyMs: 5
  })
}

function config(server: FakeEncord, concurrency: number): EvaluableConfig {
  const parsed = parseConfig({
    'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
    'encord-domain': server.url,
    'benchmark-project': BENCHMARK,
    'training-projects': training.join('\n'),
    concurrency: String(concurrency),
    'min-data-units': '1'
  })
  if (parsed.source === null) throw new Error('test config has no source')
  return parsed as EvaluableConfig
}

describe('preflight in a scoring run', () => {
  it('reads the benchmark’s label rows while preflight’s requests are still going out', async () => {
    fake = await serve()
    const result = await evaluateRun(config(fake, 2), { log: quiet, tool: TOOL })
    expect(result.projects.every((project) => project.status === 'evaluated')).toBe(true)
    const log = fake.requestLog
    const benchmarkRows = log.find(
      (entry) => entry.endpoint === 'v1 labelrow GET' && entry.projectHash === BENCHMARK
    )
    const datasetsAndMembers = log.filter((entry) => /\/(datasets|users)(\?|$)/.test(entry.path))
    expect(benchmarkRows).toBeDefined()
    // Ten training projects' datasets and members (21 requests at two at a time): the benchmark's
    // rows were asked for before the last of them.
    expect(datasetsAndMembers).toHaveLength(21)
    expect(benchmarkRows!.n).toBeLessThan(Math.max(...datasetsAndMembers.map((entry) => entry.n)))
    // A training project's rows only after its own preflight requests: its verdict comes
    // first. (Each starts once checked, not once preflight has checked them all.)
    for (const hash of training) {
      const own = datasetsAndMembers.filter((entry) => entry.projectHash === hash)
      const rows = log.filter(
        (entry) => entry.endpoint === 'v1 labelrow GET' && entry.projectHash === hash
      )
      expect(own).toHaveLength(2)
      expect(rows.length).toBeGreaterThan(0)
      expect(Math.min(...rows.map((entry) => entry.n))).toBeGreaterThan(
        Math.max(...own.map((entry) => entry.n))
      )
    }
    // And the first of them before preflight's last request.
    const firstTrainingRows = Math.min(
      ...log
        .filter((entry) => entry.endpoint === 'v1 labelrow GET' && entry.projectHash !== BENCHMARK)
        .map((entry) => entry.n)
    )
    expect(firstTrainingRows).toBeLessThan(Math.max(...datasetsAndMembers.map((entry) => entry.n)))
  })

  it.each([1, 3])(
    'never has more than `concurrency` requests in flight (%i), preflight’s included',
    async (concurrency) => {
      fake = await serve()
      await evaluateRun(config(fake, concurrency), { log: quiet, tool: TOOL })
      expect(fake.stats().maxInFlight).toBe(concurrency)
    }
  )
})
