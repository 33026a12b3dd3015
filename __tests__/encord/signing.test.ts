/**
 * Signatures reproduce the SDK's recorded test vectors byte for byte (docs/encord-api.md §2.6,
 * §6.6), with the §2.6 key and the clock at 2025-01-01T00:00:30Z.
 */

import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { parsePrivateKey } from '../../src/encord/keys.js'
import { v1Authorization, v2SignatureHeaders } from '../../src/encord/signing.js'
import { labelRowFetchQuery, labelRowMetadataQuery } from '../../src/encord/v1-queries.js'
import { VECTOR_KEY, VECTOR_PUBLIC_KEY_HEX } from '../__fixtures__/encord/keys.js'

const key = parsePrivateKey(VECTOR_KEY)
const nowMs = Date.parse('2025-01-01T00:00:30Z')
const EMPTY_DIGEST = 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:'

describe('v2 signatures (§2.6)', () => {
  it('GET a project', () => {
    const headers = v2SignatureHeaders(key, {
      method: 'GET',
      requestTarget: '/v2/public/projects/11111111-1111-1111-1111-111111111111',
      body: '',
      nowMs
    })
    expect(headers).toEqual({
      'Content-Digest': EMPTY_DIGEST,
      'Signature-Input': `encord-sig=("@method" "@request-target" "content-digest");created=1735689600;keyid="${VECTOR_PUBLIC_KEY_HEX}";alg="ed25519"`,
      Signature:
        'encord-sig=:68dGp56xarr0i1sn2LqBSRK8X0huWgSQWdZeRIZdarCLYCWfjWXu/LIUK1LXWyw5Ty+sioI9dkhsJ1jtckA+AQ==:'
    })
  })

  it('GET with a query string: the whole path and query is the request target', () => {
    const headers = v2SignatureHeaders(key, {
      method: 'get',
      requestTarget:
        '/v2/public/projects?titleLike=Train%25&createdAfter=2024-01-01T00%3A00%3A00%2B00%3A00&includeOrgAccess=True',
      body: '',
      nowMs
    })
    expect(headers.Signature).toBe(
      'encord-sig=:uVqoB5sPGJC+OToTcLLlbqj/AKlFJWhd7DljrO6kvF1GIzEHKjBcjdJDq4FotpbsSSU3Q96WFx+3uuGjv7SUAA==:'
    )
  })

  it('POST with a JSON body', () => {
    const headers = v2SignatureHeaders(key, {
      method: 'POST',
      requestTarget: '/v2/public/datasets',
      body: '{"title": "DS", "createBackingFolder": true, "legacyCall": false}',
      nowMs
    })
    expect(headers['Content-Digest']).toBe('sha-256=:mW0FM58EXVYBFXiHxQKR8dpSQA0RQRHWfD6pDFK2v3M=:')
    expect(headers.Signature).toBe(
      'encord-sig=:K6du/4gPnOwDP6iOmeqwXqfsAGKL5kTlFaQjWyLYGjlTm3wQGfx+R60jAPhxXgA4WhZ5xuvF6zKHrR6pgffECg==:'
    )
  })

  it('GET an ontology (§6.6 request 2)', () => {
    const headers = v2SignatureHeaders(key, {
      method: 'GET',
      requestTarget: '/v2/public/ontologies/33333333-3333-3333-3333-333333333333',
      body: '',
      nowMs
    })
    expect(headers.Signature).toBe(
      'encord-sig=:A5pN87IWDLKiehaprajZxXX7kGbVueNpoEJ2wcM1Sta9RvwTvsHxysDT2kuDgALOdgFAh87i5E8C6AKnHFzXBQ==:'
    )
  })

  it('back-dates created by 30 s, in whole seconds', () => {
    const headers = v2SignatureHeaders(key, {
      method: 'GET',
      requestTarget: '/x',
      body: '',
      nowMs: 100_999
    })
    expect(headers['Signature-Input']).toContain(';created=70;')
  })
})

describe('v1 signatures over SDK-identical bodies', () => {
  it('the §6.3 label-row listing body (§6.6 request 5)', () => {
    const { body } = labelRowMetadataQuery('Complete')
    expect(Buffer.byteLength(body)).toBe(590)
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      'a17156af908f012270c5cdd63c42f18517b6f0ce84f04e252a64a3eaa0f9589f'
    )
    expect(v1Authorization(key, body)).toBe(
      `${VECTOR_PUBLIC_KEY_HEX}:76cd63ecde3caffd242d74f3222b65869b2323418ef1fd57632560809a180662546d802307e7525cabb3315ad0b0f8a35ed056a662d0bddf193e0f2576d37705`
    )
  })

  it('the label-row fetch body (§6.6 request 7)', () => {
    const { body } = labelRowFetchQuery(['77777777-7777-7777-7777-777777777777'])
    expect(body).toBe(
      '{"query_type": "labelrow", "query_method": "GET", "values": {"uid": ["77777777-7777-7777-7777-777777777777"], "payload": {"get_signed_url": false, "multi_request": true, "include_object_feature_hashes": null, "include_classification_feature_hashes": null, "include_reviews": false, "include_export_history": false, "include_archived": false}}}'
    )
    expect(v1Authorization(key, body)).toBe(
      `${VECTOR_PUBLIC_KEY_HEX}:ac8d1e1d88c42c6005ab15f5d7c636d97f04d52ef714f7083249c6fe27bbda75970a492ca047e40902142c184d144bb2d97830ea5b5ed5e9aa878ceecc010d05`
    )
  })

  it('the listing body names the stage and asks for uninitialised rows too', () => {
    const parsed = JSON.parse(labelRowMetadataQuery('Réviewed “final”').body) as {
      query_type: string
      query_method: string
      values: { uid: unknown; payload: Record<string, unknown> }
    }
    expect(parsed.query_type).toBe('labelrowmetadata')
    expect(parsed.query_method).toBe('GET')
    expect(parsed.values.uid).toBeNull()
    expect(parsed.values.payload['workflow_graph_node_title_eq']).toBe('Réviewed “final”')
    expect(parsed.values.payload['include_uninitialised_labels']).toBe(true)
  })
})
