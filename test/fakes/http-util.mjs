// Small helpers shared by the fake servers: listen on a free loopback port, read a body, answer
// JSON, and close even while clients keep connections alive (undici and http-client do).
import { createServer } from 'node:http'

/**
 * @param {(request: import('node:http').IncomingMessage, body: Buffer, response: import('node:http').ServerResponse) => void | Promise<void>} handle
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function listen(handle) {
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => handle(request, body, response))
      .catch((error) => {
        // A bug in a fake must show up in the test, not as a hung request.
        if (!response.headersSent)
          sendJson(response, 500, { message: `fake server error: ${error}` })
        else response.destroy(error)
      })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('fake server has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      })
  }
}

/** @param {import('node:http').IncomingMessage} request */
async function readBody(request) {
  /** @type {Buffer[]} */
  const chunks = []
  for await (const chunk of request) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [headers]
 */
export function sendJson(response, status, value, headers = {}) {
  const text = JSON.stringify(value)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  response.end(text)
}

/** @param {Buffer} body */
export function parseJsonBody(body) {
  if (body.length === 0) return null
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return body.toString('utf8')
  }
}
