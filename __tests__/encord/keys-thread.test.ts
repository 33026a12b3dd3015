// Handing the signing key to a scoring worker: `keyForThread` gives the private KeyObject, which
// Node copies between threads (as it does for `workerData`), and `signingKeyFromThread` makes a
// key of it again that signs exactly as the original does.
import { createPublicKey, KeyObject, randomBytes, verify } from 'node:crypto'
import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from '@jest/globals'
import {
  keyForThread,
  parsePrivateKey,
  signingKeyFromThread,
  type SigningKey
} from '../../src/encord/keys.js'
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

async function handedOver(key: SigningKey): Promise<{ sent: KeyObject; received: KeyObject }> {
  const sent = keyForThread(key)
  if (sent === null) throw new Error('keyForThread gave null for a key parsed by keys.ts')
  return { sent, received: await throughMessagePort(sent) }
}

describe('keyForThread and signingKeyFromThread', () => {
  it('hand the test-vector key to another thread intact', async () => {
    const key = parsePrivateKey(VECTOR_KEY)
    const { sent, received } = await handedOver(key)

    // A copy, not the same object: it really went through the serializer.
    expect(received).not.toBe(sent)
    expect(received).toBeInstanceOf(KeyObject)
    expect(received.type).toBe('private')
    expect(received.asymmetricKeyType).toBe('ed25519')
    expect(received.equals(sent)).toBe(true)

    const there = signingKeyFromThread(received)
    expect(there.publicKeyHex).toBe(VECTOR_PUBLIC_KEY_HEX)
    expect(there.publicKeyHex).toBe(key.publicKeyHex)
    const publicKey = publicKeyObject(VECTOR_PUBLIC_KEY_HEX)
    for (const message of MESSAGES) {
      const signature = there.sign(message)
      expect(signature).toHaveLength(64)
      // Ed25519 is deterministic: the same key signs the same bytes identically.
      expect(signature.equals(key.sign(message))).toBe(true)
      expect(verify(null, message, publicKey, signature)).toBe(true)
    }
  })

  it('hand a freshly generated key over just as well', async () => {
    const generated = newEd25519OpenSshKey()
    const key = parsePrivateKey(generated.text)
    const there = signingKeyFromThread((await handedOver(key)).received)

    expect(there.publicKeyHex).toBe(generated.publicKeyHex)
    const message = randomBytes(300)
    expect(there.sign(message).equals(key.sign(message))).toBe(true)
    expect(
      verify(null, message, publicKeyObject(generated.publicKeyHex), there.sign(message))
    ).toBe(true)
  })

  it('survive structuredClone as well as a message port', () => {
    const key = parsePrivateKey(VECTOR_KEY)
    const sent = keyForThread(key) as KeyObject
    const there = signingKeyFromThread(structuredClone(sent))
    const message = Buffer.from('structured clone')
    expect(there.publicKeyHex).toBe(VECTOR_PUBLIC_KEY_HEX)
    expect(there.sign(message).equals(key.sign(message))).toBe(true)
  })

  it('give a key made on the other side that can be handed on again', async () => {
    const key = parsePrivateKey(VECTOR_KEY)
    const there = signingKeyFromThread((await handedOver(key)).received)
    const again = signingKeyFromThread((await handedOver(there)).received)
    const message = Buffer.from('twice over')
    expect(again.publicKeyHex).toBe(VECTOR_PUBLIC_KEY_HEX)
    expect(again.sign(message).equals(key.sign(message))).toBe(true)
  })

  it('keep the key object itself free of the private key', async () => {
    const key = parsePrivateKey(VECTOR_KEY)
    // The SigningKey still holds functions, so it cannot travel itself; only the KeyObject can.
    await expect(throughMessagePort(key)).rejects.toThrow()
    expect(Object.isFrozen(key)).toBe(true)
    expect(Object.keys(key).sort()).toEqual(['publicKeyHex', 'sign'])
    expect(Object.values(key).some((value) => value instanceof KeyObject)).toBe(false)
  })
})

describe('keyForThread on a key not made by keys.ts', () => {
  it('gives null for a hand-made key, even one borrowing a real key’s parts', () => {
    const real = parsePrivateKey(VECTOR_KEY)
    const handMade: SigningKey = {
      publicKeyHex: VECTOR_PUBLIC_KEY_HEX,
      sign: () => Buffer.alloc(64)
    }
    expect(keyForThread(handMade)).toBeNull()
    expect(keyForThread({ publicKeyHex: real.publicKeyHex, sign: real.sign })).toBeNull()
    expect(keyForThread(Object.freeze({ ...real }))).toBeNull()
    expect(keyForThread(real)).not.toBeNull()
  })
})
