// setup-training against the fake Encord (the set-up command of issue 17): a dry run changes nothing; --apply makes
// one project per annotator with the benchmark's datasets, ontology and the template, and adds
// the annotator; a second --apply makes nothing; a title clash is an error; a failure part-way,
// then a re-run, ends with every project once.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run.js'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import type { Scenario } from '../../tools/fake-encord/scenario.mjs'
import {
  BENCHMARK,
  capture,
  DATASET,
  env,
  KEY,
  ONTOLOGY,
  OTHER_ONTOLOGY,
  setupScenario,
  TEMPLATE
} from './scenario.js'

let fake: FakeEncord | undefined
let dir: string | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

const FIVE = [
  'ann@example.com',
  'ben@example.com',
  'cat@example.com',
  'dan@example.com',
  'eve@example.com'
]

async function start(
  scenario: Scenario = setupScenario(),
  failWrite?: Parameters<typeof startFakeEncord>[0]['failWrite']
): Promise<FakeEncord> {
  fake = await startFakeEncord({ scenario, writable: true, ...(failWrite ? { failWrite } : {}) })
  return fake
}

async function setup(server: FakeEncord, annotators: string[], ...extra: string[]) {
  const out = capture()
  const code = await runCli(
    [
      'setup-training',
      '--benchmark-project',
      BENCHMARK,
      ...annotators.flatMap((email) => ['--annotator', email]),
      '--workflow-template',
      TEMPLATE,
      '--encord-domain',
      server.url,
      ...extra
    ],
    env,
    out.io
  )
  return { code, stdout: out.stdout(), stderr: out.stderr() }
}

/** The v2 project listing, as the key sees it. */
async function projectsTitled(server: FakeEncord, prefix: string) {
  const { createTestSigner, getV2 } = await import('../../tools/fake-encord/test-signer.mjs')
  const signer = createTestSigner(KEY.privateKeyOpenSsh)
  const answer = (await (await getV2(server.url, signer, '/v2/public/projects')).json()) as {
    results: {
      projectHash: string
      title: string
      ontologyHash: string
      workflow: { stages: { title: string }[] }
    }[]
  }
  return answer.results.filter((project) => project.title.startsWith(prefix))
}

