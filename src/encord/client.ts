/**
 * The Encord API client: the four reads evaluation needs, signed with the user's key, over the
 * shared transport (limit, retries, gzip, proxy). Every answer is parsed once here, with the
 * schemas of `schemas.ts`; callers see only the types of `types.ts`.
 *
 * It never writes to Encord. In particular a data unit with no label row (`label_hash` null) is
 * never "initialised": the SDK would create its label row with `labelrow` PUT, we just report
 * that it has no labels.
 */

import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import {
  invalidResponse,
  LabelLimitError,
  v1Failure,
  v1NotJson,
  v2Failure,
  type FailureContext
} from './api-errors.js'
import { normaliseDomain } from './domain.js'
import { parseJsonBody, sendExplained } from './exchange.js'
import { assertEncordHash } from './identifiers.js'
import type { SigningKey } from './keys.js'
import type { RequestLimit } from './request-limit.js'
import { resolveRetryPolicy, type RetryPolicy } from './retry.js'
import {
  labelRowListSchema,
  labelRowMetadataListSchema,
  ontologySchema,
  pageSchema,
  parseAtEdge,
  projectDatasetSchema,
  projectMemberSchema,
  projectSchema,
  v1EnvelopeSchema
} from './schemas.js'
import { splitLabelRowBundle } from './label-row-bundle.js'
import { v1Authorization, v2SignatureHeaders } from './signing.js'
import {
  createTransport,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  type TransportStats
} from './transport.js'
import type {
  LabelRowMetadata,
  OntologyInfo,
  ProjectDataset,
  ProjectInfo,
  ProjectMember
} from './types.js'
import { labelRowFetchQuery, labelRowMetadataQuery, type V1Query } from './v1-queries.js'

/** The SDK's bundle limit for label-row fetches (docs/encord-api.md §5.3). */
export const LABEL_ROW_BUNDLE_LIMIT = 1000
const DEFAULT_CONCURRENCY = 8
/** The SDK's read timeout (docs/encord-api.md §5.1). */
const DEFAULT_TIMEOUT_MS = 180_000

export interface EncordClientOptions {
  key: SigningKey
  /** scheme://host of the Encord API, e.g. https://api.encord.com. */
  domain: string
  /** Requests in flight at once, for all projects together. Default 8. */
  concurrency?: number
  /** A limit shared with clients on other threads; replaces `concurrency`. */
  requestLimit?: RequestLimit
  /** Full User-Agent header; build it with `encordUserAgent(version)`. */
  userAgent: string
  /** Receives one line per request attempt and retry (the action passes `core.debug`). */
  debug?: (message: string) => void
  retry?: Partial<RetryPolicy>
  /** Longest silence while waiting for or reading an answer. Default 180 s, like the SDK. */
  timeoutMs?: number
  /** Uids per `labelrow` request. Default and maximum 1000. */
  labelRowBundleSize?: number
  /** Clock in ms since the epoch; signs v2 requests. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Uniform in [0, 1); jitters the backoff. */
  random?: () => number
  /** Once aborted, no further request (or retry) is sent; calls fail with a network error. */
  signal?: AbortSignal
}

/** A fetched label row: its hash, and its JSON, parsed when asked for. */
export interface LabelRowReader {
  labelHash: string
  /** The row's JSON; throws the answer's error (`invalid-response`) if it is not JSON. */
  json(): unknown
}

export interface EncordClient {
  getProject(projectHash: string): Promise<ProjectInfo>
  /** `forProject` names the project in error messages. */
  getOntology(ontologyHash: string, forProject: string): Promise<OntologyInfo>
  /** Every data unit whose task currently sits in the stage titled `stageTitle`; null: all. */
  listLabelRows(projectHash: string, stageTitle: string | null): Promise<LabelRowMetadata[]>
  /** The datasets attached to the project (read by preflight). */
  listProjectDatasets(projectHash: string): Promise<ProjectDataset[]>
  /** The project's users and their roles (read by preflight). */
  listProjectUsers(projectHash: string): Promise<ProjectMember[]>
  /**
   * The label row of each hash, in the order given. Bundles of at most 1000 uids, all sent at
   * once (the concurrency limit queues them). Each row's JSON is parsed only when read, and again
   * each time: read each once, and drop it when done, so that one row's tree is alive at a time.
   */
  fetchLabelRowsLazily(
    projectHash: string,
    labelHashes: readonly string[]
  ): Promise<LabelRowReader[]>
  readonly stats: Readonly<TransportStats>
  /** Close idle keep-alive connections. */
  close(): void
}

/** The User-Agent this tool identifies itself with. */
export function encordUserAgent(version: string): string {
  return `encord-annotator-eval/${version}`
}

const V2_ENDPOINTS = {
  project: 'GET /v2/public/projects/{hash}',
  ontology: 'GET /v2/public/ontologies/{hash}',
  datasets: 'GET /v2/public/projects/{hash}/datasets',
  users: 'GET /v2/public/projects/{hash}/users'
} as const

/** Pages of one listing at most: a server that never ends a listing must not loop for ever. */
const MAX_PAGES = 1000

