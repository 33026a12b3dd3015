/**
 * Reader for the binary `openssh-key-v1` container (OpenSSH's PROTOCOL.key), the format inside
 * `-----BEGIN OPENSSH PRIVATE KEY-----`. Node's crypto cannot read it, so we take it apart here.
 *
 * Only structure is decoded; deciding what is acceptable (type, encryption) and telling the user
 * is `keys.ts`'s job. Failures carry a reason code, never key bytes.
 */

const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1')
const ED25519_KEY_TYPE = 'ssh-ed25519'
const ED25519_PUBLIC_KEY_BYTES = 32
const ED25519_PRIVATE_KEY_BYTES = 64

/** What the container says about itself. Secret bytes are present only for unencrypted Ed25519. */
export type OpenSshKeyContents =
  | { kind: 'encrypted'; keyType: string }
  | { kind: 'other-type'; keyType: string }
  | { kind: 'ed25519'; seed: Buffer; publicKey: Buffer }

/** Why a container could not be read. `damaged` covers truncation and internal inconsistencies. */
export class OpenSshFormatError extends Error {
  constructor(readonly reason: 'not-openssh' | 'damaged' | 'several-keys') {
    super(`OpenSSH private key container: ${reason}`)
  }
}

/** Decode the base64-decoded body of an OPENSSH PRIVATE KEY block. */
export function readOpenSshPrivateKey(container: Buffer): OpenSshKeyContents {
  if (container.length < MAGIC.length || !container.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new OpenSshFormatError('not-openssh')
  }
  const reader = new SshWireReader(container.subarray(MAGIC.length))
  const cipherName = reader.string().toString('latin1')
  reader.string() // kdf name: implied by the cipher for our purpose
  reader.string() // kdf options
  const keyCount = reader.uint32()
  if (keyCount !== 1) throw new OpenSshFormatError('several-keys')
  const publicKeyType = new SshWireReader(reader.string()).string().toString('latin1')
  if (cipherName !== 'none') return { kind: 'encrypted', keyType: publicKeyType }
  if (publicKeyType !== ED25519_KEY_TYPE) return { kind: 'other-type', keyType: publicKeyType }
  return readEd25519PrivateSection(new SshWireReader(reader.string()))
}

function readEd25519PrivateSection(section: SshWireReader): OpenSshKeyContents {
  // Two equal check-ints are how OpenSSH detects a wrong passphrase or corruption.
  if (section.uint32() !== section.uint32()) throw new OpenSshFormatError('damaged')
  if (section.string().toString('latin1') !== ED25519_KEY_TYPE) {
    throw new OpenSshFormatError('damaged')
  }
  const publicKey = section.string()
  const privateKey = section.string()
  if (
    publicKey.length !== ED25519_PUBLIC_KEY_BYTES ||
    privateKey.length !== ED25519_PRIVATE_KEY_BYTES ||
    !privateKey.subarray(ED25519_PUBLIC_KEY_BYTES).equals(publicKey)
  ) {
    throw new OpenSshFormatError('damaged')
  }
  return { kind: 'ed25519', seed: privateKey.subarray(0, 32), publicKey }
}

/** SSH wire encoding: uint32 big-endian, and strings as uint32 length + bytes. */
class SshWireReader {
  private offset = 0
  constructor(private readonly bytes: Buffer) {}

  uint32(): number {
    if (this.offset + 4 > this.bytes.length) throw new OpenSshFormatError('damaged')
    const value = this.bytes.readUInt32BE(this.offset)
    this.offset += 4
    return value
  }

  string(): Buffer {
    const length = this.uint32()
    if (this.offset + length > this.bytes.length) throw new OpenSshFormatError('damaged')
    const value = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return value
  }
}
