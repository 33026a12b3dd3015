/**
 * sources → evaluation → gate, shared by the action and the CLI. The benchmark is loaded once and
 * shared; training projects are loaded and scored concurrently under a limit, on scoring workers
 * when the entry point provides them (one per core), else in this thread. As each project is
 * scored, its CSV rows go to `csvRows` (in input order) and only a small `ProjectResult` is kept,
 * so only the benchmark and the projects in flight are in memory.
 * A training project that fails is reported as such; the others are still scored.
 */
import pLimit from 'p-limit'
import type { RunConfig } from './config.js'
import { applyGate } from './results/gate.js'
import { InInputOrder } from './in-input-order.js'
import type { Logger } from './log.js'
import { reportPreflight, startPreflight, type PreflightRun } from './preflight/before-scoring.js'
import { sharedLimitMemory, sharedRequestLimit } from './encord/request-limit.js'
import type { PreflightReport } from './preflight/report.js'
import {
  auditBenchmark,
  skippedAudit,
  withoutExcluded,
  type BenchmarkAudit
} from './results/audit.js'
import type { ProjectAuditRecord } from './results/audit-record.js'
import type { ProjectOutcome, RunResult } from './results/run-result.js'
import type { ClientFactory } from './scoring/loaders.js'
import {
  createScorer,
  scoringThreads,
  type BenchmarkSummary,
  type Scorer
} from './scoring/scorer.js'
import { checkVideoThresholds } from './results/video-thresholds.js'

export interface PipelineDeps {
  log: Logger
  tool: { name: string; version: string }
  /** Injected in tests; by default a real client is built from the config. Scores in-thread. */
  createClient?: ClientFactory
  /**
   * Receives the CSV rows of each evaluated training project (`csvRows`), as text or UTF-8, in
   * input order, as soon as the projects before it are done. Without it the rows are dropped.
   */
  csvRows?: (rows: string | Uint8Array) => Promise<void> | void
  /** The scoring worker's script (dist/worker.js next to the bundle); without it, no workers. */
  workerScript?: URL
}

export type EvaluableConfig = RunConfig & { source: NonNullable<RunConfig['source']> }

export async function evaluateRun(config: EvaluableConfig, deps: PipelineDeps): Promise<RunResult> {
  const { source } = config
  const trainingIds = source.kind === 'encord' ? source.trainingProjects : source.trainingExports
  // Aborted when the run cannot go on (the benchmark failed): no further request is sent.
  const cancel = new AbortController()
  // One limit on requests in flight for the whole run (the user's `concurrency`), shared by
  // preflight and scoring on every thread: the two overlap.
  const requestMemory =
    source.kind === 'encord' && deps.createClient === undefined
      ? sharedLimitMemory(source.concurrency)
      : undefined
  // Preflight's requests go out at once, while the scorer starts and the benchmark loads; a
  // training project starts loading once preflight has checked it, and preflight's report is
  // given before anything is scored (`scoreAll`). Not cancelled with the run: when the benchmark
  // fails, preflight's own error on it is the one to give.
  const preflight =
    config.preflight && source.kind === 'encord'
      ? startPreflight({
          source,
          stage: config.workflowStage,
          log: deps.log,
          signal: new AbortController().signal,
          version: deps.tool.version,
          ...(deps.createClient ? { createClient: deps.createClient } : {}),
          ...(requestMemory ? { requestLimit: sharedRequestLimit(requestMemory) } : {})
        })
      : null
  // Read by scoreAll; until then (or if the scorer cannot start) its failure is not unhandled.
  preflight?.report.catch(() => {})
  const projectsAtOnce = projectConcurrency(
    config,
    scoringThreads({
      workerScript: deps.workerScript,
      createClient: deps.createClient,
      trainingCount: trainingIds.length
    })
  )
  const scorer = await createScorer({
    source,
    workflowStage: config.workflowStage,
    evaluation: config.evaluation,
    trainingCount: trainingIds.length,
    projectsAtOnce,
    log: deps.log,
    signal: cancel.signal,
    version: deps.tool.version,
    ...(deps.createClient ? { createClient: deps.createClient } : {}),
    ...(deps.workerScript ? { workerScript: deps.workerScript } : {}),
    ...(requestMemory ? { requestMemory } : {})
  })
  // Whatever happens, the workers are stopped: a live worker keeps the process running.
  try {
    return await scoreAll(config, deps, scorer, cancel, projectsAtOnce, preflight)
  } finally {
    await scorer.close()
  }
}

/** A training project that was not scored because the run stopped (the benchmark failed). */
const NOT_SCORED = Symbol('not scored')

