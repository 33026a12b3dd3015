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
import {
  benchmarkError,
  warningsOf,
  type PreflightFinding,
  type PreflightReport
} from './report.js'
import { runPreflight, type OnProjectChecked } from './run-preflight.js'

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
export async function readPreflight(
  setup: PreflightSetup,
  onChecked?: OnProjectChecked
): Promise<PreflightReport> {
  const { source } = setup
  const createClient = setup.createClient ?? defaultClientFactory(setup.version, setup.requestLimit)
  const client = createClient(source, setup.log, setup.signal)
  try {
    return await runPreflight(
      client,
      source.benchmarkProject,
      source.trainingProjects,
      setup.stage,
      onChecked
    )
  } finally {
    client.close()
  }
}

/** A training project's preflight verdict: its failure, null to score it, or 'stopped'. */
export type PreflightVerdict = ProjectFailure | null | 'stopped'

/** Preflight under way: its whole report, and each training project's verdict once known. */
export interface PreflightRun {
  report: Promise<PreflightReport>
  /**
   * Resolves as soon as the project is checked, which is before the whole report: the project can
   * start loading while preflight reads the others. 'stopped' when the benchmark failed
   * preflight (or preflight itself failed): then no training project is scored.
   */
  verdict(projectHash: string): Promise<PreflightVerdict>
}

export function startPreflight(setup: PreflightSetup): PreflightRun {
  const verdicts = new Map<
    string,
    { promise: Promise<PreflightVerdict>; settle: (verdict: PreflightVerdict) => void }
  >()
  const entry = (hash: string) => {
    let found = verdicts.get(hash)
    if (found === undefined) {
      let settle!: (verdict: PreflightVerdict) => void
      const promise = new Promise<PreflightVerdict>((resolve) => (settle = resolve))
      found = { promise, settle }
      verdicts.set(hash, found)
    }
    return found
  }
  const report = readPreflight(setup, (hash, findings) =>
    entry(hash).settle(failureOf(findings, hash))
  )
  // Projects never checked (the benchmark's error ended preflight first) are stopped; settling
  // twice keeps the first verdict.
  const stopAll = (): void => {
    for (const hash of setup.source.trainingProjects) entry(hash).settle('stopped')
  }
  report.then((done) => {
    if (benchmarkError(done) !== undefined) return stopAll()
    for (const hash of setup.source.trainingProjects) {
      entry(hash).settle(failureOf(done.findings, hash))
    }
  }, stopAll)
  return { report, verdict: (hash) => entry(hash).promise }
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
/** The failure of a training project with preflight errors among `findings`, or null. */
function failureOf(
  findings: readonly PreflightFinding[],
  projectHash: string
): ProjectFailure | null {
  const errors = findings.filter(
    (finding) =>
      finding.role === 'training' &&
      finding.severity === 'error' &&
      finding.projectHash === projectHash
  )
  const [first] = errors
  if (first === undefined) return null
  return {
    projectHash,
    projectTitle: first.projectTitle,
    message: `Not scored (preflight): ${errors.map((error) => error.message).join('; ')}`
  }
}
