// Types for openssh-key.mjs.
export declare const DEFAULT_CHECK_INT: number
export declare const DEFAULT_LINE_WIDTH: number

export interface KeyPair {
  /** Unencrypted `-----BEGIN OPENSSH PRIVATE KEY-----` text, ending with a newline. */
  privateKeyOpenSsh: string
  /** The raw 32-byte public key, lower-case hex. */
  publicKeyHex: string
  seedHex: string
}

export declare function publicKeyFromSeed(seed: Buffer): Buffer

export declare function generateKeyPair(
  seed?: Buffer,
  options?: { checkInt?: number; comment?: string; lineWidth?: number }
): KeyPair

export declare function parseOpenSshPrivateKey(text: string): {
  seed: Buffer
  publicKey: Buffer
  comment: string
}
