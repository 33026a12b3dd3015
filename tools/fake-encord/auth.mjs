// Verifies Encord's two SSH signature schemes (docs/encord-api.md §2.3 and §2.4) on its own, with
// node:crypto only, so a test never passes because client and server share a mistake.
import { createHash, createPublicKey, verify } from 'node:crypto'

// RFC 8410: SPKI DER of an Ed25519 public key is this prefix followed by the 32-byte key.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const SIGNATURE_LABEL = 'encord-sig'
const V1_AUTHORIZATION = /^([0-9a-fA-F]{64}):([0-9a-fA-F]{128})$/
// The covered components this fake knows how to rebuild. A signature must cover all three,
// otherwise the body or the target would not be protected.
const KNOWN_COMPONENTS = ['@method', '@request-target', 'content-digest']

/**
 * @typedef {{ publicKeyHex: string, key: import('node:crypto').KeyObject }} RegisteredKey
 * @typedef {(publicKeyHex: string) => RegisteredKey | undefined} KeyLookup
 * @typedef {{ ok: true, user: RegisteredKey } | { ok: false, failure: 'bad-signature' | 'key-not-registered', reason: string }} AuthResult
 */

/** @param {string} publicKeyHex 64 hex chars */
export function publicKeyObjectFromHex(publicKeyHex) {
  if (!/^[0-9a-fA-F]{64}$/.test(publicKeyHex)) {
    throw new Error(`an Ed25519 public key is 64 hex characters, got "${publicKeyHex}"`)
  }
  const der = Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(publicKeyHex, 'hex')])
  return createPublicKey({ key: der, format: 'der', type: 'spki' })
}

/**
 * v1: `Authorization: <pubhex>:<sighex>`, an Ed25519 signature over the raw SHA-256 digest of the body.
 * @param {{ authorization: string | undefined, body: Buffer, lookup: KeyLookup }} request
 * @returns {AuthResult}
 */
export function authenticateV1({ authorization, body, lookup }) {
  const match = V1_AUTHORIZATION.exec(authorization ?? '')
  if (!match) return badSignature('Authorization is not "<public key hex>:<signature hex>"')
  const [, publicKeyHex = '', signatureHex = ''] = match
  const user = lookup(publicKeyHex.toLowerCase())
  if (!user) return keyNotRegistered()
  const digest = createHash('sha256').update(body).digest()
  if (!verify(null, digest, user.key, Buffer.from(signatureHex, 'hex'))) {
    return badSignature('the signature does not match the body')
  }
  return { ok: true, user }
}

/**
 * v2: RFC 9421-style `Content-Digest`, `Signature-Input` and `Signature` headers.
 * @param {{
 *   method: string, target: string, headers: import('node:http').IncomingHttpHeaders, body: Buffer,
 *   nowSeconds: number, skewSeconds: number, lookup: KeyLookup
 * }} request `target` is the path and query exactly as received
 * @returns {AuthResult}
 */
export function authenticateV2({ method, target, headers, body, nowSeconds, skewSeconds, lookup }) {
  const contentDigest = headerValue(headers['content-digest'])
  const signatureInput = headerValue(headers['signature-input'])
  const signatureHeader = headerValue(headers['signature'])
  if (!contentDigest || !signatureInput || !signatureHeader) {
    return badSignature('Content-Digest, Signature-Input and Signature headers are required')
  }

  const input = parseSignatureInput(signatureInput)
  if (typeof input === 'string') return badSignature(input)

  const digest = byteSequenceMember(contentDigest, 'sha-256')
  const expectedDigest = createHash('sha256').update(body).digest('base64')
  if (digest !== expectedDigest) return badSignature('Content-Digest does not match the body')

  if (Math.abs(nowSeconds - input.created) > skewSeconds) {
    return badSignature(`signature created=${input.created} is more than ${skewSeconds}s from now`)
  }

  const user = lookup(input.keyid.toLowerCase())
  if (!user) return keyNotRegistered()

  const signature = byteSequenceMember(signatureHeader, SIGNATURE_LABEL)
  if (!signature) return badSignature(`Signature has no "${SIGNATURE_LABEL}" member`)

  /** @type {Record<string, string>} */
  const componentValues = {
    '@method': method.toUpperCase(),
    '@request-target': target,
    'content-digest': contentDigest
  }
  const base = [
    ...input.components.map((name) => `"${name}": ${componentValues[name]}`),
    `"@signature-params": ${input.params}`
  ].join('\n')
  if (!verify(null, Buffer.from(base, 'utf8'), user.key, Buffer.from(signature, 'base64'))) {
    return badSignature('the signature does not match the request')
  }
  return { ok: true, user }
}

/**
 * Parses `encord-sig=("@method" …);created=…;keyid="…";alg="ed25519"`.
 * @param {string} header
 * @returns {{ params: string, components: string[], created: number, keyid: string } | string}
 *   the parsed input, or why it is unacceptable
 */
function parseSignatureInput(header) {
  const prefix = `${SIGNATURE_LABEL}=`
  if (!header.startsWith(prefix)) return `Signature-Input has no "${SIGNATURE_LABEL}" member`
  // Kept verbatim: the signature base repeats the parameters exactly as the client wrote them.
  const params = header.slice(prefix.length)
  const match = /^\(([^)]*)\)((?:;[a-z]+=(?:"[^"]*"|-?\d+))*)$/.exec(params)
  if (!match) return 'Signature-Input is malformed'
  const [, componentList = '', paramList = ''] = match
  const components = componentList
    .trim()
    .split(/\s+/)
    .map((item) => item.replace(/^"(.*)"$/, '$1'))
  if (components.some((name) => !KNOWN_COMPONENTS.includes(name))) {
    return `Signature-Input may cover only ${KNOWN_COMPONENTS.join(', ')}`
  }
  if (KNOWN_COMPONENTS.some((name) => !components.includes(name))) {
    return `Signature-Input must cover ${KNOWN_COMPONENTS.join(', ')}`
  }
  /** @type {Record<string, string>} */
  const values = {}
  for (const [, name = '', value = ''] of paramList.matchAll(/;([a-z]+)=("[^"]*"|-?\d+)/g)) {
    values[name] = value.replace(/^"(.*)"$/, '$1')
  }
  if (values.alg !== 'ed25519') return 'Signature-Input alg must be "ed25519"'
  if (!values.keyid || !/^[0-9a-fA-F]{64}$/.test(values.keyid)) {
    return 'Signature-Input keyid must be the 64-hex-character public key'
  }
  if (!values.created || !/^\d+$/.test(values.created)) return 'Signature-Input needs created'
  return { params, components, created: Number(values.created), keyid: values.keyid }
}

/**
 * The base64 of a `name=:<base64>:` member of a structured-field dictionary.
 * @param {string} header
 * @param {string} name
 */
function byteSequenceMember(header, name) {
  for (const member of header.split(',')) {
    const match = /^\s*([a-z0-9-]+)=:([A-Za-z0-9+/=]*):\s*$/.exec(member)
    if (match && match[1] === name) return match[2]
  }
  return undefined
}

/** @param {string | string[] | undefined} value */
function headerValue(value) {
  return Array.isArray(value) ? value.join(', ') : value
}

/** @param {string} reason @returns {AuthResult} */
function badSignature(reason) {
  return { ok: false, failure: 'bad-signature', reason }
}

/** @returns {AuthResult} */
function keyNotRegistered() {
  return { ok: false, failure: 'key-not-registered', reason: 'the public key is not registered' }
}
