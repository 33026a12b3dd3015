/**
 * `report.json`: the whole `RunResult` (settings, every project's evaluation with per-class
 * metrics, confusion, coverage, notes and per-object results, and the gate), pretty-printed with
 * two spaces and keys in the order the types declare them.
 *
 * Deterministic: the same result gives the same bytes. Nothing is added (no timestamp, no host),
 * so an online and an offline run over the same labels differ only in `source`.
 */
import type { RunResult } from '../run-result.js'
import { orderOutcome, orderRunResult } from './json-order.js'
import { LazyArray, prettyJsonChunks } from './json-stream.js'

export function renderReportJson(result: RunResult): string {
  return Array.from(reportJsonChunks(result)).join('')
}

/**
 * The same text in pieces, for writing a large run to a file: the full report of a 500k-object
 * run is larger than the longest string V8 can hold.
 */
export function* reportJsonChunks(result: RunResult): Generator<string> {
  const ordered = orderRunResult(result, (projects) => new LazyArray(projects, orderOutcome))
  // The writer yields many small pieces; hand them on in about 1 MiB batches for efficient writes.
  let batch = ''
  for (const piece of prettyJsonChunks(ordered)) {
    batch += piece
    if (batch.length >= CHUNK_LENGTH) {
      yield batch
      batch = ''
    }
  }
  yield `${batch}\n`
}

const CHUNK_LENGTH = 1 << 20
