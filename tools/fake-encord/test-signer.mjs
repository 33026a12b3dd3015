// A tiny Encord request signer for tests of the fake server (and smoke checks by hand). It is
// deliberately separate from the project's real client in src/encord/: the fake must be checked
// against the spec, not against the code it will later be used to test.
import { createHash, createPrivateKey, sign } from 'node:crypto'
import { parseOpenSshPrivateKey, publicKeyFromSeed } from './openssh-key.mjs'

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
// The SDK back-dates `created` by 30 s to survive clock skew (docs/encord-api.md §2.4).
const SDK_BACKDATE_SECONDS = 30

/**
 * @param {Buffer | string} key a 32-byte seed, or an OpenSSH private key text
 */
export function createTestSigner(key) {
  const seed = typeof key === 'string' ? parseOpenSshPrivateKey(key).seed : key
  const publicKeyHex = publicKeyFromSeed(seed).toString('hex')
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8'
  })

  return {
    publicKeyHex,

    /** v1 (§2.3): the `Authorization` header for exactly these body bytes. @param {string} body */
    v1Authorization(body) {
      const digest = createHash('sha256').update(body, 'utf8').digest()
      return `${publicKeyHex}:${sign(null, digest, privateKey).toString('hex')}`
    },

    /**
     * v2 (§2.4): `Content-Digest`, `Signature-Input` and `Signature`.
     * @param {{ method: string, target: string, body?: string, created?: number }} request
     */
    v2Headers({ method, target, body = '', created }) {
      const createdSeconds = created ?? Math.floor(Date.now() / 1000) - SDK_BACKDATE_SECONDS
      const contentDigest = `sha-256=:${createHash('sha256').update(body, 'utf8').digest('base64')}:`
      const params = `("@method" "@request-target" "content-digest");created=${createdSeconds};keyid="${publicKeyHex}";alg="ed25519"`
      const base = [
        `"@method": ${method.toUpperCase()}`,
        `"@request-target": ${target}`,
        `"content-digest": ${contentDigest}`,
        `"@signature-params": ${params}`
      ].join('\n')
      const signature = sign(null, Buffer.from(base, 'utf8'), privateKey).toString('base64')
      return {
        'Content-Digest': contentDigest,
        'Signature-Input': `encord-sig=${params}`,
        Signature: `encord-sig=:${signature}:`
      }
    }
  }
}

/**
 * The v1 envelope (§3.1).
 * @param {{ queryType: string, queryMethod: string, uid?: unknown, payload?: unknown }} query
 */
export function v1Body({ queryType, queryMethod, uid = null, payload = null }) {
  return JSON.stringify({
    query_type: queryType,
    query_method: queryMethod,
    values: { uid, payload }
  })
}

/**
 * Sends a signed v1 request to `POST {baseUrl}/public` for a project.
 * @param {string} baseUrl
 * @param {ReturnType<typeof createTestSigner>} signer
 * @param {{ projectHash: string, body: string, headers?: Record<string, string> }} request
 */
export function postV1(baseUrl, signer, { projectHash, body, headers = {} }) {
  return fetch(`${baseUrl}/public`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ResourceType: 'project',
      ResourceID: projectHash,
      Authorization: signer.v1Authorization(body),
      ...headers
    },
    body
  })
}

/**
 * Sends a signed user-scoped v1 request to `POST {baseUrl}/public/user` (creating a project),
 * with `ResourceType` and `ResourceID` empty as the SDK sends them.
 * @param {string} baseUrl
 * @param {ReturnType<typeof createTestSigner>} signer
 * @param {string} body
 */
export function postV1User(baseUrl, signer, body) {
  return fetch(`${baseUrl}/public/user`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ResourceType: '',
      ResourceID: '',
      Authorization: signer.v1Authorization(body)
    },
    body
  })
}

/**
 * Sends a signed v2 GET; `target` is the path and query, e.g. `/v2/public/projects/<hash>`.
 * @param {string} baseUrl
 * @param {ReturnType<typeof createTestSigner>} signer
 * @param {string} target
 * @param {{ created?: number, headers?: Record<string, string> }} [options]
 */
export function getV2(baseUrl, signer, target, { created, headers = {} } = {}) {
  return fetch(`${baseUrl}${target}`, {
    headers: { ...signer.v2Headers({ method: 'GET', target, created }), ...headers }
  })
}
