// § numbers in this file are sections of docs/encord-api.md.
/**
 * The four reads on the wire (URL, method, headers, exact v1 bodies) and how their answers are
 * parsed, against nock. Every test also checks that nothing but reads was sent.
 */

import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { EncordApiError, InputError } from '../../src/errors.js'
import { VECTOR_PUBLIC_KEY_HEX } from '../__fixtures__/encord/keys.js'
import {
  DOMAIN,
  labelRow,
  metadataRow,
  ONTOLOGY,
  ontologyDto,
  projectDto,
  TRAINING,
  uninitialisedRow,
  v1Ok
} from '../__fixtures__/encord/responses.js'
import {
  expectOnlyReads,
  fetchRowJson,
  makeClient,
  record,
  USER_AGENT,
  v1Body,
  type SeenRequest
} from './harness.js'
import { collectUnmatched, expectNoUnmatched, useNock } from './nock-harness.js'

let seen: SeenRequest[]
let unmatched: ReturnType<typeof collectUnmatched>

useNock()
beforeEach(() => {
  seen = []
  unmatched = collectUnmatched()
})
afterEach(() => {
  nock.cleanAll()
  expectNoUnmatched(unmatched)
  expectOnlyReads(seen)
})

async function failure(promise: Promise<unknown>): Promise<EncordApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof EncordApiError) return error
    throw error
  }
  throw new Error('expected an EncordApiError')
}

describe('getProject', () => {
  it('sends the signed v2 GET of §6.6 request 1', async () => {
    nock(DOMAIN)
      .get(`/v2/public/projects/${TRAINING}`)
      .reply(function () {
        record(seen, this, 'GET', `/v2/public/projects/${TRAINING}`)
        return [200, projectDto()]
      })
    const { client } = makeClient()
    await client.getProject(TRAINING)
    const [request] = seen
    expect(request?.headers).toMatchObject({
      'user-agent': USER_AGENT,
      'accept-encoding': 'gzip',
      'content-digest': 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:',
      'signature-input': `encord-sig=("@method" "@request-target" "content-digest");created=1735689600;keyid="${VECTOR_PUBLIC_KEY_HEX}";alg="ed25519"`,
      signature:
        'encord-sig=:68dGp56xarr0i1sn2LqBSRK8X0huWgSQWdZeRIZdarCLYCWfjWXu/LIUK1LXWyw5Ty+sioI9dkhsJ1jtckA+AQ==:'
    })
    expect(request?.headers['x-cloud-trace-context']).toMatch(/^[0-9a-f]{32}\/1;o=1$/)
    expect(request?.headers['authorization']).toBeUndefined()
    expect(request?.headers['content-type']).toBeUndefined()
    expect(request?.body).toBe('')
    client.close()
  })

  it('returns our ProjectInfo, ignoring unknown keys', async () => {
    nock(DOMAIN).get(`/v2/public/projects/${TRAINING}`).reply(200, projectDto())
    const { client } = makeClient()
    const project = await client.getProject(TRAINING)
    expect(project).toEqual({
      projectHash: TRAINING,
      title: 'Training A',
      ontologyHash: ONTOLOGY,
      editorOntology: projectDto()['editorOntology'],
      workflowStages: [
        {
          uuid: 'aaaaaaaa-0000-0000-0000-000000000001',
          title: 'Annotate',
          stageType: 'ANNOTATION'
        },
        { uuid: 'aaaaaaaa-0000-0000-0000-000000000002', title: 'Complete', stageType: 'DONE' }
      ]
    })
    client.close()
  })

  it('accepts snake_case keys as the SDK does', async () => {
    const camel = projectDto()
    const snake = Object.fromEntries(
      Object.entries(camel).map(([key, value]) => [
        key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
        value
      ])
    )
    snake['workflow'] = {
      stages: [
        { stage_type: 'DONE', uuid: 'aaaaaaaa-0000-0000-0000-000000000002', title: 'Complete' }
      ]
    }
    nock(DOMAIN).get(`/v2/public/projects/${TRAINING}`).reply(200, snake)
    const { client } = makeClient()
    const project = await client.getProject(TRAINING)
    expect(project.ontologyHash).toBe(ONTOLOGY)
    expect(project.editorOntology).toEqual(camel['editorOntology'])
    expect(project.workflowStages).toEqual([
      { uuid: 'aaaaaaaa-0000-0000-0000-000000000002', title: 'Complete', stageType: 'DONE' }
    ])
    client.close()
  })

  it('gives null stages for a project without a workflow', async () => {
    nock(DOMAIN)
      .get(`/v2/public/projects/${TRAINING}`)
      .reply(200, { ...projectDto(), projectType: 'manual_qa', workflow: null })
    const { client } = makeClient()
    expect((await client.getProject(TRAINING)).workflowStages).toBeNull()
    client.close()
  })

  it.each([
    ['a missing required key', { projectType: undefined }, 'projectType'],
    ['a project type the SDK rejects', { projectType: 'benchmark' }, 'projectType'],
    ['a project hash that is not a UUID', { projectHash: 'not-a-uuid' }, 'projectHash'],
    ['an ontology that is not an object', { editorOntology: [] }, 'editorOntology'],
    [
      'an unknown stage type',
      { workflow: { stages: [{ stageType: 'LOOP', uuid: TRAINING, title: 'x' }] } },
      'workflow.stages[0].stageType'
    ]
  ])('names endpoint, project and field for %s', async (_case, change, field) => {
    nock(DOMAIN)
      .get(`/v2/public/projects/${TRAINING}`)
      .reply(200, { ...projectDto(), ...change })
    const { client } = makeClient()
    const error = await failure(client.getProject(TRAINING))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain('GET /v2/public/projects/{hash}')
    expect(error.message).toContain(`project ${TRAINING}`)
    expect(error.message).toContain(`${field}:`)
    expect(error.details).toMatchObject({
      project: TRAINING,
      endpoint: 'GET /v2/public/projects/{hash}'
    })
    client.close()
  })

  it('reports a body that is not JSON as an invalid response', async () => {
    nock(DOMAIN).get(`/v2/public/projects/${TRAINING}`).reply(200, '<html>hello</html>')
    const { client } = makeClient()
    const error = await failure(client.getProject(TRAINING))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain('not JSON')
    client.close()
  })
})

