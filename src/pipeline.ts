/**
 * sources → evaluation → gate, shared by the action and the CLI. The benchmark is loaded once and
 * shared; training projects are loaded and scored concurrently under a limit, and each is dropped
 * as soon as it is scored so only the benchmark and the projects in flight are in memory.
 * A training project that fails is reported as such; the others are still scored.
 */
import pLimit from 'p-limit'
import type { EncordSourceConfig, ExportSourceConfig, RunConfig } from './config.js'
import { createEncordClient, type EncordClient } from './encord/client.js'
import { describeError } from './errors.js'
import { checkOntologyCompatible, evaluateProject } from './evaluate/index.js'
import { applyGate } from './gate.js'
import type { ProjectLabels } from './labels/model.js'
import type { Logger } from './log.js'
import type { ProjectOutcome, RunResult } from './run-result.js'
import { loadProjectFromEncord } from './sources/encord-source.js'
import { loadOntologyFile, loadProjectFromExport } from './sources/export-source.js'

export interface PipelineDeps {
  log: Logger
  tool: { name: string; version: string }
  /** Injected in tests; by default a real client is built from the config. */
  createClient?: (source: EncordSourceConfig, log: Logger, signal: AbortSignal) => EncordClient
}

/** Loads a project's labels; the pipeline does not care where they come from. */
type ProjectLoader = (id: string, role: 'benchmark' | 'training') => Promise<ProjectLabels>

export type EvaluableConfig = RunConfig & { source: NonNullable<RunConfig['source']> }

export async function evaluateRun(config: EvaluableConfig, deps: PipelineDeps): Promise<RunResult> {
  const { log } = deps
  const { source } = config
  // Without the benchmark nothing can be scored: stop the training downloads at once.
  const cancel = new AbortController()
  const load = await makeLoader(config, deps, cancel.signal)
  const benchmarkId = source.kind === 'encord' ? source.benchmarkProject : source.benchmarkExport
  const trainingIds = source.kind === 'encord' ? source.trainingProjects : source.trainingExports

  const benchmark = log.group(`Load the benchmark project ${benchmarkId}`, () =>
    load(benchmarkId, 'benchmark')
  )
  // Training projects start loading while the benchmark loads; scoring waits for it.
  benchmark.catch(() => cancel.abort())
  const limit = pLimit(projectConcurrency(config))
  let done = 0
  const projects = await log.group(`Score ${trainingIds.length} training project(s)`, () =>
    Promise.all(
      trainingIds.map((id) =>
        limit(async (): Promise<ProjectOutcome> => {
          const outcome = await scoreTrainingProject(id, load, benchmark, config)
          done += 1
          const what =
            outcome.status === 'evaluated'
              ? `${outcome.evaluation.projectTitle}: ${outcome.evaluation.coverage.pairedRows} rows scored`
              : `failed: ${outcome.failure.message}`
          log.info(`[${done}/${trainingIds.length}] ${id} ${what}`)
          return outcome
        })
      )
    )
  )
  const loadedBenchmark = await benchmark

  return {
    tool: deps.tool,
    source: source.kind === 'encord' ? 'encord-api' : 'export-files',
    settings: {
      method: config.evaluation.method,
      iouThreshold: config.evaluation.iouThreshold,
      workflowStage: config.workflowStage,
      thresholds: config.thresholds
    },
    benchmark: {
      projectHash: loadedBenchmark.projectHash,
      title: loadedBenchmark.title,
      rows: loadedBenchmark.rows.length
    },
    projects,
    gate: applyGate(projects, config.thresholds)
  }
}

async function scoreTrainingProject(
  id: string,
  load: ProjectLoader,
  benchmarkPromise: Promise<ProjectLabels>,
  config: EvaluableConfig
): Promise<ProjectOutcome> {
  let title: string | null = null
  try {
    const training = await load(id, 'training')
    title = training.title
    // A benchmark failure is the run's failure, not this project's: let it propagate.
    const benchmark = await benchmarkPromise.catch((error: unknown) => {
      throw new BenchmarkFailed(error)
    })
    checkOntologyCompatible(benchmark.ontology, training.ontology, id)
    return {
      status: 'evaluated',
      evaluation: evaluateProject(benchmark, training, config.evaluation)
    }
  } catch (error) {
    if (error instanceof BenchmarkFailed) throw error.cause
    return {
      status: 'failed',
      failure: { projectHash: id, projectTitle: title, message: describeError(error) }
    }
  }
}

class BenchmarkFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('benchmark failed')
  }
}

async function makeLoader(
  config: EvaluableConfig,
  deps: PipelineDeps,
  signal: AbortSignal
): Promise<ProjectLoader> {
  const { source } = config
  if (source.kind === 'encord') {
    const client = (deps.createClient ?? defaultClient(deps.tool.version))(source, deps.log, signal)
    return (id, role) => loadProjectFromEncord(client, id, config.workflowStage, role)
  }
  return exportLoader(source, config.workflowStage)
}

function defaultClient(version: string) {
  return (source: EncordSourceConfig, log: Logger, signal: AbortSignal): EncordClient =>
    createEncordClient({
      key: source.key,
      domain: source.domain,
      concurrency: source.concurrency,
      userAgent: `encord-annotator-eval/${version}`,
      debug: log.debug,
      signal
    })
}

async function exportLoader(
  source: ExportSourceConfig,
  stageTitle: string
): Promise<ProjectLoader> {
  const ontology = await loadOntologyFile(source.ontologyFile)
  return (file, role) =>
    loadProjectFromExport(
      file,
      ontology,
      stageTitle,
      role === 'benchmark' ? 'benchmark-export' : 'training-exports'
    )
}

/**
 * How many training projects are loaded and scored at once. Requests are limited separately by
 * the client; this bounds memory (each project's label JSON is held until it is scored).
 */
function projectConcurrency(config: EvaluableConfig): number {
  const requests = config.source.kind === 'encord' ? config.source.concurrency : 4
  return Math.max(2, Math.ceil(requests / 2))
}
