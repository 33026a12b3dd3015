// One request, start to end: read the body, route it, wait the configured latency, maybe inject a
// fault, answer (answer.mjs), compress, record. The order follows a real deployment: latency and
// gateway faults (429/500/503) come before the API looks at the signature.
import { createHash } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { promisify } from 'node:util'
import { constants as zlibConstants, gzip as gzipCallback } from 'node:zlib'
import { answer } from './answer.mjs'
import { faultReply, v2Error } from './replies.mjs'
import { routeRequest } from './routes.mjs'

const gzip = promisify(gzipCallback)

/**
 * @typedef {import('./replies.mjs').Reply} Reply
 * @typedef {import('./routes.mjs').Route} Route
 * @typedef {{
 *   catalogue: import('./catalogue.mjs').Catalogue,
 *   recorder: ReturnType<typeof import('./recorder.mjs').createRecorder>,
 *   faults: ReturnType<typeof import('./faults.mjs').createFaultPlan>,
 *   latencyMs: number, gzip: boolean, now: () => number, clockSkewSeconds: number,
 *   maxLabelsPerRequest: number, writes: import('./v1-setup.mjs').WritePolicy
 * }} HandlerOptions
 */

/**
 * @param {HandlerOptions} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createRequestHandler(options) {
  const { recorder, faults, latencyMs } = options
  const compressor = createCompressor()
  return async (req, res) => {
    const n = recorder.arrival()
    const receivedAt = performance.now()
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    const pathname = target.split('?')[0] ?? '/'
    /** @type {Route} */
    let route = { family: 'none', endpoint: 'unrouted', projectHash: null, uidCount: null }
    /** @type {{ reply: Reply, user: string | null }} */
    let outcome
    /** @type {string | null} */
    let cacheKey = null
    try {
      const body = await readBody(req)
      cacheKey = faultKey(req, body)
      route = routeRequest(method, pathname, req.headers, body)
      if (latencyMs > 0) await delay(latencyMs)
      const fault = route.family === 'none' ? null : faults.next(faultKey(req, body))
      outcome = fault
        ? { reply: faultReply(fault), user: null }
        : answer({ n, method, target, pathname, route, headers: req.headers, body }, options)
    } catch (error) {
      // A bug in the fake must show up as a failing request, not as a hung client.
      outcome = {
        reply: v2Error(500, 'FAKE_ENCORD_BUG', `fake-encord failed: ${String(error)}`),
        user: null
      }
    }

    const { reply, user } = outcome
    const compress = options.gzip && acceptsGzip(req.headers['accept-encoding'])
    const raw = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body
    const payload = compress
      ? await compressor.gzip(raw, reply.status === 200 ? cacheKey : null)
      : raw
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Content-Length': payload.length,
      'X-Fake-Encord-Request': String(n),
      'X-Fake-Encord-Delay-Ms': String(latencyMs),
      ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      ...reply.headers
    })
    res.end(payload)
    // Time the fake itself spent, without the latency it was told to add: a benchmark can show
    // that the fake was not what it measured.
    const serverMs = performance.now() - receivedAt - latencyMs

    recorder.record({
      n,
      method,
      path: target,
      endpoint: route.endpoint,
      projectHash: route.projectHash,
      user,
      status: reply.status,
      errorCode: reply.errorCode,
      faulted: reply.faulted === true,
      delayMs: latencyMs,
      serverMs,
      uidCount: route.uidCount,
      bytesSent: payload.length,
      gzip: compress
    })
  }
}

/** Answers of this size or more are worth keeping compressed. */
const CACHE_MIN_BYTES = 64 * 1024
const CACHE_MAX_ENTRIES = 256

/**
 * gzip with a small cache of large answers. The scenario never changes, so the same request
 * always gets the same bytes; a benchmark that fetches the same bundles twice (the floor, then
 * the action) must not measure the fake compressing them again on the same two cores.
 */
function createCompressor() {
  /** @type {Map<string, Buffer>} */
  const cache = new Map()
  return {
    /** @param {Buffer} raw @param {string | null} key */
    async gzip(raw, key) {
      const cacheable = key !== null && raw.length >= CACHE_MIN_BYTES
      const hit = cacheable ? cache.get(key) : undefined
      if (hit !== undefined) return hit
      const compressed = await gzip(raw, { level: zlibConstants.Z_BEST_SPEED })
      if (cacheable) {
        if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value ?? '')
        cache.set(key, compressed)
      }
      return compressed
    }
  }
}

/**
 * Identifies a request and its retries: same method, URL, project and body bytes.
 * @param {import('node:http').IncomingMessage} req
 * @param {Buffer} body
 */
function faultKey(req, body) {
  const bodyDigest = createHash('sha1').update(body).digest('hex')
  return `${req.method} ${req.url} ${req.headers['resourceid'] ?? ''} ${bodyDigest}`
}

/**
 * True when the client accepts gzip (and did not give it q=0).
 * @param {string | undefined} header
 */
function acceptsGzip(header) {
  return (header ?? '').split(',').some((coding) => {
    const [name = '', ...params] = coding.trim().toLowerCase().split(';')
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean)
    return (name === 'gzip' || name === 'x-gzip') && (q === undefined || Number(q) > 0)
  })
}

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = []
  for await (const chunk of req) chunks.push(/** @type {Buffer} */ (chunk))
  return Buffer.concat(chunks)
}
