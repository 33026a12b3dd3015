/**
 * One sticky comment per `comment-key` on a pull request: found by a hidden marker *and* by its
 * author (so nobody can plant a marker and have us overwrite their comment), updated in place,
 * left alone when nothing changed (no notification), created when missing. Never throws: a
 * comment that cannot be written is a notice or a warning, never a failed job.
 */
import * as core from '@actions/core'
import { COMMENT_LIMIT_CHARS, commentMarker } from '../report/comment.js'
import { firstLineOf } from '../errors.js'
import { httpStatusOf } from './http-status.js'
import type { GitHubClient } from './octokit.js'
import type { CommentTarget } from './pull-request.js'

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'skipped'

export interface CommentResult {
  /** The comment's id, or null when skipped. */
  id: number | null
  action: CommentAction
  /** Link to the comment, when there is one. */
  url?: string
  /** Why it was skipped. */
  reason?: string
}

/**
 * Who wrote our earlier comments. A personal access token can ask `GET /user`; the workflow's
 * GITHUB_TOKEN cannot (403), and its comments are authored by the bot `github-actions[bot]`.
 * A GitHub App token also gets 403 but comments as `<app>[bot]`: the fallback does not find its
 * old comment, so it creates one, then the duplicate sweep (which learns the author from the
 * comment just created) folds the two back into the older one.
 */
export type Author = { login: string } | { bot: 'github-actions[bot]' }

const GITHUB_ACTIONS_BOT: Author = { bot: 'github-actions[bot]' }

interface IssueComment {
  id: number
  body?: string | null | undefined
  html_url: string
  user: { login: string; type: string } | null
}

export async function upsertStickyComment(
  client: GitHubClient,
  request: { target: CommentTarget; key: string; body: string }
): Promise<CommentResult> {
  const { target } = request
  const marker = commentMarker(request.key)
  const body = withMarker(fitToLimit(request.body, marker), marker)
  try {
    const me = await whoAmI(client)
    const [existing, ...duplicates] = await findOurComments(client, target, marker, me)
    if (existing !== undefined) {
      await deleteComments(client, target, duplicates)
      return await updateIfChanged(client, target, existing, body)
    }

    const created = await createComment(client, target, body)
    // Another job (a matrix leg with the same key) may have created one at the same moment.
    // Everyone keeps the oldest, so all racers agree; the last writer's body wins.
    const author: Author = created.user ? { login: created.user.login } : me
    const [oldest, ...others] = await findOurComments(client, target, marker, author)
    // `others` holds our new comment too when an older one exists.
    await deleteComments(client, target, others)
    if (oldest !== undefined && oldest.id !== created.id) {
      return await updateIfChanged(client, target, oldest, body)
    }
    core.info(`Created the PR comment: ${created.html_url}`)
    return { id: created.id, action: 'created', url: created.html_url }
  } catch (error) {
    return reportFailure(error, target)
  }
}

async function whoAmI(client: GitHubClient): Promise<Author> {
  try {
    const { data } = await client.rest.users.getAuthenticated()
    return { login: data.login }
  } catch (error) {
    if (httpStatusOf(error) !== 403) throw error
    core.debug(
      'GET /user is forbidden (a GITHUB_TOKEN); looking for comments by github-actions[bot]'
    )
    return GITHUB_ACTIONS_BOT
  }
}

function isAuthor(comment: IssueComment, author: Author): boolean {
  const user = comment.user
  if (user === null) return false
  if ('login' in author) return user.login.toLowerCase() === author.login.toLowerCase()
  return user.type === 'Bot' && user.login === author.bot
}

/** Our comments carrying the marker, oldest first, across every page. */
async function findOurComments(
  client: GitHubClient,
  target: CommentTarget,
  marker: string,
  author: Author
): Promise<IssueComment[]> {
  const comments: IssueComment[] = await client.paginate(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  return comments
    .filter((comment) => (comment.body ?? '').includes(marker) && isAuthor(comment, author))
    .sort((a, b) => a.id - b.id)
}

async function createComment(
  client: GitHubClient,
  target: CommentTarget,
  body: string
): Promise<IssueComment> {
  const { data } = await client.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body
  })
  return data
}

async function updateIfChanged(
  client: GitHubClient,
  target: CommentTarget,
  comment: IssueComment,
  body: string
): Promise<CommentResult> {
  if (sameText(comment.body ?? '', body)) {
    core.info(`The PR comment is already up to date: ${comment.html_url}`)
    return { id: comment.id, action: 'unchanged', url: comment.html_url }
  }
  const { data } = await client.rest.issues.updateComment({
    owner: target.owner,
    repo: target.repo,
    comment_id: comment.id,
    body
  })
  core.info(`Updated the PR comment: ${data.html_url}`)
  return { id: data.id, action: 'updated', url: data.html_url }
}

async function deleteComments(
  client: GitHubClient,
  target: CommentTarget,
  comments: IssueComment[]
): Promise<void> {
  for (const comment of comments) {
    try {
      await client.rest.issues.deleteComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: comment.id
      })
      core.debug(`Deleted duplicate PR comment ${comment.id}`)
    } catch (error) {
      // 404: another job deleted it first. Anything else leaves a duplicate, which is harmless.
      if (httpStatusOf(error) !== 404) {
        core.debug(`Could not delete duplicate PR comment ${comment.id}: ${firstLineOf(error)}`)
      }
    }
  }
}

/** GitHub may store `\r\n` for `\n` and trim trailing space; neither is a change worth an edit. */
function sameText(a: string, b: string): boolean {
  const normalize = (text: string): string => text.replace(/\r\n/g, '\n').trimEnd()
  return normalize(a) === normalize(b)
}

function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${body.trimEnd()}\n\n${marker}\n`
}

const TRUNCATED_NOTE =
  "\n\n> [!NOTE]\n> This comment was cut to fit GitHub's size limit; the job summary and the report artifact have everything."

/** Reports budget their own size; this guard only stops a 422 from losing the whole comment. */
function fitToLimit(body: string, marker: string): string {
  const room = COMMENT_LIMIT_CHARS - marker.length - 4
  if (body.length <= room) return body
  core.warning(
    `The PR comment (${body.length} characters) is over GitHub's limit of ${COMMENT_LIMIT_CHARS}; it was cut short`
  )
  let cut = body.slice(0, room - TRUNCATED_NOTE.length)
  // Never leave half of a surrogate pair at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut}${TRUNCATED_NOTE}`
}

function reportFailure(error: unknown, target: CommentTarget): CommentResult {
  const status = httpStatusOf(error)
  const line = firstLineOf(error)
  const where = `${target.owner}/${target.repo}#${target.issueNumber}`
  if (status === 403 && /not accessible by integration/i.test(line)) {
    const reason = `the token may not write comments on ${where} (403 Resource not accessible by integration)`
    core.notice(
      `Skipped the PR comment: ${reason}. Grant "permissions: pull-requests: write" to the job; a pull request from a fork gets a read-only token whatever the permissions (see README 'Fork pull requests').`
    )
    return { id: null, action: 'skipped', reason }
  }
  const reason = `could not comment on ${where}: ${status === undefined ? '' : `HTTP ${status}: `}${line}`
  core.warning(`Skipped the PR comment: ${reason}`)
  return { id: null, action: 'skipped', reason }
}
