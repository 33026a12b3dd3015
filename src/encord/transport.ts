/**
 * HTTP for the Encord client: one `@actions/http-client` (proxy-aware through HTTPS_PROXY /
 * HTTP_PROXY / NO_PROXY, keep-alive), one concurrency limit for every request, retries with
 * backoff, a per-attempt idle timeout, gzip decoding, and counters.
 *
 * It knows nothing about Encord's envelopes or errors: it hands back the last HTTP answer (even a
 * failed one) and throws `NetworkFailure` only when no answer arrived at all. Only method,
 * endpoint, project, status, attempt, duration and sizes are logged; headers and bodies never
 * are, since they carry signatures.
 */

import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { HttpClient } from '@actions/http-client'
import { localRequestLimit, type RequestLimit } from './request-limit.js'
import {
  backoffDelayMs,
  errorParts,
  isRetryableNetworkError,
  isRetryableStatus,
  retryAfterMs,
  type RetryPolicy
} from './retry.js'

const gunzipAsync = promisify(gunzip)

export interface TransportOptions {
  userAgent: string
  /** Requests in flight at once; ignored when `limit` is given. */
  concurrency: number
  /** A limit shared with other transports (other threads); by default one of `concurrency`. */
  limit?: RequestLimit
  /** Longest silence allowed while waiting for the answer or between its chunks. */
  timeoutMs: number
  retry: RetryPolicy
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
  debug: (message: string) => void
  /** Stops sending: checked before every attempt, so queued requests and retries end at once. */
  signal?: AbortSignal
}

export interface TransportRequest {
  method: 'GET' | 'POST'
  url: string
  body: string | null
  /** Called before every attempt, so time-dependent signatures are made afresh. */
  headers: () => Record<string, string>
  /** Logical endpoint for logs, e.g. `labelrowmetadata`. */
  endpoint: string
  /** Project the request is about, for logs. */
  project: string
}

export interface TransportResponse {
  status: number
  headers: IncomingHttpHeaders
  /** Decoded (gunzipped) body. */
  body: Buffer
  attempts: number
}

export interface TransportStats {
  /** HTTP requests sent, retries included. */
  requests: number
  retries: number
  /** Bytes received on the wire (before gunzip). */
  bytesReceived: number
}

/** No HTTP answer arrived, after every attempt allowed. `reason` is safe to show. */
export class NetworkFailure extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number
  ) {
    super(`Network failure: ${reason}`)
  }
}

/** The answer arrived but its gzip body could not be decoded. */
export class UndecodableBody extends Error {}

class IdleTimeout extends Error {
  readonly code = 'ETIMEDOUT'
  constructor(ms: number) {
    super(`timed out after ${ms} ms without data`)
  }
}

export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>
  readonly stats: Readonly<TransportStats>
  /** Close idle keep-alive sockets. */
  close(): void
}

type Attempt = { ok: true; response: TransportResponse } | { ok: false; error: unknown }

export function createTransport(options: TransportOptions): Transport {
  const http = new HttpClient(options.userAgent, [], {
    keepAlive: true,
    allowRedirects: false, // a redirect would carry our signature headers to another URL
    allowRetries: false, // retries are ours, with the SDK's status list
    socketTimeout: options.timeoutMs
  })
  const limit = options.limit ?? localRequestLimit(options.concurrency)
  const stats: TransportStats = { requests: 0, retries: 0, bytesReceived: 0 }
  const policy = options.retry

  async function attemptOnce(request: TransportRequest, attempt: number): Promise<Attempt> {
    const started = options.now()
    const label = `Encord ${request.method} ${request.endpoint} project=${request.project} attempt ${attempt}/${policy.attempts}`
    stats.requests += 1
    try {
      const answer = await http.request(
        request.method,
        request.url,
        request.body,
        request.headers()
      )
      const raw = await readBody(answer.message, options.timeoutMs)
      stats.bytesReceived += raw.length
      const status = answer.message.statusCode ?? 0
      options.debug(
        `${label}: HTTP ${status}, ${raw.length} bytes in ${options.now() - started} ms`
      )
      const body = await decodeBody(raw, answer.message.headers)
      return {
        ok: true,
        response: { status, headers: answer.message.headers, body, attempts: attempt }
      }
    } catch (error) {
      if (error instanceof UndecodableBody) throw error
      options.debug(
        `${label}: failed after ${options.now() - started} ms: ${describeNetworkError(error)}`
      )
      return { ok: false, error }
    }
  }

  async function sendWithRetries(request: TransportRequest): Promise<TransportResponse> {
    for (let attempt = 1; ; attempt += 1) {
      if (options.signal?.aborted)
        throw new NetworkFailure('the request was cancelled', attempt - 1)
      const result = await attemptOnce(request, attempt)
      const lastAttempt = attempt >= policy.attempts
      if (result.ok) {
        if (lastAttempt || !isRetryableStatus(result.response.status)) return result.response
      } else if (lastAttempt || !isRetryableNetworkError(result.error)) {
        throw new NetworkFailure(describeNetworkError(result.error), attempt)
      }
      const delay =
        (result.ok
          ? retryAfterMs(result.response.headers['retry-after'], options.now(), policy)
          : undefined) ?? backoffDelayMs(attempt, policy, options.random)
      stats.retries += 1
      options.debug(
        `Encord ${request.endpoint} project=${request.project}: retrying in ${delay} ms`
      )
      await options.sleep(delay)
    }
  }

  return {
    // Retries wait inside the limit on purpose: a rate-limited server gets fewer requests.
    send: (request) => limit.run(() => sendWithRetries(request)),
    stats,
    close: () => http.dispose()
  }
}

/** Read a whole response, failing if the connection drops or goes quiet for `idleMs`. */
function readBody(message: IncomingMessage, idleMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let timer: NodeJS.Timeout | undefined
    const armTimer = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => message.destroy(new IdleTimeout(idleMs)), idleMs)
    }
    const fail = (error: Error): void => {
      clearTimeout(timer)
      reject(error)
    }
    message.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      armTimer()
    })
    message.on('end', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks))
    })
    message.on('error', fail)
    message.on('close', () => {
      if (!message.complete)
        fail(Object.assign(new Error('connection closed mid-response'), { code: 'ECONNRESET' }))
    })
    armTimer()
  })
}

async function decodeBody(raw: Buffer, headers: IncomingHttpHeaders): Promise<Buffer> {
  const encoding = headers['content-encoding']?.trim().toLowerCase()
  if (encoding !== 'gzip' && encoding !== 'x-gzip') return raw
  try {
    return await gunzipAsync(raw)
  } catch {
    throw new UndecodableBody('the gzip-compressed answer could not be decompressed')
  }
}

/** A short, secret-free description: the error code when there is one. */
export function describeNetworkError(error: unknown): string {
  if (error instanceof IdleTimeout) return error.message
  const { code, message } = errorParts(error)
  if (/^Request timeout/.test(message)) return 'timed out waiting for an answer'
  const text = message.split('\n', 1)[0]?.slice(0, 120) ?? ''
  if (code && text && !text.includes(code)) return `${code}: ${text}`
  return text || code || 'unknown error'
}
