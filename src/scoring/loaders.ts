/**
 * Where a run's labels come from, as one function: project id → label model. The same on the
 * main thread (the benchmark, or everything when scoring in process) and on scoring workers.
 */
import type { EncordSourceConfig, ExportSourceConfig } from '../config.js'
import { createEncordClient, encordUserAgent, type EncordClient } from '../encord/client.js'
import { signingKeyFor } from '../encord/keys.js'
import type { RequestLimit } from '../encord/request-limit.js'
import type { ProjectLabels } from '../labels/model.js'
import type { Logger } from '../log.js'
import { loadProjectFromEncord } from '../sources/encord-source.js'
import { loadOntologyFile, loadProjectFromExport } from '../sources/export-source.js'

/** Loads a project's labels; scoring does not care where they come from. */
export type ProjectLoader = (id: string, role: 'benchmark' | 'training') => Promise<ProjectLabels>

export type ClientFactory = (
  source: EncordSourceConfig,
  log: Logger,
  signal: AbortSignal
) => EncordClient

export interface LoaderSetup {
  source: EncordSourceConfig | ExportSourceConfig
  workflowStage: string
  log: Logger
  /** Once aborted, no further request is sent. */
  signal: AbortSignal
  createClient: ClientFactory
}

export async function makeLoader(setup: LoaderSetup): Promise<ProjectLoader> {
  const { source, workflowStage } = setup
  if (source.kind === 'encord') {
    const client = setup.createClient(source, setup.log, setup.signal)
    return (id, role) => loadProjectFromEncord(client, id, workflowStage, role)
  }
  const ontology = await loadOntologyFile(source.ontologyFile)
  return (file, role) =>
    loadProjectFromExport(
      file,
      ontology,
      workflowStage,
      role === 'benchmark' ? 'benchmark-export' : 'training-exports',
      source.ontologyFile
    )
}

/**
 * The real client, its requests counted against `limit` when given (shared between threads). The
 * signer is made here, from the checked key text, in whichever thread the client runs.
 */
export function defaultClientFactory(version: string, limit?: RequestLimit): ClientFactory {
  return (source, log, signal) =>
    createEncordClient({
      key: signingKeyFor(source.key),
      domain: source.domain,
      concurrency: source.concurrency,
      userAgent: encordUserAgent(version),
      debug: log.debug,
      signal,
      ...(limit ? { requestLimit: limit } : {})
    })
}
