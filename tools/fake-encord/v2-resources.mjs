// Answers authenticated v2 REST requests (docs/encord-api.md §4, §6.1, §6.2, §10): the project
// and the ontology an evaluation run reads, and the listings setup and preflight read (projects
// by title, a project's datasets and users). Every listing is one page (no `nextPageToken`).
import { v2Error, v2Ok } from './replies.mjs'

/**
 * @typedef {{
 *   kind: 'projects' | 'ontologies' | 'project-list' | 'project-datasets' | 'project-users',
 *   hash: string
 * }} V2Resource
 */

/**
 * @param {{
 *   method: string, resource: V2Resource | null, pathname: string, target: string,
 *   catalogue: import('./catalogue.mjs').Catalogue, user: import('./catalogue.mjs').CatalogueUser
 * }} request
 * @returns {import('./replies.mjs').Reply}
 */
export function answerV2Request({ method, resource, pathname, target, catalogue, user }) {
  if (!resource) {
    return v2Error(404, 'RESOURCE_NOT_FOUND_ERROR', `fake-encord has no route for ${pathname}`)
  }
  if (method !== 'GET') return v2Error(405, 'METHOD_NOT_ALLOWED_ERROR', 'Method not allowed')
  if (resource.kind === 'project-list') return listProjects(target, catalogue, user)
  if (resource.kind === 'project-datasets' || resource.kind === 'project-users') {
    const project = catalogue.projects.get(resource.hash)
    if (!project) return notFound('Project', resource.hash)
    if (!user.projects.has(resource.hash)) return forbidden(user, 'project', resource.hash)
    return resource.kind === 'project-datasets'
      ? page(
          project.datasets.map(({ datasetHash, title }) => ({
            datasetHash,
            title,
            description: ''
          }))
        )
      : page(projectUsers(project, catalogue))
  }

  if (resource.kind === 'projects') {
    const project = catalogue.projects.get(resource.hash)
    if (!project) return notFound('Project', resource.hash)
    if (!user.projects.has(resource.hash)) return forbidden(user, 'project', resource.hash)
    return v2Ok(project.json)
  }

  const ontology = catalogue.ontologies.get(resource.hash)
  if (!ontology) return notFound('Ontology', resource.hash)
  // Whether the real server lets project-only users read the ontology is unverified (§6.2, §13);
  // here an ontology is readable exactly by the users of a project that uses it.
  if (!user.ontologies.has(resource.hash)) return forbidden(user, 'ontology', resource.hash)
  return v2Ok(ontology.json)
}

/**
 * `GET /v2/public/projects`: the projects the user can read, filtered by `titleEq` and
 * `titleLike` (SQL LIKE). Other filters are refused, not ignored, so a client bug shows.
 * @param {string} target
 * @param {import('./catalogue.mjs').Catalogue} catalogue
 * @param {import('./catalogue.mjs').CatalogueUser} user
 */
function listProjects(target, catalogue, user) {
  const query = new URLSearchParams(target.split('?')[1] ?? '')
  const known = new Set(['titleEq', 'titleLike', 'includeOrgAccess', 'pageToken'])
  const unknown = [...query.keys()].find((key) => !known.has(key))
  if (unknown !== undefined) {
    return v2Error(400, 'INVALID_ARGUMENTS_ERROR', `fake-encord does not implement ${unknown}`)
  }
  const titleEq = query.get('titleEq')
  const titleLike = query.get('titleLike')
  const like = titleLike === null ? null : likeRegExp(titleLike)
  const results = [...catalogue.projects.values()]
    .filter((project) => user.projects.has(project.hash))
    .filter((project) => titleEq === null || project.title === titleEq)
    .filter((project) => like === null || like.test(project.title))
    .map((project) => /** @type {unknown} */ (JSON.parse(project.json)))
  return page(results)
}

/**
 * Everyone on a project: the scenario users who can read it (its ADMINs), then its members.
 * @param {import('./catalogue.mjs').CatalogueProject} project
 * @param {import('./catalogue.mjs').Catalogue} catalogue
 */
function projectUsers(project, catalogue) {
  /** @type {Map<string, number>} */
  const roles = new Map()
  for (const user of catalogue.users.values()) {
    if (user.projects.has(project.hash)) roles.set(user.email, 0)
  }
  for (const [email, role] of project.members) if (!roles.has(email)) roles.set(email, role)
  // Whoever made the project's labels was on it: as an annotator, unless listed otherwise.
  for (const email of labelAuthors(project)) if (!roles.has(email)) roles.set(email, 1)
  return [...roles].map(([userEmail, userRole]) => ({ userEmail, userRole }))
}

/** @type {WeakMap<import('./catalogue.mjs').CatalogueProject, string[]>} */
const authorsByProject = new WeakMap()
const CREATED_BY = /"createdBy"\s*:\s*"([^"@\\]+@[^"\\]+)"/g

/**
 * The e-mails in the `createdBy` of a project's labels, in order of first appearance. Read from
 * the label bytes once per project (a scan, not a parse: big scenarios hold hundreds of MB).
 * @param {import('./catalogue.mjs').CatalogueProject} project
 */
function labelAuthors(project) {
  let authors = authorsByProject.get(project)
  if (authors === undefined) {
    const found = new Set()
    for (const bytes of project.labelBytesByHash.values()) {
      for (const match of bytes.toString('utf8').matchAll(CREATED_BY)) found.add(match[1])
    }
    authors = /** @type {string[]} */ ([...found])
    authorsByProject.set(project, authors)
  }
  return authors
}

/** @param {unknown[]} results */
function page(results) {
  return v2Ok(JSON.stringify({ results, nextPageToken: null }))
}

/** SQL LIKE, case-sensitive. @param {string} pattern */
function likeRegExp(pattern) {
  const source = [...pattern]
    .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, 's')
}

/** @param {string} kind @param {string} hash */
function notFound(kind, hash) {
  return v2Error(404, 'RESOURCE_NOT_FOUND_ERROR', `${kind} ${hash} not found`)
}

/** @param {import('./catalogue.mjs').CatalogueUser} user @param {string} kind @param {string} hash */
function forbidden(user, kind, hash) {
  return v2Error(403, 'AUTHORISATION_ERROR', `${user.email} has no access to ${kind} ${hash}`)
}
