/**
 * A digest of the labels a training project was scored on: the same labels give the same digest,
 * any changed object, classification or answer gives another. History tells an annotator's new
 * attempt (labels changed since the previous run) from a re-run over the same labels by it.
 *
 * Computed from the label model, not the raw JSON, so that what Encord changes without changing a
 * label (timestamps of the row, the order of keys) does not make a new attempt. Rows are taken in
 * data-hash order, so the listing's order does not matter either.
 */
import { createHash } from 'node:crypto'
import type { LabelRow } from './model.js'

/** `sha256:` and 64 hex digits. */
export function labelsDigest(rows: readonly LabelRow[]): string {
  const hash = createHash('sha256')
  const sorted = [...rows].sort((a, b) =>
    a.dataHash < b.dataHash ? -1 : a.dataHash > b.dataHash ? 1 : 0
  )
  for (const row of sorted) {
    // One line per row: a row's text cannot run into the next one's.
    hash.update(JSON.stringify([row.dataHash, row.objects, row.classifications], mapsAsEntries))
    hash.update('\n')
  }
  return `sha256:${hash.digest('hex')}`
}

/** JSON.stringify writes a Map as `{}`: its entries, in insertion order, stand in for it. */
function mapsAsEntries(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...(value as Map<unknown, unknown>).entries()] : value
}
