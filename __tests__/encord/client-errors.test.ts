/**
 * Every Encord failure becomes an `EncordApiError` of the right kind, with a one-line message
 * naming the project and the fix, and never a trace of the key or a signature.
 */

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import type { EncordClient } from '../../src/encord/client.js'
import { publicKeyFingerprint } from '../../src/encord/keys.js'
import { EncordApiError, type EncordErrorKind } from '../../src/errors.js'
import { VECTOR_PUBLIC_KEY_HEX } from '../__fixtures__/encord/keys.js'
import { DOMAIN, ONTOLOGY, TRAINING, v1Error } from '../__fixtures__/encord/responses.js'
import {
  connectionError,
  expectNoSecrets,
  expectOnlyReads,
  fetchRowJson,
  makeClient,
  record,
  type SeenRequest
} from './harness.js'
import { useNock } from './nock-harness.js'

let seen: SeenRequest[]

useNock()
beforeEach(() => {
  seen = []
})
afterEach(() => {
  nock.cleanAll()
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

/** Serve the same answer to every attempt, recording each request. */
function serveV1(status: number, body: unknown, headers: Record<string, string> = {}) {
  nock(DOMAIN)
    .post('/public')
    .times(10)
    .reply(function () {
      record(seen, this, 'POST', '/public')
      return [status, body, headers]
    })
}

function serveV2(path: string, status: number, body: unknown) {
  nock(DOMAIN)
    .get(path)
    .times(10)
    .reply(function () {
      record(seen, this, 'GET', path)
      return [status, body]
    })
}

/** Both v1 calls evaluation makes, so each mapping is checked for listing and fetching. */
const v1Calls: [string, (client: EncordClient) => Promise<unknown>][] = [
  ['labelrowmetadata', (client) => client.listLabelRows(TRAINING, 'Complete')],
  ['labelrow', (client) => fetchRowJson(client, TRAINING, ['label-a'])]
]

describe('v1 failures are told by the body, not the HTTP status', () => {
  const cases: [string, number, unknown, EncordErrorKind, RegExp][] = [
    [
      'AUTHENTICATION_ERROR',
      401,
      v1Error('AUTHENTICATION_ERROR'),
      'bad-signature',
      /rejected the signature.*complete private key/
    ],
    [
      'SSH_KEY_NOT_FOUND_ERROR',
      400,
      v1Error('SSH_KEY_NOT_FOUND_ERROR', 'Your used SSH key does not exist'),
      'key-not-registered',
      /register the public key \(fingerprint SHA256:[^)]+\) in the Encord web app under Settings → Public keys/
    ],
    [
      'AUTHORISATION_ERROR',
      403,
      v1Error('AUTHORISATION_ERROR'),
      'no-access',
      new RegExp(`add the key's user to project ${TRAINING}`)
    ],
    [
      'RESOURCE_NOT_FOUND_ERROR',
      404,
      v1Error('RESOURCE_NOT_FOUND_ERROR', 'gone'),
      'not-found',
      /check the project hash and encord-domain/
    ],
    [
      'MULTI_LABEL_LIMIT_ERROR without a limit',
      400,
      v1Error('MULTI_LABEL_LIMIT_ERROR'),
      'invalid-request',
      /MULTI_LABEL_LIMIT_ERROR.*no smaller size/
    ],
    [
      'INVALID_ARGUMENTS_ERROR',
      400,
      v1Error('INVALID_ARGUMENTS_ERROR', 'bad'),
      'invalid-request',
      /as invalid \(INVALID_ARGUMENTS_ERROR\).*bug/
    ],
    [
      'UNKNOWN_ERROR',
      200,
      v1Error('UNKNOWN_ERROR'),
      'server-error',
      /\(UNKNOWN_ERROR\).*Encord's side/
    ],
    [
      'a status without a code',
      200,
      { status: 500, response: 'oops' },
      'server-error',
      /\(status 500\)/
    ],
    [
      'a 429 status in the body',
      200,
      { status: 429, response: null },
      'rate-limited',
      /rate-limiting/
    ],
    [
      'HTML from a gateway (HTTP 504)',
      504,
      '<html>Gateway Timeout</html>',
      'server-error',
      /HTTP 504/
    ],
    ['a body that is not JSON (HTTP 200)', 200, 'Internal error', 'invalid-response', /not JSON/]
  ]

  describe.each(v1Calls)('%s', (endpoint, call) => {
    it.each(cases)('%s', async (_case, httpStatus, body, kind, message) => {
      serveV1(httpStatus, body)
      const { client, debugLines } = makeClient()
      const error = await failure(call(client))
      expect(error.kind).toBe(kind)
      expect(error.message).toMatch(message)
      expect(error.message).toContain(TRAINING)
      expect(error.message).not.toMatch(/\n/)
      expect(error.details).toMatchObject({ project: TRAINING, endpoint, status: httpStatus })
      expectNoSecrets([error.message, JSON.stringify(error.details), ...debugLines], seen)
      client.close()
    })
  })

  it("says what in an answer does not fit in our words, not the schema library's", async () => {
    serveV1(200, { status: 200, response: [null] })
    const { client } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toMatch(/response\[0\]: item 1 should be an object, not null/)
    expect(error.message).not.toMatch(/Invalid input|received/)
    client.close()
  })

  it('puts the Encord error code in the details', async () => {
    serveV1(400, v1Error('SSH_KEY_NOT_FOUND_ERROR'))
    const { client } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.details.code).toBe('SSH_KEY_NOT_FOUND_ERROR')
    expect(error.message).toContain(publicKeyFingerprint(VECTOR_PUBLIC_KEY_HEX))
    client.close()
  })
})

