// What the fake serves: label-row listing (docs/encord-api.md §6.3), label rows (§6.4, §7), the
// project and ontology (§6.1, §6.2), and how it records writes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { createTestSigner, getV2, postV1, v1Body } from '../../tools/fake-encord/test-signer.mjs'
import {
  BENCHMARK,
  exampleScenario,
  fetchBody,
  listingBody,
  ONTOLOGY,
  TRAINING,
  TRAINING_LABEL,
  VECTOR_SEED,
  type MetadataRow,
  type V1Answer
} from './support.js'

const signer = createTestSigner(VECTOR_SEED)
let fake: FakeEncord

beforeAll(async () => {
  fake = await startFakeEncord({ scenario: exampleScenario() })
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.resetStats()
})

async function v1<T>(projectHash: string, body: string): Promise<V1Answer<T>> {
  const response = await postV1(fake.url, signer, { projectHash, body })
  return (await response.json()) as V1Answer<T>
}

const list = (overrides: Record<string, unknown> = {}, projectHash = TRAINING) =>
  v1<MetadataRow[]>(projectHash, listingBody(overrides))

describe('labelrowmetadata GET', () => {
  it('lists only rows whose current stage title is exactly the one asked for', async () => {
    const complete = await list()
    const review = await list({ workflow_graph_node_title_eq: 'Review' })
    const lowerCase = await list({ workflow_graph_node_title_eq: 'complete' })
    expect(complete.response.map((row) => row.data_title)).toEqual([
      'street-001.jpg',
      'street-002.jpg',
      'street-004.jpg',
      'crossing.mp4'
    ])
    expect(complete.response.every((row) => row.workflow_graph_node?.title === 'Complete')).toBe(
      true
    )
    expect(review.response.map((row) => row.data_title)).toEqual(['street-003.jpg'])
    expect(lowerCase.response).toEqual([])
  })

  it('lists never-labelled rows with a null label_hash, only when asked to', async () => {
    const withThem = await list()
    const without = await list({ include_uninitialised_labels: false })
    const uninitialised = withThem.response.find((row) => row.data_title === 'street-004.jpg')
    expect(uninitialised).toMatchObject({
      label_hash: null,
      label_status: 'NOT_LABELLED',
      created_at: null,
      last_edited_at: null
    })
    expect(without.response.map((row) => row.data_title)).not.toContain('street-004.jpg')
  })

  it('gives every key §6.3 requires, data_type upper-case', async () => {
    const { response } = await list()
    for (const row of response) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          'branch_name',
          'data_hash',
          'dataset_hash',
          'dataset_title',
          'data_title',
          'data_type',
          'data_link',
          'label_status',
          'number_of_frames',
          'spaces'
        ])
      )
      expect(row.data_type).toMatch(/^[A-Z_]+$/)
    }
    const video = response.find((row) => row.data_type === 'VIDEO')
    expect(video?.number_of_frames).toBe(3)
  })

  it('filters by stage LIKE, data title and hashes', async () => {
    const like = await list({
      workflow_graph_node_title_eq: null,
      workflow_graph_node_title_like: 'Re%'
    })
    const title = await list({ workflow_graph_node_title_eq: null, data_title_like: '%.mp4' })
    const byHash = await list({
      workflow_graph_node_title_eq: null,
      label_hashes: [TRAINING_LABEL]
    })
    expect(like.response.map((row) => row.data_title)).toEqual(['street-003.jpg'])
    expect(title.response.map((row) => row.data_title)).toEqual(['crossing.mp4'])
    expect(byHash.response.map((row) => row.label_hash)).toEqual([TRAINING_LABEL])
  })

  it('refuses a filter it does not implement instead of ignoring it', async () => {
    const answer = await list({ label_statuses: ['COMPLETED'] })
    expect(answer).toMatchObject({ status: 400, response: ['INVALID_ARGUMENTS_ERROR'] })
  })
})

