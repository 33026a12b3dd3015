// Authentication and access over HTTP, as docs/encord-api.md §3.3 (v1) and §4.5 (v2) describe the
// answers.
import { afterEach, describe, expect, it } from '@jest/globals'
import { generateKeyPair } from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { createTestSigner, getV2, postV1 } from '../../tools/fake-encord/test-signer.mjs'
import {
  BENCHMARK,
  exampleScenario,
  fetchBody,
  listingBody,
  ONTOLOGY,
  SDK_FETCH_AUTHORIZATION,
  SDK_FETCH_BODY,
  SDK_LISTING_AUTHORIZATION,
  SDK_LISTING_BODY,
  TRAINING,
  TRAINING_LABEL,
  VECTOR_CLOCK_MS,
  VECTOR_SEED,
  type MetadataRow,
  type V1Answer
} from './support.js'

const signer = createTestSigner(VECTOR_SEED)
let server: FakeEncord | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: Partial<Parameters<typeof startFakeEncord>[0]> = {}) {
  server = await startFakeEncord({ scenario: exampleScenario(), ...options })
  return server
}

/** POST /public with the raw body and Authorization given, no signing. */
function rawV1(url: string, projectHash: string, body: string, authorization: string) {
  return fetch(`${url}/public`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ResourceType: 'project',
      ResourceID: projectHash,
      Authorization: authorization
    },
    body
  })
}

describe('signed requests', () => {
  it('accepts a correctly signed v1 and v2 request', async () => {
    const { url } = await start()
    const v1 = await postV1(url, signer, { projectHash: TRAINING, body: listingBody() })
    const v2 = await getV2(url, signer, `/v2/public/projects/${TRAINING}`)
    expect(v1.status).toBe(200)
    expect(((await v1.json()) as V1Answer).status).toBe(200)
    expect(v2.status).toBe(200)
    expect(await v2.json()).toMatchObject({ projectHash: TRAINING, ontologyHash: ONTOLOGY })
  })

  it('accepts the §2.6 / §6.6 wire vectors with its clock pinned to theirs', async () => {
    const { url } = await start({ now: () => VECTOR_CLOCK_MS })
    const project = await fetch(`${url}/v2/public/projects/${TRAINING}`, {
      headers: {
        'Content-Digest': 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:',
        'Signature-Input':
          'encord-sig=("@method" "@request-target" "content-digest");created=1735689600;keyid="03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";alg="ed25519"',
        Signature:
          'encord-sig=:68dGp56xarr0i1sn2LqBSRK8X0huWgSQWdZeRIZdarCLYCWfjWXu/LIUK1LXWyw5Ty+sioI9dkhsJ1jtckA+AQ==:'
      }
    })
    const ontology = await fetch(`${url}/v2/public/ontologies/${ONTOLOGY}`, {
      headers: {
        'Content-Digest': 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:',
        'Signature-Input':
          'encord-sig=("@method" "@request-target" "content-digest");created=1735689600;keyid="03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";alg="ed25519"',
        Signature:
          'encord-sig=:A5pN87IWDLKiehaprajZxXX7kGbVueNpoEJ2wcM1Sta9RvwTvsHxysDT2kuDgALOdgFAh87i5E8C6AKnHFzXBQ==:'
      }
    })
    const listing = await rawV1(url, TRAINING, SDK_LISTING_BODY, SDK_LISTING_AUTHORIZATION)
    // §6.6: the benchmark listing is byte-identical, hence identically signed.
    const benchmarkListing = await rawV1(
      url,
      BENCHMARK,
      SDK_LISTING_BODY,
      SDK_LISTING_AUTHORIZATION
    )
    const labels = await rawV1(url, TRAINING, SDK_FETCH_BODY, SDK_FETCH_AUTHORIZATION)

    expect(project.status).toBe(200)
    expect(ontology.status).toBe(200)
    expect(await ontology.json()).toMatchObject({ ontologyUuid: ONTOLOGY })
    expect(((await listing.json()) as V1Answer).status).toBe(200)
    expect(((await benchmarkListing.json()) as V1Answer).status).toBe(200)
    const fetched = (await labels.json()) as V1Answer<{ label_hash: string }[]>
    expect(fetched.response.map((row) => row.label_hash)).toEqual([TRAINING_LABEL])
  })

  it('refuses a v2 signature created at the vectors’ time when its clock is today’s', async () => {
    const { url } = await start()
    const response = await getV2(url, signer, `/v2/public/projects/${TRAINING}`, {
      created: Math.floor(VECTOR_CLOCK_MS / 1000) - 30
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      message: expect.stringMatching(/^Authentication failed: signature created=1735689600/)
    })
  })
})

