// Answers authenticated v2 REST requests (docs/encord-api.md §4, §6.1, §6.2): the project and the
// ontology, the two v2 resources an evaluation run reads.
import { v2Error, v2Ok } from './replies.mjs'

/**
 * @typedef {{ kind: 'projects' | 'ontologies', hash: string }} V2Resource
 */

/**
 * @param {{
 *   method: string, resource: V2Resource | null, pathname: string,
 *   catalogue: import('./catalogue.mjs').Catalogue, user: import('./catalogue.mjs').CatalogueUser
 * }} request
 * @returns {import('./replies.mjs').Reply}
 */
export function answerV2Request({ method, resource, pathname, catalogue, user }) {
  if (!resource) {
    return v2Error(404, 'RESOURCE_NOT_FOUND_ERROR', `fake-encord has no route for ${pathname}`)
  }
  if (method !== 'GET') return v2Error(405, 'METHOD_NOT_ALLOWED_ERROR', 'Method not allowed')

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

/** @param {string} kind @param {string} hash */
function notFound(kind, hash) {
  return v2Error(404, 'RESOURCE_NOT_FOUND_ERROR', `${kind} ${hash} not found`)
}

/** @param {import('./catalogue.mjs').CatalogueUser} user @param {string} kind @param {string} hash */
function forbidden(user, kind, hash) {
  return v2Error(403, 'AUTHORISATION_ERROR', `${user.email} has no access to ${kind} ${hash}`)
}
