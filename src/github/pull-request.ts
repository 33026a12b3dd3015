/**
 * Decides whether this run should comment, and on which pull request. Pure: it reads only the
 * event it is given (main passes `github.context`), so every case is a plain unit test.
 */
import type { CommentMode } from '../config.js'

/** The part of `github.context` the decision needs. */
export interface EventContext {
  eventName: string
  payload: Record<string, unknown>
  /** `owner/repo` of the workflow run; `github.context.repo` throws when it is unknown. */
  readonly repo: { owner: string; repo: string }
}

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
}

export type CommentDecision =
  | { comment: true; target: CommentTarget }
  /** `notice` for skips a user should hear about; `debug` for skips they asked for or expect. */
  | { comment: false; reason: string; level: 'notice' | 'debug' }

/** Events whose token is read-only when the pull request comes from a fork. */
const FORK_RESTRICTED_EVENTS = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment'
])

const FORK_HINT =
  "comments are not possible from fork PRs with a read-only token; see README 'Fork pull requests'"

export function decideComment(
  settings: { mode: CommentMode; token: string },
  context: EventContext
): CommentDecision {
  if (settings.mode === 'off') return skip('comment is off', 'debug')

  const pullRequest = findPullRequest(context, settings.mode)
  if (pullRequest.number === undefined) {
    return settings.mode === 'always'
      ? skip(
          `comment is always, but ${pullRequest.why}, so there is nothing to comment on`,
          'notice'
        )
      : skip(`${pullRequest.why}; comment: auto only comments on pull requests`, 'debug')
  }

  const fork = forkOf(context)
  if (fork !== null)
    return skip(`this pull request comes from the fork ${fork}; ${FORK_HINT}`, 'notice')

  if (settings.token.trim() === '') {
    return skip(
      'github-token is empty; pass github-token: ${{ github.token }} to comment',
      'notice'
    )
  }

  let repo: { owner: string; repo: string }
  try {
    repo = context.repo
  } catch {
    return skip('the repository is unknown (GITHUB_REPOSITORY is not set)', 'notice')
  }
  return { comment: true, target: { ...repo, issueNumber: pullRequest.number } }
}

function skip(reason: string, level: 'notice' | 'debug'): CommentDecision {
  return { comment: false, reason, level }
}

interface FoundPullRequest {
  number: number | undefined
  /** Why there is none, phrased to follow "comment is always, but …". */
  why: string
}

function findPullRequest(context: EventContext, mode: CommentMode): FoundPullRequest {
  const { eventName, payload } = context
  const event = `this ${eventName || 'unknown'} event`

  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    return found(numberIn(payload.pull_request), `${event} has no pull request number`)
  }
  if (eventName === 'issue_comment') {
    const issue = asRecord(payload.issue)
    // GitHub marks an issue that is a pull request by giving it a `pull_request` object.
    if (issue?.pull_request === undefined || issue.pull_request === null) {
      return found(undefined, 'this issue_comment event is on an issue, not a pull request')
    }
    return found(numberIn(issue), `${event} has no issue number`)
  }
  if (mode !== 'always') return found(undefined, `${event} is not about a pull request`)

  // `always` also looks wherever else a pull request can be named (reviews, workflow_run from a
  // PR, check suites). workflow_run lists none for fork PRs (actions/runner#3444).
  const candidates = [
    numberIn(payload.pull_request),
    firstPullRequestIn(payload.workflow_run),
    firstPullRequestIn(payload.check_suite),
    firstPullRequestIn(payload.check_run)
  ]
  return found(
    candidates.find((number) => number !== undefined),
    `${event} names no pull request`
  )
}

function found(number: number | undefined, why: string): FoundPullRequest {
  return { number, why }
}

/** `head/owner` when a fork-restricted event comes from another repository, else null. */
function forkOf(context: EventContext): string | null {
  if (!FORK_RESTRICTED_EVENTS.has(context.eventName)) return null
  const pullRequest = asRecord(context.payload.pull_request)
  if (pullRequest === undefined) return null
  const head = fullNameOf(asRecord(pullRequest.head)?.repo)
  const base = fullNameOf(asRecord(pullRequest.base)?.repo)
  // A deleted fork leaves head.repo null; its token is read-only just the same.
  if (head === undefined) return 'a deleted repository'
  if (base !== undefined && head.toLowerCase() !== base.toLowerCase()) return head
  return null
}

function fullNameOf(repo: unknown): string | undefined {
  const name = asRecord(repo)?.full_name
  return typeof name === 'string' ? name : undefined
}

function numberIn(value: unknown): number | undefined {
  const number = asRecord(value)?.number
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined
}

function firstPullRequestIn(value: unknown): number | undefined {
  const list = asRecord(value)?.pull_requests
  return Array.isArray(list) ? numberIn(list[0]) : undefined
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined
}
