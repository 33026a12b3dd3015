// The environment a GitHub-hosted runner gives a JavaScript action, pointed at local fakes, and
// a reader for the files the action writes back (GITHUB_OUTPUT).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeRuntimeToken } from './runtime-token.mjs'

/**
 * @param {import('./runner-env.d.mts').RunnerEnvOptions} [options]
 * @returns {Record<string, string>}
 */
export function runnerEnv(options = {}) {
  const { github, artifacts } = options
  const repository =
    options.repository ?? (github ? `${github.owner}/${github.repo}` : 'octo-org/annotations')
  const [owner = 'octo-org', repo = 'annotations'] = repository.split('/')
  const eventName = options.eventName ?? 'pull_request'
  const event = options.event ?? pullRequestEvent({ owner, repo, number: 1 })
  const sha = options.sha ?? 'c0ffee0000000000000000000000000000000000'

  // One directory per run holds every file the runner would provide; callers remove it with
  // `rm(dirname(env.RUNNER_TEMP), { recursive: true })`.
  const root = mkdtempSync(join(options.tempDir ?? tmpdir(), 'encord-eval-runner-'))
  const runnerTemp = join(root, 'runner-temp')
  mkdirSync(runnerTemp)
  const file = (/** @type {string} */ name, /** @type {string} */ content = '') => {
    const path = join(root, name)
    writeFileSync(path, content)
    return path
  }

  /** @type {Record<string, string>} */
  const env = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: options.serverUrl ?? 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: file('event.json', JSON.stringify(event, null, 2)),
    GITHUB_STEP_SUMMARY: file('step-summary.md'),
    GITHUB_OUTPUT: file('output.txt'),
    GITHUB_ENV: file('env.txt'),
    GITHUB_PATH: file('path.txt'),
    GITHUB_STATE: file('state.txt'),
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_RUN_ID: options.runId ?? '4242',
    GITHUB_RUN_ATTEMPT: options.runAttempt ?? '1',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_JOB: options.job ?? 'evaluate',
    GITHUB_WORKFLOW: 'Annotator quality',
    GITHUB_SHA: sha,
    GITHUB_REF: eventName.startsWith('pull_request')
      ? `refs/pull/${numberOf(event) ?? 1}/merge`
      : 'refs/heads/main'
  }
  // Set by every runner; given here only by tests of history, which lists the workflow's runs.
  if (options.workflowFile) {
    env.GITHUB_WORKFLOW_REF = `${repository}/.github/workflows/${options.workflowFile}@refs/heads/main`
  }
  if (github) env.GITHUB_API_URL = github.url
  if (artifacts) {
    env.ACTIONS_RESULTS_URL = `${artifacts.url}/`
    env.ACTIONS_RUNTIME_TOKEN = makeRuntimeToken(
      options.runBackendId ?? 'run-backend-1',
      options.jobBackendId ?? 'job-backend-1'
    )
  }
  return env
}

/** @param {unknown} event */
function numberOf(event) {
  const payload = /** @type {{ pull_request?: { number?: number } }} */ (event)
  return payload.pull_request?.number
}

/**
 * A `pull_request` event payload with just the fields actions read.
 * @param {import('./runner-env.d.mts').PullRequestEventOptions} options
 */
export function pullRequestEvent({ owner, repo, number = 1, fromFork = false, action = 'opened' }) {
  const base = { full_name: `${owner}/${repo}`, name: repo, owner: { login: owner }, fork: false }
  const head = fromFork
    ? { full_name: `contributor/${repo}`, name: repo, owner: { login: 'contributor' }, fork: true }
    : base
  return {
    action,
    number,
    pull_request: {
      number,
      head: { ref: 'feature', sha: 'c0ffee0000000000000000000000000000000000', repo: head },
      base: { ref: 'main', sha: 'ba5e000000000000000000000000000000000000', repo: base }
    },
    repository: base
  }
}

/**
 * Reads GITHUB_OUTPUT as the runner does: `name<<DELIMITER` … `DELIMITER` records (what
 * @actions/core writes) and single-line `name=value` records.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseGithubOutput(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const end = lines.indexOf(delimiter, index + 1)
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for ${name}`)
      outputs[name] = lines.slice(index + 1, end).join('\n')
      index = end
      continue
    }
    const equals = line.indexOf('=')
    if (equals <= 0) throw new Error(`GITHUB_OUTPUT: cannot read line ${JSON.stringify(line)}`)
    outputs[line.slice(0, equals)] = line.slice(equals + 1)
  }
  return outputs
}
