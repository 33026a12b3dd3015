// Ed25519 keys in the OpenSSH `openssh-key-v1` container, the only private-key format the Encord
// SDK accepts (docs/encord-api.md §2.1). Node's crypto cannot write or read this container, so the
// fake server's tooling does it by hand, following OpenSSH's PROTOCOL.key. Only unencrypted keys.
import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto'

const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1')
const KEY_TYPE = 'ssh-ed25519'
const ARMOUR_BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----'
const ARMOUR_END = '-----END OPENSSH PRIVATE KEY-----'
// RFC 8410: PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
// The private section of an unencrypted key is padded to the "none" cipher's block size.
const NONE_CIPHER_BLOCK_SIZE = 8

/**
 * Check ints only let a decrypter notice a wrong passphrase, so any value works. The default is the
 * one in the docs/encord-api.md §2.6 vector, which makes the seed-00..1f key come out byte-for-byte
 * identical.
 */
export const DEFAULT_CHECK_INT = 0xc56c00d9
/** Width of the base64 lines; the §2.6 vector (written by Python's cryptography) uses 76. */
export const DEFAULT_LINE_WIDTH = 76

/**
 * @param {Buffer} seed 32-byte Ed25519 seed
 * @returns {Buffer} the 32-byte public key
 */
export function publicKeyFromSeed(seed) {
  if (seed.length !== 32) throw new Error(`an Ed25519 seed is 32 bytes, got ${seed.length}`)
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8'
  })
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' })
  return spki.subarray(spki.length - 32)
}

/**
 * Writes a genuine unencrypted OpenSSH private key for an Ed25519 seed.
 * @param {Buffer} [seed] 32 bytes; random when absent
 * @param {{ checkInt?: number, comment?: string, lineWidth?: number }} [options]
 * @returns {{ privateKeyOpenSsh: string, publicKeyHex: string, seedHex: string }}
 */
export function generateKeyPair(seed = randomBytes(32), options = {}) {
  const { checkInt = DEFAULT_CHECK_INT, comment = '', lineWidth = DEFAULT_LINE_WIDTH } = options
  const publicKey = publicKeyFromSeed(seed)
  const publicBlob = Buffer.concat([sshString(KEY_TYPE), sshString(publicKey)])
  const privateSection = padToBlock(
    Buffer.concat([
      uint32(checkInt),
      uint32(checkInt),
      sshString(KEY_TYPE),
      sshString(publicKey),
      sshString(Buffer.concat([seed, publicKey])),
      sshString(comment)
    ])
  )
  const container = Buffer.concat([
    MAGIC,
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(privateSection)
  ])
  const lines = container.toString('base64').match(new RegExp(`.{1,${lineWidth}}`, 'g')) ?? []
  return {
    privateKeyOpenSsh: [ARMOUR_BEGIN, ...lines, ARMOUR_END, ''].join('\n'),
    publicKeyHex: publicKey.toString('hex'),
    seedHex: seed.toString('hex')
  }
}

/**
 * Reads an unencrypted Ed25519 OpenSSH private key back into its seed and public key.
 * @param {string} text
 * @returns {{ seed: Buffer, publicKey: Buffer, comment: string }}
 */
export function parseOpenSshPrivateKey(text) {
  const body = text.trim()
  if (!body.startsWith(ARMOUR_BEGIN) || !body.endsWith(ARMOUR_END)) {
    throw new Error('not an OpenSSH private key (armour missing)')
  }
  const base64 = body
    .slice(ARMOUR_BEGIN.length, body.length - ARMOUR_END.length)
    .replace(/\s+/g, '')
  const reader = new SshReader(Buffer.from(base64, 'base64'))
  if (!reader.take(MAGIC.length).equals(MAGIC)) throw new Error('bad openssh-key-v1 magic')
  const cipher = reader.string().toString()
  const kdf = reader.string().toString()
  reader.string() // kdf options
  if (cipher !== 'none' || kdf !== 'none') throw new Error('encrypted keys are not supported')
  if (reader.uint32() !== 1) throw new Error('exactly one key expected')
  reader.string() // public blob, repeated in the private section
  const section = new SshReader(reader.string())
  if (section.uint32() !== section.uint32()) throw new Error('check ints differ')
  const keyType = section.string().toString()
  if (keyType !== KEY_TYPE) throw new Error(`not an Ed25519 key: ${keyType}`)
  const publicKey = section.string()
  const secret = section.string()
  const comment = section.string().toString()
  return { seed: secret.subarray(0, 32), publicKey, comment }
}

/** @param {number} value */
function uint32(value) {
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32BE(value >>> 0)
  return buffer
}

/** @param {Buffer | string} value */
function sshString(value) {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
  return Buffer.concat([uint32(bytes.length), bytes])
}

/** Pads with 1, 2, 3, … as PROTOCOL.key prescribes. @param {Buffer} section */
function padToBlock(section) {
  const missing =
    (NONE_CIPHER_BLOCK_SIZE - (section.length % NONE_CIPHER_BLOCK_SIZE)) % NONE_CIPHER_BLOCK_SIZE
  return Buffer.concat([section, Buffer.from(Array.from({ length: missing }, (_, i) => i + 1))])
}

class SshReader {
  /** @param {Buffer} buffer */
  constructor(buffer) {
    this.buffer = buffer
    this.offset = 0
  }
  /** @param {number} length */
  take(length) {
    if (this.offset + length > this.buffer.length) throw new Error('truncated OpenSSH key')
    const slice = this.buffer.subarray(this.offset, this.offset + length)
    this.offset += length
    return slice
  }
  uint32() {
    return this.take(4).readUInt32BE(0)
  }
  string() {
    return this.take(this.uint32())
  }
}
