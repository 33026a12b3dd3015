/**
 * The PR-comment sink as main.ts calls it: decide (event, mode, fork, token), build a client,
 * upsert the sticky comment. Never throws.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import type { CommentMode } from '../config.js'
import { upsertStickyComment, type CommentResult } from './comment.js'
import { firstLineOf } from '../errors.js'
import { createGitHubClient, type GitHubClient } from './octokit.js'
import { decideComment, type EventContext } from './pull-request.js'

export interface PullRequestCommentRequest {
  mode: CommentMode
  /** `comment-key`; empty means `default`. */
  key: string
  token: string
  /** Rendered markdown; the marker is added here. */
  body: string
}

export interface PullRequestCommentDeps {
  /** Defaults to `github.context`. */
  context?: EventContext
  /** Defaults to `createGitHubClient`. */
  createClient?: (token: string) => GitHubClient
}

export async function commentOnPullRequest(
  request: PullRequestCommentRequest,
  deps: PullRequestCommentDeps = {}
): Promise<CommentResult> {
  const decision = decideComment(request, deps.context ?? github.context)
  if (!decision.comment) {
    const message = `Skipped the PR comment: ${decision.reason}.`
    if (decision.level === 'notice') core.notice(message)
    else core.debug(message)
    return { id: null, action: 'skipped', reason: decision.reason }
  }
  let client: GitHubClient
  try {
    client = (deps.createClient ?? createGitHubClient)(request.token)
  } catch (error) {
    const reason = `could not create a GitHub client: ${firstLineOf(error)}`
    core.warning(`Skipped the PR comment: ${reason}`)
    return { id: null, action: 'skipped', reason }
  }
  return upsertStickyComment(client, {
    target: decision.target,
    key: request.key,
    body: request.body
  })
}
