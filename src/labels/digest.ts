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
import type { ClassificationInstance, LabelRow, ObjectInstance } from './model.js'

/** `sha256:` and 64 hex digits. */
export function labelsDigest(rows: readonly LabelRow[]): string {
  const hash = createHash('sha256')
  const sorted = [...rows].sort((a, b) =>
    a.dataHash < b.dataHash ? -1 : a.dataHash > b.dataHash ? 1 : 0
  )
  for (const row of sorted) {
    // One line per row: a row's text cannot run into the next one's. Plain JSON.stringify, with
    // no replacer: a replacer is called for every value and made this a tenth of the run's label
    // handling. It writes a Map as `{}`, so the parts hashed may hold none (checked below).
    hash.update(JSON.stringify([row.dataHash, row.objects, row.classifications]))
    hash.update('\n')
  }
  return `sha256:${hash.digest('hex')}`
}

/** `true` when no Map or Set sits anywhere inside `T`; otherwise the path's type, to fail below. */
type FreeOfMaps<T> = T extends ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>
  ? T
  : T extends readonly (infer Item)[]
    ? FreeOfMaps<Item>
    : T extends object
      ? { [K in keyof T]-?: FreeOfMaps<T[K]> }[keyof T] extends true
        ? true
        : false
      : true

// A compile-time check: adding a Map or Set to an object or a classification stops the build,
// rather than silently hashing it as `{}` (and missing changes to it).
const hashedPartsHoldNoMaps: [FreeOfMaps<ObjectInstance>, FreeOfMaps<ClassificationInstance>] = [
  true,
  true
]
void hashedPartsHoldNoMaps
