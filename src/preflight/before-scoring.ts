/**
 * Preflight as the scoring run uses it (input `preflight`, default true): read-only checks of the
 * set-up before anything is scored. An error on the benchmark stops the run before any training
 * project is scored; a training project with an error is reported as not scored, with that
 * error; warnings go to the log (annotations on a runner) and the summary's preflight section.
 */
import type { EncordSourceConfig } from '../config.js'
import { EvaluationError } from '../errors.js'
import type { RequestLimit } from '../encord/request-limit.js'
import type { Logger } from '../log.js'
import type { ProjectFailure } from '../results/run-result.js'
import { defaultClientFactory, type ClientFactory } from '../scoring/loaders.js'
import { benchmarkError, trainingErrors, warningsOf, type PreflightReport } from './report.js'
import { runPreflight } from './run-preflight.js'

export interface PreflightSetup {
  source: EncordSourceConfig
  stage: string
  log: Logger
  signal: AbortSignal
  version: string
  createClient?: ClientFactory
  /** The run's limit on requests in flight, shared with scoring; by default preflight's own. */
  requestLimit?: RequestLimit
}

/**
 * Reads and checks the set-up: the requests only, nothing logged. The run starts this while the
 * benchmark loads and hands the report to `reportPreflight` in the log's preflight group.
 */
export async function readPreflight(setup: PreflightSetup): Promise<PreflightReport> {
  const { source } = setup
  const createClient = setup.createClient ?? defaultClientFactory(setup.version, setup.requestLimit)
  const client = createClient(source, setup.log, setup.signal)
  try {
    return await runPreflight(client, source.benchmarkProject, source.trainingProjects, setup.stage)
  } finally {
    client.close()
  }
}

/**
 * Says what preflight found: an error on the benchmark is thrown (the run stops there); warnings
 * and each training project's progress are logged.
 */
export function reportPreflight(report: PreflightReport, log: Logger): PreflightReport {
  const stop = benchmarkError(report)
  if (stop !== undefined) {
    throw new EvaluationError(`Preflight: ${stop.message}`, stop.projectHash)
  }
  for (const finding of warningsOf(report)) log.warning(`Preflight: ${finding.message}`)
  for (const progress of report.training) {
    log.info(
      `Preflight: ${progress.projectTitle}: ${progress.completed}/${progress.total} tasks in '${report.stage}'`
    )
  }
  return report
}

/** The failure of a training project that preflight found wrong, or null: it is not scored. */
export function preflightFailure(
  report: PreflightReport | null,
  projectHash: string
): ProjectFailure | null {
  if (report === null) return null
  const errors = trainingErrors(report, projectHash)
  const [first] = errors
  if (first === undefined) return null
  return {
    projectHash,
    projectTitle: first.projectTitle,
    message: `Not scored (preflight): ${errors.map((error) => error.message).join('; ')}`
  }
}
