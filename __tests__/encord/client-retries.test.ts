/**
 * Retries: which answers are tried again, how long the client waits (through the injected
 * sleep, so nothing really waits), that attempts are bounded, and that every request shares one
 * concurrency limit.
 */

import { afterEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { EncordApiError } from '../../src/errors.js'
import {
  DOMAIN,
  labelRow,
  metadataRow,
  projectDto,
  TRAINING,
  v1Ok
} from '../__fixtures__/encord/responses.js'
import { connectionError, fetchRowJson, FIXED_NOW, makeClient } from './harness.js'
import { useNock } from './nock-harness.js'

useNock()
afterEach(() => {
  nock.cleanAll()
})

const projectPath = `/v2/public/projects/${TRAINING}`
// Small, distinct numbers make the expected waits easy to read: with random() = 0 the
// "equal jitter" backoff waits half the capped step, 50, 100, 200, capped at 150.
const quickRetry = { baseDelayMs: 100, maxDelayMs: 300 }

describe('retried answers', () => {
  it.each([413, 429, 500, 502, 503])(
    'HTTP %d is retried, then the request succeeds',
    async (status) => {
      nock(DOMAIN).get(projectPath).reply(status, 'busy').get(projectPath).reply(200, projectDto())
      const { client, sleeps } = makeClient({ retry: quickRetry })
      expect((await client.getProject(TRAINING)).title).toBe('Training A')
      expect(sleeps).toEqual([50])
      expect(client.stats).toMatchObject({ requests: 2, retries: 1 })
      client.close()
    }
  )

  it.each([
    ['ECONNRESET', 'socket hang up'],
    ['ECONNRESET', 'read ECONNRESET'],
    ['ETIMEDOUT', 'connect ETIMEDOUT 1.2.3.4:443'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 1.2.3.4:443']
  ])('a connection failure (%s: %s) is retried', async (code, message) => {
    nock(DOMAIN)
      .post('/public')
      .replyWithError(connectionError(code, message))
      .post('/public')
      .reply(200, v1Ok([metadataRow()]))
    const { client, sleeps } = makeClient({ retry: quickRetry })
    expect(await client.listLabelRows(TRAINING, 'Complete')).toHaveLength(1)
    expect(sleeps).toEqual([50])
    client.close()
  })

  it('a v1 call is retried on HTTP status although v1 success is read from the body', async () => {
    nock(DOMAIN)
      .post('/public')
      .reply(502, '<html>Bad gateway</html>')
      .post('/public')
      .reply(200, v1Ok([labelRow('label-a')]))
    const { client, sleeps } = makeClient({ retry: quickRetry })
    expect(await fetchRowJson(client, TRAINING, ['label-a'])).toEqual([labelRow('label-a')])
    expect(sleeps).toHaveLength(1)
    client.close()
  })
})

describe('answers that are not retried', () => {
  it.each([504, 404, 401, 403, 400])('HTTP %d is final at once', async (status) => {
    nock(DOMAIN).get(projectPath).reply(status, {})
    const { client, sleeps } = makeClient()
    await expect(client.getProject(TRAINING)).rejects.toBeInstanceOf(EncordApiError)
    expect(sleeps).toEqual([])
    expect(client.stats.requests).toBe(1)
    client.close()
  })

  it('a v1 error envelope is final at once', async () => {
    nock(DOMAIN)
      .post('/public')
      .reply(400, { status: 400, response: ['AUTHORISATION_ERROR'] })
    const { client, sleeps } = makeClient()
    await expect(client.listLabelRows(TRAINING, 'Complete')).rejects.toMatchObject({
      kind: 'no-access'
    })
    expect(sleeps).toEqual([])
    client.close()
  })
})

describe('waiting', () => {
  it('backs off exponentially with jitter, capped, and gives up after the attempts allowed', async () => {
    nock(DOMAIN).get(projectPath).times(5).reply(503, 'down')
    const low = makeClient({ retry: { ...quickRetry, attempts: 5 }, random: () => 0 })
    await expect(low.client.getProject(TRAINING)).rejects.toMatchObject({ kind: 'server-error' })
    expect(low.sleeps).toEqual([50, 100, 150, 150])
    expect(low.client.stats).toMatchObject({ requests: 5, retries: 4 })
    low.client.close()

    nock(DOMAIN).get(projectPath).times(5).reply(503, 'down')
    const high = makeClient({ retry: { ...quickRetry, attempts: 5 }, random: () => 0.999 })
    await expect(high.client.getProject(TRAINING)).rejects.toMatchObject({ kind: 'server-error' })
    expect(high.sleeps.map((ms) => Math.round(ms / 10) * 10)).toEqual([100, 200, 300, 300])
    high.client.close()
  })

  it('makes 4 attempts in all by default', async () => {
    nock(DOMAIN).get(projectPath).times(4).reply(500, 'oops')
    const { client, sleeps } = makeClient()
    await expect(client.getProject(TRAINING)).rejects.toMatchObject({
      kind: 'server-error',
      details: { status: 500 }
    })
    expect(client.stats.requests).toBe(4)
    expect(sleeps).toHaveLength(3)
    expect(nock.isDone()).toBe(true)
    client.close()
  })

  it('honours Retry-After in seconds', async () => {
    nock(DOMAIN)
      .get(projectPath)
      .reply(429, 'slow down', { 'Retry-After': '7' })
      .get(projectPath)
      .reply(200, projectDto())
    const { client, sleeps } = makeClient()
    await client.getProject(TRAINING)
    expect(sleeps).toEqual([7000])
    client.close()
  })

  it('honours Retry-After as an HTTP date, against the injected clock', async () => {
    const inTwelveSeconds = new Date(FIXED_NOW + 12_000).toUTCString()
    nock(DOMAIN)
      .post('/public')
      .reply(503, 'maintenance', { 'Retry-After': inTwelveSeconds })
      .post('/public')
      .reply(200, v1Ok([]))
    const { client, sleeps } = makeClient()
    await client.listLabelRows(TRAINING, 'Complete')
    expect(sleeps).toEqual([12_000])
    client.close()
  })

  it('does not wait for a Retry-After date in the past, nor longer than the cap', async () => {
    nock(DOMAIN)
      .get(projectPath)
      .reply(429, '', { 'Retry-After': new Date(FIXED_NOW - 60_000).toUTCString() })
      .get(projectPath)
      .reply(429, '', { 'Retry-After': '86400' })
      .get(projectPath)
      .reply(200, projectDto())
    const { client, sleeps } = makeClient({ retry: { maxRetryAfterMs: 90_000 } })
    await client.getProject(TRAINING)
    expect(sleeps).toEqual([0, 90_000])
    client.close()
  })

  it('falls back to backoff when Retry-After cannot be read', async () => {
    nock(DOMAIN)
      .get(projectPath)
      .reply(503, '', { 'Retry-After': 'soon' })
      .get(projectPath)
      .reply(200, projectDto())
    const { client, sleeps } = makeClient({ retry: quickRetry })
    await client.getProject(TRAINING)
    expect(sleeps).toEqual([50])
    client.close()
  })

  it('signs each attempt afresh, so a late retry carries a current timestamp', async () => {
    const created: string[] = []
    nock(DOMAIN)
      .get(projectPath)
      .times(2)
      .reply(function () {
        created.push(String(this.req.headers['signature-input']).replace(/.*created=(\d+).*/, '$1'))
        return created.length === 1 ? [429, '', { 'Retry-After': '60' }] : [200, projectDto()]
      })
    let now = FIXED_NOW
    const { client } = makeClient({
      now: () => now,
      sleep: async (ms) => {
        now += ms
      }
    })
    await client.getProject(TRAINING)
    expect(created.map(Number)).toEqual([FIXED_NOW / 1000 - 30, FIXED_NOW / 1000 + 30])
    client.close()
  })
})

describe('concurrency', () => {
  /** Far more turns than a request already sent needs to reach nock's reply function (one). */
  const EVENT_LOOP_TURNS = 20

  /**
   * Serves label rows only when the test releases them, so the number held at once is the number
   * in flight, with no timers: a client that sent more than its limit would have more held before
   * the first answers go back.
   */
  function serveWhenReleased(times: number) {
    const held: (() => void)[] = []
    let max = 0
    let wake = (): void => {}
    nock(DOMAIN)
      .post('/public')
      .times(times)
      .reply(async function (_uri, body) {
        await new Promise<void>((release) => {
          held.push(release)
          max = Math.max(max, held.length)
          wake()
        })
        const uids = (body as { values: { uid: string[] } }).values.uid
        return [200, v1Ok(uids.map(labelRow))]
      })
    return {
      /** The most requests ever held at once. */
      max: () => max,
      /**
       * Waits until `count` requests are held, lets the event loop go round a few times (no
       * clock) so that any request already sent arrives too, then answers all that are held.
       */
      async releaseWhenHeld(count: number): Promise<void> {
        while (held.length < count) await new Promise<void>((resolve) => (wake = resolve))
        for (let turn = 0; turn < EVENT_LOOP_TURNS; turn++) {
          await new Promise((resolve) => setImmediate(resolve))
        }
        for (const release of held.splice(0)) release()
      }
    }
  }

  it('keeps at most `concurrency` requests in flight across all calls of a client', async () => {
    const server = serveWhenReleased(12)
    const { client } = makeClient({ concurrency: 3, labelRowBundleSize: 10 })
    const hashes = (prefix: string) => Array.from({ length: 40 }, (_, i) => `${prefix}-${i}`)
    // Three projects' worth of bundles (4 each), all fired at once: four rounds of three.
    const results = Promise.all([
      fetchRowJson(client, TRAINING, hashes('a')),
      fetchRowJson(client, TRAINING, hashes('b')),
      fetchRowJson(client, TRAINING, hashes('c'))
    ])
    for (let round = 0; round < 4; round++) await server.releaseWhenHeld(3)
    expect((await results).map((rows) => rows.length)).toEqual([40, 40, 40])
    expect(server.max()).toBe(3)
    client.close()
  })

  it('sends the bundles of one project together, up to the default limit of 8', async () => {
    const server = serveWhenReleased(10)
    const { client } = makeClient({ labelRowBundleSize: 1 })
    const rows = fetchRowJson(
      client,
      TRAINING,
      Array.from({ length: 10 }, (_, i) => `row-${i}`)
    )
    await server.releaseWhenHeld(8)
    await server.releaseWhenHeld(2)
    expect(await rows).toHaveLength(10)
    expect(server.max()).toBe(8)
    client.close()
  })
})

describe('policy options', () => {
  it('treats an undefined override as "use the default", not as "no limit"', async () => {
    nock(DOMAIN).get(projectPath).times(4).reply(503, 'down')
    const { client } = makeClient({ retry: { attempts: undefined } })
    await expect(client.getProject(TRAINING)).rejects.toMatchObject({ kind: 'server-error' })
    expect(client.stats.requests).toBe(4)
    client.close()
  })

  it.each([{ attempts: 0 }, { attempts: 1.5 }, { baseDelayMs: -1 }, { maxDelayMs: Number.NaN }])(
    'refuses the retry option %j',
    (retry) => {
      expect(() => makeClient({ retry })).toThrow(RangeError)
    }
  )

  it('makes a single attempt when told to', async () => {
    nock(DOMAIN).get(projectPath).reply(503, 'down')
    const { client, sleeps } = makeClient({ retry: { attempts: 1 } })
    await expect(client.getProject(TRAINING)).rejects.toMatchObject({ kind: 'server-error' })
    expect(sleeps).toEqual([])
    client.close()
  })
})

describe('cancellation', () => {
  it('sends nothing once the signal is aborted, and stops retrying when it is aborted mid-way', async () => {
    const cancel = new AbortController()
    nock(DOMAIN).get(projectPath).reply(503, 'busy')
    const { client } = makeClient({
      retry: quickRetry,
      signal: cancel.signal,
      // The benchmark fails while this request waits to be retried.
      sleep: async () => cancel.abort()
    })
    await expect(client.getProject(TRAINING)).rejects.toMatchObject({ kind: 'network' })
    expect(client.stats.requests).toBe(1)
    await expect(client.listLabelRows(TRAINING, 'Complete')).rejects.toMatchObject({
      kind: 'network'
    })
    expect(client.stats.requests).toBe(1)
    expect(nock.pendingMocks()).toEqual([])
    client.close()
  })
})
