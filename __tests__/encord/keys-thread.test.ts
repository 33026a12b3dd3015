// Handing the signing key to a scoring worker: the config holds the key as `checkPrivateKey`
// checked it, plain data that a message port (as `workerData`) copies as it is, and
// `signingKeyFor` makes a signer of it on the other side that signs exactly as the original does.
import { createPublicKey, KeyObject, randomBytes, verify } from 'node:crypto'
import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from '@jest/globals'
import {
  checkPrivateKey,
  parsePrivateKey,
  signingKeyFor,
  type CheckedKey
} from '../../src/encord/keys.js'
import { InputError } from '../../src/errors.js'
import {
  newEd25519OpenSshKey,
  VECTOR_KEY,
  VECTOR_PUBLIC_KEY_HEX
} from '../__fixtures__/encord/keys.js'

/** `value` as another thread receives it: serialized and deserialized by a message port. */
async function throughMessagePort<T>(value: T): Promise<T> {
  const { port1, port2 } = new MessageChannel()
  try {
    const received = new Promise<T>((resolve, reject) => {
      port2.once('message', (message: T) => resolve(message))
      port2.once('messageerror', reject)
    })
    port1.postMessage(value)
    return await received
  } finally {
    port1.close()
    port2.close()
  }
}

function publicKeyObject(publicKeyHex: string): KeyObject {
  // SPKI DER prefix for Ed25519 (RFC 8410), to verify signatures independently of keys.ts.
  const der = Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(publicKeyHex, 'hex')
  ])
  return createPublicKey({ key: der, format: 'der', type: 'spki' })
}

const MESSAGES: Buffer[] = [
  Buffer.alloc(0),
  Buffer.from('POST /public/user\n{"query_type":"project"}'),
  Buffer.from([0, 255, 0, 255]),
  randomBytes(64 * 1024)
]

describe('checkPrivateKey and signingKeyFor', () => {
  it('hand the test-vector key to another thread intact', async () => {
    const checked = checkPrivateKey(VECTOR_KEY)
    const received = await throughMessagePort(checked)

    // A copy, not the same object: it really went through the serializer.
    expect(received).not.toBe(checked)
    expect(received).toEqual({ text: VECTOR_KEY, publicKeyHex: VECTOR_PUBLIC_KEY_HEX })

    const original = parsePrivateKey(VECTOR_KEY)
    const there = signingKeyFor(received)
    expect(there.publicKeyHex).toBe(VECTOR_PUBLIC_KEY_HEX)
    const publicKey = publicKeyObject(VECTOR_PUBLIC_KEY_HEX)
    for (const message of MESSAGES) {
      const signature = there.sign(message)
      expect(signature).toHaveLength(64)
      // Ed25519 is deterministic: the same key signs the same bytes identically.
      expect(signature.equals(original.sign(message))).toBe(true)
      expect(verify(null, message, publicKey, signature)).toBe(true)
    }
  })

  it('hand a freshly generated key over just as well', async () => {
    const generated = newEd25519OpenSshKey()
    const checked = checkPrivateKey(generated.text)
    expect(checked.publicKeyHex).toBe(generated.publicKeyHex)
    const there = signingKeyFor(await throughMessagePort(checked))

    const message = randomBytes(300)
    expect(there.sign(message).equals(parsePrivateKey(generated.text).sign(message))).toBe(true)
    expect(
      verify(null, message, publicKeyObject(generated.publicKeyHex), there.sign(message))
    ).toBe(true)
  })

  it('give plain data only: no function, no KeyObject', () => {
    const checked: CheckedKey = checkPrivateKey(VECTOR_KEY)
    expect(Object.keys(checked).sort()).toEqual(['publicKeyHex', 'text'])
    expect(Object.values(checked).every((value) => typeof value === 'string')).toBe(true)
    expect(structuredClone(checked)).toEqual(checked)
  })

  it('refuse a bad key with the same error as parsePrivateKey', () => {
    const damaged = VECTOR_KEY.replace(/\n[^\n]+\n-----END/, '\n-----END')
    let parseError: unknown
    try {
      parsePrivateKey(damaged)
    } catch (error) {
      parseError = error
    }
    expect(parseError).toBeInstanceOf(InputError)
    expect(() => checkPrivateKey(damaged)).toThrow((parseError as Error).message)
  })

  it('leave the signer itself unable to travel, so only checked text ever crosses', async () => {
    const key = signingKeyFor(checkPrivateKey(VECTOR_KEY))
    await expect(throughMessagePort(key)).rejects.toThrow()
    expect(Object.isFrozen(key)).toBe(true)
    expect(Object.keys(key).sort()).toEqual(['publicKeyHex', 'sign'])
    expect(Object.values(key).some((value) => value instanceof KeyObject)).toBe(false)
  })
})
