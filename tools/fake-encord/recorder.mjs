// What the fake saw and did, for tests and benchmarks to assert on. Never holds key material: a
// request is logged with the e-mail of the user its key belongs to, not with its headers.

/**
 * @typedef {{
 *   n: number, method: string, path: string, endpoint: string, projectHash: string | null,
 *   user: string | null, status: number, errorCode: string | null, faulted: boolean,
 *   delayMs: number, serverMs: number, uidCount: number | null, bytesSent: number, gzip: boolean
 * }} RequestLogEntry
 * @typedef {{
 *   n: number, projectHash: string, queryType: string, queryMethod: string, uids: string[],
 *   user: string, payload?: unknown
 * }} WriteRecord
 * @typedef {{
 *   requests: number, byEndpoint: Record<string, number>,
 *   faultsInjected: { n: number, status: number, endpoint: string }[],
 *   writes: WriteRecord[], bytesSent: number, bundleSizes: number[], delayMsTotal: number,
 *   serverMsTotal: number, maxInFlight: number
 * }} Stats
 */

export function createRecorder() {
  /** @type {RequestLogEntry[]} */
  const requestLog = []
  let arrivals = 0
  let inFlight = 0
  let stats = emptyStats()

  return {
    /** Kept as one array for the server's lifetime, so a reference taken early stays current. */
    requestLog,

    /** A request arrived: counted in flight until its response closes (`ended`). */
    started() {
      inFlight += 1
      if (inFlight > stats.maxInFlight) stats.maxInFlight = inFlight
    },

    ended() {
      inFlight -= 1
    },

    /** Numbers requests 1, 2, 3, … in arrival order. */
    arrival() {
      return ++arrivals
    },

    /** @param {RequestLogEntry} entry */
    record(entry) {
      requestLog.push(entry)
      stats.requests += 1
      stats.byEndpoint[entry.endpoint] = (stats.byEndpoint[entry.endpoint] ?? 0) + 1
      stats.bytesSent += entry.bytesSent
      stats.delayMsTotal += entry.delayMs
      stats.serverMsTotal += entry.serverMs
      if (entry.faulted) {
        stats.faultsInjected.push({ n: entry.n, status: entry.status, endpoint: entry.endpoint })
      }
    },

    /** @param {WriteRecord} write */
    recordWrite(write) {
      stats.writes.push(write)
    },

    /** @param {number} size uids in one label-row request */
    recordBundle(size) {
      stats.bundleSizes.push(size)
    },

    /** @returns {Stats} a copy, safe to keep */
    stats() {
      return structuredClone(stats)
    },

    reset() {
      requestLog.length = 0
      arrivals = 0
      stats = emptyStats()
    }
  }
}

/** @returns {Stats} */
function emptyStats() {
  return {
    requests: 0,
    byEndpoint: {},
    faultsInjected: [],
    writes: [],
    bytesSent: 0,
    bundleSizes: [],
    delayMsTotal: 0,
    serverMsTotal: 0,
    maxInFlight: 0
  }
}
