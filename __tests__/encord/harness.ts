/**
 * Shared set-up for the client tests: a client with a fixed clock, a recorded sleep and no
 * randomness, and a recorder that keeps every request (method, path, headers, exact body bytes)
 * so tests can assert what went on the wire, and that nothing was ever written.
 *
 * Deliberately free of nock (see `nock-harness.ts`): importing nock patches `http` for the whole
 * test file, which would break the real-socket tests that share these helpers.
 */

import { expect } from '@jest/globals'
import {
  createEncordClient,
  type EncordClient,
  type EncordClientOptions
} from '../../src/encord/client.js'
import { parsePrivateKey } from '../../src/encord/keys.js'
import { DOMAIN } from '../__fixtures__/encord/responses.js'
import {
  keySlices,
  VECTOR_KEY,
  VECTOR_KEY_BODY,
  VECTOR_SEED_HEX
} from '../__fixtures__/encord/keys.js'

/** The clock of docs/encord-api.md §2.6: v2 requests signed then reproduce its signatures. */
export const FIXED_NOW = Date.parse('2025-01-01T00:00:30Z')
export const USER_AGENT = 'encord-annotator-eval/1.2.3'

export interface SeenRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  /** Exact bytes sent, as text. */
  body: string
}

export function makeClient(overrides: Partial<EncordClientOptions> = {}) {
  const sleeps: number[] = []
  const debugLines: string[] = []
  const client = createEncordClient({
    key: parsePrivateKey(VECTOR_KEY),
    domain: DOMAIN,
    userAgent: USER_AGENT,
    now: () => FIXED_NOW,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0,
    debug: (line) => debugLines.push(line),
    ...overrides
  })
  return { client, sleeps, debugLines }
}

/** Every fetched row's JSON, each read once: what most tests check of `fetchLabelRowsLazily`. */
export async function fetchRowJson(
  client: EncordClient,
  projectHash: string,
  labelHashes: readonly string[]
): Promise<unknown[]> {
  const rows = await client.fetchLabelRowsLazily(projectHash, labelHashes)
  return rows.map((row) => row.json())
}

type ReplyContext = {
  req: { headers: Record<string, string | string[] | undefined>; requestBodyBuffers?: Buffer[] }
}

/** Keep what a nock reply function was called with. */
export function record(
  seen: SeenRequest[],
  context: ReplyContext,
  method: string,
  path: string
): SeenRequest {
  const request: SeenRequest = {
    method,
    path,
    headers: { ...context.req.headers },
    body: Buffer.concat(context.req.requestBodyBuffers ?? []).toString('utf8')
  }
  seen.push(request)
  return request
}

/** The parsed v1 envelope of a recorded request. */
export function v1Body(request: SeenRequest): {
  query_type: string
  query_method: string
  values: { uid: unknown; payload: Record<string, unknown> }
} {
  return JSON.parse(request.body) as ReturnType<typeof v1Body>
}

/** Nothing but reads: v2 GETs and v1 envelopes whose logical method is GET. */
export function expectOnlyReads(seen: readonly SeenRequest[]): void {
  for (const request of seen) {
    if (request.path.startsWith('/v2/')) {
      expect(request.method).toBe('GET')
    } else {
      expect(request.method).toBe('POST')
      expect(v1Body(request).query_method).toBe('GET')
    }
  }
}

/** Secrets that must never appear in a message or log line. */
export function secretsOf(seen: readonly SeenRequest[]): string[] {
  const signatures = seen.flatMap((request) => {
    const authorization = String(request.headers['authorization'] ?? '')
    const signature = String(request.headers['signature'] ?? '')
    return [authorization.split(':')[1] ?? '', signature.replace(/^encord-sig=:|:$/g, '')].filter(
      (value) => value.length > 0
    )
  })
  return [VECTOR_SEED_HEX, ...signatures, ...keySlices(VECTOR_KEY_BODY, 16)]
}

export function expectNoSecrets(texts: readonly string[], seen: readonly SeenRequest[]): void {
  const secrets = secretsOf(seen)
  const leaks = texts.flatMap((text) => secrets.filter((secret) => text.includes(secret)))
  expect(leaks).toEqual([])
}

/**
 * A transport error for `replyWithError`. It must be an `Error`: nock 14 never delivers a plain
 * `{ code, message }` object, and the request hangs.
 */
export function connectionError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}
