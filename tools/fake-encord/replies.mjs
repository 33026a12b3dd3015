// The bodies the fake answers with, per API family (docs/encord-api.md §3.2–3.3 and §4.5).

/**
 * @typedef {{
 *   status: number, body: string | Buffer, errorCode: string | null,
 *   headers?: Record<string, string>, faulted?: boolean
 * }} Reply
 */

// The SDK ignores the HTTP status of v1 answers and reads the body's `status` and `response`
// code. The only known error answer (the SDK's own test) uses 400 for both, so every v1 error
// does here too: the code, not the number, is the contract.
export const V1_ERROR_STATUS = 400

const ARRAY_OPEN = Buffer.from('{"status": 200, "response": [')
const ARRAY_SEPARATOR = Buffer.from(', ')
const ARRAY_CLOSE = Buffer.from(']}')

/**
 * A v1 success whose response is an array of items serialised in advance. The bytes are copied
 * once into the answer, never parsed or re-encoded: a bundle of 1000 label rows costs a memcpy.
 * @param {Buffer[]} items each one JSON value
 * @returns {Reply}
 */
export function v1OkArray(items) {
  /** @type {Buffer[]} */
  const parts = [ARRAY_OPEN]
  items.forEach((item, i) => {
    if (i > 0) parts.push(ARRAY_SEPARATOR)
    parts.push(item)
  })
  parts.push(ARRAY_CLOSE)
  return { status: 200, body: Buffer.concat(parts), errorCode: null }
}

/**
 * @param {string} code e.g. `AUTHENTICATION_ERROR`
 * @param {unknown} [payload] a message string, or an object such as `{ maximum_labels_allowed }`
 * @returns {Reply}
 */
export function v1Error(code, payload = null) {
  return {
    status: V1_ERROR_STATUS,
    body: JSON.stringify({ status: V1_ERROR_STATUS, response: [code], payload }),
    errorCode: code
  }
}

/** @param {string | Buffer} json @returns {Reply} */
export function v2Ok(json) {
  return { status: 200, body: json, errorCode: null }
}

/**
 * @param {number} status
 * @param {string} errorCode the v1 code of the same failure, so request logs read alike
 * @param {string} message
 * @returns {Reply}
 */
export function v2Error(status, errorCode, message) {
  return { status, body: JSON.stringify({ message }), errorCode }
}

const FAULT_MESSAGES = {
  429: 'Too many requests (fault injected by fake-encord)',
  500: 'Internal server error (fault injected by fake-encord)',
  503: 'Service unavailable (fault injected by fake-encord)'
}

/**
 * The same JSON body for both families: a gateway in front of the API answers these, not the
 * API itself, so a v1 client must go by the HTTP status here.
 * @param {import('./faults.mjs').Fault} fault
 * @returns {Reply}
 */
export function faultReply({ status, retryAfterSeconds }) {
  return {
    status,
    body: JSON.stringify({ message: FAULT_MESSAGES[status] }),
    errorCode: null,
    headers: retryAfterSeconds === null ? {} : { 'Retry-After': String(retryAfterSeconds) },
    faulted: true
  }
}

/** @param {string} message @returns {Reply} */
export function notRouted(message) {
  return { status: 404, body: JSON.stringify({ message }), errorCode: null }
}