describe('setup-training', () => {
  it('changes nothing without --apply, and prints the plan', async () => {
    const server = await start()
    const run = await setup(server, ['alice@example.com', 'bob@example.com'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Plan (dry run')
    expect(run.stdout).toContain("alice@example.com: would create 'Annotator training – alice'")
    expect(run.stdout).toContain("bob@example.com: would create 'Annotator training – bob'")
    expect(server.stats().writes).toEqual([])
    expect(await projectsTitled(server, 'Annotator training')).toEqual([])
  })

  it('creates one project per annotator with the benchmark’s datasets, ontology and the template, and adds the annotator', async () => {
    const server = await start()
    dir = await mkdtemp(path.join(tmpdir(), 'setup-training-'))
    const block = path.join(dir, 'training.yml')
    const map = path.join(dir, 'projects.json')
    const run = await setup(
      server,
      ['alice@example.com', 'bob@example.com'],
      '--apply',
      '--output',
      block,
      '--output',
      map
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)

    const writes = server.stats().writes
    const creates = writes.filter((write) => write.queryType === 'project')
    expect(creates.map((write) => write.payload)).toEqual([
      {
        title: 'Annotator training – alice',
        description: expect.stringContaining('alice@example.com'),
        dataset_hashes: [DATASET],
        workflow_type: 'manual',
        ontology_hash: ONTOLOGY,
        workflow_template_id: TEMPLATE
      },
      expect.objectContaining({ title: 'Annotator training – bob', dataset_hashes: [DATASET] })
    ])
    const adds = writes.filter((write) => write.queryType === 'projectusers')
    expect(adds.map((write) => [write.projectHash, write.payload])).toEqual([
      [creates[0]!.projectHash, { user_emails: ['alice@example.com'], user_role: 1 }],
      [creates[1]!.projectHash, { user_emails: ['bob@example.com'], user_role: 1 }]
    ])
    const made = await projectsTitled(server, 'Annotator training')
    expect(made).toHaveLength(2)
    for (const project of made) {
      expect(project.ontologyHash).toBe(ONTOLOGY)
      expect(project.workflow.stages.map((stage) => stage.title)).toEqual(['Annotate', 'Complete'])
    }

    const expectedMap = {
      'alice@example.com': creates[0]!.projectHash,
      'bob@example.com': creates[1]!.projectHash
    }
    expect(JSON.parse(await readFile(map, 'utf8'))).toEqual(expectedMap)
    expect(await readFile(block, 'utf8')).toBe(
      `training-projects: |\n  ${creates[0]!.projectHash}\n  ${creates[1]!.projectHash}\n`
    )
    expect(run.stdout).toContain(`training-projects: |\n  ${creates[0]!.projectHash}\n`)
  })

  it('creates nothing the second time', async () => {
    const server = await start()
    await setup(server, ['alice@example.com', 'bob@example.com'], '--apply')
    server.resetStats()
    const again = await setup(server, ['alice@example.com', 'bob@example.com'], '--apply')
    expect(again.code).toBe(0)
    expect(server.stats().writes).toEqual([])
    expect(again.stdout).toContain(
      "alice@example.com: already set up: 'Annotator training – alice'"
    )
    expect(await projectsTitled(server, 'Annotator training')).toHaveLength(2)
  })

  it('refuses a project with the planned title but another ontology, naming the difference, and creates no duplicate', async () => {
    const scenario = setupScenario()
    const clash = '0f0f0f0f-0000-4000-8000-000000000001'
    scenario.projects[clash] = {
      title: 'Annotator training – alice',
      ontologyHash: OTHER_ONTOLOGY,
      rows: []
    }
    scenario.users[0]!.projects.push(clash)
    const server = await start(scenario)
    const run = await setup(server, ['alice@example.com', 'bob@example.com'], '--apply')
    expect(run.code).toBe(1)
    const line = run.stdout.split('\n').find((text) => text.includes('alice@example.com: FAILED'))
    expect(line).toContain(
      `${clash} uses ontology ${OTHER_ONTOLOGY}, not the benchmark's ${ONTOLOGY}`
    )
    const titles = server
      .stats()
      .writes.filter((write) => write.queryType === 'project')
      .map((write) => (write.payload as { title: string }).title)
    expect(titles).toEqual(['Annotator training – bob'])
  })

  it('after a failure on the third of five annotators, a re-run ends with five projects and no duplicates', async () => {
    let failed = false
    const server = await start(setupScenario(), (write) => {
      const title = (write.payload as { title?: string } | undefined)?.title
      if (write.queryType !== 'project' || title !== 'Annotator training – cat' || failed)
        return false
      failed = true
      return true
    })
    const first = await setup(server, FIVE, '--apply')
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(/cat@example\.com: FAILED: .*/)
    expect(first.stdout).toContain("eve@example.com: created 'Annotator training – eve'")
    expect(await projectsTitled(server, 'Annotator training')).toHaveLength(4)

    const second = await setup(server, FIVE, '--apply')
    expect(second.code).toBe(0)
    const projects = await projectsTitled(server, 'Annotator training')
    expect(projects.map((project) => project.title).sort()).toEqual(
      FIVE.map((email) => `Annotator training – ${email.split('@')[0]}`).sort()
    )
    const creates = server.stats().writes.filter((write) => write.queryType === 'project')
    // Five that succeeded and the one that failed; never a second create of a made project.
    expect(creates).toHaveLength(6)
  })

  it('says --workflow-template is needed to create, since Encord does not expose the benchmark’s', async () => {
    const server = await start()
    const out = capture()
    const code = await runCli(
      [
        'setup-training',
        '--benchmark-project',
        BENCHMARK,
        '--annotator',
        'alice@example.com',
        '--encord-domain',
        server.url,
        '--apply'
      ],
      env,
      out.io
    )
    expect(code).toBe(1)
    expect(out.stdout()).toContain('give --workflow-template ID')
    expect(server.stats().writes).toEqual([])
  })

  it.each(['setup-training', 'preflight'])('%s has its own --help', async (command) => {
    const out = capture()
    expect(await runCli([command, '--help'], {}, out.io)).toBe(0)
    expect(out.stdout()).toContain(`Usage: encord-annotator-eval ${command} [options]`)
    expect(out.stdout()).toContain('--benchmark-project <HASH>')
    expect(out.stdout()).toContain('Exit codes:')
  })

  it('lists both commands in the tool’s help', async () => {
    const out = capture()
    await runCli(['--help'], {}, out.io)
    expect(out.stdout()).toMatch(/setup-training\s+Create one training project per annotator/)
    expect(out.stdout()).toMatch(/preflight\s+Check the training set-up against the benchmark/)
  })

  it('is a one-line usage error for an annotator that is not an e-mail', async () => {
    const out = capture()
    const code = await runCli(
      ['setup-training', '--benchmark-project', BENCHMARK, '--annotator', 'alice'],
      env,
      out.io
    )
    expect(code).toBe(2)
    expect(out.stderr()).toBe(
      "error: --annotator 'alice' is not an e-mail address; give the address the annotator signs in to Encord with\n"
    )
  })
})
