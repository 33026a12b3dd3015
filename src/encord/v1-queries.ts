/**
 * Bodies of the v1 RPC calls evaluation needs, field for field as the Python SDK sends them
 * (docs/encord-api.md §6.3, §6.4), serialised like Python's `json.dumps`.
 *
 * Only logical GETs live here. This tool never creates or changes anything on Encord, so there
 * is deliberately no builder for `labelrow` PUT (creating label rows for unlabelled data).
 */

import { pythonJsonDumps, type PythonJsonValue } from './python-json.js'

export type V1QueryType = 'labelrowmetadata' | 'labelrow'

export interface V1Query {
  queryType: V1QueryType
  /** The exact body bytes to send and sign. */
  body: string
}

function v1Get(
  queryType: V1QueryType,
  uid: PythonJsonValue,
  payload: { [key: string]: PythonJsonValue }
): V1Query {
  const envelope = { query_type: queryType, query_method: 'GET', values: { uid, payload } }
  return { queryType, body: pythonJsonDumps(envelope) }
}

/**
 * List every label row whose task currently sits in the stage titled `stageTitle`
 * (`list_label_rows_v2(workflow_graph_node_title_eq=stageTitle)`), or every row of the project
 * when `stageTitle` is null (preflight counts tasks per stage). Uninitialised rows are included,
 * as the SDK always asks, so callers see data units nobody labelled.
 */
export function labelRowMetadataQuery(stageTitle: string | null): V1Query {
  return v1Get('labelrowmetadata', null, {
    edited_before: null,
    edited_after: null,
    label_statuses: null,
    shadow_data_state: null,
    include_uninitialised_labels: true,
    data_hashes: null,
    label_hashes: null,
    data_title_eq: null,
    data_title_like: null,
    workflow_graph_node_title_eq: stageTitle,
    workflow_graph_node_title_like: null,
    include_client_metadata: false,
    include_images_data: false,
    include_children: false,
    include_workflow_graph_node: true,
    include_all_label_branches: false,
    branch_name: null
  })
}

/** Fetch the label JSON of existing label rows (a bundle, at most the bundle limit of uids). */
export function labelRowFetchQuery(labelHashes: readonly string[]): V1Query {
  return v1Get('labelrow', [...labelHashes], {
    get_signed_url: false,
    multi_request: true,
    include_object_feature_hashes: null,
    include_classification_feature_hashes: null,
    include_reviews: false,
    include_export_history: false,
    include_archived: false
  })
}
