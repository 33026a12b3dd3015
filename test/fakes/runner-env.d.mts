// Types for runner-env.mjs, for the TypeScript tests.

export interface RunnerEnvOptions {
  /** The fake GitHub API; sets GITHUB_API_URL and the default repository. */
  github?: { url: string; owner: string; repo: string }
  /** The fake artifact service; sets ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN. */
  artifacts?: { url: string }
  /** `owner/repo`; defaults to the fake GitHub's, else `octo-org/annotations`. */
  repository?: string
  /** Defaults to `pull_request`. */
  eventName?: string
  /** The webhook payload; defaults to a same-repository pull_request #1. */
  event?: unknown
  /** Must be github.com, *.ghe.com or *.localhost, or the artifact client refuses (GHES). */
  serverUrl?: string
  runId?: string
  /** The workflow's file name (e.g. `annotator-quality.yml`): sets GITHUB_WORKFLOW_REF. */
  workflowFile?: string
  runAttempt?: string
  job?: string
  sha?: string
  runBackendId?: string
  jobBackendId?: string
  /** Where to create the run's temporary directory; defaults to the OS temp dir. */
  tempDir?: string
}

/**
 * Environment variables for one run. Files (event JSON, step summary, output, env, path, state)
 * and RUNNER_TEMP are created in one new directory: `dirname(env.RUNNER_TEMP)`.
 */
export function runnerEnv(options?: RunnerEnvOptions): Record<string, string>

export interface PullRequestEventOptions {
  owner: string
  repo: string
  number?: number
  /** Head repository is `contributor/<repo>`, a fork. */
  fromFork?: boolean
  action?: string
}

export function pullRequestEvent(options: PullRequestEventOptions): {
  action: string
  number: number
  pull_request: {
    number: number
    head: { ref: string; sha: string; repo: { full_name: string; fork: boolean } }
    base: { ref: string; sha: string; repo: { full_name: string; fork: boolean } }
  }
  repository: { full_name: string; name: string; owner: { login: string } }
}

/** Parses GITHUB_OUTPUT (`name<<DELIM` … `DELIM` heredocs and `name=value` lines). */
export function parseGithubOutput(text: string): Record<string, string>
