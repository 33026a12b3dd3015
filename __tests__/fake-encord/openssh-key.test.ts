import { describe, expect, it } from '@jest/globals'
import {
  generateKeyPair,
  parseOpenSshPrivateKey,
  publicKeyFromSeed
} from '../../tools/fake-encord/scenario.mjs'
import { VECTOR_PUBLIC_KEY_HEX, VECTOR_SEED } from './support.js'

// docs/encord-api.md §2.6, verbatim.
const VECTOR_OPENSSH = `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUx
OQAAACADoQe/884Qvh1w3RjnS8CZZ+TWMJulDV8d3IZkElUxuAAAAIjFbADZxWwA2QAAAAtzc2gt
ZWQyNTUxOQAAACADoQe/884Qvh1w3RjnS8CZZ+TWMJulDV8d3IZkElUxuAAAAEAAAQIDBAUGBwgJ
CgsMDQ4PEBESExQVFhcYGRobHB0eHwOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4AAAA
AAECAwQF
-----END OPENSSH PRIVATE KEY-----
`

describe('generateKeyPair', () => {
  it('writes the spec’s OpenSSH text byte for byte for seed 00..1f', () => {
    const pair = generateKeyPair(VECTOR_SEED)
    expect(pair.privateKeyOpenSsh).toBe(VECTOR_OPENSSH)
    expect(pair.publicKeyHex).toBe(VECTOR_PUBLIC_KEY_HEX)
    expect(pair.seedHex).toBe(VECTOR_SEED.toString('hex'))
  })

  it('lays out the container as PROTOCOL.key prescribes', () => {
    const pair = generateKeyPair(VECTOR_SEED, { checkInt: 0x01020304, comment: 'me@example.com' })
    const base64 = pair.privateKeyOpenSsh.split('\n').slice(1, -2).join('')
    const raw = Buffer.from(base64, 'base64')
    expect(raw.subarray(0, 15).toString('latin1')).toBe('openssh-key-v1\0')
    const privateSectionStart = raw.indexOf(Buffer.from('0102030401020304', 'hex'))
    expect(privateSectionStart).toBeGreaterThan(0)
    const privateSectionLength = raw.readUInt32BE(privateSectionStart - 4)
    expect(privateSectionLength % 8).toBe(0)
    // Padding 1, 2, 3, … up to the block size ends the section.
    const section = raw.subarray(privateSectionStart, privateSectionStart + privateSectionLength)
    const commentEnd = section.indexOf('me@example.com') + 'me@example.com'.length
    expect([...section.subarray(commentEnd)]).toEqual(
      Array.from({ length: section.length - commentEnd }, (_, i) => i + 1)
    )
  })

  it('wraps base64 at the width asked for', () => {
    const lines = generateKeyPair(VECTOR_SEED, { lineWidth: 70 }).privateKeyOpenSsh.split('\n')
    expect(lines[1]).toHaveLength(70)
  })

  it('makes a fresh random key when no seed is given, and reads it back', () => {
    const first = generateKeyPair()
    const second = generateKeyPair()
    expect(first.publicKeyHex).not.toBe(second.publicKeyHex)
    const parsed = parseOpenSshPrivateKey(first.privateKeyOpenSsh)
    expect(parsed.seed.toString('hex')).toBe(first.seedHex)
    expect(parsed.publicKey.toString('hex')).toBe(first.publicKeyHex)
    expect(publicKeyFromSeed(parsed.seed).toString('hex')).toBe(first.publicKeyHex)
  })
})

describe('parseOpenSshPrivateKey', () => {
  it('reads the spec’s key, CRLF line endings and missing final newline included', () => {
    const text = VECTOR_OPENSSH.trimEnd().replace(/\n/g, '\r\n')
    const parsed = parseOpenSshPrivateKey(text)
    expect(parsed.seed.equals(VECTOR_SEED)).toBe(true)
    expect(parsed.publicKey.toString('hex')).toBe(VECTOR_PUBLIC_KEY_HEX)
    expect(parsed.comment).toBe('')
  })

  it('refuses what is not an OpenSSH key', () => {
    expect(() => parseOpenSshPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n')).toThrow(
      /not an OpenSSH private key/
    )
  })
})
