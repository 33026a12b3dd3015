// The paged v2 listings preflight reads (docs/encord-api.md §4.4, §10.3), against nock: every
// page is asked for while the last one gave a token, and only reads are sent.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { DOMAIN, TRAINING } from '../__fixtures__/encord/responses.js'
import { expectOnlyReads, makeClient, record, type SeenRequest } from './harness.js'
import { collectUnmatched, expectNoUnmatched, useNock } from './nock-harness.js'

let seen: SeenRequest[]
let unmatched: ReturnType<typeof collectUnmatched>

useNock()
beforeEach(() => {
  seen = []
  unmatched = collectUnmatched()
})
afterEach(() => {
  nock.cleanAll()
  expectNoUnmatched(unmatched)
  expectOnlyReads(seen)
})

const DATASET_A = 'aaaaaaaa-0000-4000-8000-000000000001'
const DATASET_B = 'bbbbbbbb-0000-4000-8000-000000000002'

describe('listProjectDatasets', () => {
  it('follows nextPageToken until it is null, and signs each page’s own target', async () => {
    const path = `/v2/public/projects/${TRAINING}/datasets`
    nock(DOMAIN)
      .get(path)
      .reply(function () {
        record(seen, this, 'GET', path)
        return [
          200,
          {
            results: [{ datasetHash: DATASET_A, title: 'A', description: '' }],
            nextPageToken: 'next page+1'
          }
        ]
      })
      .get(`${path}?pageToken=next+page%2B1`)
      .reply(function () {
        record(seen, this, 'GET', `${path}?pageToken=next+page%2B1`)
        return [200, { results: [{ dataset_hash: DATASET_B, title: 'B' }], nextPageToken: null }]
      })
    const { client } = makeClient()
    expect(await client.listProjectDatasets(TRAINING)).toEqual([
      { datasetHash: DATASET_A, title: 'A' },
      { datasetHash: DATASET_B, title: 'B' }
    ])
    expect(seen.map((request) => request.headers['signature-input'])).toEqual([
      expect.stringContaining('encord-sig='),
      expect.stringContaining('encord-sig=')
    ])
  })
})

describe('listProjectUsers', () => {
  it('reads e-mails and roles, and refuses a role Encord does not have', async () => {
    const path = `/v2/public/projects/${TRAINING}/users`
    nock(DOMAIN)
      .get(path)
      .reply(function () {
        record(seen, this, 'GET', path)
        return [200, { results: [{ userEmail: 'ann@example.com', userRole: 1 }] }]
      })
      .get(path)
      .reply(function () {
        record(seen, this, 'GET', path)
        return [200, { results: [{ userEmail: 'ann@example.com', userRole: 9 }] }]
      })
    const { client } = makeClient()
    expect(await client.listProjectUsers(TRAINING)).toEqual([{ email: 'ann@example.com', role: 1 }])
    await expect(client.listProjectUsers(TRAINING)).rejects.toThrow(/results\[0\]\.userRole/)
  })
})
