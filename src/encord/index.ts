/** The Encord API client's public surface: keys, the client, and the types it returns. */

export { createEncordClient, encordUserAgent, LABEL_ROW_BUNDLE_LIMIT } from './client.js'
export type { EncordClient, EncordClientOptions } from './client.js'
export { parsePrivateKey, publicKeyFingerprint } from './keys.js'
export type { SigningKey } from './keys.js'
export type { RetryPolicy } from './retry.js'
export type { TransportStats } from './transport.js'
export type {
  LabelRowMetadata,
  OntologyInfo,
  ProjectInfo,
  WorkflowStage,
  WorkflowStageType
} from './types.js'
