// Answers authenticated v1 RPC queries (`POST /public`, docs/encord-api.md §3 and §6.3–6.4) for the
// one project named by the `ResourceType`/`ResourceID` headers.
import { createdLabelRow } from './encord-shapes.mjs'
import { deterministicUuid } from './ids.mjs'
import { filterMetadataRows } from './metadata-filter.mjs'
import { v1Error, v1OkArray } from './replies.mjs'
import { addUsers, createProject } from './v1-setup.mjs'

/**
 * @typedef {import('./catalogue.mjs').Catalogue} Catalogue
 * @typedef {import('./catalogue.mjs').CatalogueProject} CatalogueProject
 * @typedef {import('./catalogue.mjs').CatalogueUser} CatalogueUser
 * @typedef {import('./replies.mjs').Reply} Reply
 * @typedef {ReturnType<typeof import('./recorder.mjs').createRecorder>} Recorder
 * @typedef {{ query_type: string, query_method: string, values: { uid?: unknown, payload?: unknown } }} V1Query
 * @typedef {{
 *   n: number, catalogue: Catalogue, recorder: Recorder, maxLabelsPerRequest: number,
 *   writes: import('./v1-setup.mjs').WritePolicy, user: CatalogueUser, scope: 'project' | 'user', resourceType: string | undefined,
 *   projectHash: string | undefined, query: unknown
 * }} V1Request
 */

/**
 * @param {V1Request} request
 * @returns {Reply}
 */
export function answerV1Query(request) {
  const { query, catalogue, user, projectHash } = request
  if (!isV1Query(query)) {
    return v1Error(
      'INVALID_ARGUMENTS_ERROR',
      'the body must be {"query_type", "query_method", "values": {"uid", "payload"}}'
    )
  }
  const payload = isRecord(query.values.payload) ? query.values.payload : {}
  if (request.scope === 'user') {
    if (
      `${query.query_type} ${query.query_method}` === 'project POST' &&
      query.values.uid === null
    ) {
      return createProject(request, payload)
    }
    return v1Error(
      'METHOD_NOT_ALLOWED_ERROR',
      'fake-encord serves only project creation (project/POST) on /public/user'
    )
  }
  if (request.resourceType !== 'project' || !projectHash) {
    return v1Error('INVALID_ARGUMENTS_ERROR', 'ResourceType: project and ResourceID are required')
  }
  const project = catalogue.projects.get(projectHash)
  if (!project) return v1Error('RESOURCE_NOT_FOUND_ERROR', `Project ${projectHash} not found`)
  if (!user.projects.has(projectHash)) {
    return v1Error('AUTHORISATION_ERROR', `${user.email} has no access to project ${projectHash}`)
  }

  switch (`${query.query_type} ${query.query_method}`) {
    case 'labelrowmetadata GET':
      return listLabelRows(project, payload)
    case 'labelrow GET':
      return fetchLabelRows(request, project, query.values.uid)
    case 'labelrow PUT':
      return createLabelRows(request, project, query)
    case 'projectusers POST':
      return addUsers(request, project, query.values.uid, payload)
    default:
      return v1Error(
        'METHOD_NOT_ALLOWED_ERROR',
        `fake-encord does not implement ${query.query_type}/${query.query_method}`
      )
  }
}

/**
 * `labelrowmetadata`/GET: one unpaginated array of every matching row (§12.1).
 * @param {CatalogueProject} project
 * @param {Record<string, unknown>} payload
 */
function listLabelRows(project, payload) {
  const result = filterMetadataRows(project.rows, payload)
  if ('unsupported' in result) return v1Error('INVALID_ARGUMENTS_ERROR', result.unsupported)
  return v1OkArray(result.rows.map((row) => row.metadataBytes))
}

/**
 * `labelrow`/GET: the label rows of the requested label hashes, in request order. A hash with no
 * label row in this project is left out silently, as §12.3 says the server does.
 * @param {V1Request} request
 * @param {CatalogueProject} project
 * @param {unknown} uid
 */
function fetchLabelRows(request, project, uid) {
  const uids = uidList(uid)
  if (!uids)
    return v1Error('INVALID_ARGUMENTS_ERROR', 'uid must be a label hash or an array of them')
  request.recorder.recordBundle(uids.length)
  if (uids.length > request.maxLabelsPerRequest) return tooManyLabels(request)
  const rows = []
  for (const labelHash of uids) {
    const json = project.labelBytesByHash.get(labelHash)
    if (json !== undefined) rows.push(json)
  }
  return v1OkArray(rows)
}

/**
 * `labelrow`/PUT creates label rows: a write. It is recorded first, whatever happens next, so a
 * test can assert that an evaluation run never writes. The scenario itself is not changed.
 * @param {V1Request} request
 * @param {CatalogueProject} project
 * @param {V1Query} query
 */
function createLabelRows(request, project, query) {
  const uids = uidList(query.values.uid) ?? []
  request.recorder.recordWrite({
    n: request.n,
    projectHash: project.hash,
    queryType: query.query_type,
    queryMethod: query.query_method,
    uids,
    user: request.user.email
  })
  request.recorder.recordBundle(uids.length)
  if (uids.length > request.maxLabelsPerRequest) return tooManyLabels(request)
  const created = uids.flatMap((dataHash) => {
    const row = project.rowByDataHash.get(dataHash)
    if (!row) return []
    const labelHash = row.metadata.label_hash ?? deterministicUuid(project.hash, dataHash)
    return [Buffer.from(JSON.stringify(createdLabelRow(row.metadata, labelHash)))]
  })
  return v1OkArray(created)
}

/** @param {V1Request} request */
function tooManyLabels(request) {
  return v1Error('MULTI_LABEL_LIMIT_ERROR', {
    maximum_labels_allowed: request.maxLabelsPerRequest
  })
}

/**
 * @param {unknown} uid
 * @returns {string[] | undefined}
 */
function uidList(uid) {
  if (typeof uid === 'string') return [uid]
  if (Array.isArray(uid) && uid.every((item) => typeof item === 'string')) return uid
  return undefined
}

/**
 * @param {unknown} query
 * @returns {query is V1Query}
 */
function isV1Query(query) {
  return (
    isRecord(query) &&
    typeof query.query_type === 'string' &&
    typeof query.query_method === 'string' &&
    isRecord(query.values)
  )
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
