/**
 * The Encord signing key: turns whatever a user pasted into the `ssh-private-key` secret into a
 * `SigningKey`, or an `InputError` saying what is wrong and how to get a key Encord accepts.
 *
 * Encord (like its Python SDK) takes only unencrypted OpenSSH Ed25519 private keys. The private
 * KeyObject never leaves the closure in `parsePrivateKey`; callers get the public key and a
 * `sign` capability. No message built here quotes any part of the key text.
 */

import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto'
import { InputError } from '../errors.js'
import { OpenSshFormatError, readOpenSshPrivateKey } from './openssh-key.js'

/** A loaded Ed25519 key. The private half is not reachable from this object. */
export interface SigningKey {
  /** The raw 32-byte public key as 64 lower-case hex characters, as Encord identifies keys. */
  readonly publicKeyHex: string
  /** Ed25519 signature (64 bytes) of `data`. */
  sign(data: Buffer): Buffer
}

const INPUT = 'ssh-private-key'

// RFC 8410: PKCS#8 wrapping of a bare 32-byte Ed25519 seed, the one form Node imports seeds in.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

const HOW_TO_GET_ONE =
  'Encord expects an unencrypted OpenSSH Ed25519 private key, the text starting with ' +
  '-----BEGIN OPENSSH PRIVATE KEY-----. Create one with `ssh-keygen -t ed25519 -N "" -f encord-key`, ' +
  'register the contents of encord-key.pub in the Encord web app under Settings → Public keys, ' +
  'and store the contents of encord-key in the secret.'

const MESSAGES = {
  empty: `${INPUT} is empty. ${HOW_TO_GET_ONE}`,
  rsa: `${INPUT} is an RSA key, but Encord accepts only Ed25519 keys. ${HOW_TO_GET_ONE}`,
  encrypted:
    `${INPUT} is protected by a passphrase, which cannot be used here. Remove the passphrase ` +
    'with `ssh-keygen -p -N "" -f <key file>` (the public key stays the same), or create a new key. ' +
    HOW_TO_GET_ONE,
  encryptedPkcs8: `${INPUT} is an encrypted PKCS#8 key (-----BEGIN ENCRYPTED PRIVATE KEY-----). ${HOW_TO_GET_ONE}`,
  pkcs8: `${INPUT} is a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----), but Encord reads only the OpenSSH format. ${HOW_TO_GET_ONE}`,
  publicKey:
    `${INPUT} holds a public key; it needs the private key (the key file without .pub, which ` +
    `starts with -----BEGIN OPENSSH PRIVATE KEY-----). ${HOW_TO_GET_ONE}`,
  putty:
    `${INPUT} is a PuTTY key. Export it from PuTTYgen with Conversions → Export OpenSSH key ` +
    `(force new file format), or create a new key. ${HOW_TO_GET_ONE}`,
  damaged:
    `${INPUT} looks like an OpenSSH private key but cannot be read: it was probably truncated or ` +
    'altered when pasted. Paste the whole key file, including the BEGIN and END lines.',
  severalKeys: `${INPUT} holds more than one key; Encord needs exactly one. ${HOW_TO_GET_ONE}`,
  garbage: `${INPUT} is not a private key Encord can use. ${HOW_TO_GET_ONE}`
} as const

const otherTypeMessage = (keyType: string): string =>
  `${INPUT} is ${/^[aeiou]/i.test(keyType) ? 'an' : 'a'} ${keyType} key, but Encord accepts only ` +
  `Ed25519 keys. ${HOW_TO_GET_ONE}`

/** Parse the secret's text; throws `InputError` (input `ssh-private-key`) for anything unusable. */
export function parsePrivateKey(text: string): SigningKey {
  const normalised = normalisePastedText(text)
  if (normalised === '') throw new InputError(MESSAGES.empty, INPUT)
  const armour = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)(?:-----END \1-----|$)/.exec(normalised)
  if (!armour) throw new InputError(describeUnarmouredText(normalised), INPUT)
  const [, label = '', body = ''] = armour
  if (label !== 'OPENSSH PRIVATE KEY') throw new InputError(describePemLabel(label), INPUT)
  if (!armour[0].endsWith('-----END OPENSSH PRIVATE KEY-----')) {
    throw new InputError(MESSAGES.damaged, INPUT)
  }
  return signingKeyFromContainer(decodeBase64Body(body))
}

/**
 * Undo what secret stores and copy-paste do to key files: surrounding whitespace, CRLF line
 * ends, and newlines written as the two characters `\n`.
 */
function normalisePastedText(text: string): string {
  return text
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\r\n?/g, '\n')
    .trim()
}

function describeUnarmouredText(text: string): string {
  if (/^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-|sk-(ssh|ecdsa)-)\S* /.test(text)) {
    return MESSAGES.publicKey
  }
  if (/^---- BEGIN SSH2 PUBLIC KEY ----/.test(text)) return MESSAGES.publicKey
  if (text.startsWith('PuTTY-User-Key-File-')) return MESSAGES.putty
  return MESSAGES.garbage
}

