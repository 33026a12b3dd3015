// Shared fixtures of the fake-encord tests: the docs/encord-api.md §2.6 test key and clock, and the
// example scenario's hashes.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Scenario } from '../../tools/fake-encord/scenario.mjs'
import { v1Body } from '../../tools/fake-encord/test-signer.mjs'

/** Ed25519 seed 00 01 … 1f, the key of every vector in docs/encord-api.md §2.6. */
export const VECTOR_SEED = Buffer.from(Array.from({ length: 32 }, (_, i) => i))
export const VECTOR_PUBLIC_KEY_HEX =
  '03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8'
/** 2025-01-01T00:00:30Z, the clock the §2.6 vectors were made at (created = now − 30 s). */
export const VECTOR_CLOCK_MS = Date.UTC(2025, 0, 1, 0, 0, 30)

export const TRAINING = '11111111-1111-1111-1111-111111111111'
export const BENCHMARK = '22222222-2222-2222-2222-222222222222'
export const ONTOLOGY = '33333333-3333-3333-3333-333333333333'
export const TRAINING_LABEL = '77777777-7777-7777-7777-777777777777'
export const BENCHMARK_LABEL = '88888888-8888-8888-8888-888888888888'

/** A fresh copy of tools/fake-encord/example-scenario.json (jest runs from the repository root). */
export function exampleScenario(): Scenario {
  const file = path.resolve('tools/fake-encord/example-scenario.json')
  return JSON.parse(readFileSync(file, 'utf8')) as Scenario
}

/**
 * The exact bytes the SDK sends to list a project's "Complete" rows (§6.3; Python's JSON
 * separators), whose §2.6 signature is `SDK_LISTING_AUTHORIZATION`.
 */
export const SDK_LISTING_BODY =
  '{"query_type": "labelrowmetadata", "query_method": "GET", "values": {"uid": null, "payload": {' +
  '"edited_before": null, "edited_after": null, "label_statuses": null, "shadow_data_state": null, ' +
  '"include_uninitialised_labels": true, "data_hashes": null, "label_hashes": null, ' +
  '"data_title_eq": null, "data_title_like": null, "workflow_graph_node_title_eq": "Complete", ' +
  '"workflow_graph_node_title_like": null, "include_client_metadata": false, ' +
  '"include_images_data": false, "include_children": false, "include_workflow_graph_node": true, ' +
  '"include_all_label_branches": false, "branch_name": null}}}'
export const SDK_LISTING_AUTHORIZATION = `${VECTOR_PUBLIC_KEY_HEX}:76cd63ecde3caffd242d74f3222b65869b2323418ef1fd57632560809a180662546d802307e7525cabb3315ad0b0f8a35ed056a662d0bddf193e0f2576d37705`

/** The SDK's fetch of label row 7777… (§6.6 request 7) and its signature. */
export const SDK_FETCH_BODY =
  '{"query_type": "labelrow", "query_method": "GET", "values": {"uid": ' +
  '["77777777-7777-7777-7777-777777777777"], "payload": {"get_signed_url": false, ' +
  '"multi_request": true, "include_object_feature_hashes": null, ' +
  '"include_classification_feature_hashes": null, "include_reviews": false, ' +
  '"include_export_history": false, "include_archived": false}}}'
export const SDK_FETCH_AUTHORIZATION = `${VECTOR_PUBLIC_KEY_HEX}:ac8d1e1d88c42c6005ab15f5d7c636d97f04d52ef714f7083249c6fe27bbda75970a492ca047e40902142c184d144bb2d97830ea5b5ed5e9aa878ceecc010d05`

/** The SDK's `labelrowmetadata` payload (§6.3) with some keys overridden. */
export function listingBody(overrides: Record<string, unknown> = {}): string {
  return v1Body({
    queryType: 'labelrowmetadata',
    queryMethod: 'GET',
    payload: {
      edited_before: null,
      edited_after: null,
      label_statuses: null,
      shadow_data_state: null,
      include_uninitialised_labels: true,
      data_hashes: null,
      label_hashes: null,
      data_title_eq: null,
      data_title_like: null,
      workflow_graph_node_title_eq: 'Complete',
      workflow_graph_node_title_like: null,
      include_client_metadata: false,
      include_images_data: false,
      include_children: false,
      include_workflow_graph_node: true,
      include_all_label_branches: false,
      branch_name: null,
      ...overrides
    }
  })
}

/** The SDK's `labelrow`/GET body (§6.4) for these label hashes. */
export function fetchBody(labelHashes: string[]): string {
  return v1Body({
    queryType: 'labelrow',
    queryMethod: 'GET',
    uid: labelHashes,
    payload: {
      get_signed_url: false,
      multi_request: true,
      include_object_feature_hashes: null,
      include_classification_feature_hashes: null,
      include_reviews: false,
      include_export_history: false,
      include_archived: false
    }
  })
}

/** A v1 answer body (§3.2). */
export interface V1Answer<T = unknown> {
  status: number
  response: T
  payload?: unknown
}

export interface MetadataRow {
  label_hash: string | null
  data_hash: string
  data_title: string
  data_type: string
  branch_name: string
  label_status: string
  number_of_frames: number
  spaces: object
  workflow_graph_node: { uuid: string; title: string } | null
}
