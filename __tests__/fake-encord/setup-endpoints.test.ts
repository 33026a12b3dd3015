// The fake's set-up endpoints (docs/encord-api.md §10): the project listing, a project's datasets
// and users, creating a project and adding users, and that writes are recorded and refused unless
// the server was started writable.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import {
  createTestSigner,
  getV2,
  postV1,
  postV1User,
  v1Body
} from '../../tools/fake-encord/test-signer.mjs'
import { BENCHMARK, exampleScenario, ONTOLOGY, VECTOR_SEED } from './support.js'

const signer = createTestSigner(VECTOR_SEED)
const DATASET = '44444444-4444-4444-4444-444444444444'
const TEMPLATE = '99999999-9999-9999-9999-999999999999'
let fake: FakeEncord | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(options: { writable?: boolean } = {}): Promise<FakeEncord> {
  const scenario = exampleScenario()
  scenario.workflowTemplates = {
    [TEMPLATE]: {
      title: 'Training',
      stages: [
        ['Annotate', 'ANNOTATION'],
        ['Complete', 'DONE']
      ]
    }
  }
  fake = await startFakeEncord({ scenario, ...options })
  return fake
}

const createBody = (title: string) =>
  v1Body({
    queryType: 'project',
    queryMethod: 'POST',
    payload: {
      title,
      description: '',
      dataset_hashes: [DATASET],
      workflow_type: 'manual',
      ontology_hash: ONTOLOGY,
      workflow_template_id: TEMPLATE
    }
  })

async function json<T>(response: Promise<Response>): Promise<T> {
  return (await (await response).json()) as T
}

describe('v2 listings', () => {
  it('lists the projects the key can read, filtered by exact title', async () => {
    const server = await start()
    const all = await json<{ results: { title: string }[]; nextPageToken: null }>(
      getV2(server.url, signer, '/v2/public/projects?includeOrgAccess=False')
    )
    expect(all.results.map((project) => project.title).sort()).toEqual([
      'Benchmark',
      'Training - alice@example.com'
    ])
    const one = await json<{ results: { projectHash: string }[] }>(
      getV2(server.url, signer, '/v2/public/projects?titleEq=Benchmark&includeOrgAccess=False')
    )
    expect(one.results.map((project) => project.projectHash)).toEqual([BENCHMARK])
  })

  it('refuses a filter it does not implement rather than ignore it', async () => {
    const server = await start()
    const response = await getV2(server.url, signer, '/v2/public/projects?descEq=x')
    expect(response.status).toBe(400)
  })

  it("lists a project's datasets and users", async () => {
    const server = await start()
    const datasets = await json<{ results: unknown[] }>(
      getV2(server.url, signer, `/v2/public/projects/${BENCHMARK}/datasets`)
    )
    expect(datasets.results).toEqual([
      { datasetHash: DATASET, title: 'Street scenes', description: '' }
    ])
    const users = await json<{ results: unknown[] }>(
      getV2(server.url, signer, `/v2/public/projects/${BENCHMARK}/users`)
    )
    // The key's user is an ADMIN; whoever made the labels was an annotator.
    expect(users.results).toEqual([
      { userEmail: 'evaluator@example.com', userRole: 0 },
      { userEmail: 'expert@example.com', userRole: 1 }
    ])
  })
})

describe('writes', () => {
  it('creates a project from a template and adds an annotator, when writable', async () => {
    const server = await start({ writable: true })
    const created = await json<{ status: number; response: string }>(
      postV1User(server.url, signer, createBody('Training – bob'))
    )
    expect(created.status).toBe(200)
    const hash = created.response
    const project = await json<{ title: string; ontologyHash: string; workflow: unknown }>(
      getV2(server.url, signer, `/v2/public/projects/${hash}`)
    )
    expect(project).toMatchObject({
      title: 'Training – bob',
      ontologyHash: ONTOLOGY,
      workflow: {
        stages: [
          expect.objectContaining({ title: 'Annotate', stageType: 'ANNOTATION' }),
          expect.objectContaining({ title: 'Complete', stageType: 'DONE' })
        ]
      }
    })
    const body = v1Body({
      queryType: 'projectusers',
      queryMethod: 'POST',
      uid: hash,
      payload: { user_emails: ['bob@example.com'], user_role: 1 }
    })
    const added = await json<{ status: number; response: unknown }>(
      postV1(server.url, signer, { projectHash: hash, body })
    )
    expect(added.response).toEqual([
      { user_email: 'bob@example.com', user_role: 1, project_hash: hash }
    ])
    const users = await json<{ results: unknown[] }>(
      getV2(server.url, signer, `/v2/public/projects/${hash}/users`)
    )
    expect(users.results).toContainEqual({ userEmail: 'bob@example.com', userRole: 1 })
    expect(server.stats().writes.map((write) => [write.queryType, write.projectHash])).toEqual([
      ['project', hash],
      ['projectusers', hash]
    ])
  })

  it('records and refuses writes when read-only (the default)', async () => {
    const server = await start()
    const answer = await json<{ status: number; response: string[] }>(
      postV1User(server.url, signer, createBody('Training – carol'))
    )
    expect(answer).toMatchObject({ status: 400, response: ['OPERATION_NOT_ALLOWED'] })
    expect(server.stats().writes).toEqual([
      expect.objectContaining({ queryType: 'project', queryMethod: 'POST', projectHash: '' })
    ])
    const listed = await json<{ results: unknown[] }>(
      getV2(server.url, signer, '/v2/public/projects?titleEq=Training+%E2%80%93+carol')
    )
    expect(listed.results).toEqual([])
  })

  it('checks the signature of a create like any other request', async () => {
    const server = await start({ writable: true })
    const body = createBody('Training – dan')
    const response = await fetch(`${server.url}/public/user`, {
      method: 'POST',
      headers: {
        Authorization: signer.v1Authorization(`${body} `),
        ResourceType: '',
        ResourceID: ''
      },
      body
    })
    expect(await response.json()).toMatchObject({ response: ['AUTHENTICATION_ERROR'] })
    expect(server.stats().writes).toEqual([])
  })
})
