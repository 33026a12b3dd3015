// A fake of the two services @actions/artifact v2+ talks to when it uploads: the Results twirp
// API (CreateArtifact → signed URL, FinalizeArtifact → id) and the blob store behind the signed
// URL (Azure "Put Block" and "Put Block List"). Uploaded zips are unpacked so tests can compare
// the bytes of every file with what was written to disk.
import { createHash, randomBytes } from 'node:crypto'
import { listen, parseJsonBody, sendJson } from './http-util.mjs'
import { readZip } from './zip-reader.mjs'

export { makeRuntimeToken } from './runtime-token.mjs'
export { parseGithubOutput, pullRequestEvent, runnerEnv } from './runner-env.mjs'

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * @typedef {import('./artifact-service.d.mts').FakeArtifact} FakeArtifact
 * @typedef {import('./artifact-service.d.mts').ArtifactServiceRequest} ArtifactServiceRequest
 * @typedef {import('./artifact-service.d.mts').TwirpFault} TwirpFault
 */

/** @param {import('./artifact-service.d.mts').FakeArtifactServiceOptions} [options] */
export async function startFakeArtifactService(options = {}) {
  /** @type {Map<string, FakeArtifact>} */
  const artifacts = new Map()
  /** @type {ArtifactServiceRequest[]} */
  const requests = []
  /** Blocks staged per artifact id, by block id, until the block list commits them. */
  /** @type {Map<number, Map<string, Buffer>>} */
  const stagedBlocks = new Map()
  /** @type {Map<number, string>} */
  const signatures = new Map()
  let nextId = 1001
  let baseUrl = ''

  const server = await listen((request, body, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    const query = Object.fromEntries(url.searchParams)
    const authorized = /^Bearer \S+/.test(request.headers.authorization ?? '')

    if (request.method === 'POST' && url.pathname.startsWith(TWIRP_PREFIX)) {
      const rpc = url.pathname.slice(TWIRP_PREFIX.length)
      const json = parseJsonBody(body)
      requests.push({
        kind: 'twirp',
        method: 'POST',
        path: url.pathname,
        rpc,
        body: json,
        authorized
      })
      if (!authorized) return twirpError(response, 401, 'unauthenticated', 'missing bearer token')
      const fault = options.faults?.[/** @type {keyof NonNullable<typeof options.faults>} */ (rpc)]
      if (fault) return twirpError(response, fault.status, fault.code, fault.msg)
      return twirp(rpc, json ?? {}, response)
    }

    const upload = /^\/upload\/(\d+)$/.exec(url.pathname)
    if (request.method === 'PUT' && upload) {
      const id = Number(upload[1])
      requests.push({ kind: 'blob', method: 'PUT', path: url.pathname, query, bytes: body.length })
      if (signatures.get(id) !== query.sig) return blobError(response, 403, 'AuthenticationFailed')
      return blob(id, query, body, response)
    }

    requests.push({ kind: 'other', method: request.method ?? '', path: url.pathname, query })
    return twirpError(response, 404, 'bad_route', `no route for ${request.method} ${url.pathname}`)
  })
  baseUrl = server.url

  /**
   * @param {string} rpc
   * @param {Record<string, any>} body
   * @param {import('node:http').ServerResponse} response
   */
  function twirp(rpc, body, response) {
    const run = String(body.workflow_run_backend_id ?? '')
    const job = String(body.workflow_job_run_backend_id ?? '')
    const name = String(body.name ?? '')
    switch (rpc) {
      case 'CreateArtifact': {
        const existing = artifacts.get(name)
        if (existing && existing.runBackendId === run) {
          // What the real service answers; the client turns it into "(409) Conflict: …".
          return twirpError(
            response,
            409,
            'already_exists',
            'an artifact with this name already exists on the workflow run'
          )
        }
        const id = nextId++
        const sig = randomBytes(16).toString('hex')
        signatures.set(id, sig)
        stagedBlocks.set(id, new Map())
        const expiresAt = typeof body.expires_at === 'string' ? body.expires_at : undefined
        artifacts.set(name, {
          id,
          name,
          runBackendId: run,
          jobBackendId: job,
          mimeType: typeof body.mime_type === 'string' ? body.mime_type : undefined,
          expiresAt,
          retentionDays:
            expiresAt === undefined
              ? undefined
              : Math.round((Date.parse(expiresAt) - Date.now()) / DAY_MS),
          finalized: false,
          files: new Map()
        })
        return sendJson(response, 200, {
          ok: true,
          signed_upload_url: `${baseUrl}/upload/${id}?sig=${sig}`
        })
      }
      case 'FinalizeArtifact': {
        const artifact = artifacts.get(name)
        if (!artifact || artifact.runBackendId !== run) {
          return twirpError(response, 404, 'not_found', `no artifact named ${name} in this run`)
        }
        if (artifact.bytes === undefined) {
          return twirpError(response, 412, 'failed_precondition', 'nothing was uploaded')
        }
        artifact.finalized = true
        artifact.size = Number(body.size ?? 0)
        artifact.hash = typeof body.hash === 'string' ? body.hash : undefined
        artifact.hashMatches =
          artifact.hash === `sha256:${createHash('sha256').update(artifact.bytes).digest('hex')}`
        artifact.files =
          artifact.mimeType === undefined || artifact.mimeType === 'application/zip'
            ? readZip(artifact.bytes)
            : new Map([[name, artifact.bytes]])
        return sendJson(response, 200, { ok: true, artifact_id: String(artifact.id) })
      }
      case 'ListArtifacts': {
        const filter = typeof body.name_filter === 'string' ? body.name_filter : undefined
        const listed = [...artifacts.values()].filter(
          (artifact) =>
            artifact.finalized &&
            artifact.runBackendId === run &&
            (filter === undefined || artifact.name === filter)
        )
        return sendJson(response, 200, {
          artifacts: listed.map((artifact) => ({
            workflow_run_backend_id: artifact.runBackendId,
            workflow_job_run_backend_id: artifact.jobBackendId,
            database_id: String(artifact.id),
            name: artifact.name,
            size: String(artifact.size ?? 0)
          }))
        })
      }
      case 'DeleteArtifact': {
        const artifact = artifacts.get(name)
        if (!artifact || artifact.runBackendId !== run) {
          return twirpError(response, 404, 'not_found', `no artifact named ${name} in this run`)
        }
        artifacts.delete(name)
        return sendJson(response, 200, { ok: true, artifact_id: String(artifact.id) })
      }
      default:
        return twirpError(response, 404, 'bad_route', `unknown method ${rpc}`)
    }
  }

  /**
   * @param {number} id
   * @param {Record<string, string>} query
   * @param {Buffer} body
   * @param {import('node:http').ServerResponse} response
   */
  function blob(id, query, body, response) {
    const artifact = [...artifacts.values()].find((candidate) => candidate.id === id)
    const staged = stagedBlocks.get(id)
    if (!artifact || !staged) return blobError(response, 404, 'BlobNotFound')

    if (query.comp === 'block' && query.blockid !== undefined) {
      staged.set(query.blockid, body)
    } else if (query.comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)]
      const parts = ids.map(([, blockId = '']) => {
        const part = staged.get(blockId)
        if (!part) throw new Error(`block list names unknown block ${blockId}`)
        return part
      })
      artifact.bytes = Buffer.concat(parts)
    } else if (query.comp === undefined) {
      // A single "Put Blob", which the SDK may use for small bodies.
      artifact.bytes = body
    } else {
      return blobError(response, 400, 'UnsupportedQueryParameter')
    }
    response.writeHead(201, { 'content-length': 0 })
    response.end()
  }

  return { url: baseUrl, artifacts, requests, close: server.close }
}

/**
 * Twirp errors are JSON; a non-JSON body would make the client retry for ~30 s instead of failing.
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} code
 * @param {string} msg
 */
function twirpError(response, status, code, msg) {
  sendJson(response, status, { code, msg })
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} code
 */
function blobError(response, status, code) {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`
  response.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
  response.end(xml)
}
