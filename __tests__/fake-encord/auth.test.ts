// The fake's own signature checks against the vectors (docs/encord-api.md §2.6): they must pass
// without any code shared with a signer.
import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import {
  authenticateV1,
  authenticateV2,
  publicKeyObjectFromHex,
  type KeyLookup
} from '../../tools/fake-encord/auth.mjs'
import { createTestSigner } from '../../tools/fake-encord/test-signer.mjs'
import {
  SDK_LISTING_AUTHORIZATION,
  SDK_LISTING_BODY,
  VECTOR_PUBLIC_KEY_HEX,
  VECTOR_SEED
} from './support.js'

const registered = {
  publicKeyHex: VECTOR_PUBLIC_KEY_HEX,
  key: publicKeyObjectFromHex(VECTOR_PUBLIC_KEY_HEX)
}
const lookup: KeyLookup = (hex) => (hex === VECTOR_PUBLIC_KEY_HEX ? registered : undefined)
const CREATED = 1735689600
const NOW = CREATED + 30

function v2Headers(target: string, signature: string, digest = EMPTY_DIGEST) {
  return {
    'content-digest': digest,
    'signature-input': `encord-sig=("@method" "@request-target" "content-digest");created=${CREATED};keyid="${VECTOR_PUBLIC_KEY_HEX}";alg="ed25519"`,
    signature: `encord-sig=:${signature}:`
  }
}
const EMPTY_DIGEST = 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:'

const V2_VECTORS = [
  {
    name: 'GET a project',
    method: 'GET',
    target: '/v2/public/projects/11111111-1111-1111-1111-111111111111',
    body: '',
    digest: EMPTY_DIGEST,
    signature:
      '68dGp56xarr0i1sn2LqBSRK8X0huWgSQWdZeRIZdarCLYCWfjWXu/LIUK1LXWyw5Ty+sioI9dkhsJ1jtckA+AQ=='
  },
  {
    name: 'GET with a query string',
    method: 'GET',
    target:
      '/v2/public/projects?titleLike=Train%25&createdAfter=2024-01-01T00%3A00%3A00%2B00%3A00&includeOrgAccess=True',
    body: '',
    digest: EMPTY_DIGEST,
    signature:
      'uVqoB5sPGJC+OToTcLLlbqj/AKlFJWhd7DljrO6kvF1GIzEHKjBcjdJDq4FotpbsSSU3Q96WFx+3uuGjv7SUAA=='
  },
  {
    name: 'POST with a body',
    method: 'POST',
    target: '/v2/public/datasets',
    body: '{"title": "DS", "createBackingFolder": true, "legacyCall": false}',
    digest: 'sha-256=:mW0FM58EXVYBFXiHxQKR8dpSQA0RQRHWfD6pDFK2v3M=:',
    signature:
      'K6du/4gPnOwDP6iOmeqwXqfsAGKL5kTlFaQjWyLYGjlTm3wQGfx+R60jAPhxXgA4WhZ5xuvF6zKHrR6pgffECg=='
  }
]

