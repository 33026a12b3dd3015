/**
 * Key material for the Encord client tests. The Ed25519 key is the public test vector of
 * docs/encord-api.md §2.6 (seed 00 01 … 1f); the other forms are built here at run time so no
 * real-looking private key file sits in the repository.
 */

import { generateKeyPairSync, randomBytes } from 'node:crypto'

/** The §2.6 test-vector key, as `ssh-keygen` writes it. */
export const VECTOR_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUx
OQAAACADoQe/884Qvh1w3RjnS8CZZ+TWMJulDV8d3IZkElUxuAAAAIjFbADZxWwA2QAAAAtzc2gt
ZWQyNTUxOQAAACADoQe/884Qvh1w3RjnS8CZZ+TWMJulDV8d3IZkElUxuAAAAEAAAQIDBAUGBwgJ
CgsMDQ4PEBESExQVFhcYGRobHB0eHwOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4AAAA
AAECAwQF
-----END OPENSSH PRIVATE KEY-----
`

export const VECTOR_PUBLIC_KEY_HEX = '03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8'

/** The private seed of the vector key, as hex (must never appear in any output). */
export const VECTOR_SEED_HEX = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('hex')

/** The base64 body of the vector key, one string without line breaks. */
export const VECTOR_KEY_BODY = VECTOR_KEY.split('\n')
  .filter((line) => line !== '' && !line.startsWith('-----'))
  .join('')

/** Every 12-character slice of `body`: a message containing any of them leaks key text. */
export function keySlices(body: string, width = 12): string[] {
  const slices: string[] = []
  for (let start = 0; start + width <= body.length; start += 1) {
    slices.push(body.slice(start, start + width))
  }
  return slices
}

function sshString(bytes: Buffer | string): Buffer {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  return Buffer.concat([length, data])
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value)
  return bytes
}

function mpint(base64url: string | undefined): Buffer {
  const bytes = Buffer.from(base64url ?? '', 'base64url')
  return sshString((bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes)
}

function pad(section: Buffer, blockSize = 8): Buffer {
  const padding: number[] = []
  for (let i = 1; (section.length + padding.length) % blockSize !== 0; i += 1) padding.push(i)
  return Buffer.concat([section, Buffer.from(padding)])
}

function armour(container: Buffer, label = 'OPENSSH PRIVATE KEY'): string {
  const lines = container.toString('base64').match(/.{1,70}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

function container(options: {
  cipher: string
  kdf: string
  kdfOptions: Buffer
  publicBlob: Buffer
  privateSection: Buffer
  keyCount?: number
}): Buffer {
  return Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString(options.cipher),
    sshString(options.kdf),
    sshString(options.kdfOptions),
    uint32(options.keyCount ?? 1),
    sshString(options.publicBlob),
    sshString(options.privateSection)
  ])
}

/** A fresh unencrypted OpenSSH Ed25519 key, laid out like `ssh-keygen -t ed25519 -N ""`. */
export function newEd25519OpenSshKey(): { text: string; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const jwk = privateKey.export({ format: 'jwk' })
  const seed = Buffer.from(jwk.d ?? '', 'base64url')
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url')
  const check = uint32(randomBytes(4).readUInt32BE())
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)])
  const privateSection = pad(
    Buffer.concat([
      check,
      check,
      sshString('ssh-ed25519'),
      sshString(pub),
      sshString(Buffer.concat([seed, pub])),
      sshString('ci@example')
    ])
  )
  const text = armour(
    container({ cipher: 'none', kdf: 'none', kdfOptions: Buffer.alloc(0), publicBlob, privateSection })
  )
  return { text, publicKeyHex: pub.toString('hex') }
}

/** An OpenSSH RSA key (`ssh-keygen -t rsa`). */
export function rsaOpenSshKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const jwk = privateKey.export({ format: 'jwk' })
  const publicBlob = Buffer.concat([sshString('ssh-rsa'), mpint(jwk.e), mpint(jwk.n)])
  const check = uint32(7)
  const privateSection = pad(
    Buffer.concat([
      check,
      check,
      sshString('ssh-rsa'),
      mpint(jwk.n),
      mpint(jwk.e),
      mpint(jwk.d),
      mpint(jwk.qi),
      mpint(jwk.p),
      mpint(jwk.q),
      sshString('ci@example')
    ])
  )
  return armour(container({ cipher: 'none', kdf: 'none', kdfOptions: Buffer.alloc(0), publicBlob, privateSection }))
}

/** An OpenSSH ECDSA key header with an opaque private section (only the type matters). */
export function ecdsaOpenSshKey(): string {
  const publicBlob = Buffer.concat([sshString('ecdsa-sha2-nistp256'), sshString('nistp256'), sshString(randomBytes(65))])
  return armour(
    container({ cipher: 'none', kdf: 'none', kdfOptions: Buffer.alloc(0), publicBlob, privateSection: randomBytes(64) })
  )
}

/** A passphrase-protected Ed25519 key (`ssh-keygen -t ed25519 -N secret`): the section is ciphertext. */
export function encryptedOpenSshKey(): string {
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(randomBytes(32))])
  const kdfOptions = Buffer.concat([sshString(randomBytes(16)), uint32(24)])
  return armour(
    container({ cipher: 'aes256-ctr', kdf: 'bcrypt', kdfOptions, publicBlob, privateSection: randomBytes(160) })
  )
}

/** A container that claims two keys. */
export function twoKeyOpenSshKey(): string {
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(randomBytes(32))])
  return armour(
    container({
      cipher: 'none',
      kdf: 'none',
      kdfOptions: Buffer.alloc(0),
      publicBlob,
      privateSection: randomBytes(64),
      keyCount: 2
    })
  )
}

/** PEM forms produced by OpenSSL / older ssh-keygen. */
export function pemKeys(): {
  rsaPkcs1: string
  ed25519Pkcs8: string
  encryptedPkcs8: string
  ecPem: string
  publicPem: string
} {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const ed = generateKeyPairSync('ed25519')
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return {
    rsaPkcs1: rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    ed25519Pkcs8: ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    encryptedPkcs8: ed.privateKey
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' })
      .toString(),
    ecPem: ec.privateKey.export({ format: 'pem', type: 'sec1' }).toString(),
    publicPem: ed.publicKey.export({ format: 'pem', type: 'spki' }).toString()
  }
}

/** The one-line public key of the vector key, as in `encord-key.pub`. */
export function vectorPublicKeyLine(): string {
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(Buffer.from(VECTOR_PUBLIC_KEY_HEX, 'hex'))])
  return `ssh-ed25519 ${blob.toString('base64')} ci@example`
}
