/**
 * The gate through the bundled action against the fake Encord API: every combination of gate-on ×
 * on-inconclusive, each run holding an annotator who passes, one who fails, one whose interval
 * straddles the threshold and one scored on too few data units. Checked: the exit code, `passed`,
 * `results`, `inconclusive-annotators`, the annotations and the failure line. Then: two runs on
 * the same labels give byte-identical report.json and the same outputs.
 *
 * The benchmark has 24 images with a Car and a Person each; the threshold is min-recall 0.74.
 * - alice copies it: recall 1 on every image, interval 1–1: pass.
 * - bob moves every Person away: recall 0.5 everywhere, interval 0.5–0.5: fail.
 * - carol moves the Person on every other image: recall 0.75, but images differ (1 or 0.5), so
 *   the interval straddles 0.74: inconclusive on the interval, a borderline pass on the estimate.
 * - dave copies it but completed only 5 images: fewer than min-data-units (10): insufficient.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  BENCHMARK,
  EVALUATOR,
  streetProject,
  streetRow,
  streetScenario
} from '../../__tests__/pipeline/scenario.js'
import { deterministicUuid } from '../../tools/fake-encord/scenario.mjs'
import { GITHUB_TOKEN, startHarness, type ActionRun, type Harness } from './harness.js'

const IMAGES = 24
const ALICE = deterministicUuid('gate-e2e', 'alice')
const BOB = deterministicUuid('gate-e2e', 'bob')
const CAROL = deterministicUuid('gate-e2e', 'carol')
const DAVE = deterministicUuid('gate-e2e', 'dave')
const ANNOTATORS = [ALICE, BOB, CAROL, DAVE]

const images = (hash: string, email: string, person: (index: number) => number, count = IMAGES) =>
  streetProject(hash, `Training – ${email}`, {
    email,
    rows: Array.from({ length: count }, (_, index) =>
      streetRow(hash, index, { email, shift: { person: person(index) } })
    )
  })

const scenario = streetScenario({
  projects: {
    [BENCHMARK]: images(BENCHMARK, 'expert@example.com', () => 0),
    [ALICE]: images(ALICE, 'alice@example.com', () => 0),
    [BOB]: images(BOB, 'bob@example.com', () => 0.3),
    [CAROL]: images(CAROL, 'carol@example.com', (index) => (index % 2 === 0 ? 0.3 : 0)),
    [DAVE]: images(DAVE, 'dave@example.com', () => 0, 5)
  }
})

let harness: Harness

beforeAll(async () => {
  harness = await startHarness({ scenario })
})

afterAll(async () => {
  await harness.close()
})

function run(
  gateOn: string,
  onInconclusive: string,
  training: string[] = ANNOTATORS
): Promise<ActionRun> {
  return harness.run({
    inputs: {
      'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
      'benchmark-project': BENCHMARK,
      'training-projects': training.join('\n'),
      'encord-domain': harness.encord.url,
      'github-token': GITHUB_TOKEN,
      'upload-artifact': 'false',
      comment: 'off',
      'min-recall': '0.74',
      'gate-on': gateOn,
      'on-inconclusive': onInconclusive
    }
  })
}

interface ResultEntry {
  annotator: string
  passed: boolean
  verdict: string
  dataUnits: number
  recall: number
  intervals: { recall: { low: number; high: number } | null }
  failedThresholds: string[]
}

const verdictsOf = (action: ActionRun): Record<string, string> =>
  Object.fromEntries(
    (JSON.parse(action.outputs.results ?? '[]') as ResultEntry[]).map((entry) => [
      entry.annotator,
      entry.verdict
    ])
  )

const EXPECTED_VERDICTS = {
  estimate: {
    'alice@example.com': 'pass',
    'bob@example.com': 'fail',
    'carol@example.com': 'pass',
    'dave@example.com': 'insufficient-evidence'
  },
  interval: {
    'alice@example.com': 'pass',
    'bob@example.com': 'fail',
    'carol@example.com': 'inconclusive',
    'dave@example.com': 'insufficient-evidence'
  }
} as const

describe.each(['estimate', 'interval'] as const)('gate-on: %s', (gateOn) => {
  describe.each(['warn', 'fail', 'pass'] as const)('on-inconclusive: %s', (onInconclusive) => {
    let action: ActionRun
    beforeAll(async () => {
      action = await run(gateOn, onInconclusive)
    }, 60_000)

    it('gives each annotator the verdict of the rule, with the evidence and intervals', () => {
      expect(verdictsOf(action)).toEqual(EXPECTED_VERDICTS[gateOn])
      const results = JSON.parse(action.outputs.results ?? '[]') as ResultEntry[]
      const carol = results.find((entry) => entry.annotator === 'carol@example.com')
      expect(carol?.recall).toBe(0.75)
      const interval = carol?.intervals.recall
      if (!interval) throw new Error('expected an interval of carol’s recall')
      expect(interval.low).toBeLessThan(0.74)
      expect(interval.high).toBeGreaterThan(0.74)
      expect(results.map((entry) => entry.dataUnits)).toEqual([24, 24, 24, 5])
      expect(results.map((entry) => entry.passed)).toEqual([
        true,
        false,
        gateOn === 'estimate',
        false
      ])
      expect(results.find((e) => e.annotator === 'bob@example.com')?.failedThresholds).toEqual([
        'min-recall'
      ])
    })

    it('fails the step on bob; passed is false; the unsettled are listed', () => {
      expect(action.exitCode).toBe(1)
      expect(action.outputs.passed).toBe('false')
      const unsettled = JSON.parse(action.outputs['inconclusive-annotators'] ?? '') as {
        annotator: string
        verdict: string
      }[]
      expect(unsettled.map((entry) => [entry.annotator, entry.verdict])).toEqual([
        ...(gateOn === 'interval' ? [['carol@example.com', 'inconclusive']] : []),
        ['dave@example.com', 'insufficient-evidence']
      ])
      const failure = action.annotations('error').join('\n')
      expect(failure).toContain('bob@example.com recall 0.500')
      // Only on-inconclusive: fail makes the unsettled part of the failure.
      expect(failure.includes('dave@example.com has insufficient evidence')).toBe(
        onInconclusive === 'fail'
      )
    })

    it('warns about each unsettled annotator only with on-inconclusive: warn', () => {
      const warnings = action.annotations('warning')
      const named = (who: string): boolean => warnings.some((line) => line.startsWith(who))
      expect(named('dave@example.com has insufficient evidence')).toBe(onInconclusive === 'warn')
      expect(named('carol@example.com is inconclusive')).toBe(
        onInconclusive === 'warn' && gateOn === 'interval'
      )
      expect(named('alice@example.com') || named('bob@example.com')).toBe(false)
    })

    it('shows the four marks and the interval of the gated score in the summary', () => {
      const rows = action.summary.split('\n').filter((line) => line.includes('@example.com |'))
      const mark = (who: string): string =>
        rows
          .find((row) => row.includes(who))
          ?.split('|')[1]
          ?.trim() ?? ''
      expect(mark('alice@')).toBe('✅')
      expect(mark('bob@')).toBe('❌')
      expect(mark('carol@')).toBe(gateOn === 'interval' ? '⚠️' : '✅')
      expect(mark('dave@')).toBe('❔')
      expect(rows.find((row) => row.includes('carol@'))).toMatch(/0\.750 \(0\.\d{3}–0\.\d{3}\)/)
      if (gateOn === 'estimate') expect(action.summary).toContain('(borderline)')
    })
  })
})

describe('without a failing annotator, on-inconclusive decides the exit code', () => {
  it.each([
    ['warn', 0],
    ['fail', 1],
    ['pass', 0]
  ] as const)(
    'on-inconclusive: %s exits %d; passed stays false',
    async (mode, exitCode) => {
      const action = await run('interval', mode, [ALICE, CAROL, DAVE])
      expect(action.exitCode).toBe(exitCode)
      expect(action.outputs.passed).toBe('false')
      expect(action.annotations('warning').length > 0).toBe(mode === 'warn')
    },
    60_000
  )

  it('everyone clearly passing: exit 0, passed true, nobody inconclusive', async () => {
    const action = await run('interval', 'fail', [ALICE])
    expect(action.exitCode).toBe(0)
    expect(action.outputs.passed).toBe('true')
    expect(action.outputs['inconclusive-annotators']).toBe('[]')
  }, 60_000)
})

describe('determinism', () => {
  it('two runs on the same labels: byte-identical report.json, the same outputs', async () => {
    const first = await run('interval', 'warn')
    const second = await run('interval', 'warn')
    const report = first.files.report
    if (report === undefined) throw new Error('expected report.json')
    expect(second.files.report?.equals(report)).toBe(true)
    const intervals = JSON.parse(report.toString('utf8')) as {
      projects: { evaluation: { intervals: unknown } }[]
    }
    expect(intervals.projects[2]?.evaluation.intervals).not.toBeNull()
    for (const name of [
      'passed',
      'annotators',
      'failed-annotators',
      'results',
      'inconclusive-annotators'
    ]) {
      expect(second.outputs[name]).toBe(first.outputs[name])
    }
  }, 60_000)
})
