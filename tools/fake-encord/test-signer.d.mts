// Types for test-signer.mjs.
export interface TestSigner {
  publicKeyHex: string
  /** v1: the `Authorization` header for exactly these body bytes. */
  v1Authorization(body: string): string
  /** v2: `Content-Digest`, `Signature-Input` and `Signature`; `created` defaults to now − 30 s. */
  v2Headers(request: { method: string; target: string; body?: string; created?: number }): {
    'Content-Digest': string
    'Signature-Input': string
    Signature: string
  }
}

export declare function createTestSigner(key: Buffer | string): TestSigner

export declare function v1Body(query: {
  queryType: string
  queryMethod: string
  uid?: unknown
  payload?: unknown
}): string

export declare function postV1(
  baseUrl: string,
  signer: TestSigner,
  request: { projectHash: string; body: string; headers?: Record<string, string> }
): Promise<Response>

export declare function postV1User(
  baseUrl: string,
  signer: TestSigner,
  body: string
): Promise<Response>

export declare function getV2(
  baseUrl: string,
  signer: TestSigner,
  target: string,
  options?: { created?: number; headers?: Record<string, string> }
): Promise<Response>