async function scoreAll(
  config: EvaluableConfig,
  deps: PipelineDeps,
  scorer: Scorer,
  cancel: AbortController,
  projectsAtOnce: number,
  preflightRun: PreflightRun | null
): Promise<RunResult> {
  const { log } = deps
  const { source } = config
  const benchmarkId = source.kind === 'encord' ? source.benchmarkProject : source.benchmarkExport
  const trainingIds = source.kind === 'encord' ? source.trainingProjects : source.trainingExports
  const count = trainingIds.length

  // Once stopped, no queued project starts and the downloads in flight are cancelled; every
  // project still settles, so the run always ends.
  let stopped = false
  const stop = (): void => {
    stopped = true
    cancel.abort()
  }
  const benchmark = scorer.loadBenchmark(benchmarkId).then((summary) => {
    checkVideoThresholds(config.thresholds, summary.videoRows)
    return summary
  })
  benchmark.catch(stop)
  /** Resolves to the benchmark's error if it fails, to undefined once it has loaded. */
  const benchmarkError = benchmark.then(
    () => undefined,
    (error: unknown) => error
  )
  const limit = pLimit(projectsAtOnce)
  const ahead = projectsAhead(projectsAtOnce)
  const rows = new InInputOrder<string | Uint8Array>(deps.csvRows ?? (() => {}))
  // Training projects start loading while the benchmark loads (scoring waits for it), but their
  // progress lines wait for the scoring group: log groups do not nest.
  let showProgress!: () => void
  const progressShown = new Promise<void>((resolve) => (showProgress = resolve))
  let done = 0
  // Audit records in input order (`results/audit-record.ts`): small, read once at the end.
  const auditRecords: (ProjectAuditRecord | null)[] = trainingIds.map(() => null)

  const scoreOne = async (
    id: string,
    index: number
  ): Promise<ProjectOutcome | typeof NOT_SCORED> => {
    let csv: string | Uint8Array | null = null
    try {
      // A project's rows wait for every project before it; so that waiting rows never pile up
      // behind one slow project, a project starts only once the one `ahead` places before it
      // has been handed on.
      await rows.handedOn(index - ahead)
      const verdict = preflightRun === null ? null : await preflightRun.verdict(id)
      if (verdict === 'stopped') return NOT_SCORED
      return await limit(async () => {
        if (stopped) return NOT_SCORED
        if (verdict !== null) return { status: 'failed', failure: verdict }
        try {
          const scored = await scorer.score(id)
          csv = scored.csvRows
          auditRecords[index] = scored.audit
          return scored.outcome
        } catch (error) {
          // The scorer rejects with the benchmark's own error: the run's failure, said once.
          if (error === (await benchmarkError)) return NOT_SCORED
          throw error
        }
      })
    } finally {
      // Its turn passes even when it has no rows, so the projects after it are not held.
      rows.put(index, csv)
    }
  }
  const tasks = trainingIds.map((id, index) =>
    scoreOne(id, index).then(
      async (outcome) => {
        if (outcome === NOT_SCORED) return outcome
        await progressShown
        done += 1
        const what =
          outcome.status === 'evaluated'
            ? `${outcome.evaluation.projectTitle}: ${outcome.evaluation.coverage.pairedRows} rows scored`
            : `failed: ${outcome.failure.message}`
        log.info(`[${done}/${count}] ${id} ${what}`)
        return outcome
      },
      (error: unknown) => {
        stop()
        throw error
      }
    )
  )

  // Preflight's report, in its own log group before anything else. An error on the benchmark
  // ends the run here, as if preflight had run alone: it found it before any training project
  // was checked, so none was started; the benchmark's load (begun alongside) is stopped, and
  // preflight's error is the only one given.
  let preflight: PreflightReport | null = null
  if (preflightRun !== null) {
    try {
      preflight = await log.group('Preflight: check the set-up', async () =>
        reportPreflight(await preflightRun.report, log)
      )
    } catch (error) {
      stop()
      benchmark.catch(() => {})
      // Every project settles before the run ends (none was started; should one have been, its
      // line is not held back waiting for a scoring group that will not open).
      showProgress()
      await Promise.allSettled(tasks)
      throw error
    }
  }

  let benchmarkSummary: BenchmarkSummary
  try {
    benchmarkSummary = await log.group(`Load the benchmark project ${benchmarkId}`, () => benchmark)
  } catch (error) {
    showProgress()
    const settled = await Promise.allSettled(tasks)
    const unscored = settled.filter(
      (task) => task.status === 'fulfilled' && task.value === NOT_SCORED
    ).length
    if (unscored > 0) {
      log.info(
        `${unscored} of ${count} training project${count === 1 ? '' : 's'} not scored: the benchmark failed`
      )
    }
    throw firstRejection(settled) ?? error
  }

  const projects = await log.group(`Score ${count} training project(s)`, async () => {
    showProgress()
    const settled = await Promise.allSettled(tasks)
    const failure = firstRejection(settled)
    if (failure !== undefined) throw failure
    await rows.settled()
    return settled.map((task) => {
      if (task.status === 'fulfilled' && task.value !== NOT_SCORED) return task.value
      throw new Error('a training project was stopped although the run went on')
    })
  })

  const audited = await auditRun(config, scorer, projects, auditRecords, {
    benchmarkId,
    benchmarkHash: benchmarkSummary.projectHash,
    log
  })
  return {
    tool: deps.tool,
    source: source.kind === 'encord' ? 'encord-api' : 'export-files',
    settings: {
      method: config.evaluation.method,
      iouThreshold: config.evaluation.iouThreshold,
      workflowStage: config.workflowStage,
      thresholds: config.thresholds,
      gateOn: config.gate.gateOn,
      onInconclusive: config.gate.onInconclusive,
      minDataUnits: config.gate.minDataUnits,
      bootstrapSamples: config.evaluation.intervals.samples,
      confidenceLevel: config.evaluation.intervals.confidenceLevel
    },
    benchmark: {
      projectHash: benchmarkSummary.projectHash,
      title: benchmarkSummary.title,
      rows: benchmarkSummary.rows
    },
    projects: audited.projects,
    gate: applyGate(audited.projects, { thresholds: config.thresholds, ...config.gate }),
    ...(audited.audit === null ? {} : { audit: audited.audit }),
    ...(preflight === null ? {} : { preflight })
  }
}

