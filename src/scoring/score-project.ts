/**
 * Scoring one training project: load it, check it against the benchmark, evaluate, and turn the
 * evaluation into what a run keeps (a `ProjectResult`) and its CSV rows. The unit of work of a
 * run, whichever thread does it. A failure is this project's alone, except the benchmark's.
 */
import type { EvaluationOptions } from '../evaluate/types.js'
import { describeError } from '../errors.js'
import { checkOntologyCompatible, evaluateProject } from '../evaluate/index.js'
import type { ProjectLabels } from '../labels/model.js'
import { csvRows } from '../report/index.js'
import { auditRecordOf, type ProjectAuditRecord } from '../results/audit-record.js'
import {
  DEFAULT_REPORT_OPTIONS,
  projectLinkBase,
  toProjectResult
} from '../results/project-result.js'
import type { ProjectOutcome } from '../results/run-result.js'
import type { ProjectLoader } from './loaders.js'

/**
 * A scored training project: what the run keeps, and its CSV rows (null when it failed), as text
 * or, from a worker, as UTF-8.
 */
export interface ScoredProject {
  outcome: ProjectOutcome
  csvRows: string | Uint8Array | null
  /**
   * What the benchmark audit needs of this project (`results/audit-record.ts`); null when the
   * project failed, the audit is off, or the method is `encord-script`.
   */
  audit: ProjectAuditRecord | null
}

/**
 * Rejects with the benchmark's own error when the benchmark could not be loaded: that is the
 * run's failure, not this project's. So does a project whose loading failed once `stopped` was
 * aborted (its downloads were cancelled because the benchmark failed): it was not scored, and
 * its "request cancelled" is no news to the user.
 */
export async function scoreTrainingProject(
  id: string,
  load: ProjectLoader,
  benchmarkPromise: Promise<ProjectLabels>,
  evaluation: EvaluationOptions,
  stopped: AbortSignal
): Promise<ScoredProject> {
  const benchmarkLoaded = (): Promise<ProjectLabels> =>
    benchmarkPromise.catch((error: unknown) => {
      throw new BenchmarkFailed(error)
    })
  let title: string | null = null
  try {
    const training = await load(id, 'training').catch(async (error: unknown) => {
      if (stopped.aborted) await benchmarkLoaded()
      throw error
    })
    title = training.title
    const benchmark = await benchmarkLoaded()
    checkOntologyCompatible(benchmark.ontology, training.ontology, id)
    const result = evaluateProject(benchmark, training, evaluation)
    const report = {
      options: evaluation.report ?? DEFAULT_REPORT_OPTIONS,
      benchmarkId: benchmark.projectHash
    }
    return {
      outcome: {
        status: 'evaluated',
        evaluation: toProjectResult(
          result,
          evaluation.intervals === undefined
            ? undefined
            : { options: evaluation.intervals, benchmarkHash: benchmark.projectHash },
          report
        )
      },
      csvRows: csvRows(result, projectLinkBase(result, report)),
      audit:
        evaluation.audit === undefined || result.method !== 'one-to-one'
          ? null
          : auditRecordOf(result, benchmark, training, evaluation.audit.excludeSuspects)
    }
  } catch (error) {
    if (error instanceof BenchmarkFailed) throw error.cause
    return {
      outcome: {
        status: 'failed',
        failure: { projectHash: id, projectTitle: title, message: describeError(error) }
      },
      csvRows: null,
      audit: null
    }
  }
}

class BenchmarkFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('benchmark failed')
  }
}
