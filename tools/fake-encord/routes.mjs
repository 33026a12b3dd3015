// Tells which API family and logical endpoint a request is for, before anything is answered, so
// that latency, faults and statistics can be per endpoint.

/**
 * @typedef {{
 *   family: 'v1', scope: 'project' | 'user', endpoint: string, query: unknown,
 *   projectHash: string | null, uidCount: number | null
 * } | {
 *   family: 'v2', endpoint: string, resource: import('./v2-resources.mjs').V2Resource | null,
 *   projectHash: string | null, uidCount: null
 * } | { family: 'none', endpoint: string, projectHash: null, uidCount: null }} Route
 */

const V2_RESOURCE = /^\/v2\/public\/(projects|ontologies)\/([^/]+)$/
// A project's datasets and users (setup and preflight read them), and the project listing.
const V2_PROJECT_PART = /^\/v2\/public\/projects\/([^/]+)\/(datasets|users)$/
const V2_PROJECT_LIST = '/v2/public/projects'

/**
 * @param {string} method
 * @param {string} pathname
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {Buffer} body
 * @returns {Route}
 */
export function routeRequest(method, pathname, headers, body) {
  if (method === 'POST' && (pathname === '/public' || pathname === '/public/user')) {
    const query = parseJson(body)
    const scope = pathname === '/public' ? 'project' : 'user'
    const resourceId = headers['resourceid']
    return {
      family: 'v1',
      scope,
      endpoint: v1EndpointName(scope, query),
      query,
      projectHash: typeof resourceId === 'string' && resourceId !== '' ? resourceId : null,
      uidCount: uidCount(query)
    }
  }
  if (pathname === V2_PROJECT_LIST) {
    return {
      family: 'v2',
      endpoint: `v2 ${method} /projects`,
      resource: { kind: 'project-list', hash: '' },
      projectHash: null,
      uidCount: null
    }
  }
  const part = V2_PROJECT_PART.exec(pathname)
  if (part) {
    const kind = part[2] === 'datasets' ? 'project-datasets' : 'project-users'
    const hash = safeDecode(part[1] ?? '')
    return {
      family: 'v2',
      endpoint: `v2 ${method} /projects/{hash}/${part[2]}`,
      resource: { kind, hash },
      projectHash: hash,
      uidCount: null
    }
  }
  if (pathname.startsWith('/v2/public/')) {
    const match = V2_RESOURCE.exec(pathname)
    if (!match) {
      return {
        family: 'v2',
        endpoint: 'v2 unrouted',
        resource: null,
        projectHash: null,
        uidCount: null
      }
    }
    const kind = /** @type {'projects' | 'ontologies'} */ (match[1])
    const hash = safeDecode(match[2] ?? '')
    return {
      family: 'v2',
      endpoint: `v2 ${method} /${kind}/{hash}`,
      resource: { kind, hash },
      projectHash: kind === 'projects' ? hash : null,
      uidCount: null
    }
  }
  return { family: 'none', endpoint: 'unrouted', projectHash: null, uidCount: null }
}

/**
 * `v1 labelrow GET`, or `v1 (unreadable)` for a body that is not a v1 envelope.
 * @param {'project' | 'user'} scope
 * @param {any} query
 */
function v1EndpointName(scope, query) {
  const prefix = scope === 'project' ? 'v1' : 'v1 user'
  if (typeof query?.query_type !== 'string' || typeof query?.query_method !== 'string') {
    return `${prefix} (unreadable)`
  }
  return `${prefix} ${query.query_type} ${query.query_method}`
}

/** @param {any} query */
function uidCount(query) {
  const uid = query?.values?.uid
  if (Array.isArray(uid)) return uid.length
  return typeof uid === 'string' ? 1 : null
}

/** @param {Buffer} body */
function parseJson(body) {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}

/** @param {string} segment */
function safeDecode(segment) {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
