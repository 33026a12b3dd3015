/**
 * Earlier runs' report.json, from their artifacts: the workflow's completed runs through the REST
 * API (newest first), each run's artifacts and their download through `@actions/artifact` with the
 * token (`findBy`), which needs the `actions: read` permission. Never throws: without the
 * permission, or when the artifacts have expired, it says so in one notice and returns what it
 * could read.
 */
import { DefaultArtifactClient, type ArtifactClient } from '@actions/artifact'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { firstLineOf } from '../errors.js'
import type { EarlierRun } from '../results/history.js'
import { REPORT_FILE_NAMES } from '../results/file-names.js'
import { earlierRunFromReport } from '../sources/history-source.js'
import { httpStatusOf } from './http-status.js'
import { createGitHubClient, type GitHubClient } from './octokit.js'

export interface ArtifactHistoryRequest {
  /** How many earlier completed runs to look at. */
  runs: number
  /** This run's artifact name (`…-attempt-N`): earlier runs' artifacts are found by its stem. */
  artifactName: string
  token: string
}

export interface ArtifactHistoryDeps {
  env?: NodeJS.ProcessEnv
  client?: Pick<ArtifactClient, 'listArtifacts' | 'downloadArtifact'>
  github?: GitHubClient
  /** Where the one-line notices go. */
  notice: (message: string) => void
  info: (message: string) => void
}

const PERMISSION =
  'give the job `permissions: actions: read` (with the token in github-token) to read them'

/** Earlier runs, oldest first. */
export async function readArtifactHistory(
  request: ArtifactHistoryRequest,
  deps: ArtifactHistoryDeps
): Promise<EarlierRun[]> {
  const env = deps.env ?? process.env
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner = '', repo = ''] = repository.split('/')
  const workflow = workflowFile(env.GITHUB_WORKFLOW_REF)
  const currentRun = env.GITHUB_RUN_ID ?? ''
  if (request.runs === 0) return []
  if (owner === '' || repo === '' || workflow === null || request.token === '') {
    // Every runner names the workflow; without it (or a token) this is no Actions job to look
    // back on: a log line, not a notice.
    deps.info('History: earlier runs were not read (no workflow or token to read them with)')
    return []
  }
  const github = deps.github ?? createGitHubClient(request.token)
  let runIds: number[]
  try {
    const { data } = await github.request(
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      { owner, repo, workflow_id: workflow, status: 'completed', per_page: request.runs + 1 }
    )
    runIds = data.workflow_runs
      .map((run) => Number(run.id))
      .filter((id) => String(id) !== currentRun)
      .slice(0, request.runs)
  } catch (error) {
    deps.notice(describeListFailure(error))
    return []
  }

  const client = deps.client ?? new DefaultArtifactClient()
  const stem = request.artifactName.replace(/-attempt-\d+$/, '')
  const runs: EarlierRun[] = []
  let unreadable = 0
  let denied = false
  for (const runId of runIds) {
    const findBy = {
      token: request.token,
      workflowRunId: runId,
      repositoryOwner: owner,
      repositoryName: repo
    }
    try {
      const { artifacts } = await client.listArtifacts({ findBy })
      const ours = latestAttempt(artifacts, stem)
      if (ours === undefined) continue
      const dir = await mkdtemp(path.join(tmpdir(), 'encord-history-'))
      try {
        await client.downloadArtifact(ours.id, { path: dir, findBy })
        const text = await readFile(path.join(dir, REPORT_FILE_NAMES.report), 'utf8')
        runs.push(earlierRunFromReport(text, String(runId)))
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    } catch (error) {
      if (isDenied(error)) {
        denied = true
        break
      }
      unreadable += 1
    }
  }
  if (denied) deps.notice(`History: the artifacts of earlier runs could not be read; ${PERMISSION}`)
  if (unreadable > 0) {
    deps.notice(
      `History: ${unreadable} earlier run(s) had a report that could not be downloaded (expired artifacts are gone after their retention days); keep history longer with history-file`
    )
  }
  return runs.reverse()
}

/** `owner/repo/.github/workflows/ci.yml@refs/heads/main` → `ci.yml` (a valid workflow_id). */
function workflowFile(ref: string | undefined): string | null {
  const match = /\/\.github\/workflows\/([^@/]+)@/.exec(ref ?? '')
  return match?.[1] ?? null
}

/** The artifact of the highest run attempt among `<stem>-attempt-N`. */
function latestAttempt<T extends { name: string; id: number }>(
  artifacts: readonly T[],
  stem: string
): T | undefined {
  let best: { artifact: T; attempt: number } | undefined
  for (const artifact of artifacts) {
    if (!artifact.name.startsWith(`${stem}-attempt-`)) continue
    const attempt = Number(artifact.name.slice(stem.length + '-attempt-'.length))
    if (!Number.isInteger(attempt)) continue
    if (best === undefined || attempt > best.attempt) best = { artifact, attempt }
  }
  return best?.artifact
}

function isDenied(error: unknown): boolean {
  const status = httpStatusOf(error)
  if (status === 401 || status === 403) return true
  return /\b(401|403)\b|Resource not accessible/i.test(firstLineOf(error))
}

function describeListFailure(error: unknown): string {
  if (isDenied(error)) return `History: earlier runs could not be listed; ${PERMISSION}`
  return `History: earlier runs could not be listed (${firstLineOf(error)}); going on without them`
}
