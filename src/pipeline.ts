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
import { applyGate } from './gate.js'
import { InInputOrder } from './in-input-order.js'
import type { Logger } from './log.js'
import type { ProjectOutcome, RunResult } from './run-result.js'
import type { ClientFactory } from './scoring/loaders.js'
import { createScorer } from './scoring/scorer.js'

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
  const { log } = deps
  const { source } = config
  const benchmarkId = source.kind === 'encord' ? source.benchmarkProject : source.benchmarkExport
  const trainingIds = source.kind === 'encord' ? source.trainingProjects : source.trainingExports
  // Without the benchmark nothing can be scored: stop the training downloads at once.
  const cancel = new AbortController()
  const projectsAtOnce = projectConcurrency(config)
  const scorer = await createScorer({
    source,
    workflowStage: config.workflowStage,
    evaluation: config.evaluation,
    trainingCount: trainingIds.length,
    projectsAtOnce,
    log,
    signal: cancel.signal,
    version: deps.tool.version,
    ...(deps.createClient ? { createClient: deps.createClient } : {}),
    ...(deps.workerScript ? { workerScript: deps.workerScript } : {})
  })
  try {
    const benchmark = log.group(`Load the benchmark project ${benchmarkId}`, () =>
      scorer.loadBenchmark(benchmarkId)
    )
    // Training projects start loading while the benchmark loads; scoring waits for it.
    const limit = pLimit(projectsAtOnce)
    // Without the benchmark the run has failed: stop downloads, and start no queued project.
    let stopped = false
    benchmark.catch(() => {
      stopped = true
      cancel.abort()
      limit.clearQueue()
    })
    const ahead = projectsAhead(projectsAtOnce)
    const rows = new InInputOrder<string | Uint8Array>(deps.csvRows ?? (() => {}))
    let done = 0
    const projects = await log.group(
      `Score ${trainingIds.length} training project(s)`,
      async () => {
        const outcomes = await Promise.all(
          trainingIds.map(async (id, index) => {
            // A project's rows wait for every project before it; so that waiting rows never
            // pile up behind one slow project, a project starts only once the one `ahead` places
            // before it has been handed on.
            await rows.handedOn(index - ahead)
            return limit(async (): Promise<ProjectOutcome> => {
              // A project reaching here after the benchmark failed fails with it, unscored.
              if (stopped) await benchmark
              const scored = await scorer.score(id)
              rows.put(index, scored.csvRows)
              const { outcome } = scored
              done += 1
              const what =
                outcome.status === 'evaluated'
                  ? `${outcome.evaluation.projectTitle}: ${outcome.evaluation.coverage.pairedRows} rows scored`
                  : `failed: ${outcome.failure.message}`
              log.info(`[${done}/${trainingIds.length}] ${id} ${what}`)
              return outcome
            })
          })
        )
        await rows.settled()
        return outcomes
      }
    )

    return {
      tool: deps.tool,
      source: source.kind === 'encord' ? 'encord-api' : 'export-files',
      settings: {
        method: config.evaluation.method,
        iouThreshold: config.evaluation.iouThreshold,
        workflowStage: config.workflowStage,
        thresholds: config.thresholds
      },
      benchmark: await benchmark,
      projects,
      gate: applyGate(projects, config.thresholds)
    }
  } finally {
    await scorer.close()
  }
}

/**
 * How many training projects are loaded and scored at once. Requests are limited separately by
 * the client; this bounds memory (each project's label JSON is held until it is scored).
 */
function projectConcurrency(config: EvaluableConfig): number {
  const requests = config.source.kind === 'encord' ? config.source.concurrency : 4
  return Math.max(2, Math.ceil(requests / 2))
}

/**
 * How far past the first project whose rows are not yet written a project may start: this many
 * finished projects' CSV rows at most are held while they wait their turn (a few MB each for
 * 1,000-row projects), however many projects the run has.
 */
export function projectsAhead(projectsAtOnce: number): number {
  return Math.max(8, 4 * projectsAtOnce)
}
