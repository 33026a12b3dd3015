/**
 * What the main thread and the scoring workers tell each other. Everything here crosses a thread
 * boundary, so it is plain data (structured-clone-able): no functions, no class instances.
 */
import type { EncordSourceConfig, ExportSourceConfig } from '../config.js'
import type { EvaluationOptions } from '../evaluate/types.js'
import type { ProjectAuditRecord } from '../results/audit-record.js'
import type { ProjectOutcome } from '../results/run-result.js'

/** A worker's `workerData`: what it needs to load and score training projects on its own. */
export interface WorkerSetup {
  /** The run's source as configured: plain data, the key as checked text included. */
  source: EncordSourceConfig | ExportSourceConfig
  workflowStage: string
  evaluation: EvaluationOptions
  /** The run's request limit, shared by every thread (see `request-limit.ts`). */
  requestLimit: SharedArrayBuffer | null
  version: string
}

export type ToWorker =
  /** The benchmark's label model, `v8.serialize`d once for every worker. */
  | { type: 'benchmark'; labels: Uint8Array }
  /** The benchmark could not be loaded: stop downloading, answer every task so. */
  | { type: 'benchmark-failed' }
  | { type: 'score'; task: number; id: string }

export type FromWorker =
  /** `csv`: the project's CSV rows as UTF-8, or null when it failed. */
  | {
      type: 'scored'
      task: number
      outcome: ProjectOutcome
      csv: Uint8Array | null
      /** The project's audit record (`results/audit-record.ts`), or null. */
      audit: ProjectAuditRecord | null
    }
  | { type: 'benchmark-failed'; task: number }
  | { type: 'log'; level: 'debug' | 'info' | 'warning'; message: string }