describe('getOntology', () => {
  it('sends the signed v2 GET of §6.6 request 2 and returns our OntologyInfo', async () => {
    nock(DOMAIN)
      .get(`/v2/public/ontologies/${ONTOLOGY}`)
      .reply(function () {
        record(seen, this, 'GET', `/v2/public/ontologies/${ONTOLOGY}`)
        return [200, ontologyDto()]
      })
    const { client } = makeClient()
    const ontology = await client.getOntology(ONTOLOGY, TRAINING)
    expect(seen[0]?.headers['signature']).toBe(
      'encord-sig=:A5pN87IWDLKiehaprajZxXX7kGbVueNpoEJ2wcM1Sta9RvwTvsHxysDT2kuDgALOdgFAh87i5E8C6AKnHFzXBQ==:'
    )
    expect(ontology).toEqual({
      ontologyHash: ONTOLOGY,
      title: 'Ont',
      editor: ontologyDto()['editor']
    })
    client.close()
  })

  it('requires the userRole key, as the SDK does, and names the project it serves', async () => {
    const { userRole: _dropped, ...withoutRole } = ontologyDto()
    nock(DOMAIN).get(`/v2/public/ontologies/${ONTOLOGY}`).reply(200, withoutRole)
    const { client } = makeClient()
    const error = await failure(client.getOntology(ONTOLOGY, TRAINING))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain('GET /v2/public/ontologies/{hash}')
    expect(error.message).toContain(`ontology ${ONTOLOGY} of project ${TRAINING}`)
    expect(error.message).toContain('userRole:')
    client.close()
  })
})

