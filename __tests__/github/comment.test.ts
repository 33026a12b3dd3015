import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { upsertStickyComment } from '../../src/github/comment.js'
import { commentMarker } from '../../src/report/comment.js'
import { createGitHubClient } from '../../src/github/octokit.js'
import { startFakeGitHub, type FakeGitHub } from '../../test/fakes/github-api.mjs'
import { captureStdout, type CapturedOutput } from './helpers/workflow-commands.js'

const owner = 'octo-org'
const repo = 'annotations'
const token = 'ghs_fake_token_4c5d'
const target = { owner, repo, issueNumber: 7 }
const marker = commentMarker('team-a')

let github: FakeGitHub
let output: CapturedOutput

async function start(options: { login?: string; forbidComments?: boolean } = {}): Promise<void> {
  github = await startFakeGitHub({ owner, repo, token, ...options })
}

function upsert(body: string, key = 'team-a'): ReturnType<typeof upsertStickyComment> {
  // The fake is named by baseUrl; nock could not see this client's undici fetch.
  return upsertStickyComment(createGitHubClient(token, { baseUrl: github.url }), {
    target,
    key,
    body
  })
}

const writes = (): string[] =>
  github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)

beforeEach(() => {
  output = captureStdout()
})

afterEach(async () => {
  output.restore()
  // Every test doubles as a check that the token never reaches the log.
  if (output.text().includes(token)) throw new Error('the GitHub token was written to the log')
  await github.close()
})

describe('upsertStickyComment with the workflow GITHUB_TOKEN (GET /user is forbidden)', () => {
  beforeEach(() => start())

  it('creates the comment with the hidden marker, then updates it in place', async () => {
    const first = await upsert('## Scores\n\nround 1')
    expect(first).toMatchObject({ action: 'created', id: expect.any(Number) })
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]?.body).toBe(`## Scores\n\nround 1\n\n${marker}\n`)
    expect(github.comments[0]?.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' })

    const second = await upsert('## Scores\n\nround 2')
    expect(second).toEqual({ id: first.id, action: 'updated', url: expect.any(String) })
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]?.body).toContain('round 2')
    expect(writes()).toEqual([
      `POST /repos/${owner}/${repo}/issues/7/comments`,
      `PATCH /repos/${owner}/${repo}/issues/comments/${first.id}`
    ])
  })

  it('does not edit when the body is unchanged (no notification)', async () => {
    const first = await upsert('same body')
    const again = await upsert('same body')
    expect(again).toMatchObject({ id: first.id, action: 'unchanged' })
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)
  })

  it('ignores a comment carrying our marker written by someone else', async () => {
    const planted = github.addComment({
      issueNumber: 7,
      body: `look at me\n${marker}`,
      login: 'mallory'
    })
    const result = await upsert('real report')
    expect(result.action).toBe('created')
    expect(result.id).not.toBe(planted.id)
    expect(github.comments.find((c) => c.id === planted.id)?.body).toBe(`look at me\n${marker}`)
  })

  it('ignores a bot comment by another app, and our comments under another key', async () => {
    github.addComment({ issueNumber: 7, body: marker, login: 'other-app[bot]', type: 'Bot' })
    const otherKey = await upsert('leg b', 'team-b')
    const result = await upsert('leg a', 'team-a')
    expect(result.action).toBe('created')
    expect(github.comments.find((c) => c.id === otherKey.id)?.body).toContain('leg b')
  })

  it('finds its comment among more than 100 (follows the Link header)', async () => {
    for (let n = 0; n < 230; n++) {
      github.addComment({ issueNumber: 7, body: `chatter ${n}`, login: 'reviewer' })
    }
    const ours = github.addComment({
      issueNumber: 7,
      body: `old report\n\n${marker}\n`,
      login: 'github-actions[bot]',
      type: 'Bot'
    })
    const result = await upsert('new report')
    expect(result).toMatchObject({ id: ours.id, action: 'updated' })
    const pages = github.requests
      .filter((r) => r.method === 'GET' && r.path.endsWith('/issues/7/comments'))
      .map((r) => [r.query.per_page, r.query.page ?? '1'])
    expect(pages).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3']
    ])
  })

  it('deletes its own duplicates and keeps the oldest (matrix legs racing)', async () => {
    const seed = (body: string): number =>
      github.addComment({
        issueNumber: 7,
        body: `${body}\n\n${marker}\n`,
        login: 'github-actions[bot]',
        type: 'Bot'
      }).id
    const oldest = seed('leg 1')
    seed('leg 2')
    seed('leg 3')
    const result = await upsert('leg 4')
    expect(result).toMatchObject({ id: oldest, action: 'updated' })
    expect(github.comments.map((c) => c.id)).toEqual([oldest])
    expect(github.comments[0]?.body).toContain('leg 4')
  })

  it('after creating, folds into an older comment created at the same moment', async () => {
    // Simulate the other leg: its comment appears between our listing and our creation.
    const racer = github.addComment({
      issueNumber: 7,
      body: `other leg\n\n${marker}\n`,
      login: 'github-actions[bot]',
      type: 'Bot'
    })
    github.comments.splice(0) // hide it from the first listing …
    const client = createGitHubClient(token, { baseUrl: github.url })
    const realCreate = client.rest.issues.createComment
    client.rest.issues.createComment = (async (params: Parameters<typeof realCreate>[0]) => {
      github.comments.push(racer) // … and let it land just before ours
      return realCreate(params)
    }) as typeof realCreate

    const result = await upsertStickyComment(client, { target, key: 'team-a', body: 'this leg' })
    expect(result).toMatchObject({ id: racer.id, action: 'updated' })
    expect(github.comments.map((c) => c.id)).toEqual([racer.id])
    expect(github.comments[0]?.body).toContain('this leg')
  })

  it('uses the key "default" when the key is empty', async () => {
    await upsert('body', '')
    expect(github.comments[0]?.body).toContain('<!-- encord-annotator-eval:default -->')
  })

  it('cuts a body over 65,536 characters instead of losing the comment', async () => {
    const result = await upsert('x'.repeat(70_000))
    expect(result.action).toBe('created')
    const body = github.comments[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain(marker)
    expect(output.messages('warning')).toEqual([expect.stringContaining('cut short')])
  })
})

