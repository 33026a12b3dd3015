/**
 * Uploads the report files as one workflow artifact. Never throws: outside a runner, on GitHub
 * Enterprise Server (unsupported by @actions/artifact v2+) or on any upload error the run goes on
 * with a warning, because the files are already on disk and the summary still has the results.
 */
import * as core from '@actions/core'
import { DefaultArtifactClient, type ArtifactClient } from '@actions/artifact'
import { firstLineOf } from '../errors.js'

export interface ArtifactRequest {
  /** Artifact name; the config makes it unique per run attempt and matrix leg. */
  name: string
  /** Absolute paths of the files to upload, all under `rootDir`. */
  files: string[]
  /** Paths inside the zip are relative to this directory. */
  rootDir: string
  /** 1–90, or null for the repository's default retention. */
  retentionDays: number | null
}

export interface UploadedArtifact {
  id: number
  /** The artifact's page, as actions/upload-artifact links it; null if the run is unknown. */
  url: string | null
}

export interface ArtifactDeps {
  /** Defaults to a `DefaultArtifactClient`; tests may pass a stub. */
  client?: Pick<ArtifactClient, 'uploadArtifact'>
  /** Defaults to `process.env`, read when called. */
  env?: NodeJS.ProcessEnv
}

/** Returns the artifact, or null when it was not uploaded (a warning says why). */
export async function uploadReportArtifact(
  request: ArtifactRequest,
  deps: ArtifactDeps = {}
): Promise<UploadedArtifact | null> {
  const env = deps.env ?? process.env
  const stillOnDisk = `The report files are still in ${request.rootDir}.`

  // Checked here rather than left to the client: it would throw a bare "Unable to get the
  // ACTIONS_RUNTIME_TOKEN env variable", and on GHES it adds its own long warning to ours.
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((name) => !env[name])
  if (missing.length > 0) {
    core.warning(
      `Skipped the artifact upload: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set, so this is not running inside a GitHub Actions job. ${stillOnDisk}`
    )
    return null
  }
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    core.warning(ghesMessage(env.GITHUB_SERVER_URL, stillOnDisk))
    return null
  }

  try {
    const client = deps.client ?? new DefaultArtifactClient()
    const options = request.retentionDays === null ? {} : { retentionDays: request.retentionDays }
    const { id } = await client.uploadArtifact(
      request.name,
      request.files,
      request.rootDir,
      options
    )
    if (id === undefined) {
      core.warning(`The artifact '${request.name}' was uploaded but GitHub returned no id.`)
      return null
    }
    const url = artifactUrl(env, id)
    core.info(`Uploaded artifact '${request.name}' (id ${id})${url === null ? '' : `: ${url}`}`)
    return { id, url }
  } catch (error) {
    core.warning(describeUploadFailure(error, request.name, env, stillOnDisk))
    return null
  }
}

function describeUploadFailure(
  error: unknown,
  name: string,
  env: NodeJS.ProcessEnv,
  stillOnDisk: string
): string {
  if (error instanceof Error && error.name === 'GHESNotSupportedError') {
    return ghesMessage(env.GITHUB_SERVER_URL, stillOnDisk)
  }
  const line = firstLineOf(error)
  // The twirp client reports "Failed to CreateArtifact: Failed request: (409) Conflict: …".
  if (/\(409\)|already exists/i.test(line)) {
    return `Could not upload the artifact: an artifact named '${name}' already exists in this workflow run (409 Conflict). Artifact names must be unique per run; give each job or matrix leg its own artifact-name or comment-key. ${stillOnDisk}`
  }
  return `Could not upload the artifact '${name}': ${line}. ${stillOnDisk}`
}

function ghesMessage(serverUrl: string | undefined, stillOnDisk: string): string {
  return `Skipped the artifact upload: GitHub Enterprise Server (${serverUrl}) does not support the artifact service this action uses. ${stillOnDisk} Upload them with a separate actions/upload-artifact step (v3 on GHES).`
}

/** The same test @actions/artifact applies: github.com, *.ghe.com (GHE.com) and *.localhost are supported. */
export function isEnterpriseServer(serverUrl: string | undefined): boolean {
  let host: string
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase()
  } catch {
    return false
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

/** `<server>/<owner>/<repo>/actions/runs/<run>/artifacts/<id>`, as actions/upload-artifact builds it. */
function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | null {
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!repository || !runId) return null
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`
}
