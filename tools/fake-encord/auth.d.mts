// Types for auth.mjs.
import type { IncomingHttpHeaders } from 'node:http'
import type { KeyObject } from 'node:crypto'

export interface RegisteredKey {
  publicKeyHex: string
  key: KeyObject
}

export type KeyLookup = (publicKeyHex: string) => RegisteredKey | undefined

export type AuthResult =
  | { ok: true; user: RegisteredKey }
  | { ok: false; failure: 'bad-signature' | 'key-not-registered'; reason: string }

export declare function publicKeyObjectFromHex(publicKeyHex: string): KeyObject

export declare function authenticateV1(request: {
  authorization: string | undefined
  body: Buffer
  lookup: KeyLookup
}): AuthResult

export declare function authenticateV2(request: {
  method: string
  /** Path and query exactly as received. */
  target: string
  headers: IncomingHttpHeaders
  body: Buffer
  nowSeconds: number
  skewSeconds: number
  lookup: KeyLookup
}): AuthResult