describe('v2 failures are told by the HTTP status', () => {
  const projectPath = `/v2/public/projects/${TRAINING}`
  const cases: [number, EncordErrorKind, RegExp][] = [
    [401, 'bad-signature', /did not accept the key.*fingerprint SHA256:.*Public keys.*clock/],
    [403, 'no-access', new RegExp(`add the key's user to project ${TRAINING}`)],
    [
      404,
      'not-found',
      /could not find project .* on https:\/\/api\.encord\.com: check the project hash and encord-domain/
    ],
    [400, 'invalid-request', /HTTP 400/],
    [204, 'invalid-response', /empty/],
    [504, 'server-error', /HTTP 504.*Encord's side/],
    [501, 'server-error', /HTTP 501/],
    [302, 'server-error', /HTTP 302/]
  ]

  it.each(cases)('HTTP %d → %s', async (status, kind, message) => {
    serveV2(projectPath, status, status === 204 ? '' : { message: 'server words' })
    const { client, debugLines } = makeClient()
    const error = await failure(client.getProject(TRAINING))
    expect(error.kind).toBe(kind)
    expect(error.message).toMatch(message)
    expect(error.message).toContain(TRAINING)
    expect(error.message).not.toContain('server words')
    expect(error.details).toMatchObject({
      project: TRAINING,
      endpoint: 'GET /v2/public/projects/{hash}',
      status
    })
    expectNoSecrets([error.message, ...debugLines], seen)
    client.close()
  })

  it('names the ontology and the project it belongs to', async () => {
    serveV2(`/v2/public/ontologies/${ONTOLOGY}`, 403, {})
    const { client } = makeClient()
    const error = await failure(client.getOntology(ONTOLOGY, TRAINING))
    expect(error.kind).toBe('no-access')
    expect(error.message).toContain(`ontology ${ONTOLOGY} of project ${TRAINING}`)
    expect(error.details.project).toBe(TRAINING)
    client.close()
  })
})

describe('after retries', () => {
  it('a 429 that persists is "rate-limited"', async () => {
    serveV1(429, 'Too Many Requests')
    const { client, debugLines } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.kind).toBe('rate-limited')
    expect(error.message).toContain(`project ${TRAINING}`)
    expect(error.message).toContain('after 4 attempts')
    expect(error.details.status).toBe(429)
    expectNoSecrets([error.message, ...debugLines], seen)
    client.close()
  })

  it('a 503 that persists is a "server-error"', async () => {
    serveV2(`/v2/public/projects/${TRAINING}`, 503, { detail: 'down' })
    const { client } = makeClient()
    const error = await failure(client.getProject(TRAINING))
    expect(error.kind).toBe('server-error')
    expect(error.message).toMatch(/HTTP 503\) after 4 attempts/)
    client.close()
  })

  it('a connection that keeps failing is "network" and mentions proxy settings', async () => {
    nock(DOMAIN)
      .post('/public')
      .times(4)
      .replyWithError(connectionError('ECONNRESET', 'socket hang up'))
    const { client, debugLines } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.kind).toBe('network')
    expect(error.message).toContain(`project ${TRAINING}`)
    expect(error.message).toContain('ECONNRESET')
    expect(error.message).toContain('HTTPS_PROXY')
    expect(error.message).toContain('after 4 attempts')
    expect(error.details).toMatchObject({ project: TRAINING, endpoint: 'labelrowmetadata' })
    expectNoSecrets([error.message, ...debugLines], seen)
    client.close()
  })

  it('a host that does not resolve is "network" at once (a wrong domain is not transient)', async () => {
    nock(DOMAIN)
      .post('/public')
      .replyWithError(connectionError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.encord.com'))
    const { client, sleeps } = makeClient()
    const error = await failure(client.listLabelRows(TRAINING, 'Complete'))
    expect(error.kind).toBe('network')
    expect(error.message).toContain('encord-domain')
    expect(sleeps).toEqual([])
    client.close()
  })
})

describe('debug log', () => {
  it('has method, endpoint, project, status, attempt, duration and bytes, and no headers or bodies', async () => {
    serveV1(200, { status: 200, response: [] })
    const { client, debugLines } = makeClient()
    await client.listLabelRows(TRAINING, 'Complete')
    expect(debugLines).toHaveLength(1)
    expect(debugLines[0]).toMatch(
      new RegExp(
        `^Encord POST labelrowmetadata project=${TRAINING} attempt 1/4: HTTP 200, \\d+ bytes in \\d+ ms$`
      )
    )
    expect(debugLines.join('\n')).not.toContain(VECTOR_PUBLIC_KEY_HEX)
    expectNoSecrets(debugLines, seen)
    client.close()
  })
})
