/**
 * Where the PR comment goes (or why it does not) for the events a workflow runs on, and what a
 * run does when the comment or the artifact cannot be written: those sinks fail alone, with a
 * notice or a warning, and never change the step's result. Each run gets its own fake GitHub and
 * artifact service, so every request a fake saw belongs to one run.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { pullRequestEvent } from '../fakes/artifact-service.mjs'
import type { FakeArtifactService } from '../fakes/artifact-service.mjs'
import type { FakeGitHub } from '../fakes/github-api.mjs'
import { e2eDataset } from './dataset.mjs'
import {
  evaluationInputs,
  findSecrets,
  keyMaterial,
  OWNER,
  REPO,
  runSinks,
  startHarness,
  type ActionRun,
  type Harness,
  type RunOptions
} from './harness.js'

const dataset = e2eDataset()
const repository = { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } }

interface Leg {
  run: ActionRun
  github: FakeGitHub
  artifacts: FakeArtifactService
}

let harness: Harness
let dispatch: Leg
let issueComment: Leg
let fork: Leg
let forbidden: Leg
let noRuntimeToken: Leg

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  const inputs = evaluationInputs(dataset, harness.encord)
  const leg = async (
    options: Omit<RunOptions, 'inputs' | 'github' | 'artifacts'> & {
      inputs?: RunOptions['inputs']
    },
    github?: FakeGitHub
  ): Promise<Leg> => {
    const [ownGitHub, artifacts] = await Promise.all([
      github ?? harness.startGitHub(),
      harness.startArtifacts()
    ])
    const run = await harness.run({ inputs, ...options, github: ownGitHub, artifacts })
    return { run, github: ownGitHub, artifacts }
  }
  ;[dispatch, issueComment, fork, forbidden, noRuntimeToken] = await Promise.all([
    leg({
      eventName: 'workflow_dispatch',
      event: { inputs: {}, ref: 'refs/heads/main', repository },
      inputs: { ...inputs, comment: 'auto' }
    }),
    leg({
      eventName: 'issue_comment',
      event: {
        action: 'created',
        issue: {
          number: 7,
          pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/7` }
        },
        comment: { id: 1, body: '/evaluate annotators' },
        repository
      }
    }),
    leg({ event: pullRequestEvent({ owner: OWNER, repo: REPO, number: 8, fromFork: true }) }),
    leg({}, await harness.startGitHub({ forbidComments: true })),
    leg({ withoutRuntimeToken: true })
  ])
}, 180_000)

afterAll(async () => {
  await harness?.close()
})

describe('the PR comment', () => {
  it('is not attempted on workflow_dispatch with comment: auto', () => {
    const { run, github } = dispatch
    expect(run.exitCode).toBe(0)
    expect(github.requests).toEqual([])
    expect(run.outputs['comment-id']).toBe('')
    expect(run.annotations('notice')).toEqual([])
    expect(run.annotations('warning')).toEqual([])
    // The other sinks still ran.
    expect(run.outputs['artifact-id']).not.toBe('')
    expect(run.summary).toContain('3 of 3 annotators passed')
  })

  it('is posted on the pull request an issue_comment event belongs to', () => {
    const { run, github } = issueComment
    expect(run.exitCode).toBe(0)
    expect(github.comments).toHaveLength(1)
    const [comment] = github.comments
    expect(comment?.issue_number).toBe(7)
    expect(run.outputs['comment-id']).toBe(String(comment?.id))
    expect(comment?.body).toContain('<!-- encord-annotator-eval:default -->')
  })

  it('is skipped with a notice on a pull request from a fork, without touching GitHub', () => {
    const { run, github } = fork
    expect(run.exitCode).toBe(0)
    expect(run.outputs.passed).toBe('true')
    expect(github.requests).toEqual([])
    expect(run.outputs['comment-id']).toBe('')
    const notices = run.annotations('notice')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain('contributor/annotations')
    expect(notices[0]).toMatch(/fork/i)
    expect(run.annotations('error')).toEqual([])
  })

  it('is skipped with a notice when GitHub answers 403, and the step still succeeds', () => {
    const { run, github } = forbidden
    expect(run.exitCode).toBe(0)
    expect(run.outputs.passed).toBe('true')
    expect(run.outputs['comment-id']).toBe('')
    expect(github.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
    expect(github.comments).toEqual([])
    const notices = run.annotations('notice')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain('403')
    expect(notices[0]).toContain('pull-requests: write')
    expect(run.annotations('error')).toEqual([])
    // The failed comment costs nothing else.
    expect(run.outputs['artifact-id']).not.toBe('')
    expect(run.files.csv?.length).toBeGreaterThan(0)
  })
})

describe('without ACTIONS_RUNTIME_TOKEN', () => {
  it('skips the artifact with a warning, leaves its outputs empty and still writes the CSV', () => {
    const { run, artifacts, github } = noRuntimeToken
    expect(run.exitCode).toBe(0)
    expect(artifacts.requests).toEqual([])
    expect(run.outputs['artifact-id']).toBe('')
    expect(run.outputs['artifact-url']).toBe('')
    const warnings = run.annotations('warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('ACTIONS_RUNTIME_TOKEN')
    expect(warnings[0]).toContain('Skipped the artifact upload')
    expect(run.files.csv?.toString('utf8')).toMatch(/^training_email,data_unit_name,/)
    expect(run.files.csv?.equals(dispatch.run.files.csv ?? Buffer.alloc(0))).toBe(true)
    // The summary and the comment do not link to an artifact that does not exist.
    expect(run.summary).not.toContain('/artifacts/')
    expect(github.comments[0]?.body).not.toContain('/artifacts/')
  })
})

describe('every run here', () => {
  it('keeps the key out of every sink', () => {
    const places = Object.assign(
      {},
      ...Object.entries({ dispatch, issueComment, fork, forbidden, noRuntimeToken }).map(
        ([label, { run, github }]) => ({
          ...runSinks(label, run),
          [`${label} GitHub requests`]: JSON.stringify(github.requests)
        })
      )
    ) as Record<string, string | Buffer | undefined>
    expect(findSecrets(keyMaterial(dataset), places)).toEqual([])
  })
})
