// Types for artifact-service.mjs, for the TypeScript tests.

export { makeRuntimeToken } from './runtime-token.mjs'
export { parseGithubOutput, pullRequestEvent, runnerEnv } from './runner-env.mjs'
export type { PullRequestEventOptions, RunnerEnvOptions } from './runner-env.mjs'

export interface TwirpFault {
  status: number
  /** Twirp error code, e.g. `permission_denied`, `resource_exhausted`. */
  code: string
  msg: string
}

export interface FakeArtifactServiceOptions {
  /** Make an RPC fail with a twirp error (use a non-retryable status such as 400/403). */
  faults?: Partial<Record<'CreateArtifact' | 'FinalizeArtifact', TwirpFault>>
}

export interface FakeArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  mimeType?: string | undefined
  /** RFC 3339 expiry sent by the client when a retention was asked for. */
  expiresAt?: string | undefined
  /** Days from now to `expiresAt`, rounded. */
  retentionDays?: number | undefined
  finalized: boolean
  /** The uploaded blob (the zip), once the block list is committed. */
  bytes?: Buffer
  /** Size and `sha256:<hex>` digest the client reported when finalizing. */
  size?: number
  hash?: string | undefined
  /** Whether `hash` is the SHA-256 of `bytes`. */
  hashMatches?: boolean
  /** Files inside the zip (path → bytes), filled when the artifact is finalized. */
  files: Map<string, Buffer>
}

export type ArtifactServiceRequest =
  | {
      kind: 'twirp'
      method: 'POST'
      path: string
      rpc: string
      body: unknown
      authorized: boolean
    }
  | { kind: 'blob'; method: 'PUT'; path: string; query: Record<string, string>; bytes: number }
  | { kind: 'other'; method: string; path: string; query: Record<string, string> }

export interface FakeArtifactService {
  url: string
  /** By artifact name. */
  artifacts: Map<string, FakeArtifact>
  requests: ArtifactServiceRequest[]
  close(): Promise<void>
}

export function startFakeArtifactService(
  options?: FakeArtifactServiceOptions
): Promise<FakeArtifactService>
