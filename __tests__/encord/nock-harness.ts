/**
 * nock set-up shared by the client tests that mock Encord: interception on for the file and
 * undone afterwards (so later test files in the same Jest worker get real sockets), and a
 * collector of requests nock had no answer for.
 */

import { afterAll, beforeAll, expect } from '@jest/globals'
import nock from 'nock'

/** Call at the top level of a test file: no real network while it runs, nock undone after. */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate()
    nock.disableNetConnect()
  })
  afterAll(() => {
    nock.cleanAll()
    nock.enableNetConnect()
    nock.restore()
  })
}

/** Requests nock had no interceptor for (each would be a surprise, such as a write). */
export function collectUnmatched(): { requests: string[]; stop: () => void } {
  const requests: string[] = []
  const listener = (req: { method?: string; path?: string }): void => {
    requests.push(`${req.method ?? '?'} ${req.path ?? '?'}`)
  }
  nock.emitter.on('no match', listener)
  return { requests, stop: () => nock.emitter.removeListener('no match', listener) }
}

/** Fails when any request went unanswered by the interceptors a test set up. */
export function expectNoUnmatched(collector: ReturnType<typeof collectUnmatched>): void {
  collector.stop()
  expect(collector.requests).toEqual([])
}