function describePemLabel(label: string): string {
  switch (label) {
    case 'RSA PRIVATE KEY':
      return MESSAGES.rsa
    case 'EC PRIVATE KEY':
      return otherTypeMessage('ECDSA')
    case 'DSA PRIVATE KEY':
      return otherTypeMessage('DSA')
    case 'PRIVATE KEY':
      return MESSAGES.pkcs8
    case 'ENCRYPTED PRIVATE KEY':
      return MESSAGES.encryptedPkcs8
    case 'PUBLIC KEY':
    case 'RSA PUBLIC KEY':
    case 'OPENSSH PUBLIC KEY':
      return MESSAGES.publicKey
    default:
      return MESSAGES.garbage
  }
}

function decodeBase64Body(body: string): Buffer {
  // Secret stores sometimes turn line breaks into spaces; whitespace is never part of base64.
  const compact = body.replace(/\s+/g, '')
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw new InputError(MESSAGES.damaged, INPUT)
  }
  return Buffer.from(compact, 'base64')
}

function signingKeyFromContainer(container: Buffer): SigningKey {
  try {
    const contents = readOpenSshPrivateKey(container)
    switch (contents.kind) {
      case 'encrypted':
        throw new InputError(
          contents.keyType === 'ssh-ed25519'
            ? MESSAGES.encrypted
            : describeKeyType(contents.keyType),
          INPUT
        )
      case 'other-type':
        throw new InputError(describeKeyType(contents.keyType), INPUT)
      case 'ed25519':
        return createSigningKey(contents.seed, contents.publicKey)
    }
  } catch (error) {
    if (error instanceof OpenSshFormatError) {
      throw new InputError(
        error.reason === 'several-keys' ? MESSAGES.severalKeys : MESSAGES.damaged,
        INPUT
      )
    }
    throw error
  } finally {
    // The seed was a view into this buffer; the KeyObject holds its own copy.
    container.fill(0)
  }
}

/**
 * The key types OpenSSH writes besides Ed25519 and RSA. A name read from the file is echoed only
 * when it is one of these: in a damaged file the "name" is whatever bytes sit there, which may be
 * private key bytes.
 */
const OTHER_KEY_TYPES: ReadonlySet<string> = new Set([
  'ssh-dss',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'sk-ssh-ed25519@openssh.com',
  'ssh-xmss@openssh.com'
])

function describeKeyType(keyType: string): string {
  if (keyType === 'ssh-rsa') return MESSAGES.rsa
  return OTHER_KEY_TYPES.has(keyType) ? otherTypeMessage(keyType) : MESSAGES.damaged
}

function createSigningKey(seed: Buffer, embeddedPublicKey: Buffer): SigningKey {
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8'
  })
  const publicKey = rawPublicKey(privateKey)
  // A mismatch means the file was edited; signing would produce signatures Encord rejects.
  if (!publicKey.equals(embeddedPublicKey)) throw new InputError(MESSAGES.damaged, INPUT)
  return signingKeyOf(privateKey, publicKey)
}

function signingKeyOf(privateKey: KeyObject, publicKey: Buffer): SigningKey {
  return Object.freeze({
    publicKeyHex: publicKey.toString('hex'),
    sign: (data: Buffer): Buffer => sign(null, data, privateKey)
  })
}

/**
 * A key `parsePrivateKey` accepted, kept as the text it was given and its public half: plain data,
 * so a run's config can go to a scoring worker as it is, and each thread that signs makes its own
 * `SigningKey` with `signingKeyFor`. Its text is secret like the input it came from: it is never
 * put into a message, a log line or a report.
 */
export interface CheckedKey {
  readonly text: string
  /** As `SigningKey.publicKeyHex`: how Encord, and our messages, name the key. */
  readonly publicKeyHex: string
}

/** Checks the secret's text now (so a bad key stops the run before any request) and keeps it. */
export function checkPrivateKey(text: string): CheckedKey {
  return { text, publicKeyHex: parsePrivateKey(text).publicKeyHex }
}

/** The signer for a checked key (parsed again: a millisecond, once per thread that signs). */
export function signingKeyFor(key: CheckedKey): SigningKey {
  return parsePrivateKey(key.text)
}

function rawPublicKey(privateKey: KeyObject): Buffer {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' })
  return Buffer.from(jwk.x ?? '', 'base64url')
}

/**
 * The fingerprint `ssh-keygen -l` prints (`SHA256:…`) for an Ed25519 public key, so a user can
 * tell which key Encord is being shown without the message quoting the key itself.
 */
export function publicKeyFingerprint(publicKeyHex: string): string {
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-ed25519')),
    sshString(Buffer.from(publicKeyHex, 'hex'))
  ])
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`
}

function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(bytes.length)
  return Buffer.concat([length, bytes])
}
