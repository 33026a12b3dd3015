/**
 * One request through the transport, as both Encord clients (the read-only scoring client and the
 * set-up client's writes) send it: "no answer" and undecodable answers become `EncordApiError`s
 * that name the request and, behind a proxy, the proxy.
 */
import { getProxyUrl } from '@actions/http-client'
import { invalidResponse, networkFailure, type FailureContext } from './api-errors.js'
import {
  NetworkFailure,
  UndecodableBody,
  type Transport,
  type TransportRequest,
  type TransportResponse
} from './transport.js'

export async function sendExplained(
  transport: Transport,
  request: TransportRequest,
  where: FailureContext,
  domain: string
): Promise<TransportResponse> {
  try {
    return await transport.send(request)
  } catch (error) {
    if (error instanceof NetworkFailure) {
      throw networkFailure(
        { ...where, attempts: error.attempts },
        error.reason,
        getProxyUrl(domain)
      )
    }
    if (error instanceof UndecodableBody) throw invalidResponse(where, error.message)
    throw error
  }
}

/** The answer's body as JSON, or `ok: false` when it is not JSON (the caller says what failed). */
export function parseJsonBody(
  answer: TransportResponse
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(answer.body.toString('utf8')) as unknown }
  } catch {
    return { ok: false }
  }
}