describe('upsertStickyComment with a personal access token', () => {
  beforeEach(() => start({ login: 'eval-bot' }))

  it('matches comments by the login from GET /user', async () => {
    github.addComment({
      issueNumber: 7,
      body: `by the bot\n\n${marker}`,
      login: 'github-actions[bot]',
      type: 'Bot'
    })
    const mine = github.addComment({ issueNumber: 7, body: `mine\n\n${marker}`, login: 'eval-bot' })
    const result = await upsert('fresh')
    expect(result).toMatchObject({ id: mine.id, action: 'updated' })
    expect(github.requests[0]).toMatchObject({ method: 'GET', path: '/user', authorized: true })
  })
})

describe('upsertStickyComment with a GitHub App token (GET /user is forbidden, author <app>[bot])', () => {
  beforeEach(() => start({ login: 'score-app[bot]' }))

  it('cannot find its old comment first, but folds the new one back into it', async () => {
    const old = github.addComment({
      issueNumber: 7,
      body: `last run\n\n${marker}\n`,
      login: 'score-app[bot]',
      type: 'Bot'
    })
    const result = await upsert('this run')
    expect(result).toMatchObject({ id: old.id, action: 'updated' })
    expect(github.comments.map((c) => [c.id, c.body.split('\n')[0]])).toEqual([
      [old.id, 'this run']
    ])
  })
})

describe('upsertStickyComment when the token may not write', () => {
  beforeEach(() => start({ forbidComments: true }))

  it('turns 403 "Resource not accessible by integration" into a notice with a hint', async () => {
    const result = await upsert('report')
    expect(result).toEqual({
      id: null,
      action: 'skipped',
      reason: expect.stringContaining('403')
    })
    expect(output.messages('notice')).toEqual([
      expect.stringContaining('permissions: pull-requests: write')
    ])
    expect(output.messages('warning')).toEqual([])
  })
})

describe('upsertStickyComment on other failures', () => {
  beforeEach(() => start())

  it('turns a server error into a warning and never throws', async () => {
    github.failNext('POST', 502, 'Bad Gateway')
    const result = await upsert('report')
    expect(result).toMatchObject({ id: null, action: 'skipped' })
    expect(output.messages('warning')).toEqual([expect.stringContaining('HTTP 502')])
  })

  it('reports a wrong token as a warning', async () => {
    const client = createGitHubClient('wrong-token', { baseUrl: github.url })
    const result = await upsertStickyComment(client, { target, key: 'k', body: 'b' })
    expect(result).toMatchObject({ action: 'skipped', reason: expect.stringContaining('401') })
    expect(github.requests.every((r) => !r.authorized)).toBe(true)
  })
})
