/**
 * The only code that writes to Encord: creating a training project and adding its annotator, as
 * the SDK's `create_project` and `Project.add_users` do (v1 setters, docs/encord-api.md §10), and
 * the project listing by title that keeps set-up idempotent. Separate from the scoring client on
 * purpose, so that scoring can never change anything on Encord.
 *
 * Writes are sent once: the SDK never retries a setter, and a create whose answer was lost may
 * still have created the project, so a retry could make a duplicate. Reads (the listing) are
 * retried like every other read. Signing and transport are the scoring client's.
 */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import {
  invalidResponse,
  v1Failure,
  v1NotJson,
  v2Failure,
  type FailureContext
} from '../encord/api-errors.js'
import { normaliseDomain } from '../encord/domain.js'
import { parseJsonBody, sendExplained } from '../encord/exchange.js'
import { assertEncordHash } from '../encord/identifiers.js'
import type { SigningKey } from '../encord/keys.js'
import { pythonJsonDumps } from '../encord/python-json.js'
import { resolveRetryPolicy, type RetryPolicy } from '../encord/retry.js'
import { pageSchema, parseAtEdge, projectSchema, v1EnvelopeSchema } from '../encord/schemas.js'
import { v1Authorization, v2SignatureHeaders } from '../encord/signing.js'
import { createTransport, type Transport, type TransportRequest } from '../encord/transport.js'
import type { ProjectInfo } from '../encord/types.js'

/** Role numbers of `projectusers` (docs/encord-api.md §10). */
export const ANNOTATOR_ROLE = 1
const TIMEOUT_MS = 180_000
const MAX_PAGES = 100