describe('authenticateV2', () => {
  it.each(V2_VECTORS)(
    'accepts the §2.6 vector: $name',
    ({ method, target, body, digest, signature }) => {
      const result = authenticateV2({
        method,
        target,
        headers: v2Headers(target, signature, digest),
        body: Buffer.from(body),
        nowSeconds: NOW,
        skewSeconds: 300,
        lookup
      })
      expect(result).toEqual({ ok: true, user: registered })
    }
  )

  it('rejects a vector replayed against another target, body or method', () => {
    const [vector] = V2_VECTORS
    if (!vector) throw new Error('no vector')
    const base = {
      method: vector.method,
      target: vector.target,
      headers: v2Headers(vector.target, vector.signature),
      body: Buffer.alloc(0),
      nowSeconds: NOW,
      skewSeconds: 300,
      lookup
    }
    const otherTarget = authenticateV2({ ...base, target: `${vector.target}?x=1` })
    const otherMethod = authenticateV2({ ...base, method: 'DELETE' })
    const otherBody = authenticateV2({ ...base, body: Buffer.from('{}') })
    expect(otherTarget).toMatchObject({ ok: false, failure: 'bad-signature' })
    expect(otherMethod).toMatchObject({ ok: false, failure: 'bad-signature' })
    expect(otherBody).toMatchObject({ ok: false, reason: 'Content-Digest does not match the body' })
  })

  it('accepts `created` only within the allowed skew of now', () => {
    const [vector] = V2_VECTORS
    if (!vector) throw new Error('no vector')
    const at = (nowSeconds: number) =>
      authenticateV2({
        method: 'GET',
        target: vector.target,
        headers: v2Headers(vector.target, vector.signature),
        body: Buffer.alloc(0),
        nowSeconds,
        skewSeconds: 300,
        lookup
      }).ok
    expect([at(CREATED - 300), at(CREATED + 300), at(CREATED - 301), at(CREATED + 301)]).toEqual([
      true,
      true,
      false,
      false
    ])
  })

  it('tells an unregistered key apart from a bad signature', () => {
    const stranger = createTestSigner(Buffer.alloc(32, 7))
    const target = '/v2/public/projects/p'
    const result = authenticateV2({
      method: 'GET',
      target,
      headers: lowerCaseKeys(stranger.v2Headers({ method: 'GET', target, created: CREATED })),
      body: Buffer.alloc(0),
      nowSeconds: NOW,
      skewSeconds: 300,
      lookup
    })
    expect(result).toMatchObject({ ok: false, failure: 'key-not-registered' })
  })

  it('insists on the three headers, ed25519 and the covered components', () => {
    const signer = createTestSigner(VECTOR_SEED)
    const target = '/v2/public/projects/p'
    const good = lowerCaseKeys(signer.v2Headers({ method: 'GET', target, created: CREATED }))
    const check = (headers: Record<string, string>) =>
      authenticateV2({
        method: 'GET',
        target,
        headers,
        body: Buffer.alloc(0),
        nowSeconds: NOW,
        skewSeconds: 300,
        lookup
      })
    expect(check(good).ok).toBe(true)
    const { signature: _dropped, ...withoutSignature } = good
    expect(check(withoutSignature)).toMatchObject({ failure: 'bad-signature' })
    const rsa = { ...good, 'signature-input': good['signature-input']!.replace('ed25519', 'rsa') }
    expect(check(rsa)).toMatchObject({ reason: 'Signature-Input alg must be "ed25519"' })
    const uncovered = {
      ...good,
      'signature-input': good['signature-input']!.replace(' "content-digest"', '')
    }
    expect(check(uncovered)).toMatchObject({ failure: 'bad-signature' })
  })
})

describe('authenticateV1', () => {
  const body = Buffer.from(SDK_LISTING_BODY)
  const vectorAuthorization = SDK_LISTING_AUTHORIZATION

  it('accepts the §2.6 vector for the SDK’s 590-byte listing body', () => {
    expect(body).toHaveLength(590)
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      'a17156af908f012270c5cdd63c42f18517b6f0ce84f04e252a64a3eaa0f9589f'
    )
    expect(authenticateV1({ authorization: vectorAuthorization, body, lookup })).toEqual({
      ok: true,
      user: registered
    })
  })

  it('calls a tampered body or signature an authentication failure', () => {
    const tamperedBody = Buffer.from(body.toString().replace('Complete', 'Annotate'))
    const tamperedSignature = vectorAuthorization.replace(/.$/, '4')
    expect(
      authenticateV1({ authorization: vectorAuthorization, body: tamperedBody, lookup })
    ).toMatchObject({
      ok: false,
      failure: 'bad-signature'
    })
    expect(authenticateV1({ authorization: tamperedSignature, body, lookup })).toMatchObject({
      ok: false,
      failure: 'bad-signature'
    })
    expect(authenticateV1({ authorization: 'Bearer abc', body, lookup })).toMatchObject({
      ok: false,
      failure: 'bad-signature'
    })
  })

  it('calls a well-formed header with an unknown key "not registered"', () => {
    const stranger = createTestSigner(Buffer.alloc(32, 7))
    const authorization = stranger.v1Authorization(body.toString())
    expect(authenticateV1({ authorization, body, lookup })).toMatchObject({
      ok: false,
      failure: 'key-not-registered'
    })
  })
})

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value])
  )
}
