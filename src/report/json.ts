/**
 * `report.json`: the run's settings, every project's evaluation (overall and per-class metrics,
 * confusion matrix, coverage, contributors, notes) and the gate, pretty-printed with two spaces
 * and keys in the order the types declare them. Per-object results are the CSV's rows and are
 * not repeated here.
 *
 * Deterministic: the same result gives the same bytes. Nothing is added (no timestamp, no host),
 * so an online and an offline run over the same labels differ only in `source`.
 */
import type { RunResult } from '../results/run-result.js'
import { orderRunResult } from './json-order.js'

export function renderReportJson(result: RunResult): string {
  return `${JSON.stringify(orderRunResult(result), null, 2)}\n`
}