describe('labelrow GET', () => {
  it('returns label rows in request order, leaving out hashes it does not have', async () => {
    const { response: rows } = await list()
    const hashes = rows.flatMap((row) => (row.label_hash ? [row.label_hash] : []))
    const asked = [...hashes].reverse()
    const answer = await v1<{ label_hash: string; data_type: string; data_units: object }[]>(
      TRAINING,
      fetchBody([asked[0]!, 'not-a-label-hash', ...asked.slice(1)])
    )
    expect(answer.status).toBe(200)
    expect(answer.response.map((row) => row.label_hash)).toEqual(asked)
    expect(answer.response.every((row) => row.data_type === row.data_type.toLowerCase())).toBe(true)
    expect(fake.stats().bundleSizes).toEqual([asked.length + 1])
  })

  it('serves only the project’s own label rows', async () => {
    const answer = await v1<unknown[]>(BENCHMARK, fetchBody([TRAINING_LABEL]))
    expect(answer).toEqual({ status: 200, response: [] })
  })

  it('accepts 1000 uids and rejects 1001 with MULTI_LABEL_LIMIT_ERROR', async () => {
    const uids = Array.from({ length: 1001 }, (_, i) => `label-${i}`)
    const thousand = await v1<unknown[]>(TRAINING, fetchBody(uids.slice(0, 1000)))
    const tooMany = await v1<unknown>(TRAINING, fetchBody(uids))
    expect(thousand).toEqual({ status: 200, response: [] })
    expect(tooMany).toEqual({
      status: 400,
      response: ['MULTI_LABEL_LIMIT_ERROR'],
      payload: { maximum_labels_allowed: 1000 }
    })
  })
})

describe('labelrow PUT', () => {
  it('records the write and answers with new, empty label rows', async () => {
    const uninitialised = (await list()).response.find((row) => row.label_hash === null)
    const body = v1Body({
      queryType: 'labelrow',
      queryMethod: 'PUT',
      uid: [uninitialised!.data_hash],
      payload: { multi_request: true, get_signed_url: false, branch_name: 'main' }
    })
    const answer = await v1<{ label_hash: string; data_hash: string; object_answers: object }[]>(
      TRAINING,
      body
    )
    expect(answer.status).toBe(200)
    expect(answer.response).toEqual([
      expect.objectContaining({
        data_hash: uninitialised!.data_hash,
        label_hash: expect.stringMatching(/^[0-9a-f-]{36}$/),
        object_answers: {}
      })
    ])
    expect(fake.stats().writes).toEqual([
      {
        n: 2,
        projectHash: TRAINING,
        queryType: 'labelrow',
        queryMethod: 'PUT',
        uids: [uninitialised!.data_hash],
        user: 'evaluator@example.com'
      }
    ])
  })

  it('records no write for reads', async () => {
    await list()
    await v1(TRAINING, fetchBody([TRAINING_LABEL]))
    expect(fake.stats().writes).toEqual([])
  })
})

describe('v2 resources', () => {
  it('serves the ProjectDTO with its workflow stages and ontology', async () => {
    const response = await getV2(fake.url, signer, `/v2/public/projects/${TRAINING}`)
    expect(await response.json()).toEqual({
      projectHash: TRAINING,
      projectType: 'workflow',
      status: 'inProgress',
      title: 'Training - alice@example.com',
      description: '',
      createdAt: expect.any(String),
      lastEditedAt: expect.any(String),
      ontologyHash: ONTOLOGY,
      editorOntology: exampleScenario().ontologies[ONTOLOGY]!.editor,
      userRole: 0,
      sourceProjects: null,
      workflow: {
        stages: [
          { stageType: 'ANNOTATION', uuid: expect.any(String), title: 'Annotate' },
          { stageType: 'REVIEW', uuid: expect.any(String), title: 'Review' },
          { stageType: 'DONE', uuid: expect.any(String), title: 'Complete' }
        ]
      }
    })
  })

  it('serves the ontology with a nullable userRole', async () => {
    const response = await getV2(fake.url, signer, `/v2/public/ontologies/${ONTOLOGY}`)
    expect(await response.json()).toEqual({
      ontologyUuid: ONTOLOGY,
      title: 'Street objects',
      description: '',
      editor: exampleScenario().ontologies[ONTOLOGY]!.editor,
      createdAt: expect.any(String),
      lastEditedAt: expect.any(String),
      userRole: null
    })
  })

  it('counts requests per endpoint', async () => {
    await getV2(fake.url, signer, `/v2/public/projects/${TRAINING}`)
    await list()
    await list()
    expect(fake.stats()).toMatchObject({
      requests: 3,
      byEndpoint: { 'v2 GET /projects/{hash}': 1, 'v1 labelrowmetadata GET': 2 }
    })
  })
})
