// A local fake of the Encord API for tests, the demo and benchmarks: `startFakeEncord` serves a
// scenario (see README.md) on 127.0.0.1 and reports what it saw.
import { createServer } from 'node:http'
import { buildCatalogue } from './catalogue.mjs'
import { createFaultPlan } from './faults.mjs'
import { createRequestHandler } from './handle-request.mjs'
import { createRecorder } from './recorder.mjs'

// The SDK sends at most 1000 uids per label-row request (docs/encord-api.md §5.3); the real
// server's limit is unverified, so the fake enforces the SDK's and lets a test lower it.
export const DEFAULT_MAX_LABELS_PER_REQUEST = 1000
const HOST = '127.0.0.1'
const KEEP_ALIVE_TIMEOUT_MS = 65_000

/**
 * @param {{
 *   scenario: import('./scenario-types.mjs').Scenario,
 *   port?: number,
 *   latencyMs?: number,
 *   faults?: import('./faults.mjs').RandomFaults | import('./faults.mjs').FaultSchedule,
 *   gzip?: boolean,
 *   clockSkewSeconds?: number,
 *   now?: () => number,
 *   maxLabelsPerRequest?: number,
 *   writable?: boolean,
 *   failWrite?: (write: import('./recorder.mjs').WriteRecord) => boolean
 * }} options `now` returns epoch milliseconds; pin it to replay signatures made at a fixed time.
 *   Set-up writes (creating projects, adding users) are refused unless `writable`; `failWrite`
 *   makes chosen ones fail after they are recorded.
 */
export async function startFakeEncord({
  scenario,
  port = 0,
  latencyMs = 0,
  faults = {},
  gzip = true,
  clockSkewSeconds = 300,
  now = Date.now,
  maxLabelsPerRequest = DEFAULT_MAX_LABELS_PER_REQUEST,
  writable = false,
  failWrite = () => false
}) {
  if (!(latencyMs >= 0)) throw new Error('latencyMs must be a number >= 0')
  const catalogue = buildCatalogue(scenario)
  const recorder = createRecorder()
  const handle = createRequestHandler({
    catalogue,
    recorder,
    faults: createFaultPlan(faults),
    latencyMs,
    gzip,
    now,
    clockSkewSeconds,
    maxLabelsPerRequest,
    writes: { enabled: writable, fail: failWrite }
  })
  const server = createServer((req, res) => {
    recorder.started()
    res.once('close', recorder.ended)
    handle(req, res).catch((error) => res.destroy(error))
  })
  // Node's default 5 s keep-alive races clients that pause between requests (a busy evaluation,
  // a blocked event loop) and reuse the socket just as it closes: "other side closed". Load
  // balancers in front of real APIs keep connections far longer; close() drops them anyway.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port

  /** @type {Promise<void> | undefined} */
  let closing
  return {
    url: `http://${HOST}:${boundPort}`,
    port: boundPort,
    /** Stops listening and drops idle keep-alive connections, so the process can exit. */
    close() {
      closing ??= new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
    stats: recorder.stats,
    requestLog: recorder.requestLog,
    resetStats: recorder.reset
  }
}
