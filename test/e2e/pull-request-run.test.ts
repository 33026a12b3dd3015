/**
 * The main job on a pull request, three times over one PR: a first run (all sinks), a re-run of
 * the same job (run attempt 2, same comment-key) with a threshold that one annotator misses, and
 * a second step with another comment-key and a threshold everyone meets, whose key is pasted with
 * literal `\n` as people do in secrets. Thresholds come from the scores of the first run.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { e2eDataset } from './dataset.mjs'
import {
  actionYmlOutputNames,
  evaluationInputs,
  findSecrets,
  expectedArtifactName,
  keyBodyLines,
  keyMaterial,
  OWNER,
  REPO,
  RUN_ID,
  runSinks,
  startHarness,
  type ActionRun,
  type Harness
} from './harness.js'
import { csvOf, reportOf, resultsOf, statusCounts, type AnnotatorResult } from './results.js'

// The outputs the action promises, listed here rather than imported from src/inputs.ts: dropping
// one there must fail this test.
const OUTPUT_NAMES = [
  'passed',
  'csv-path',
  'report-path',
  'summary-path',
  'artifact-id',
  'artifact-url',
  'comment-id',
  'annotators',
  'failed-annotators',
  'results',
  'inconclusive-annotators',
  'benchmark-suspects'
]
const SCRIPT_COLUMNS = ['training_email', 'data_unit_name', 'label_id', 'iou_score', 'class_score']
const DEFAULT_MARKER = '<!-- encord-annotator-eval:default -->'
const SECOND_KEY = 'team-b'

const dataset = e2eDataset()
const projects = [dataset.benchmarkProject, ...dataset.trainingProjects]
const pastedWithLiteralNewlines = dataset.key.privateKeyOpenSsh.trimEnd().replace(/\n/g, '\\n')

function isDeprecationNote(line: string): boolean {
  return /^\(node:\d+\) \[DEP\d+\] DeprecationWarning|^\(Use `node --trace-deprecation/.test(line)
}

let harness: Harness
let first: ActionRun
let rerun: ActionRun
let secondKey: ActionRun
let worst: AnnotatorResult & { meanIou: number }
let failThreshold: number
let passThreshold: number

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  const inputs = evaluationInputs(dataset, harness.encord)
  first = await harness.run({ inputs })

  const byMeanIou = resultsOf(first)
    .filter((result): result is AnnotatorResult & { meanIou: number } => result.meanIou !== null)
    .sort((a, b) => a.meanIou - b.meanIou)
  const [lowest, nextLowest] = byMeanIou
  if (!lowest || !nextLowest || lowest.meanIou === nextLowest.meanIou) {
    throw new Error('the scenario needs two annotators with different mean IoU')
  }
  worst = lowest
  failThreshold = (lowest.meanIou + nextLowest.meanIou) / 2
  passThreshold = lowest.meanIou - 0.01

  // Both after the first run, side by side: they touch different comments and artifacts.
  ;[rerun, secondKey] = await Promise.all([
    harness.run({ inputs: { ...inputs, 'min-mean-iou': String(failThreshold) }, runAttempt: '2' }),
    harness.run({
      inputs: {
        ...inputs,
        'ssh-private-key': pastedWithLiteralNewlines,
        'comment-key': SECOND_KEY,
        'min-mean-iou': String(passThreshold)
      }
    })
  ])
}, 180_000)

afterAll(async () => {
  await harness?.close()
})

describe('a first run on a pull request', () => {
  it('succeeds and sets every output', async () => {
    // Nothing on stderr but, at most, a deprecation warning from a newer Node.
    expect(
      first.stderr.split('\n').filter((line) => line !== '' && !isDeprecationNote(line))
    ).toEqual([])
    expect(first.exitCode).toBe(0)
    expect(Object.keys(first.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect((await actionYmlOutputNames()).sort()).toEqual([...OUTPUT_NAMES].sort())

    const outputDir = path.join(first.workspace, 'encord-annotator-eval')
    const artifact = harness.artifacts.artifacts.get(expectedArtifactName({ projects }))
    const [comment] = harness.github.comments
    expect(first.outputs).toMatchObject({
      passed: 'true',
      'csv-path': path.join(outputDir, 'iou_results.csv'),
      'report-path': path.join(outputDir, 'report.json'),
      'summary-path': path.join(outputDir, 'summary.md'),
      'artifact-id': String(artifact?.id),
      'artifact-url': `https://github.com/${OWNER}/${REPO}/actions/runs/${RUN_ID}/artifacts/${artifact?.id}`,
      'comment-id': String(comment?.id),
      annotators: '3',
      'failed-annotators': '[]'
    })
  })

  it('reports every annotator in the results output, in input order, as report.json does', () => {
    const results = resultsOf(first)
    const report = reportOf(first)
    expect(results.map((result) => [result.project, result.annotator, result.passed])).toEqual(
      dataset.trainingProjects.map((project, index) => [project, dataset.annotators[index], true])
    )
    results.forEach((result, index) => {
      for (const score of [result.precision, result.recall, result.f1, result.meanIou]) {
        expect(score).toBeGreaterThanOrEqual(0)
        expect(score).toBeLessThanOrEqual(1)
      }
      expect(report.projects[index]?.evaluation?.overall.meanIou).toBe(result.meanIou)
    })
    // Three annotators of different skill get different scores, best first.
    const f1s = results.map((result) => result.f1 ?? NaN)
    expect([...f1s].sort((a, b) => b - a)).toEqual(f1s)
    expect(new Set(f1s).size).toBe(3)
  })

  it("writes a CSV whose rows are every annotator's objects, counted as report.json counts them", () => {
    const { header, records } = csvOf(first)
    expect(header.slice(0, 5)).toEqual(SCRIPT_COLUMNS)
    const report = reportOf(first)
    for (const project of dataset.trainingProjects) {
      const overall = report.projects.find((p) => p.evaluation?.projectHash === project)?.evaluation
        ?.overall
      expect(statusCounts(records, project)).toEqual(
        Object.fromEntries(
          [
            ['matched', overall?.truePositives],
            ['wrong-class', overall?.wrongClass],
            ['missed', overall?.missed],
            ['extra', overall?.extra]
          ].filter(([, count]) => count !== 0)
        )
      )
    }
  })

  it('writes the job summary: verdict, one row per annotator with its mean IoU, artifact link', () => {
    expect(first.summary).toContain('3 of 3 annotators passed')
    for (const result of resultsOf(first)) {
      const row = first.summary.split('\n').find((line) => line.includes(`| ${result.annotator} |`))
      expect(row).toContain((result.meanIou ?? NaN).toFixed(3))
    }
    expect(first.summary).toContain(first.outputs['artifact-url'])
    // summary.md is the same report without the link the upload produced.
    expect(first.files.summary?.toString('utf8')).toContain('3 of 3 annotators passed')
  })

  it('uploads every report file as one artifact, the CSV, report.json and summary.md byte for byte', () => {
    const name = expectedArtifactName({ projects })
    const artifact = harness.artifacts.artifacts.get(name)
    expect(artifact).toMatchObject({
      finalized: true,
      hashMatches: true,
      mimeType: 'application/zip'
    })
    expect([...(artifact?.files.keys() ?? [])].sort()).toEqual([
      'benchmark_audit.csv',
      ...dataset.annotators.map((annotator) => `feedback/${annotator}.md`),
      'iou_results.csv',
      'report.html',
      'report.json',
      'summary.md'
    ])
    expect(first.files.csv?.length).toBeGreaterThan(1000)
    expect(artifact?.files.get('iou_results.csv')?.equals(first.files.csv ?? Buffer.alloc(0))).toBe(
      true
    )
    expect(artifact?.files.get('report.json')?.equals(first.files.report ?? Buffer.alloc(0))).toBe(
      true
    )
    expect(artifact?.files.get('summary.md')?.equals(first.files.summary ?? Buffer.alloc(0))).toBe(
      true
    )
  })

  it('posts one PR comment with a hidden marker, naming every annotator', () => {
    const id = Number(first.outputs['comment-id'])
    const comment = harness.github.comments.find((c) => c.id === id)
    expect(comment).toMatchObject({ issue_number: 1, user: { login: 'github-actions[bot]' } })
    expect(comment?.body).toContain(DEFAULT_MARKER)
    for (const annotator of dataset.annotators) expect(comment?.body).toContain(annotator)
  })
})

describe('a re-run and a second comment-key on the same pull request', () => {
  it('updates the first comment in place when the comment-key is the same', () => {
    const firstId = Number(first.outputs['comment-id'])
    expect(rerun.outputs['comment-id']).toBe(String(firstId))
    const patches = harness.github.requests.filter((request) => request.method === 'PATCH')
    expect(patches.map((request) => request.path)).toEqual([
      `/repos/${OWNER}/${REPO}/issues/comments/${firstId}`
    ])
    const updated = harness.github.comments.find((comment) => comment.id === firstId)
    expect(updated?.body).toContain(DEFAULT_MARKER)
    expect(updated?.body).toContain(worst.annotator)
    expect(updated?.body).not.toContain('3 of 3 annotators passed')
  })

  it('adds a second comment for another comment-key, and nothing else', () => {
    expect(secondKey.exitCode).toBe(0)
    const posts = harness.github.requests.filter((request) => request.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(harness.github.requests.filter((request) => request.method === 'DELETE')).toEqual([])
    const onPullRequest = harness.github.comments.filter((comment) => comment.issue_number === 1)
    expect(onPullRequest.map((comment) => comment.id)).toEqual([
      Number(first.outputs['comment-id']),
      Number(secondKey.outputs['comment-id'])
    ])
    expect(onPullRequest[1]?.body).toContain(`<!-- encord-annotator-eval:${SECOND_KEY} -->`)
    expect(onPullRequest[1]?.body).not.toContain(DEFAULT_MARKER)
  })

  it('gives each run attempt and comment-key its own artifact, so none collides', () => {
    const names = {
      first: expectedArtifactName({ projects }),
      rerun: expectedArtifactName({ projects, attempt: 2 }),
      secondKey: expectedArtifactName({ commentKey: SECOND_KEY })
    }
    expect([...harness.artifacts.artifacts.keys()].sort()).toEqual(Object.values(names).sort())
    for (const [run, name] of [
      [first, names.first],
      [rerun, names.rerun],
      [secondKey, names.secondKey]
    ] as const) {
      const artifact = harness.artifacts.artifacts.get(name)
      expect(artifact?.finalized).toBe(true)
      expect(run.outputs['artifact-id']).toBe(String(artifact?.id))
      expect(artifact?.files.get('iou_results.csv')?.equals(run.files.csv ?? Buffer.alloc(0))).toBe(
        true
      )
      expect(run.annotations('warning')).toEqual([])
    }
  })
})

describe('the quality gate', () => {
  it('fails the step when a threshold is above an annotator’s score, saying who, what and by how much', () => {
    expect(rerun.exitCode).toBe(1)
    expect(rerun.outputs.passed).toBe('false')
    const errors = rerun.annotations('error')
    expect(errors).toHaveLength(1)
    const [error = ''] = errors
    expect(error).toContain(worst.annotator)
    expect(error).toContain('mean IoU')
    expect(error).toContain(worst.meanIou.toFixed(3))
    expect(error).toContain((worst.meanIou - failThreshold).toFixed(3))
    expect(error).toContain(String(failThreshold))
    for (const other of dataset.annotators.filter((email) => email !== worst.annotator)) {
      expect(error).not.toContain(other)
    }
    expect(JSON.parse(rerun.outputs['failed-annotators'] ?? '')).toEqual([
      expect.objectContaining({
        project: worst.project,
        annotator: worst.annotator,
        reason: 'below-threshold',
        thresholds: ['min-mean-iou']
      })
    ])
    // Everything is still reported before the gate fails the step.
    expect(rerun.files.csv?.equals(first.files.csv ?? Buffer.alloc(0))).toBe(true)
    expect(rerun.summary).toContain(worst.annotator)
  })

  it('passes when every threshold is below every score', () => {
    expect(secondKey.exitCode).toBe(0)
    expect(secondKey.outputs.passed).toBe('true')
    expect(secondKey.outputs['failed-annotators']).toBe('[]')
    expect(secondKey.annotations('error')).toEqual([])
    expect(resultsOf(secondKey).every((result) => result.passed)).toBe(true)
  })
})

describe('the private key', () => {
  it('is masked line by line before anything is logged, however it was pasted', () => {
    for (const run of [first, secondKey]) {
      const lines = run.stdout.split('\n')
      const leadingMasks = lines
        .slice(
          0,
          lines.findIndex((line) => !line.startsWith('::add-mask::'))
        )
        .map((line) => line.slice('::add-mask::'.length))
      for (const line of keyBodyLines(dataset)) expect(leadingMasks).toContain(line)
    }
  })

  it('never appears in logs, summary, outputs, files, comments, requests or the artifact', () => {
    const secrets = [...keyMaterial(dataset), pastedWithLiteralNewlines]
    const places: Record<string, string | Buffer | undefined> = {
      ...runSinks('first', first),
      ...runSinks('re-run', rerun),
      ...runSinks('second key', secondKey),
      'PR comments': JSON.stringify(harness.github.comments),
      'GitHub requests': JSON.stringify(harness.github.requests),
      'artifact service requests': JSON.stringify(harness.artifacts.requests),
      'Encord request log': JSON.stringify(harness.encord.requestLog)
    }
    for (const artifact of harness.artifacts.artifacts.values()) {
      places[`artifact ${artifact.name}`] = artifact.bytes
      for (const [file, bytes] of artifact.files)
        places[`artifact ${artifact.name}/${file}`] = bytes
    }
    expect(findSecrets(secrets, places)).toEqual([])
    // The search itself works: the masks on stdout do hold the key.
    expect(findSecrets(secrets, { stdout: first.stdout }).length).toBeGreaterThan(0)
  })
})
