/**
 * Inputs as the runner passes them: a bad value stops the run before any network call with one
 * error naming the input; optional inputs missing from the environment altogether behave exactly
 * like the defaults action.yml declares.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { FakeArtifactService } from '../fakes/artifact-service.mjs'
import type { FakeGitHub } from '../fakes/github-api.mjs'
import { pullRequestEvent } from '../fakes/artifact-service.mjs'
import type { FakeEncord } from '../../tools/fake-encord/server.mjs'
import { e2eDataset } from './dataset.mjs'
import {
  actionYmlInputDefaults,
  evaluationInputs,
  findSecrets,
  inputVariable,
  expectedArtifactName,
  keyBodyLines,
  keyMaterial,
  OWNER,
  REPO,
  runSinks,
  startHarness,
  type ActionRun,
  type Harness
} from './harness.js'
import { reportOf } from './results.js'

const dataset = e2eDataset()

/** The key as a bad paste leaves it: the third base64 line lost. */
const truncatedKey = dataset.key.privateKeyOpenSsh
  .split('\n')
  .filter((_, index) => index !== 3)
  .join('\n')

const INVALID = [
  { input: 'iou-threshold', value: '2' },
  { input: 'ssh-private-key', value: truncatedKey },
  { input: 'method', value: 'foo' }
] as const

let harness: Harness
/** Fakes no invalid run may reach. */
let untouched: { encord: FakeEncord; github: FakeGitHub; artifacts: FakeArtifactService }
let invalidRuns: ActionRun[]
let onlyRequired: ActionRun
let explicitDefaults: ActionRun
let declaredDefaults: Record<string, string | undefined>
let explicitDefaultsArtifacts: FakeArtifactService

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  const [encord, github, artifacts, otherArtifacts] = await Promise.all([
    harness.startEncord(),
    harness.startGitHub(),
    harness.startArtifacts(),
    harness.startArtifacts()
  ])
  untouched = { encord, github, artifacts }
  explicitDefaultsArtifacts = otherArtifacts
  declaredDefaults = await actionYmlInputDefaults()

  const required = evaluationInputs(dataset, harness.encord)
  const allDefaults: Record<string, string> = {}
  for (const [name, value] of Object.entries(declaredDefaults)) {
    if (value !== undefined) allDefaults[name] = value
  }
  const runs = await Promise.all([
    ...INVALID.map(({ input, value }) =>
      harness.run({
        inputs: { ...evaluationInputs(dataset, encord), [input]: value },
        github,
        artifacts
      })
    ),
    harness.run({ inputs: required }),
    harness.run({
      // `github-token: ${{ github.token }}` and `encord-domain` are what the runner and the test
      // supply; every other default is passed as action.yml spells it.
      inputs: { ...allDefaults, ...required },
      event: pullRequestEvent({ owner: OWNER, repo: REPO, number: 2 }),
      artifacts: otherArtifacts
    })
  ])
  invalidRuns = runs.slice(0, INVALID.length)
  ;[onlyRequired, explicitDefaults] = runs.slice(INVALID.length) as [ActionRun, ActionRun]
}, 180_000)

afterAll(async () => {
  await harness?.close()
})