describe('authentication failures', () => {
  it('answers a tampered v1 body or signature with AUTHENTICATION_ERROR', async () => {
    const { url } = await start()
    const body = listingBody()
    const authorization = signer.v1Authorization(body)
    const tamperedBody = await rawV1(
      url,
      TRAINING,
      body.replace('Complete', 'Review'),
      authorization
    )
    const lastDigit = parseInt(authorization.slice(-1), 16)
    const flipped = authorization.slice(0, -1) + (lastDigit ^ 1).toString(16)
    const tamperedSignature = await rawV1(url, TRAINING, body, flipped)
    for (const response of [tamperedBody, tamperedSignature]) {
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({
        status: 400,
        response: ['AUTHENTICATION_ERROR']
      })
    }
  })

  it('answers a tampered v2 signature, or a target other than the one signed, with 401', async () => {
    const { url } = await start()
    const target = `/v2/public/projects/${TRAINING}`
    const headers = signer.v2Headers({ method: 'GET', target })
    const signature = Buffer.from(headers.Signature.slice('encord-sig=:'.length, -1), 'base64')
    signature[0] = (signature[0] ?? 0) ^ 1
    const tampered = await fetch(`${url}${target}`, {
      headers: { ...headers, Signature: `encord-sig=:${signature.toString('base64')}:` }
    })
    const otherTarget = await fetch(`${url}${target}?extra=1`, { headers })
    const unsigned = await fetch(`${url}${target}`)
    for (const response of [tampered, otherTarget, unsigned]) {
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ message: expect.any(String) })
    }
  })

  it('signs the query string as part of @request-target', async () => {
    const { url } = await start()
    const response = await getV2(
      url,
      signer,
      `/v2/public/projects/${TRAINING}?includeOrgAccess=True`
    )
    expect(response.status).toBe(200)
  })

  it('answers an unregistered key with SSH_KEY_NOT_FOUND_ERROR (v1) and 401 (v2)', async () => {
    const { url } = await start()
    const stranger = createTestSigner(generateKeyPair().privateKeyOpenSsh)
    const v1 = await postV1(url, stranger, { projectHash: TRAINING, body: listingBody() })
    const v2 = await getV2(url, stranger, `/v2/public/projects/${TRAINING}`)
    expect(await v1.json()).toEqual({
      status: 400,
      response: ['SSH_KEY_NOT_FOUND_ERROR'],
      payload: expect.stringMatching(/^Your used SSH key does not exist/)
    })
    expect(v2.status).toBe(401)
    expect(await v2.json()).toEqual({ message: 'The SSH key is not registered with Encord.' })
  })
})

describe('access', () => {
  const outsider = createTestSigner(Buffer.alloc(32, 9))

  async function startWithOutsider() {
    const scenario = exampleScenario()
    scenario.users.push({
      email: 'outsider@example.com',
      publicKeyHex: outsider.publicKeyHex,
      projects: [BENCHMARK]
    })
    return start({ scenario })
  }

  it('answers a user without access with AUTHORISATION_ERROR (v1) and 403 (v2)', async () => {
    const { url } = await startWithOutsider()
    const v1 = await postV1(url, outsider, { projectHash: TRAINING, body: listingBody() })
    const fetch1 = await postV1(url, outsider, {
      projectHash: TRAINING,
      body: fetchBody([TRAINING_LABEL])
    })
    const v2 = await getV2(url, outsider, `/v2/public/projects/${TRAINING}`)
    for (const response of [v1, fetch1]) {
      expect(await response.json()).toMatchObject({
        status: 400,
        response: ['AUTHORISATION_ERROR']
      })
    }
    expect(v2.status).toBe(403)
    expect(await v2.json()).toEqual({
      message: `outsider@example.com has no access to project ${TRAINING}`
    })
  })

  it('lets a user read the ontology of a project they can access', async () => {
    const { url } = await startWithOutsider()
    const response = await getV2(url, outsider, `/v2/public/ontologies/${ONTOLOGY}`)
    const benchmark = await postV1(url, outsider, { projectHash: BENCHMARK, body: listingBody() })
    expect(response.status).toBe(200)
    expect(((await benchmark.json()) as V1Answer<MetadataRow[]>).response.length).toBeGreaterThan(0)
  })

  it('refuses an ontology to a user with no project that uses it', async () => {
    const scenario = exampleScenario()
    scenario.users.push({
      email: 'nobody@example.com',
      publicKeyHex: outsider.publicKeyHex,
      projects: []
    })
    const { url } = await start({ scenario })
    const response = await getV2(url, outsider, `/v2/public/ontologies/${ONTOLOGY}`)
    expect(response.status).toBe(403)
  })

  it('answers an unknown project with RESOURCE_NOT_FOUND_ERROR (v1) and 404 (v2)', async () => {
    const { url } = await start()
    const unknown = '99999999-9999-9999-9999-999999999999'
    const v1 = await postV1(url, signer, { projectHash: unknown, body: listingBody() })
    const v2 = await getV2(url, signer, `/v2/public/projects/${unknown}`)
    const ontology = await getV2(url, signer, `/v2/public/ontologies/${unknown}`)
    expect(await v1.json()).toMatchObject({ status: 400, response: ['RESOURCE_NOT_FOUND_ERROR'] })
    expect(v2.status).toBe(404)
    expect(ontology.status).toBe(404)
  })

  it('logs who asked, never how they signed', async () => {
    const fake = await start()
    await postV1(fake.url, signer, { projectHash: TRAINING, body: listingBody() })
    const logged = JSON.stringify(fake.requestLog)
    expect(fake.requestLog[0]).toMatchObject({ user: 'evaluator@example.com', status: 200 })
    expect(logged).not.toContain(signer.v1Authorization(listingBody()).split(':')[1])
  })
})
