// Authenticates a routed request by its family's scheme, then lets that family answer it. The
// answers to failed authentication follow docs/encord-api.md §3.3 (v1) and §4.5 (v2).
import { authenticateV1, authenticateV2 } from './auth.mjs'
import { notRouted, v1Error, v2Error } from './replies.mjs'
import { answerV1Query } from './v1-queries.mjs'
import { answerV2Request } from './v2-resources.mjs'

/**
 * @typedef {import('./replies.mjs').Reply} Reply
 * @typedef {import('./routes.mjs').Route} Route
 * @typedef {import('./handle-request.mjs').HandlerOptions} HandlerOptions
 */

/**
 * @param {{
 *   n: number, method: string, target: string, pathname: string, route: Route,
 *   headers: import('node:http').IncomingHttpHeaders, body: Buffer
 * }} request
 * @param {HandlerOptions} options
 * @returns {{ reply: Reply, user: string | null }}
 */
export function answer({ n, method, target, pathname, route, headers, body }, options) {
  const { catalogue } = options
  const lookup = (/** @type {string} */ publicKeyHex) => catalogue.users.get(publicKeyHex)

  if (route.family === 'v1') {
    const auth = authenticateV1({ authorization: headers['authorization'], body, lookup })
    if (!auth.ok) {
      const reply =
        auth.failure === 'key-not-registered'
          ? v1Error(
              'SSH_KEY_NOT_FOUND_ERROR',
              'Your used SSH key does not exist in the Encord platform. Please add this SSH key to your user profile.'
            )
          : v1Error('AUTHENTICATION_ERROR', auth.reason)
      return { reply, user: null }
    }
    const user = /** @type {import('./catalogue.mjs').CatalogueUser} */ (auth.user)
    const resourceType = headers['resourcetype']
    const reply = answerV1Query({
      n,
      catalogue,
      recorder: options.recorder,
      maxLabelsPerRequest: options.maxLabelsPerRequest,
      writes: options.writes,
      user,
      scope: route.scope,
      resourceType: typeof resourceType === 'string' ? resourceType.toLowerCase() : undefined,
      projectHash: route.projectHash ?? undefined,
      query: route.query
    })
    return { reply, user: user.email }
  }

  if (route.family === 'v2') {
    const auth = authenticateV2({
      method,
      target,
      headers,
      body,
      nowSeconds: Math.floor(options.now() / 1000),
      skewSeconds: options.clockSkewSeconds,
      lookup
    })
    if (!auth.ok) {
      // The real server's answer to an unregistered key is unverified; 401 with a message that
      // names the cause keeps it an authentication error for the SDK (§4.5) and tells the two
      // cases apart for a human.
      const reply =
        auth.failure === 'key-not-registered'
          ? v2Error(401, 'SSH_KEY_NOT_FOUND_ERROR', 'The SSH key is not registered with Encord.')
          : v2Error(401, 'AUTHENTICATION_ERROR', `Authentication failed: ${auth.reason}`)
      return { reply, user: null }
    }
    const user = /** @type {import('./catalogue.mjs').CatalogueUser} */ (auth.user)
    const reply = answerV2Request({
      method,
      resource: route.resource,
      pathname,
      target,
      catalogue,
      user
    })
    return { reply, user: user.email }
  }

  return { reply: notRouted(`fake-encord has no route for ${method} ${pathname}`), user: null }
}