/**
 * The benchmark audit over every project's record, and with `exclude-suspects` the projects'
 * scores without the suspects of kinds 1 and 2 (before the gate reads them). Under
 * `encord-script` the audit is skipped with a note: it needs the one-to-one matching.
 */
async function auditRun(
  config: EvaluableConfig,
  scorer: Scorer,
  projects: ProjectOutcome[],
  records: readonly (ProjectAuditRecord | null)[],
  run: { benchmarkId: string; benchmarkHash: string; log: Logger }
): Promise<{ projects: ProjectOutcome[]; audit: BenchmarkAudit | null }> {
  const settings = config.evaluation.audit
  if (settings === undefined) return { projects, audit: null }
  if (config.evaluation.method !== 'one-to-one') {
    return { projects, audit: skippedAudit(settings) }
  }
  const index = await scorer.auditIndex()
  const present = records.filter((record): record is ProjectAuditRecord => record !== null)
  const { audit, excluded } = auditBenchmark(index, present, {
    ...settings,
    iouThreshold: config.evaluation.iouThreshold,
    editorOrigin: config.evaluation.report?.editorOrigin ?? null,
    benchmarkId: run.benchmarkId
  })
  run.log.info(
    `Benchmark audit: ${audit.suspects.length} suspect(s) on ${audit.unitsAudited} data unit(s) audited`
  )
  if (!settings.excludeSuspects || excluded.size === 0) return { projects, audit }
  const { samples, confidenceLevel } = config.evaluation.intervals
  const changed = projects.map((outcome, i) => {
    const record = records[i]
    if (outcome.status !== 'evaluated' || !record) return outcome
    const { result } = withoutExcluded(outcome.evaluation, record, index, excluded, {
      samples,
      confidenceLevel,
      benchmarkHash: run.benchmarkHash
    })
    return { ...outcome, evaluation: result }
  })
  return { projects: changed, audit }
}

/** The first error among settled tasks (an unexpected one: a project's own failure is an outcome). */
function firstRejection(settled: PromiseSettledResult<unknown>[]): unknown {
  const rejected = settled.find((task) => task.status === 'rejected')
  return rejected === undefined ? undefined : (rejected as PromiseRejectedResult).reason
}

/**
 * How many training projects are loaded and scored at once. Requests are limited separately by
 * the client; this bounds memory (each project's label JSON is held until it is scored). From
 * Encord, at least two per scoring thread (`scoringThreads`), so that each thread has its next
 * project loading while it scores one and never waits on the network while there is work: on a
 * 4-core runner the default concurrency alone would give one per thread.
 */
export function projectConcurrency(config: EvaluableConfig, threads: number): number {
  // Export files are read from disk, with no latency to hide: one project per thread.
  if (config.source.kind !== 'encord') return Math.max(2, threads)
  return Math.max(2, Math.ceil(config.source.concurrency / 2), 2 * threads)
}

/**
 * How far past the first project whose rows are not yet written a project may start: this many
 * finished projects' CSV rows at most are held while they wait their turn (a few MB each for
 * 1,000-row projects), however many projects the run has.
 */
export function projectsAhead(projectsAtOnce: number): number {
  return Math.max(8, 4 * projectsAtOnce)
}
