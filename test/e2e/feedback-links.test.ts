/**
 * Links into Encord and the feedback notes, through the bundled action against the fake Encord
 * API: with `encord-app-url` set (the fake's own origin is no Encord app) every sink links each
 * worst item to the annotator's task and to the benchmark frame (job summary, PR comment, log,
 * CSV, report.html), and each annotator gets a note in the artifact; without it there are no
 * links anywhere.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { e2eDataset } from './dataset.mjs'
import {
  evaluationInputs,
  findSecrets,
  keyMaterial,
  startHarness,
  type ActionRun,
  type Harness
} from './harness.js'
import { csvOf } from './results.js'

const APP = 'https://app.encord.com'
const dataset = e2eDataset()
const editor = (project: string): string => `${APP}/label_editor/${project}/`

let harness: Harness
let linked: ActionRun
let unlinked: ActionRun
let notes: Map<string, string>

beforeAll(async () => {
  harness = await startHarness({ scenario: dataset.scenario })
  const inputs = evaluationInputs(dataset, harness.encord)
  linked = await harness.run({
    inputs: { ...inputs, 'encord-app-url': APP, 'report-items': '50', 'comment-key': 'links' }
  })
  unlinked = await harness.run({ inputs: { ...inputs, 'comment-key': 'no-links' } })
  const folder = path.join(path.dirname(linked.outputs['csv-path'] ?? ''), 'feedback')
  notes = new Map()
  for (const name of await readdir(folder)) {
    notes.set(name, await readFile(path.join(folder, name), 'utf8'))
  }
}, 240_000)

afterAll(async () => {
  await harness.close()
})

function commentOf(run: ActionRun): string {
  const id = Number(run.outputs['comment-id'])
  return harness.github.comments.find((comment) => comment.id === id)?.body ?? ''
}

function artifactOf(run: ActionRun): Map<string, Buffer> {
  const name = [...harness.artifacts.artifacts.keys()].find((key) =>
    key.includes(run.env.INPUT_COMMENT_KEY ?? '')
  )
  return harness.artifacts.artifacts.get(name ?? '')?.files ?? new Map()
}

describe('with encord-app-url', () => {
  it('succeeds', () => {
    expect(linked.exitCode).toBe(0)
  })

  it("ends every CSV row with the frame's link in the training project and in the benchmark", () => {
    const { header, records } = csvOf(linked)
    expect(header.slice(-2)).toEqual(['training_url', 'benchmark_url'])
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) {
      const where = `${record.data_hash}/${record.frame}`
      expect(record.training_url).toBe(`${editor(record.training_project_hash ?? '')}${where}`)
      expect(record.benchmark_url).toBe(`${editor(dataset.benchmarkProject)}${where}`)
    }
  })

  it('links worst items in the job summary, the PR comment and the log', () => {
    for (const training of dataset.trainingProjects) {
      const task = new RegExp(`\\[task\\]\\(${editor(training)}[0-9a-f-]+/\\d+\\)`)
      expect(linked.summary).toMatch(task)
      expect(commentOf(linked)).toMatch(task)
      expect(linked.visibleStdout).toContain(`task:      ${editor(training)}`)
    }
    const gold = `[benchmark](${editor(dataset.benchmarkProject)}`
    expect(linked.summary).toContain(gold)
    expect(commentOf(linked)).toContain(gold)
    expect(linked.visibleStdout).toContain(`benchmark: ${editor(dataset.benchmarkProject)}`)
  })

  it('writes a note per annotator, named by e-mail, with scores, errors and linked worst items', () => {
    expect([...notes.keys()].sort()).toEqual(
      dataset.annotators.map((email) => `${email.toLowerCase()}.md`).sort()
    )
    dataset.annotators.forEach((email, index) => {
      const note = notes.get(`${email.toLowerCase()}.md`) ?? ''
      expect(note).toContain(`# Feedback for ${email}`)
      expect(note).toContain('## Your scores')
      expect(note).toContain('## What went well')
      expect(note).toContain('## What to work on')
      expect(note).toContain(`[task](${editor(dataset.trainingProjects[index] ?? '')}`)
      expect(note).toContain(`[benchmark](${editor(dataset.benchmarkProject)}`)
    })
  })

  it('uploads the notes and report.html with the other files; report.html links too', () => {
    const files = artifactOf(linked)
    for (const email of dataset.annotators) {
      expect(files.has(`feedback/${email.toLowerCase()}.md`)).toBe(true)
    }
    const html = files.get('report.html')?.toString('utf8') ?? ''
    expect(html).toContain(`href="${editor(dataset.trainingProjects[0] ?? '')}`)
    expect(html).toContain(`href="${editor(dataset.benchmarkProject)}`)
  })

  it('never writes the key into a note', () => {
    expect(findSecrets(keyMaterial(dataset), Object.fromEntries(notes))).toEqual([])
  })
})

describe('without encord-app-url, against an API that is not a public Encord platform', () => {
  it('has no link anywhere, and still writes the notes', () => {
    expect(unlinked.exitCode).toBe(0)
    const { records } = csvOf(unlinked)
    expect(
      records.every((record) => record.training_url === '' && record.benchmark_url === '')
    ).toBe(true)
    expect(unlinked.summary).not.toContain('label_editor')
    expect(commentOf(unlinked)).not.toContain('label_editor')
    expect(unlinked.visibleStdout).not.toContain('label_editor')
    const files = artifactOf(unlinked)
    expect([...files.keys()].filter((name) => name.startsWith('feedback/'))).toHaveLength(
      dataset.annotators.length
    )
  })
})