export interface SetupClientOptions {
  key: SigningKey
  domain: string
  userAgent: string
  debug?: (message: string) => void
  /** For the listing only; writes are never retried. */
  retry?: Partial<RetryPolicy>
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

export interface NewProject {
  title: string
  description: string
  datasetHashes: string[]
  ontologyHash: string
  workflowTemplateId: string
}

export interface SetupClient {
  /** Projects the key can see whose title is exactly `title`. */
  listProjectsTitled(title: string): Promise<ProjectInfo[]>
  /** Creates a project; resolves to its hash. Sent once, never retried. */
  createProject(project: NewProject): Promise<string>
  /** Adds users with one role; members keep the role they have. Sent once. */
  addUsers(projectHash: string, emails: string[], role: number): Promise<void>
  close(): void
}

export function createSetupClient(options: SetupClientOptions): SetupClient {
  const domain = normaliseDomain(options.domain)
  const { key } = options
  const now = options.now ?? Date.now
  const common = {
    userAgent: options.userAgent,
    concurrency: 4,
    timeoutMs: TIMEOUT_MS,
    now,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms))),
    random: Math.random,
    debug: options.debug ?? (() => {})
  }
  const reads = createTransport({ ...common, retry: resolveRetryPolicy(options.retry) })
  const writes = createTransport({ ...common, retry: resolveRetryPolicy({ attempts: 1 }) })

  const context = (endpoint: string, project: string, resource: string): FailureContext => ({
    endpoint,
    project,
    resource,
    domain,
    publicKeyHex: key.publicKeyHex
  })

  const send = (transport: Transport, request: TransportRequest, where: FailureContext) =>
    sendExplained(transport, request, where, domain)

  async function v2Get(target: string, where: FailureContext): Promise<unknown> {
    const trace = traceContext()
    const answer = await send(
      reads,
      {
        method: 'GET',
        url: `${domain}${target}`,
        body: null,
        endpoint: where.endpoint,
        project: where.project,
        headers: () => ({
          Accept: 'application/json',
          'Accept-Encoding': 'gzip',
          'X-Cloud-Trace-Context': trace,
          ...v2SignatureHeaders(key, {
            method: 'GET',
            requestTarget: target,
            body: '',
            nowMs: now()
          })
        })
      },
      where
    )
    const located = { ...where, attempts: answer.attempts }
    if (answer.status !== 200) throw v2Failure(located, answer.status)
    const parsed = parseJsonBody(answer)
    if (!parsed.ok) throw invalidResponse(located, 'the body is not JSON', answer.status)
    return parsed.value
  }

  /** A v1 setter: `/public/user` for user-scoped calls (project null), else `/public`. */
  async function v1Set(
    project: string | null,
    queryType: string,
    uid: string | null,
    payload: Record<string, string | number | string[]>,
    where: FailureContext
  ): Promise<unknown> {
    const body = pythonJsonDumps({
      query_type: queryType,
      query_method: 'POST',
      values: { uid, payload }
    })
    const authorization = v1Authorization(key, body)
    const trace = traceContext()
    const answer = await send(
      writes,
      {
        method: 'POST',
        url: `${domain}${project === null ? '/public/user' : '/public'}`,
        body,
        endpoint: where.endpoint,
        project: project ?? '',
        headers: () => ({
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'Accept-Encoding': 'gzip',
          ResourceType: project === null ? '' : 'project',
          ResourceID: project ?? '',
          Authorization: authorization,
          'X-Cloud-Trace-Context': trace
        })
      },
      where
    )
    const located = { ...where, attempts: answer.attempts }
    const parsed = parseJsonBody(answer)
    if (!parsed.ok) throw v1NotJson(located, answer.status)
    const envelope = parseAtEdge(v1EnvelopeSchema, parsed.value, located)
    if (envelope.status !== 200) {
      throw v1Failure(located, {
        httpStatus: answer.status,
        bodyStatus: envelope.status,
        response: envelope.response,
        payload: envelope.payload
      })
    }
    return envelope.response
  }

  async function listProjectsTitled(title: string): Promise<ProjectInfo[]> {
    const where = context(
      'GET /v2/public/projects',
      '',
      `the projects titled ${JSON.stringify(title)}`
    )
    const found: ProjectInfo[] = []
    let token: string | null | undefined
    for (let page = 0; page < MAX_PAGES; page += 1) {
      // The SDK's filter order and Python's spelling of a boolean (docs/encord-api.md §4.3).
      const query = new URLSearchParams({ titleEq: title, includeOrgAccess: 'False' })
      if (token) query.set('pageToken', token)
      const answer = parseAtEdge(
        pageSchema(projectSchema),
        await v2Get(`/v2/public/projects?${query}`, where),
        where
      )
      found.push(...answer.results)
      token = answer.nextPageToken
      if (!token) return found
    }
    throw invalidResponse(where, `the listing did not end after ${MAX_PAGES} pages`)
  }

  async function createProject(project: NewProject): Promise<string> {
    assertEncordHash(project.ontologyHash, 'ontology')
    const where = context(
      'project POST',
      '',
      `a new project titled ${JSON.stringify(project.title)}`
    )
    const response = await v1Set(
      null,
      'project',
      null,
      {
        title: project.title,
        description: project.description,
        dataset_hashes: project.datasetHashes,
        workflow_type: 'manual',
        ontology_hash: project.ontologyHash,
        workflow_template_id: project.workflowTemplateId
      },
      where
    )
    return parseAtEdge(z.string().min(1), response, where, 'response')
  }

  async function addUsers(projectHash: string, emails: string[], role: number): Promise<void> {
    assertEncordHash(projectHash, 'project')
    const where = context('projectusers POST', projectHash, `the users of project ${projectHash}`)
    await v1Set(
      projectHash,
      'projectusers',
      projectHash,
      { user_emails: emails, user_role: role },
      where
    )
  }

  return {
    listProjectsTitled,
    createProject,
    addUsers,
    close: () => {
      reads.close()
      writes.close()
    }
  }
}

/** Google Cloud trace header, as the SDK sends: lets Encord support find a request by id. */
function traceContext(): string {
  return `${randomBytes(16).toString('hex')}/1;o=1`
}
