/**
 * The benchmark audit through the bundled action against the fake Encord API. The benchmark has
 * 4 images with a Car and a Person each; on street-000.jpg its Person is drawn where there is
 * nobody: all three annotators draw the Person 0.3 to the right instead. So the audit finds, on
 * that image, a gold Person missed by 3 of 3 (possibly spurious) and a Person all three drew that
 * the gold lacks (possibly missing). Checked: benchmark_audit.csv, the summary section, the
 * `benchmark-suspects` output, and `exclude-suspects: true` leaving the spurious Person out of
 * every recall.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  BENCHMARK,
  EVALUATOR,
  ROWS,
  streetProject,
  streetRow,
  streetScenario
} from '../../__tests__/pipeline/scenario.js'
import { deterministicUuid } from '../../tools/fake-encord/scenario.mjs'
import { GITHUB_TOKEN, startHarness, type ActionRun, type Harness } from './harness.js'

const ANNOTATORS = ['alice', 'bob', 'carol'].map((name) => ({
  hash: deterministicUuid('audit-e2e', name),
  email: `${name}@example.com`
}))

const scenario = streetScenario({
  projects: Object.fromEntries(
    ANNOTATORS.map(({ hash, email }) => [
      hash,
      streetProject(hash, `Training – ${email}`, {
        email,
        rows: Array.from({ length: ROWS }, (_, index) =>
          streetRow(hash, index, { email, shift: { person: index === 0 ? 0.3 : 0 } })
        )
      })
    ])
  )
})

let harness: Harness
let plain: ActionRun
let excluding: ActionRun

function run(extra: Record<string, string> = {}): Promise<ActionRun> {
  return harness.run({
    inputs: {
      'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
      'benchmark-project': BENCHMARK,
      'training-projects': ANNOTATORS.map((a) => a.hash).join('\n'),
      'encord-domain': harness.encord.url,
      'github-token': GITHUB_TOKEN,
      'upload-artifact': 'false',
      comment: 'off',
      'bootstrap-samples': '0',
      ...extra
    }
  })
}

beforeAll(async () => {
  harness = await startHarness({ scenario })
  plain = await run()
  excluding = await run({ 'exclude-suspects': 'true' })
}, 240_000)

afterAll(async () => {
  await harness.close()
})

const recalls = (action: ActionRun): number[] =>
  (JSON.parse(action.outputs.results ?? '[]') as { recall: number }[]).map((r) => r.recall)

describe('the benchmark audit through the bundled action', () => {
  it('writes benchmark_audit.csv with one row per suspect', async () => {
    expect(plain.exitCode).toBe(0)
    const csv = await readFile(
      path.join(plain.workspace, 'encord-annotator-eval', 'benchmark_audit.csv'),
      'utf8'
    )
    const [header, ...rows] = csv.trim().split('\n')
    expect(header).toBe(
      'kind,data_unit_name,data_hash,frames,class,benchmark_object_hash,annotators,disagreeing,benchmark_says,annotators_say,benchmark_url'
    )
    expect(
      rows.map((row) => row.split(',').filter((_, i) => [0, 1, 3, 4, 6, 7, 9].includes(i)))
    ).toEqual([
      ['spurious-object', 'street-000.jpg', '0', 'Person', '3', '3', 'missed'],
      ['missing-object', 'street-000.jpg', '0', 'Person', '3', '3', 'drew a Person']
    ])
  })

  it('says so in the job summary and the benchmark-suspects output, and changes no score', () => {
    expect(plain.outputs['benchmark-suspects']).toBe('2')
    expect(plain.summary).toContain('#### Benchmark audit: 2 suspects')
    expect(plain.summary).toContain('Scores are unchanged by the audit.')
    // 7 of the 8 gold objects found by each annotator.
    for (const recall of recalls(plain)) expect(recall).toBeCloseTo(7 / 8)
  })

  it('with exclude-suspects, leaves the spurious Person out of every score and says how many', () => {
    expect(excluding.exitCode).toBe(0)
    expect(excluding.outputs['benchmark-suspects']).toBe('2')
    expect(excluding.summary).toContain(
      "exclude-suspects is on: 1 benchmark object (counted per frame) of the possibly spurious or wrong-class suspects was left out of every annotator's scores."
    )
    expect(recalls(excluding)).toEqual([1, 1, 1])
  })
})
