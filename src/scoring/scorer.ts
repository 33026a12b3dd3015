/**
 * How a run scores its projects: in this thread, or on scoring workers (one per core) with the
 * benchmark loaded here and sent to them. Either way the benchmark is loaded once, training
 * projects start loading while it loads, and a benchmark failure is the run's failure.
 */
import { availableParallelism } from 'node:os'
import type { EncordSourceConfig, ExportSourceConfig } from '../config.js'
import { sharedLimitMemory, sharedRequestLimit } from '../encord/request-limit.js'
import type { EvaluationOptions } from '../evaluate/types.js'
import type { ProjectLabels } from '../labels/model.js'
import type { Logger } from '../log.js'
import { auditIndexOf, type AuditIndex } from '../results/audit-record.js'
import { defaultClientFactory, makeLoader, type ClientFactory } from './loaders.js'
import { scoreTrainingProject, type ScoredProject } from './score-project.js'
import { ScoringPool } from './worker-pool.js'
import { hasTracks } from '../evaluate/tracking/record.js'

export interface BenchmarkSummary {
  projectHash: string
  title: string
  rows: number
  /** Video data units: the track scores (and their thresholds) need at least one. */
  videoRows: number
}

export interface Scorer {
  /** Loads the benchmark; call once, before `score`. */
  loadBenchmark(id: string): Promise<BenchmarkSummary>
  /** Rejects with the benchmark's error when the benchmark could not be loaded. */
  score(id: string): Promise<ScoredProject>
  /** The benchmark's numbering of objects for the audit, from the benchmark loaded here. */
  auditIndex(): Promise<AuditIndex>
  close(): Promise<void>
}

export interface ScorerSetup {
  source: EncordSourceConfig | ExportSourceConfig
  workflowStage: string
  evaluation: EvaluationOptions
  trainingCount: number
  /** Training projects the run scores at once: more threads than that would sit idle. */
  projectsAtOnce: number
  log: Logger
  signal: AbortSignal
  version: string
  /** Injected in tests: then everything runs in this thread, through it. */
  createClient?: ClientFactory
  /** The scoring worker's script (dist/worker.js); without it, everything runs in this thread. */
  workerScript?: URL
  /**
   * The run's limit on Encord requests in flight (`sharedLimitMemory`), shared with preflight;
   * without it the scorer makes its own.
   */
  requestMemory?: SharedArrayBuffer
}

/**
 * How many threads score: this one plus a worker per further core, at most one per training
 * project; this one alone without the worker script or with an injected client. The run sizes
 * its projects in hand from it (`pipeline.ts`), and `createScorer` starts the workers it counts.
 */
export function scoringThreads(setup: {
  workerScript?: URL | undefined
  createClient?: ClientFactory | undefined
  trainingCount: number
}): number {
  if (setup.workerScript === undefined || setup.createClient !== undefined) return 1
  return Math.max(1, Math.min(availableParallelism(), setup.trainingCount))
}

export async function createScorer(setup: ScorerSetup): Promise<Scorer> {
  // This thread scores as well, so one worker fewer than the scoring threads (or than projects
  // at once: more threads would sit idle).
  const workers = Math.min(scoringThreads(setup), setup.projectsAtOnce) - 1
  const { workerScript } = setup
  if (workerScript === undefined || workers < 1) return inThisThread(setup)
  return withWorkers(setup, workerScript, workers)
}

async function inThisThread(setup: ScorerSetup): Promise<Scorer> {
  const { requestMemory } = setup
  const load = await makeLoader({
    ...setup,
    createClient:
      setup.createClient ??
      defaultClientFactory(
        setup.version,
        requestMemory === undefined ? undefined : sharedRequestLimit(requestMemory)
      )
  })
  let benchmark = notLoadedYet()
  return {
    loadBenchmark(id) {
      benchmark = load(id, 'benchmark')
      return benchmark.then(summaryOf)
    },
    score: (id) => scoreTrainingProject(id, load, benchmark, setup.evaluation, setup.signal),
    auditIndex: () => benchmark.then(auditIndexOf),
    close: async () => {}
  }
}

/**
 * This thread scores too: it holds the benchmark anyway, and a worker's copy costs a
 * serialization and the memory of one more heap. Each task goes to whoever holds fewest. A task
 * whose worker stopped (it crashed, ran out of memory, or dist/worker.js is missing) is done
 * here instead: a worker's trouble never costs a project its score.
 */
async function withWorkers(setup: ScorerSetup, script: URL, workers: number): Promise<Scorer> {
  const { source } = setup
  const memory =
    source.kind === 'encord' ? (setup.requestMemory ?? sharedLimitMemory(source.concurrency)) : null
  const load = await makeLoader({
    ...setup,
    createClient: defaultClientFactory(
      setup.version,
      memory === null ? undefined : sharedRequestLimit(memory)
    )
  })
  const pool = new ScoringPool(
    script,
    workers,
    {
      source,
      workflowStage: setup.workflowStage,
      evaluation: setup.evaluation,
      requestLimit: memory,
      version: setup.version
    },
    setup.log
  )
  let benchmark = notLoadedYet()
  let inThisThread = 0
  // Once closed, a task whose worker was stopped is not taken up here: the run is over.
  let closed = false
  return {
    loadBenchmark(id) {
      benchmark = load(id, 'benchmark')
      benchmark.then(
        (labels) => pool.setBenchmark(labels),
        () => pool.benchmarkFailed()
      )
      return benchmark.then(summaryOf)
    },
    async score(id) {
      const here = async (): Promise<ScoredProject> => {
        inThisThread += 1
        try {
          return await scoreTrainingProject(id, load, benchmark, setup.evaluation, setup.signal)
        } finally {
          inThisThread -= 1
        }
      }
      if (inThisThread <= pool.fewestTasks()) return here()
      const answer = await pool.score(id)
      switch (answer.kind) {
        case 'scored':
          return answer.scored
        case 'worker-lost':
          if (closed) throw new Error(`the scorer was closed before ${id} was scored`)
          setup.log.warning(
            `A scoring worker stopped (${answer.reason}); scoring ${id} on the main thread instead.`
          )
          return here()
        case 'benchmark-failed':
          await benchmark
          throw new Error('a worker reported a benchmark failure, but the benchmark loaded')
      }
    },
    auditIndex: () => benchmark.then(auditIndexOf),
    close: () => {
      closed = true
      return pool.close()
    }
  }
}

/** The benchmark before `loadBenchmark`: a rejection nobody need handle until `score` reads it. */
function notLoadedYet(): Promise<ProjectLabels> {
  const never = Promise.reject<ProjectLabels>(new Error('the benchmark is not loaded'))
  never.catch(() => {})
  return never
}

function summaryOf(labels: ProjectLabels): BenchmarkSummary {
  // Data units, each once: a unit listed twice is one unit, as in every project's coverage.
  const rows = new Set(labels.rows.map((row) => row.dataHash)).size
  const videoRows = new Set(
    labels.rows.filter((row) => hasTracks(row.dataType)).map((row) => row.dataHash)
  ).size
  return { projectHash: labels.projectHash, title: labels.title, rows, videoRows }
}
