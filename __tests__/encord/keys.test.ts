/**
 * Parsing the `ssh-private-key` secret: every way people paste a good key, and each bad one. Keys
 * made by the real ssh-keygen are in keys-ssh-keygen.test.ts (a child process: bundle project).
 */

import { createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { parsePrivateKey, publicKeyFingerprint } from '../../src/encord/keys.js'
import {
  ecdsaOpenSshKey,
  encryptedOpenSshKey,
  keySlices,
  newEd25519OpenSshKey,
  pemKeys,
  rsaOpenSshKey,
  twoKeyOpenSshKey,
  VECTOR_KEY,
  VECTOR_KEY_BODY,
  VECTOR_PUBLIC_KEY_HEX,
  vectorPublicKeyLine
} from '../__fixtures__/encord/keys.js'

function rawPublicKeyObject(publicKeyHex: string) {
  // SPKI DER prefix for Ed25519 (RFC 8410), to verify signatures independently of the parser.
  const der = Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(publicKeyHex, 'hex')
  ])
  return createPublicKey({ key: der, format: 'der', type: 'spki' })
}

function parseError(text: string): InputError {
  try {
    parsePrivateKey(text)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected parsePrivateKey to throw')
}

function bodyOf(keyText: string): string {
  return keyText
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-----'))
    .join('')
}

describe('parsePrivateKey accepts the key however it was pasted', () => {
  const pastedForms: [string, string][] = [
    ['as written by ssh-keygen', VECTOR_KEY],
    ['without the final newline', VECTOR_KEY.trimEnd()],
    ['with surrounding whitespace', `\n\n   ${VECTOR_KEY}  \t\n`],
    ['with CRLF line ends', VECTOR_KEY.replace(/\n/g, '\r\n')],
    ['with literal \\n sequences', VECTOR_KEY.replace(/\n/g, '\\n')],
    ['with literal \\r\\n sequences', VECTOR_KEY.replace(/\n/g, '\\r\\n')],
    ['with line breaks turned into spaces', VECTOR_KEY.replace(/\n/g, ' ')]
  ]

  it.each(pastedForms)('%s', (_form, text) => {
    expect(parsePrivateKey(text).publicKeyHex).toBe(VECTOR_PUBLIC_KEY_HEX)
  })

  it('signs with the key: signatures verify against the public key', () => {
    const { text, publicKeyHex } = newEd25519OpenSshKey()
    const key = parsePrivateKey(text)
    const data = Buffer.from('hello encord')
    expect(key.publicKeyHex).toBe(publicKeyHex)
    expect(verify(null, data, rawPublicKeyObject(publicKeyHex), key.sign(data))).toBe(true)
  })

  it('exposes only the public key and a sign capability', () => {
    const key = parsePrivateKey(VECTOR_KEY)
    expect(Object.keys(key).sort()).toEqual(['publicKeyHex', 'sign'])
    expect(JSON.stringify(key)).toBe(`{"publicKeyHex":"${VECTOR_PUBLIC_KEY_HEX}"}`)
    expect(Object.isFrozen(key)).toBe(true)
  })

  it('computes the fingerprint ssh-keygen -l shows', () => {
    const fingerprint = publicKeyFingerprint(VECTOR_PUBLIC_KEY_HEX)
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    expect(fingerprint).not.toContain(VECTOR_PUBLIC_KEY_HEX)
  })
})

describe('parsePrivateKey rejects what Encord cannot use, saying why', () => {
  const pem = pemKeys()
  // What the message must guide the user to: a new key, or re-pasting the one they have.
  type Advice = 'new-key' | 'repaste'
  const badForms: [string, string, RegExp, Advice][] = [
    ['an empty value', '', /is empty/, 'new-key'],
    ['only whitespace', '  \n\t ', /is empty/, 'new-key'],
    ['an OpenSSH RSA key', rsaOpenSshKey(), /is an RSA key.*only Ed25519/, 'new-key'],
    ['a PEM RSA key', pem.rsaPkcs1, /is an RSA key.*only Ed25519/, 'new-key'],
    [
      'an OpenSSH ECDSA key',
      ecdsaOpenSshKey(),
      /is an ecdsa-sha2-nistp256 key.*only Ed25519/,
      'new-key'
    ],
    ['a PEM EC key', pem.ecPem, /is an ECDSA key.*only Ed25519/, 'new-key'],
    [
      'a passphrase-protected key',
      encryptedOpenSshKey(),
      /protected by a passphrase.*ssh-keygen -p -N ""/,
      'new-key'
    ],
    ['an encrypted PKCS#8 key', pem.encryptedPkcs8, /encrypted PKCS#8/, 'new-key'],
    ['a PKCS#8 PEM key', pem.ed25519Pkcs8, /PKCS#8 PEM key.*only the OpenSSH format/, 'new-key'],
    [
      'an OpenSSH public key line',
      vectorPublicKeyLine(),
      /holds a public key.*without \.pub/,
      'new-key'
    ],
    ['a PEM public key', pem.publicPem, /holds a public key/, 'new-key'],
    [
      'a PuTTY key',
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n',
      /PuTTY key.*Export OpenSSH key/,
      'new-key'
    ],
    ['garbage', 'hunter2', /is not a private key Encord can use/, 'new-key'],
    ['a container holding two keys', twoKeyOpenSshKey(), /more than one key/, 'new-key'],
    [
      'a truncated key',
      VECTOR_KEY.split('\n').slice(0, 4).join('\n'),
      /cannot be read.*truncated/,
      'repaste'
    ],
    [
      'a key cut short before its END line',
      VECTOR_KEY.replace('-----END OPENSSH PRIVATE KEY-----', ''),
      /cannot be read.*truncated/,
      'repaste'
    ],
    [
      'a key with an altered body',
      VECTOR_KEY.replace('CgsMDQ4PEBESExQV', 'CgsMDQ4PEBESExQW'),
      /cannot be read/,
      'repaste'
    ],
    [
      'a key with invalid base64',
      VECTOR_KEY.replace('CgsMDQ4P', 'Cgs*DQ4P'),
      /cannot be read/,
      'repaste'
    ]
  ]

  it.each(badForms)('%s', (_form, text, expected) => {
    const error = parseError(text)
    expect(error.input).toBe('ssh-private-key')
    expect(error.message).toMatch(expected)
    expect(error.message).not.toMatch(/\n/)
  })

  it.each(badForms.filter((form) => form[3] === 'new-key'))(
    '%s: the message says what Encord expects and where to create a key',
    (_form, text) => {
      const message = parseError(text).message
      expect(message).toContain('unencrypted OpenSSH Ed25519 private key')
      expect(message).toContain('Settings → Public keys')
      expect(message).toContain('ssh-keygen -t ed25519 -N ""')
    }
  )

  it.each(badForms.filter((form) => form[3] === 'repaste'))(
    '%s: the message asks for the whole key file',
    (_form, text) => {
      expect(parseError(text).message).toContain('Paste the whole key file')
    }
  )

  it.each(badForms)('%s: the message quotes no part of the key text', (_form, text) => {
    const message = parseError(text).message
    const body = bodyOf(text).replace(/\s+/g, '')
    expect(keySlices(body).filter((slice) => message.includes(slice))).toEqual([])
  })

  it('never quotes the valid-looking parts of a damaged vector key', () => {
    const message = parseError(VECTOR_KEY.replace('CgsMDQ4PEBESExQV', 'CgsMDQ4PEBESExQW')).message
    expect(keySlices(VECTOR_KEY_BODY).filter((slice) => message.includes(slice))).toEqual([])
  })
})
