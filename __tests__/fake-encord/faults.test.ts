// Fault injection, latency and gzip: the knobs a client's retry and transport code is tested with.
import { request } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from '@jest/globals'
import { createFaultPlan } from '../../tools/fake-encord/faults.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { createTestSigner, getV2, postV1 } from '../../tools/fake-encord/test-signer.mjs'
import { exampleScenario, listingBody, TRAINING, VECTOR_SEED } from './support.js'

const signer = createTestSigner(VECTOR_SEED)
const servers: FakeEncord[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(options: Partial<Parameters<typeof startFakeEncord>[0]> = {}) {
  const server = await startFakeEncord({ scenario: exampleScenario(), ...options })
  servers.push(server)
  return server
}

/** A distinct, correctly signed listing request per `i`. */
function listing(url: string, i: number) {
  return postV1(url, signer, {
    projectHash: TRAINING,
    body: listingBody({ data_title_eq: `t${i}` })
  })
}

/** GET over node:http, so the raw (possibly compressed) bytes are visible. */
function rawGet(url: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(`${url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks)
          })
        )
      })
      req.on('error', reject)
      req.end()
    }
  )
}

describe('scheduled faults', () => {
  it('injects the sequence in arrival order, Retry-After on 429 and 503 only', async () => {
    const fake = await start({ faults: { sequence: [429, null, 500, 503], retryAfterSeconds: 1 } })
    const responses = []
    for (let i = 0; i < 5; i++) responses.push(await listing(fake.url, i))
    expect(responses.map((response) => response.status)).toEqual([429, 200, 500, 503, 200])
    expect(responses.map((response) => response.headers.get('retry-after'))).toEqual([
      '1',
      null,
      null,
      '1',
      null
    ])
    expect(await responses[0]!.json()).toEqual({ message: expect.stringContaining('Too many') })
    expect(fake.stats().faultsInjected).toEqual([
      { n: 1, status: 429, endpoint: 'v1 labelrowmetadata GET' },
      { n: 3, status: 500, endpoint: 'v1 labelrowmetadata GET' },
      { n: 4, status: 503, endpoint: 'v1 labelrowmetadata GET' }
    ])
  })

  it('lets an entry set or drop its own Retry-After', async () => {
    const fake = await start({
      faults: {
        sequence: [
          { status: 500, retryAfterSeconds: 0 },
          { status: 429, retryAfterSeconds: null }
        ],
        retryAfterSeconds: 3
      }
    })
    const first = await getV2(fake.url, signer, `/v2/public/projects/${TRAINING}`)
    const second = await getV2(fake.url, signer, `/v2/public/projects/${TRAINING}`)
    expect([first.status, first.headers.get('retry-after')]).toEqual([500, '0'])
    expect([second.status, second.headers.get('retry-after')]).toEqual([429, null])
  })

  it('refuses a schedule with a status it cannot inject', () => {
    expect(() => createFaultPlan({ sequence: [404 as 429] })).toThrow(/429, 500, 503/)
  })
})

describe('random faults', () => {
  const rates = { rate429: 0.3, rate500: 0.2, rate503: 0.1 }

  async function statuses(seed: number, count: number) {
    const fake = await start({ faults: { ...rates, seed } })
    const result: number[] = []
    for (let i = 0; i < count; i++) result.push((await listing(fake.url, i)).status)
    return result
  }

  it('follows the configured rates, reproducibly from the seed', async () => {
    const first = await statuses(7, 300)
    const again = await statuses(7, 300)
    const otherSeed = await statuses(8, 300)
    expect(again).toEqual(first)
    expect(otherSeed).not.toEqual(first)
    const share = (status: number) => first.filter((s) => s === status).length / first.length
    // Each request is new, so no cap applies; with 300 draws the shares sit near the rates.
    expect(share(429)).toBeGreaterThan(0.2)
    expect(share(429)).toBeLessThan(0.4)
    expect(share(500)).toBeGreaterThan(0.12)
    expect(share(500)).toBeLessThan(0.28)
    expect(share(503)).toBeGreaterThan(0.04)
    expect(share(503)).toBeLessThan(0.16)
    expect(share(200)).toBeGreaterThan(0.3)
  })

  it('never faults the same request more than twice in a row, so 4 attempts always get through', async () => {
    const fake = await start({ faults: { rate500: 1, seed: 3 } })
    const attempts: number[] = []
    for (let attempt = 0; attempt < 4; attempt++) {
      const status = (await listing(fake.url, 0)).status
      attempts.push(status)
      if (status === 200) break
    }
    const otherRequest = await listing(fake.url, 1)
    expect(attempts).toEqual([500, 500, 200])
    expect(otherRequest.status).toBe(500)
  })

  it('sends Retry-After on random 429 and 503 when configured, never on 500', async () => {
    const fake = await start({ faults: { ...rates, seed: 5, retryAfterSeconds: 0 } })
    const seen = new Map<number, string | null>()
    for (let i = 0; i < 60; i++) {
      const response = await listing(fake.url, i)
      seen.set(response.status, response.headers.get('retry-after'))
    }
    expect(Object.fromEntries(seen)).toEqual({ 200: null, 429: '0', 500: null, 503: '0' })
  })

  it('caps consecutive faults per request key', () => {
    const plan = createFaultPlan({ rate429: 1, seed: 1 })
    const sameRequest = Array.from({ length: 6 }, () => plan.next('GET /a')?.status ?? null)
    expect(sameRequest).toEqual([429, 429, null, 429, 429, null])
    expect(plan.next('GET /b')?.status).toBe(429)
  })

  it('refuses rates that do not make sense', () => {
    expect(() => createFaultPlan({ rate429: 0.6, rate500: 0.6 })).toThrow(/at most 1/)
    expect(() => createFaultPlan({ rate503: -0.1 })).toThrow(/\[0, 1\]/)
  })
})

describe('latency', () => {
  it('applies the configured delay to every answer and reports it', async () => {
    const fake = await start({ latencyMs: 20, faults: { sequence: [503] } })
    const faulted = await listing(fake.url, 0)
    const answered = await listing(fake.url, 1)
    expect([faulted.status, answered.status]).toEqual([503, 200])
    expect(answered.headers.get('x-fake-encord-delay-ms')).toBe('20')
    expect(fake.requestLog.map((entry) => entry.delayMs)).toEqual([20, 20])
    expect(fake.stats().delayMsTotal).toBe(40)
  })

  it('applies none by default', async () => {
    const fake = await start()
    await listing(fake.url, 0)
    expect(fake.requestLog[0]?.delayMs).toBe(0)
  })
})

describe('gzip', () => {
  const path = `/v2/public/projects/${TRAINING}`
  const signed = () => signer.v2Headers({ method: 'GET', target: path })

  it('compresses when the client accepts gzip, and only then', async () => {
    const fake = await start()
    const zipped = await rawGet(fake.url, path, { ...signed(), 'Accept-Encoding': 'gzip' })
    const plain = await rawGet(fake.url, path, signed())
    const refused = await rawGet(fake.url, path, { ...signed(), 'Accept-Encoding': 'gzip;q=0' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(zipped.body).toString())).toMatchObject({ projectHash: TRAINING })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(plain.body.toString())).toMatchObject({ projectHash: TRAINING })
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(fake.requestLog.map((entry) => entry.gzip)).toEqual([true, false, false])
    expect(fake.stats().bytesSent).toBe(zipped.body.length + plain.body.length * 2)
  })

  it('never compresses with the gzip option off', async () => {
    const fake = await start({ gzip: false })
    const response = await rawGet(fake.url, path, { ...signed(), 'Accept-Encoding': 'gzip' })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(response.body.toString())).toMatchObject({ projectHash: TRAINING })
  })
})
