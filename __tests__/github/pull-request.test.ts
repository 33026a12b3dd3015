import { describe, expect, it } from '@jest/globals'
import { decideComment, type EventContext } from '../../src/github/pull-request.js'
import { pullRequestEvent } from '../../test/fakes/artifact-service.mjs'

const repo = { owner: 'octo-org', repo: 'annotations' }
const token = 'ghs_test'

function context(eventName: string, payload: object): EventContext {
  return { eventName, payload: payload as Record<string, unknown>, repo }
}

const samePr = pullRequestEvent({ ...repo, number: 12 })
const forkPr = pullRequestEvent({ ...repo, number: 13, fromFork: true })
const issueOnPr = { issue: { number: 14, pull_request: { url: 'https://api.github.com/…' } } }
const issueOnly = { issue: { number: 15 } }

describe('decideComment', () => {
  it.each(['pull_request', 'pull_request_target'])('auto comments on %s', (eventName) => {
    expect(decideComment({ mode: 'auto', token }, context(eventName, samePr))).toEqual({
      comment: true,
      target: { ...repo, issueNumber: 12 }
    })
  })

  it('auto comments on an issue_comment event on a pull request', () => {
    expect(decideComment({ mode: 'auto', token }, context('issue_comment', issueOnPr))).toEqual({
      comment: true,
      target: { ...repo, issueNumber: 14 }
    })
  })

  it.each(['auto', 'always'] as const)(
    'skips an issue_comment event on an issue that is not a pull request (%s)',
    (mode) => {
      const decision = decideComment({ mode, token }, context('issue_comment', issueOnly))
      expect(decision).toMatchObject({ comment: false })
      expect(decision.comment === false && decision.reason).toContain('not a pull request')
    }
  )

  it('skips a pull request from a fork with a notice pointing at the README', () => {
    const decision = decideComment({ mode: 'auto', token }, context('pull_request', forkPr))
    expect(decision).toEqual({
      comment: false,
      level: 'notice',
      reason: expect.stringContaining("see README 'Fork pull requests'")
    })
    expect(decision.comment === false && decision.reason).toContain('contributor/annotations')
  })

  it('comments on pull_request_target from a fork, whose token can write', () => {
    expect(decideComment({ mode: 'auto', token }, context('pull_request_target', forkPr))).toEqual({
      comment: true,
      target: { ...repo, issueNumber: 13 }
    })
  })

  it('treats a pull request whose fork was deleted (head.repo null) as a fork', () => {
    const payload = { pull_request: { ...samePr.pull_request, head: { repo: null } } }
    expect(decideComment({ mode: 'auto', token }, context('pull_request', payload))).toMatchObject({
      comment: false,
      level: 'notice'
    })
  })

  it('off never comments, quietly', () => {
    expect(decideComment({ mode: 'off', token }, context('pull_request', samePr))).toEqual({
      comment: false,
      level: 'debug',
      reason: 'comment is off'
    })
  })

  it('auto skips other events quietly', () => {
    expect(decideComment({ mode: 'auto', token }, context('push', {}))).toMatchObject({
      comment: false,
      level: 'debug'
    })
  })

  it('always skips with a notice when the event names no pull request (workflow_dispatch)', () => {
    const decision = decideComment({ mode: 'always', token }, context('workflow_dispatch', {}))
    expect(decision).toMatchObject({ comment: false, level: 'notice' })
    expect(decision.comment === false && decision.reason).toContain('workflow_dispatch')
  })

  it('always finds the pull request of a workflow_run event', () => {
    const payload = { workflow_run: { pull_requests: [{ number: 21 }, { number: 22 }] } }
    expect(decideComment({ mode: 'always', token }, context('workflow_run', payload))).toEqual({
      comment: true,
      target: { ...repo, issueNumber: 21 }
    })
  })

  it('auto does not comment on a workflow_run event, even one from a pull request', () => {
    const payload = { workflow_run: { pull_requests: [{ number: 21 }] } }
    expect(decideComment({ mode: 'auto', token }, context('workflow_run', payload))).toMatchObject({
      comment: false
    })
  })

  it('always still refuses a fork pull_request_review event (read-only token)', () => {
    expect(
      decideComment({ mode: 'always', token }, context('pull_request_review', forkPr))
    ).toMatchObject({ comment: false, level: 'notice' })
  })

  it('skips with a notice when there is no token', () => {
    const decision = decideComment({ mode: 'auto', token: ' ' }, context('pull_request', samePr))
    expect(decision).toMatchObject({ comment: false, level: 'notice' })
    expect(decision.comment === false && decision.reason).toContain('github-token')
  })

  it('skips with a notice when the repository is unknown', () => {
    const unknownRepo: EventContext = {
      eventName: 'pull_request',
      payload: samePr as unknown as Record<string, unknown>,
      get repo(): { owner: string; repo: string } {
        throw new Error(
          "context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'"
        )
      }
    }
    expect(decideComment({ mode: 'auto', token }, unknownRepo)).toMatchObject({
      comment: false,
      level: 'notice'
    })
  })
})