describe('an invalid input', () => {
  it.each(INVALID.map(({ input, value }, index) => ({ input, value, index })))(
    '$input fails the step with one error naming it, before any request',
    ({ input, index }) => {
      const run = invalidRuns[index] as ActionRun
      expect(run.exitCode).toBe(1)
      const errors = run.annotations('error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(input)
      expect(errors[0]).not.toMatch(/Unexpected error|bug/)
      // Later steps can still branch on the verdict, and the job summary says why.
      expect(run.outputs).toEqual({ passed: 'false' })
      expect(run.summary).toContain('could not score the annotators')
      expect(run.summary).toContain(input)
    }
  )

  it('reaches neither Encord, GitHub nor the artifact service', () => {
    expect(untouched.encord.requestLog).toEqual([])
    expect(untouched.github.requests).toEqual([])
    expect(untouched.artifacts.requests).toEqual([])
  })

  it('that is a damaged key is not quoted back, and is still masked', () => {
    const run = invalidRuns[1] as ActionRun
    expect(findSecrets(keyMaterial(dataset), runSinks('damaged key', run))).toEqual([])
    const masked = run.commands.filter((c) => c.name === 'add-mask').map((c) => c.message)
    for (const line of keyBodyLines(dataset).filter((_, index) => index !== 2)) {
      expect(masked).toContain(line)
    }
  })
})

describe('optional inputs missing from the environment', () => {
  it('are absent from the run environment, not set to empty strings', () => {
    const given = Object.keys(onlyRequired.env).filter((name) => name.startsWith('INPUT_'))
    expect(given.sort()).toEqual(
      ['ssh-private-key', 'benchmark-project', 'training-projects', 'encord-domain', 'github-token']
        .map(inputVariable)
        .sort()
    )
    expect(Object.keys(declaredDefaults).length).toBeGreaterThan(given.length + 10)
    expect(onlyRequired.exitCode).toBe(0)
    expect(onlyRequired.annotations('error')).toEqual([])
    expect(onlyRequired.annotations('warning')).toEqual([])
  })

  it('behave like the action.yml defaults: same files, same artifact, same comment', () => {
    expect(explicitDefaults.exitCode).toBe(0)
    expect(onlyRequired.files.csv?.equals(explicitDefaults.files.csv ?? Buffer.alloc(0))).toBe(true)
    expect(
      onlyRequired.files.report?.equals(explicitDefaults.files.report ?? Buffer.alloc(0))
    ).toBe(true)
    expect(
      onlyRequired.files.summary?.equals(explicitDefaults.files.summary ?? Buffer.alloc(0))
    ).toBe(true)
    for (const name of ['passed', 'annotators', 'failed-annotators', 'results']) {
      expect(onlyRequired.outputs[name]).toBe(explicitDefaults.outputs[name])
    }
  })

  it('write to output-dir, score with method, iou-threshold and workflow-stage as declared', () => {
    for (const run of [onlyRequired, explicitDefaults]) {
      expect(run.outputs['csv-path']).toBe(
        path.join(run.workspace, declaredDefaults['output-dir'] ?? '?', 'iou_results.csv')
      )
    }
    expect(reportOf(onlyRequired).settings).toEqual({
      method: declaredDefaults.method,
      iouThreshold: Number(declaredDefaults['iou-threshold']),
      workflowStage: declaredDefaults['workflow-stage'],
      thresholds: {},
      gateOn: declaredDefaults['gate-on'],
      onInconclusive: declaredDefaults['on-inconclusive'],
      minDataUnits: Number(declaredDefaults['min-data-units']),
      bootstrapSamples: Number(declaredDefaults['bootstrap-samples']),
      confidenceLevel: Number(declaredDefaults['confidence-level'])
    })
  })

  it('upload the artifact under the declared artifact-name and comment on the pull request', () => {
    const name = expectedArtifactName({
      prefix: declaredDefaults['artifact-name'],
      method: declaredDefaults.method,
      projects: [dataset.benchmarkProject, ...dataset.trainingProjects]
    })
    expect([...harness.artifacts.artifacts.keys()]).toEqual([name])
    expect([...explicitDefaultsArtifacts.artifacts.keys()]).toEqual([name])
    expect(onlyRequired.outputs['artifact-id']).toBe(
      String(harness.artifacts.artifacts.get(name)?.id)
    )

    expect(declaredDefaults.comment).toBe('auto')
    expect(declaredDefaults['github-token']).toBe('${{ github.token }}')
    // The two runs ran side by side, so their comments may have been created in either order.
    const onFirst = harness.github.comments.find((comment) => comment.issue_number === 1)
    const onSecond = harness.github.comments.find((comment) => comment.issue_number === 2)
    expect(harness.github.comments).toHaveLength(2)
    expect(onFirst?.id).toBe(Number(onlyRequired.outputs['comment-id']))
    expect(onSecond?.id).toBe(Number(explicitDefaults.outputs['comment-id']))
    expect(onFirst?.body).toContain('<!-- encord-annotator-eval:default -->')
    const withoutArtifactId = (body = '') => body.replace(/\/artifacts\/\d+/g, '/artifacts/N')
    expect(withoutArtifactId(onFirst?.body)).toBe(withoutArtifactId(onSecond?.body))
  })
})