describe('listLabelRows', () => {
  function serveListing(response: unknown, status = 200) {
    nock(DOMAIN)
      .post('/public')
      .reply(function () {
        record(seen, this, 'POST', '/public')
        return [status, response]
      })
  }

  it('sends the §6.3 body byte for byte with the §2.7 headers (§6.6 request 5)', async () => {
    serveListing(v1Ok([]))
    const { client } = makeClient()
    await client.listLabelRows(TRAINING, 'Complete')
    const [request] = seen
    expect(request?.body.length).toBe(590)
    expect(
      createHash('sha256')
        .update(request?.body ?? '')
        .digest('hex')
    ).toBe('a17156af908f012270c5cdd63c42f18517b6f0ce84f04e252a64a3eaa0f9589f')
    expect(request?.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
      resourcetype: 'project',
      resourceid: TRAINING,
      'user-agent': USER_AGENT,
      authorization: `${VECTOR_PUBLIC_KEY_HEX}:76cd63ecde3caffd242d74f3222b65869b2323418ef1fd57632560809a180662546d802307e7525cabb3315ad0b0f8a35ed056a662d0bddf193e0f2576d37705`
    })
    expect(request?.headers['signature']).toBeUndefined()
    client.close()
  })

  it('filters on the exact stage title given', async () => {
    serveListing(v1Ok([]))
    const { client } = makeClient()
    await client.listLabelRows(TRAINING, 'QA – done ✓')
    const payload = seen[0] ? v1Body(seen[0]).values.payload : {}
    expect(payload['workflow_graph_node_title_eq']).toBe('QA – done ✓')
    expect(seen[0]?.body).toContain('"QA \\u2013 done \\u2713"')
    client.close()
  })

  it('returns our metadata type, keeping never-labelled rows with a null label hash', async () => {
    serveListing(v1Ok([metadataRow(), uninitialisedRow()]))
    const { client } = makeClient()
    const rows = await client.listLabelRows(TRAINING, 'Complete')
    expect(rows).toEqual([
      {
        labelHash: '77777777-7777-7777-7777-777777777777',
        dataHash: '44444444-4444-4444-4444-444444444444',
        dataTitle: 'clip.mp4',
        dataType: 'video',
        numberOfFrames: 120,
        width: 1920,
        height: 1080,
        stageTitle: 'Complete'
      },
      {
        labelHash: null,
        dataHash: '99999999-9999-9999-9999-999999999999',
        dataTitle: 'never-labelled.jpg',
        dataType: 'image',
        numberOfFrames: 1,
        width: null,
        height: null,
        stageTitle: 'Complete'
      }
    ])
    client.close()
  })

  it('accepts rows of projects without a workflow and without optional keys', async () => {
    const row = metadataRow({ workflow_graph_node: null })
    for (const optional of ['label_hash', 'width', 'height', 'task_uuid', 'annotation_task_status'])
      delete row[optional]
    serveListing(v1Ok([row]))
    const { client } = makeClient()
    const [parsed] = await client.listLabelRows(TRAINING, 'Complete')
    expect(parsed).toMatchObject({ labelHash: null, width: null, height: null, stageTitle: null })
    client.close()
  })

  it('succeeds on the body status even when the HTTP status says otherwise (§3.2)', async () => {
    serveListing(v1Ok([metadataRow()]), 400)
    const { client } = makeClient()
    expect(await client.listLabelRows(TRAINING, 'Complete')).toHaveLength(1)
    client.close()
  })

  it.each([
    ['data_link absent (the key must exist)', { data_link: undefined }, 'response[1].data_link'],
    ['number_of_frames not an integer', { number_of_frames: '12' }, 'response[1].number_of_frames'],
    [
      'an annotation task status the SDK rejects',
      { annotation_task_status: 'DONE' },
      'response[1].annotation_task_status'
    ],
    ['a task uuid that is not a UUID', { task_uuid: 'task-1' }, 'response[1].task_uuid'],
    ['spaces missing', { spaces: undefined }, 'response[1].spaces']
  ])('names endpoint, project and field for %s', async (_case, change, field) => {
    serveListing(v1Ok([metadataRow(), metadataRow(change)]))
    const { client } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain(`labelrowmetadata for project ${TRAINING}`)
    expect(error.message).toContain(`${field}:`)
    expect(error.details).toMatchObject({ project: TRAINING, endpoint: 'labelrowmetadata' })
    client.close()
  })

  it('rejects an answer without the v1 envelope', async () => {
    serveListing({ response: [metadataRow()] })
    const { client } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain(`labelrowmetadata for project ${TRAINING}`)
    expect(error.message).toContain('status: missing')
    client.close()
  })

  it('treats a null response as "not found", like the SDK', async () => {
    serveListing({ status: 200, response: null })
    const { client } = makeClient()
    expect((await failure(client.listLabelRows(TRAINING, 'Complete'))).kind).toBe('not-found')
    client.close()
  })

  it('decodes a gzip-compressed answer and counts the bytes on the wire', async () => {
    const compressed = gzipSync(JSON.stringify(v1Ok([metadataRow(), uninitialisedRow()])))
    nock(DOMAIN)
      .post('/public')
      .reply(200, compressed, { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' })
    const { client } = makeClient()
    const rows = await client.listLabelRows(TRAINING, 'Complete')
    expect(rows.map((row) => row.dataTitle)).toEqual(['clip.mp4', 'never-labelled.jpg'])
    expect(client.stats).toEqual({ requests: 1, retries: 0, bytesReceived: compressed.length })
    client.close()
  })

  it('reports a corrupt gzip body as an invalid response', async () => {
    nock(DOMAIN)
      .post('/public')
      .reply(200, Buffer.from('definitely not gzip'), { 'Content-Encoding': 'gzip' })
    const { client } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain('decompressed')
    client.close()
  })
})

describe('fetchLabelRowsLazily', () => {
  /** Serve label rows for whatever uids are asked, recording each request. */
  function serveLabelRows(times: number, omit: ReadonlySet<string> = new Set()) {
    nock(DOMAIN)
      .post('/public')
      .times(times)
      .reply(function () {
        const request = record(seen, this, 'POST', '/public')
        const uids = v1Body(request).values.uid as string[]
        return [
          200,
          v1Ok(
            uids
              .filter((uid) => !omit.has(uid))
              .reverse()
              .map(labelRow)
          )
        ]
      })
  }

  it('sends the §6.4 payload for one row (§6.6 request 7) and returns the row JSON', async () => {
    serveLabelRows(1)
    const { client } = makeClient()
    const rows = await fetchRowJson(client, TRAINING, ['77777777-7777-7777-7777-777777777777'])
    expect(rows).toEqual([labelRow('77777777-7777-7777-7777-777777777777')])
    const [request] = seen
    expect(request?.body).toBe(
      '{"query_type": "labelrow", "query_method": "GET", "values": {"uid": ["77777777-7777-7777-7777-777777777777"], "payload": {"get_signed_url": false, "multi_request": true, "include_object_feature_hashes": null, "include_classification_feature_hashes": null, "include_reviews": false, "include_export_history": false, "include_archived": false}}}'
    )
    expect(request?.headers).toMatchObject({
      resourcetype: 'project',
      resourceid: TRAINING,
      'accept-encoding': 'gzip',
      authorization: `${VECTOR_PUBLIC_KEY_HEX}:ac8d1e1d88c42c6005ab15f5d7c636d97f04d52ef714f7083249c6fe27bbda75970a492ca047e40902142c184d144bb2d97830ea5b5ed5e9aa878ceecc010d05`
    })
    client.close()
  })

  it('splits 2,500 hashes into bundles of 1000, 1000 and 500, in order, and keeps the order', async () => {
    const hashes = Array.from({ length: 2500 }, (_, i) => `label-${String(i).padStart(4, '0')}`)
    serveLabelRows(3)
    const { client } = makeClient()
    const rows = await fetchRowJson(client, TRAINING, hashes)
    const bundles = seen.map((request) => v1Body(request).values.uid as string[])
    expect(bundles.map((uids) => uids.length)).toEqual([1000, 1000, 500])
    expect(bundles.flat()).toEqual(hashes)
    expect(rows.map((row) => (row as { label_hash: string }).label_hash)).toEqual(hashes)
    client.close()
  })

  it('sends nothing for an empty list', async () => {
    const { client } = makeClient()
    expect(await fetchRowJson(client, TRAINING, [])).toEqual([])
    expect(client.stats.requests).toBe(0)
    client.close()
  })

  it('fetches only labelled rows: never-labelled data is neither fetched nor created', async () => {
    nock(DOMAIN)
      .post('/public')
      .reply(function () {
        record(seen, this, 'POST', '/public')
        return [200, v1Ok([metadataRow(), uninitialisedRow()])]
      })
    serveLabelRows(1)
    const { client } = makeClient()
    const listed = await client.listLabelRows(TRAINING, 'Complete')
    const labelled = listed.flatMap((row) => (row.labelHash === null ? [] : [row.labelHash]))
    await fetchRowJson(client, TRAINING, labelled)
    expect(seen).toHaveLength(2)
    expect(seen.map((request) => v1Body(request).query_method)).toEqual(['GET', 'GET'])
    expect(seen[1] ? v1Body(seen[1]).values.uid : undefined).toEqual([
      '77777777-7777-7777-7777-777777777777'
    ])
    expect(
      seen.some((request) => request.body.includes('99999999-9999-9999-9999-999999999999'))
    ).toBe(false)
    client.close()
  })

  it('refuses a null label hash outright instead of sending anything', async () => {
    const { client } = makeClient()
    await expect(fetchRowJson(client, TRAINING, [null as unknown as string])).rejects.toThrow(
      TypeError
    )
    expect(client.stats.requests).toBe(0)
    client.close()
  })

  it('names the project when a requested row is missing from the answer', async () => {
    serveLabelRows(1, new Set(['label-b']))
    const { client } = makeClient()
    const error = await failure(fetchRowJson(client, TRAINING, ['label-a', 'label-b']))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain(`project ${TRAINING}`)
    expect(error.message).toContain('label row label-b was asked for but not returned')
    client.close()
  })

  it('checks only that each row is an object with a string label_hash', async () => {
    nock(DOMAIN)
      .post('/public')
      .reply(200, v1Ok([{ label_hash: 'label-a', anything: ['goes'] }, { label_hash: 7 }]))
    const { client } = makeClient()
    const error = await failure(fetchRowJson(client, TRAINING, ['label-a', 'label-b']))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain('labelrow')
    expect(error.message).toContain('response[1].label_hash:')
    client.close()
  })

  it('reports a row that is not JSON as it reports a body that is not JSON', async () => {
    // Rows are split from the answer and parsed one by one; a broken one still fails the answer.
    nock(DOMAIN)
      .post('/public')
      .reply(
        200,
        '{"status": 200, "response": [{"label_hash": "label-a"}, {"label_hash": "label-b", "x": tru}]}'
      )
    const { client } = makeClient()
    const error = await failure(fetchRowJson(client, TRAINING, ['label-a', 'label-b']))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain('not JSON')
    client.close()
  })

  it('reads rows lazily, each parsed when asked for, with the same JSON', async () => {
    serveLabelRows(1)
    const { client } = makeClient()
    const rows = await client.fetchLabelRowsLazily(TRAINING, ['label-b', 'label-a'])
    expect(rows.map((row) => row.labelHash)).toEqual(['label-b', 'label-a'])
    expect(rows.map((row) => row.json())).toEqual([labelRow('label-b'), labelRow('label-a')])
    client.close()
  })

  it('asks each hash once even when it is listed twice, and answers both positions', async () => {
    serveLabelRows(1)
    const { client } = makeClient()
    const rows = await fetchRowJson(client, TRAINING, ['label-a', 'label-b', 'label-a'])
    expect(seen[0] ? v1Body(seen[0]).values.uid : undefined).toEqual(['label-a', 'label-b'])
    expect(rows).toEqual([labelRow('label-a'), labelRow('label-b'), labelRow('label-a')])
    client.close()
  })

  it('splits a bundle further when Encord says it allows fewer rows per request', async () => {
    nock(DOMAIN)
      .post('/public')
      .reply(function () {
        record(seen, this, 'POST', '/public')
        return [
          200,
          {
            status: 400,
            response: ['MULTI_LABEL_LIMIT_ERROR'],
            payload: { maximum_labels_allowed: 2 }
          }
        ]
      })
    serveLabelRows(3)
    const { client } = makeClient()
    const hashes = ['a', 'b', 'c', 'd', 'e']
    const rows = await fetchRowJson(client, TRAINING, hashes)
    expect(seen.map((request) => v1Body(request).values.uid)).toEqual([
      hashes,
      ['a', 'b'],
      ['c', 'd'],
      ['e']
    ])
    expect(rows).toEqual(hashes.map(labelRow))
    client.close()
  })
})

describe('arguments that would change the URL or headers', () => {
  it.each(['../ontologies/x', 'a/b', 'a?b=c', '', 'line\nbreak'])(
    'refuses the project hash %j before sending anything',
    async (hash) => {
      const { client } = makeClient()
      await expect(client.getProject(hash)).rejects.toBeInstanceOf(InputError)
      await expect(client.listLabelRows(hash, 'Complete')).rejects.toBeInstanceOf(InputError)
      await expect(fetchRowJson(client, hash, ['label-a'])).rejects.toBeInstanceOf(InputError)
      await expect(client.getOntology(hash, TRAINING)).rejects.toBeInstanceOf(InputError)
      expect(client.stats.requests).toBe(0)
      client.close()
    }
  )

  it('accepts a domain with a trailing slash and sends to its origin', async () => {
    nock(DOMAIN).get(`/v2/public/projects/${TRAINING}`).reply(200, projectDto())
    const { client } = makeClient({ domain: `${DOMAIN}/` })
    expect((await client.getProject(TRAINING)).projectHash).toBe(TRAINING)
    client.close()
  })

  it.each(['https://api.encord.com/prefix', 'api.encord.com', 'ftp://api.encord.com'])(
    'refuses the domain %s, naming the encord-domain input',
    (domain) => {
      expect(() => makeClient({ domain })).toThrow(
        expect.objectContaining({ name: 'InputError', input: 'encord-domain' })
      )
    }
  )
})