export function createEncordClient(options: EncordClientOptions): EncordClient {
  const domain = normaliseDomain(options.domain)
  const key = options.key
  const now = options.now ?? Date.now
  const bundleSize = Math.min(
    options.labelRowBundleSize ?? LABEL_ROW_BUNDLE_LIMIT,
    LABEL_ROW_BUNDLE_LIMIT
  )
  if (!Number.isSafeInteger(bundleSize) || bundleSize < 1) {
    throw new RangeError('labelRowBundleSize must be a positive integer')
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be a positive number of milliseconds')
  const transport: Transport = createTransport({
    userAgent: options.userAgent,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs,
    retry: resolveRetryPolicy(options.retry),
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    debug: options.debug ?? (() => {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.requestLimit ? { limit: options.requestLimit } : {})
  })

  const context = (endpoint: string, project: string, resource: string): FailureContext => ({
    endpoint,
    project,
    resource,
    domain,
    publicKeyHex: key.publicKeyHex
  })

  /** Send, turning "no answer" and undecodable answers into `EncordApiError`s. */
  const send = (request: TransportRequest, where: FailureContext) =>
    sendExplained(transport, request, where, domain)

  async function v2Get(path: string, where: FailureContext): Promise<unknown> {
    const traceContext = newTraceContext()
    const answer = await send(
      {
        method: 'GET',
        url: `${domain}${path}`,
        body: null,
        endpoint: where.endpoint,
        project: where.project,
        headers: () => ({
          Accept: 'application/json',
          'Accept-Encoding': 'gzip',
          'X-Cloud-Trace-Context': traceContext,
          ...v2SignatureHeaders(key, { method: 'GET', requestTarget: path, body: '', nowMs: now() })
        })
      },
      where
    )
    const located = { ...where, attempts: answer.attempts }
    if (answer.status !== 200) throw v2Failure(located, answer.status)
    const json = parseJsonBody(answer)
    if (!json.ok) throw invalidResponse(located, 'the body is not JSON', answer.status)
    return json.value
  }

  /** A v1 logical GET; returns the envelope's `response` (success is the body's status 200). */
  async function v1Get(
    project: string,
    query: V1Query,
    where: FailureContext,
    uids = 0
  ): Promise<unknown> {
    const answer = await v1Send(project, query, where)
    return v1Response(answer, { ...where, attempts: answer.attempts }, uids)
  }

  function v1Send(project: string, query: V1Query, where: FailureContext) {
    const traceContext = newTraceContext()
    const authorization = v1Authorization(key, query.body)
    return send(
      {
        method: 'POST',
        url: `${domain}/public`,
        body: query.body,
        endpoint: where.endpoint,
        project,
        headers: () => ({
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'Accept-Encoding': 'gzip',
          ResourceType: 'project',
          ResourceID: project,
          Authorization: authorization,
          'X-Cloud-Trace-Context': traceContext
        })
      },
      where
    )
  }

  /** The envelope's `response`, or the error the envelope describes. */
  function v1Response(answer: TransportResponse, located: FailureContext, uids: number): unknown {
    const json = parseJsonBody(answer)
    if (!json.ok) throw v1NotJson(located, answer.status)
    const envelope = parseAtEdge(v1EnvelopeSchema, json.value, located)
    if (envelope.status !== 200) {
      throw v1Failure(
        located,
        {
          httpStatus: answer.status,
          bodyStatus: envelope.status,
          response: envelope.response,
          payload: envelope.payload
        },
        uids
      )
    }
    // For "get many" calls the SDK treats a null response as "not found"; [] is a valid answer.
    if (envelope.response === null || envelope.response === undefined) {
      throw v1Failure(located, {
        httpStatus: answer.status,
        bodyStatus: envelope.status,
        response: ['RESOURCE_NOT_FOUND_ERROR'],
        payload: undefined
      })
    }
    return envelope.response
  }

  async function getProject(projectHash: string): Promise<ProjectInfo> {
    assertEncordHash(projectHash, 'project')
    const where = context(V2_ENDPOINTS.project, projectHash, `project ${projectHash}`)
    const json = await v2Get(`/v2/public/projects/${projectHash}`, where)
    return parseAtEdge(projectSchema, json, where)
  }

  async function getOntology(ontologyHash: string, forProject: string): Promise<OntologyInfo> {
    assertEncordHash(ontologyHash, 'ontology')
    assertEncordHash(forProject, 'project')
    const where = context(
      V2_ENDPOINTS.ontology,
      forProject,
      `ontology ${ontologyHash} of project ${forProject}`
    )
    const json = await v2Get(`/v2/public/ontologies/${ontologyHash}`, where)
    return parseAtEdge(ontologySchema, json, where)
  }

  /** Every page of a v2 listing: the next is asked for while the last gave a token (§4.4). */
  async function v2Pages<Item>(
    path: string,
    item: z.ZodType<Item>,
    where: FailureContext
  ): Promise<Item[]> {
    const items: Item[] = []
    let token: string | null | undefined
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = token ? `?${new URLSearchParams({ pageToken: token }).toString()}` : ''
      const json = await v2Get(`${path}${query}`, where)
      const answer = parseAtEdge(pageSchema(item), json, where)
      items.push(...answer.results)
      token = answer.nextPageToken
      if (!token) return items
    }
    throw invalidResponse(where, `the listing did not end after ${MAX_PAGES} pages`)
  }

  async function listProjectDatasets(projectHash: string): Promise<ProjectDataset[]> {
    assertEncordHash(projectHash, 'project')
    const where = context(
      V2_ENDPOINTS.datasets,
      projectHash,
      `the datasets of project ${projectHash}`
    )
    return v2Pages(`/v2/public/projects/${projectHash}/datasets`, projectDatasetSchema, where)
  }

  async function listProjectUsers(projectHash: string): Promise<ProjectMember[]> {
    assertEncordHash(projectHash, 'project')
    const where = context(V2_ENDPOINTS.users, projectHash, `the users of project ${projectHash}`)
    return v2Pages(`/v2/public/projects/${projectHash}/users`, projectMemberSchema, where)
  }

  async function listLabelRows(
    projectHash: string,
    stageTitle: string | null
  ): Promise<LabelRowMetadata[]> {
    assertEncordHash(projectHash, 'project')
    const where = context('labelrowmetadata', projectHash, `project ${projectHash}`)
    const response = await v1Get(projectHash, labelRowMetadataQuery(stageTitle), where)
    return parseAtEdge(labelRowMetadataListSchema, response, where, 'response')
  }

  async function fetchBundle(
    projectHash: string,
    uids: readonly string[]
  ): Promise<LabelRowReader[]> {
    const where = context('labelrow', projectHash, `the label rows of project ${projectHash}`)
    try {
      const answer = await v1Send(projectHash, labelRowFetchQuery(uids), where)
      const located = { ...where, attempts: answer.attempts }
      const rows = splitRows(answer, located)
      if (rows !== null) return rows
      // Anything but a plain successful answer is read whole, as every other answer is.
      const response = v1Response(answer, located, uids.length)
      return parseAtEdge(labelRowListSchema, response, where, 'response').map((row) => ({
        labelHash: row.label_hash,
        json: () => row
      }))
    } catch (error) {
      // The server may allow fewer rows per request than the SDK's 1000: split and go on.
      if (
        error instanceof LabelLimitError &&
        error.maximumAllowed !== undefined &&
        error.maximumAllowed < uids.length
      ) {
        const parts = chunk(uids, error.maximumAllowed).map((part) =>
          fetchBundle(projectHash, part)
        )
        return (await Promise.all(parts)).flat()
      }
      throw error
    }
  }

  /**
   * A successful bundle's rows, each parsed from its slice of the body when read (see
   * `label-row-bundle.ts`); null when the answer is anything else. A row whose slice is not JSON
   * fails as the whole answer would have: the body is not JSON.
   */
  function splitRows(answer: TransportResponse, located: FailureContext): LabelRowReader[] | null {
    if (answer.status !== 200) return null
    const split = splitLabelRowBundle(answer.body)
    if (split === null) return null
    const envelope = parseAtEdge(v1EnvelopeSchema, { ...split.members, response: [] }, located)
    if (envelope.status !== 200) return null
    const { body, status } = answer
    return split.rows.map((row) => ({
      labelHash: row.labelHash,
      json() {
        try {
          return JSON.parse(body.toString('utf8', row.start, row.end)) as unknown
        } catch {
          throw v1NotJson(located, status)
        }
      }
    }))
  }

  async function fetchLabelRowsLazily(
    projectHash: string,
    labelHashes: readonly string[]
  ): Promise<LabelRowReader[]> {
    assertEncordHash(projectHash, 'project')
    for (const hash of labelHashes) {
      if (typeof hash !== 'string' || hash === '') {
        // A null label_hash means "no labels"; fetching it would make the SDK create a label row.
        throw new TypeError(
          'fetchLabelRowsLazily needs label hashes; rows without one have no labels'
        )
      }
    }
    const unique = [...new Set(labelHashes)]
    // Fired together on purpose: the transport's limit decides how many are in flight.
    const bundles = await Promise.all(
      chunk(unique, bundleSize).map((uids) => fetchBundle(projectHash, uids))
    )
    const byHash = new Map<string, LabelRowReader>()
    for (const row of bundles.flat()) byHash.set(row.labelHash, row)
    return labelHashes.map((hash) => {
      const row = byHash.get(hash)
      if (row === undefined) {
        const where = context('labelrow', projectHash, `the label rows of project ${projectHash}`)
        throw invalidResponse(where, `label row ${hash} was asked for but not returned`)
      }
      return row
    })
  }

  return {
    getProject,
    getOntology,
    listLabelRows,
    listProjectDatasets,
    listProjectUsers,
    fetchLabelRowsLazily,
    get stats() {
      return { ...transport.stats }
    },
    close: () => transport.close()
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size))
  return chunks
}

/** Google Cloud trace header, as the SDK sends: lets Encord support find a request by id. */
function newTraceContext(): string {
  return `${randomBytes(16).toString('hex')}/1;o=1`
}
