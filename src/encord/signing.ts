/**
 * Request signatures, exactly as the Python SDK computes them (docs/encord-api.md §2.3–2.4).
 *
 * v1 (`POST /public`): `Authorization: <public key hex>:<hex Ed25519 signature of SHA-256(body)>`.
 * v2 (`/v2/public/…`): an RFC 9421-style signature over method, request target and a
 * Content-Digest of the body, labelled `encord-sig`, back-dated 30 s against clock skew.
 *
 * The returned header values are secrets-adjacent: callers put them on the wire and nowhere else.
 */

import { createHash } from 'node:crypto'
import type { SigningKey } from './keys.js'

/** The SDK back-dates `created` so a server whose clock runs behind ours still accepts it. */
const CREATED_BACKDATE_SECONDS = 30
const SIGNATURE_LABEL = 'encord-sig'

/** The `Authorization` header value of a v1 request with this exact body. */
export function v1Authorization(key: SigningKey, body: string): string {
  const digest = createHash('sha256').update(body, 'utf8').digest()
  return `${key.publicKeyHex}:${key.sign(digest).toString('hex')}`
}

export interface V2SignatureInput {
  /** HTTP method, any case; signed upper-case. */
  method: string
  /** Path plus `?query` exactly as sent, without scheme and host. */
  requestTarget: string
  /** Body exactly as sent; empty for GET. */
  body: string
  /** Current time in milliseconds since the epoch. */
  nowMs: number
}

export interface V2SignatureHeaders {
  'Content-Digest': string
  'Signature-Input': string
  Signature: string
}

/** The three headers that authenticate a v2 request. */
export function v2SignatureHeaders(key: SigningKey, request: V2SignatureInput): V2SignatureHeaders {
  const bodyDigest = createHash('sha256').update(request.body, 'utf8').digest('base64')
  const contentDigest = `sha-256=:${bodyDigest}:`
  const created = Math.floor(request.nowMs / 1000) - CREATED_BACKDATE_SECONDS
  const params =
    '("@method" "@request-target" "content-digest")' +
    `;created=${created};keyid="${key.publicKeyHex}";alg="ed25519"`
  const signatureBase = [
    `"@method": ${request.method.toUpperCase()}`,
    `"@request-target": ${request.requestTarget}`,
    `"content-digest": ${contentDigest}`,
    `"@signature-params": ${params}`
  ].join('\n')
  const signature = key.sign(Buffer.from(signatureBase, 'utf8')).toString('base64')
  return {
    'Content-Digest': contentDigest,
    'Signature-Input': `${SIGNATURE_LABEL}=${params}`,
    Signature: `${SIGNATURE_LABEL}=:${signature}:`
  }
}
