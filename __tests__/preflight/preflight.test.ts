// Preflight against the fake Encord (the set-up checks of issue 17): each planted problem is
// found, with a one-line message; the command exits 1 on an error; in a scoring run a training
// project with an error is not scored, and an error on the benchmark stops the run before any
// training project is scored.
import { afterEach, describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run.js'
import { parseConfig } from '../../src/config.js'
import { evaluateRun } from '../../src/pipeline.js'
import { renderSummary } from '../../src/report/summary.js'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import {
  deterministicUuid,
  imageRow,
  ontologyProject,
  type Scenario
} from '../../tools/fake-encord/scenario.mjs'
import {
  BENCHMARK,
  capture,
  DATASET,
  env,
  KEY,
  ONTOLOGY,
  OTHER_DATASET,
  OTHER_ONTOLOGY,
  setupScenario,
  stagesWithoutComplete
} from '../setup/scenario.js'

let fake: FakeEncord | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const GOOD = deterministicUuid('preflight test', 'good')
const WRONG_ONTOLOGY = deterministicUuid('preflight test', 'wrong ontology')
const EXTRA_DATASET = deterministicUuid('preflight test', 'extra dataset')
const NO_STAGE = deterministicUuid('preflight test', 'no stage')

/** A training project on the benchmark's data, with `done` of its four tasks labelled. */
function training(
  hash: string,
  title: string,
  options: Partial<Scenario['projects'][string]> = {}
) {
  const rows = Array.from({ length: 4 }, (_, i) =>
    imageRow({
      dataHash: deterministicUuid('setup test', 'data', i),
      dataTitle: `street-${i}.jpg`,
      labelHash: deterministicUuid('preflight test', hash, 'label', i),
      stage: i < 3 ? 'Complete' : 'Annotate',
      datasetHash: DATASET,
      datasetTitle: 'Streets'
    })
  )
  return {
    ...ontologyProject({ projectHash: hash, title, ontologyHash: ONTOLOGY, rows }),
    members: [{ email: `${title.toLowerCase()}@example.com`, role: 1 as const }],
    ...options
  }
}

function plantedScenario(benchmark: { complete?: number; annotate?: number } = {}): Scenario {
  const scenario = setupScenario(benchmark)
  scenario.projects[GOOD] = training(GOOD, 'Alice')
  scenario.projects[WRONG_ONTOLOGY] = training(WRONG_ONTOLOGY, 'Bob', {
    ontologyHash: OTHER_ONTOLOGY
  })
  scenario.projects[EXTRA_DATASET] = training(EXTRA_DATASET, 'Carol', {
    datasets: [
      { datasetHash: DATASET, title: 'Streets' },
      { datasetHash: OTHER_DATASET, title: 'Other' }
    ]
  })
  const noStage = training(NO_STAGE, 'Dan', { stages: stagesWithoutComplete(NO_STAGE) })
  noStage.rows = noStage.rows.map((row) => ({ ...row, stage: 'Annotate' }))
  scenario.projects[NO_STAGE] = noStage
  scenario.users[0]!.projects.push(GOOD, WRONG_ONTOLOGY, EXTRA_DATASET, NO_STAGE)
  return scenario
}

async function preflight(server: FakeEncord, projects: string[]) {
  const out = capture()
  const code = await runCli(
    [
      'preflight',
      '--benchmark-project',
      BENCHMARK,
      ...projects.flatMap((hash) => ['--training-project', hash]),
      '--encord-domain',
      server.url
    ],
    env,
    out.io
  )
  const lines = out.stdout().split('\n')
  return {
    code,
    stdout: out.stdout(),
    stderr: out.stderr(),
    about: (hash: string) =>
      lines.filter((line) => /^(error|warning): /.test(line) && line.includes(hash))
  }
}

describe('preflight command', () => {
  it('passes a project set up like the benchmark, and shows each annotator’s progress', async () => {
    fake = await startFakeEncord({ scenario: plantedScenario() })
    const run = await preflight(fake, [GOOD])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(`Alice \\(${GOOD}\\)\\s+training\\s+3/4\\s+alice@example.com\\s+ok`)
    )
    expect(run.stdout).toContain('Preflight: the set-up matches the benchmark.')
    expect(fake.stats().writes).toEqual([])
  })

  it('finds another ontology, listing what differs', async () => {
    fake = await startFakeEncord({ scenario: plantedScenario() })
    const run = await preflight(fake, [WRONG_ONTOLOGY])
    expect(run.code).toBe(1)
    expect(run.about(WRONG_ONTOLOGY)).toEqual([
      `error: The training project 'Bob' (${WRONG_ONTOLOGY}) uses ontology ${OTHER_ONTOLOGY}, not the benchmark's ${ONTOLOGY}: object "Car" is a polygon named "Car" here, a bounding_box named "Car" in the benchmark, object "Person" is missing; create the project with the benchmark's ontology`
    ])
  })

  it('finds an extra dataset', async () => {
    fake = await startFakeEncord({ scenario: plantedScenario() })
    const run = await preflight(fake, [EXTRA_DATASET])
    expect(run.code).toBe(1)
    expect(run.about(EXTRA_DATASET)).toEqual([
      `error: The training project 'Carol' (${EXTRA_DATASET}) has other datasets than the benchmark: extra 'Other' (${OTHER_DATASET}); attach exactly the benchmark's datasets`
    ])
  })

  it('finds a missing stage, listing the stages there are', async () => {
    fake = await startFakeEncord({ scenario: plantedScenario() })
    const run = await preflight(fake, [NO_STAGE])
    expect(run.code).toBe(1)
    expect(run.about(NO_STAGE)).toEqual([
      `error: The training project 'Dan' (${NO_STAGE}) has no workflow stage titled 'Complete' (its stages: 'Annotate', 'Review'); set workflow-stage or use the training workflow template`
    ])
  })

  it('warns that the benchmark is unfinished, saying how many tasks are elsewhere', async () => {
    fake = await startFakeEncord({ scenario: plantedScenario({ complete: 87, annotate: 13 }) })
    const run = await preflight(fake, [GOOD])
    expect(run.code).toBe(0)
    expect(run.about(BENCHMARK)).toEqual([
      `warning: The benchmark project 'Benchmark' (${BENCHMARK}) is 87 % complete: 13 tasks are still in Annotate; scores against an unfinished benchmark change when it is finished`
    ])
  })

  it('warns about a training project without an annotator', async () => {
    const scenario = plantedScenario()
    scenario.projects[GOOD]!.members = []
    fake = await startFakeEncord({ scenario })
    const run = await preflight(fake, [GOOD])
    expect(run.code).toBe(0)
    expect(run.about(GOOD)).toEqual([
      `warning: The training project 'Alice' (${GOOD}) has no annotator: invite one with the Annotator role (setup-training does)`
    ])
  })
})

