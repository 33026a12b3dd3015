// The filters of `labelrowmetadata`/GET (docs/encord-api.md §6.3) that the fake implements. A
// filter it does not implement is refused rather than ignored: silently returning every row would
// let a client bug pass a test.

/** @typedef {import('./catalogue.mjs').CatalogueRow} CatalogueRow */

const UNIMPLEMENTED_FILTERS = [
  'edited_before',
  'edited_after',
  'label_statuses',
  'shadow_data_state',
  'branch_name'
]

/**
 * @param {CatalogueRow[]} rows
 * @param {Record<string, unknown>} payload
 * @returns {{ rows: CatalogueRow[] } | { unsupported: string }}
 */
export function filterMetadataRows(rows, payload) {
  const unsupported = UNIMPLEMENTED_FILTERS.find((key) => payload[key] != null)
  if (unsupported)
    return { unsupported: `fake-encord does not implement the ${unsupported} filter` }

  /** @type {((row: CatalogueRow['metadata']) => boolean)[]} */
  const tests = []
  // Never-labelled rows come back only on request; the SDK always asks for them.
  if (payload.include_uninitialised_labels !== true) tests.push((row) => row.label_hash !== null)
  const stageEq = payload.workflow_graph_node_title_eq
  if (typeof stageEq === 'string') tests.push((row) => row.workflow_graph_node?.title === stageEq)
  const stageLike = likePattern(payload.workflow_graph_node_title_like)
  if (stageLike) tests.push((row) => stageLike.test(row.workflow_graph_node?.title ?? ''))
  const titleEq = payload.data_title_eq
  if (typeof titleEq === 'string') tests.push((row) => row.data_title === titleEq)
  const titleLike = likePattern(payload.data_title_like)
  if (titleLike) tests.push((row) => titleLike.test(row.data_title))
  const dataHashes = stringSet(payload.data_hashes)
  if (dataHashes) tests.push((row) => dataHashes.has(row.data_hash))
  const labelHashes = stringSet(payload.label_hashes)
  if (labelHashes) tests.push((row) => row.label_hash !== null && labelHashes.has(row.label_hash))

  return { rows: rows.filter(({ metadata }) => tests.every((test) => test(metadata))) }
}

/**
 * SQL LIKE (`%` any run, `_` one character), case-sensitive as in PostgreSQL.
 * @param {unknown} pattern
 */
function likePattern(pattern) {
  if (typeof pattern !== 'string') return undefined
  const source = pattern
    .split('')
    .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, 's')
}

/** @param {unknown} values */
function stringSet(values) {
  return Array.isArray(values) ? new Set(values.map(String)) : undefined
}
