/**
 * The comment sink as main.ts uses it: github.context and the default client both come from the
 * runner's environment, which @actions/github reads when it is first imported — so the
 * environment is set before the dynamic import below.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { EventContext } from '../../src/github/pull-request.js'
import { pullRequestEvent, runnerEnv } from '../../test/fakes/artifact-service.mjs'
import { startFakeGitHub, type FakeGitHub } from '../../test/fakes/github-api.mjs'
import { setEnv } from './helpers/env.js'
import { captureStdout, type CapturedOutput } from './helpers/workflow-commands.js'

const owner = 'octo-org'
const repo = 'annotations'
const token = 'ghs_pr_comment_token'

let github: FakeGitHub
let restoreEnv: () => void
let runnerDir: string
let output: CapturedOutput
let commentOnPullRequest: typeof import('../../src/github/pr-comment.js').commentOnPullRequest

beforeAll(async () => {
  github = await startFakeGitHub({ owner, repo, token })
  const env = runnerEnv({ github, event: pullRequestEvent({ owner, repo, number: 3 }) })
  runnerDir = dirname(env.RUNNER_TEMP ?? '')
  restoreEnv = setEnv(env)
  ;({ commentOnPullRequest } = await import('../../src/github/pr-comment.js'))
})

afterAll(async () => {
  restoreEnv()
  await github.close()
  await rm(runnerDir, { recursive: true, force: true })
})

beforeEach(() => {
  github.requests.splice(0)
  github.comments.splice(0)
  output = captureStdout()
})

afterEach(() => {
  output.restore()
  // Every test doubles as a check that the token never reaches the log.
  if (output.text().includes(token)) throw new Error('the GitHub token was written to the log')
})

function contextFor(eventName: string, payload: object): EventContext {
  return { eventName, payload: payload as Record<string, unknown>, repo: { owner, repo } }
}

describe('commentOnPullRequest', () => {
  it('comments on the pull request of the runner event, through GITHUB_API_URL', async () => {
    const result = await commentOnPullRequest({ mode: 'auto', key: '', token, body: 'Scores' })
    expect(result).toMatchObject({ action: 'created', id: expect.any(Number) })
    expect(github.comments).toEqual([
      expect.objectContaining({ issue_number: 3, body: expect.stringContaining('Scores') })
    ])
  })

  it('makes no request when comment is off', async () => {
    const result = await commentOnPullRequest({ mode: 'off', key: '', token, body: 'x' })
    expect(result).toEqual({ id: null, action: 'skipped', reason: 'comment is off' })
    expect(github.requests).toEqual([])
    expect(output.messages('notice')).toEqual([])
  })

  it('skips a fork pull request with a notice and makes no request', async () => {
    const context = contextFor(
      'pull_request',
      pullRequestEvent({ owner, repo, number: 4, fromFork: true })
    )
    const result = await commentOnPullRequest(
      { mode: 'auto', key: '', token, body: 'x' },
      { context }
    )
    expect(result.action).toBe('skipped')
    expect(github.requests).toEqual([])
    expect(output.messages('notice')).toEqual([
      expect.stringMatching(
        /comments are not possible from fork PRs with a read-only token; see README 'Fork pull requests'/
      )
    ])
  })

  it('skips an issue_comment event on a plain issue', async () => {
    const context = contextFor('issue_comment', { issue: { number: 9 } })
    const result = await commentOnPullRequest(
      { mode: 'auto', key: '', token, body: 'x' },
      { context }
    )
    expect(result.action).toBe('skipped')
    expect(github.requests).toEqual([])
  })

  it('comments on a pull request named by an issue_comment event', async () => {
    const context = contextFor('issue_comment', { issue: { number: 9, pull_request: {} } })
    const result = await commentOnPullRequest(
      { mode: 'auto', key: 'k', token, body: 'x' },
      { context }
    )
    expect(result.action).toBe('created')
    expect(github.comments[0]?.issue_number).toBe(9)
  })

  it('skips with a notice when there is no token, and makes no request', async () => {
    const result = await commentOnPullRequest({ mode: 'auto', key: '', token: '', body: 'x' })
    expect(result.action).toBe('skipped')
    expect(github.requests).toEqual([])
    expect(output.messages('notice')).toEqual([expect.stringContaining('github-token')])
  })

  it('with always on workflow_dispatch, says why nothing was posted', async () => {
    const context = contextFor('workflow_dispatch', { inputs: {} })
    const result = await commentOnPullRequest(
      { mode: 'always', key: '', token, body: 'x' },
      { context }
    )
    expect(result.action).toBe('skipped')
    expect(github.requests).toEqual([])
    expect(output.messages('notice')).toEqual([expect.stringContaining('workflow_dispatch')])
  })
})