describe('preflight in a scoring run', () => {
  function config(server: FakeEncord, benchmark: string, projects: string[]) {
    const parsed = parseConfig({
      'ssh-private-key': KEY.privateKeyOpenSsh,
      'encord-domain': server.url,
      'benchmark-project': benchmark,
      'training-projects': projects.join('\n'),
      'min-data-units': '1'
    })
    return { ...parsed, source: parsed.source! }
  }
  const deps = (warnings: string[] = []) => ({
    log: {
      info: () => {},
      debug: () => {},
      warning: (line: string) => void warnings.push(line),
      group: <T>(_: string, run: () => Promise<T>) => run()
    },
    tool: { name: 'encord-annotator-eval', version: 'test' }
  })

  it('reports a training project with a preflight error as not scored, with the error, and scores the others', async () => {
    fake = await startFakeEncord({ scenario: plantedScenario() })
    const result = await evaluateRun(config(fake, BENCHMARK, [GOOD, EXTRA_DATASET]), deps())
    expect(result.projects.map((project) => project.status)).toEqual(['evaluated', 'failed'])
    const failed = result.projects[1]!
    expect(failed.status === 'failed' && failed.failure.message).toMatch(
      /^Not scored \(preflight\): The training project 'Carol' .* has other datasets than the benchmark: extra 'Other'/
    )
    // The project with the error was never listed for scoring.
    const listed = fake.requestLog
      .filter((entry) => entry.endpoint === 'v1 labelrow GET')
      .map((entry) => entry.projectHash)
    expect(listed).not.toContain(EXTRA_DATASET)
    expect(fake.stats().writes).toEqual([])
  })

  it('stops before any training project is scored when the benchmark fails preflight', async () => {
    const scenario = plantedScenario()
    scenario.projects[BENCHMARK]!.stages = stagesWithoutComplete(BENCHMARK)
    scenario.projects[BENCHMARK]!.rows = scenario.projects[BENCHMARK]!.rows.map((row) => ({
      ...row,
      stage: 'Annotate'
    }))
    fake = await startFakeEncord({ scenario })
    await expect(evaluateRun(config(fake, BENCHMARK, [GOOD]), deps())).rejects.toThrow(
      `Preflight: The benchmark project 'Benchmark' (${BENCHMARK}) has no workflow stage titled 'Complete' (its stages: 'Annotate', 'Review')`
    )
    expect(fake.requestLog.filter((entry) => entry.endpoint === 'v1 labelrow GET')).toEqual([])
  })

  it('sends its warnings to the log (annotations on a runner) and keeps the report', async () => {
    fake = await startFakeEncord({ scenario: plantedScenario({ complete: 3, annotate: 1 }) })
    const warnings: string[] = []
    const result = await evaluateRun(config(fake, BENCHMARK, [GOOD]), deps(warnings))
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Preflight: The benchmark project 'Benchmark' .* is 75 % complete: 1 task is still in Annotate;/
      )
    ])
    expect(result.preflight?.benchmark).toEqual(expect.objectContaining({ completed: 3, total: 4 }))
    const summary = renderSummary(result)
    expect(summary).toContain('### Preflight')
    expect(summary).toContain('| Alice | alice@example.com | 3 / 4 |')
    expect(summary).toMatch(
      /- ⚠️ \*\*Warning\*\*: The benchmark project &#39;Benchmark&#39; .* is 75 % complete/
    )
  })
})
