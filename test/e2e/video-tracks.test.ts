/**
 * Track metrics through the bundled action against the fake Encord API, on generated videos where
 * one annotator draws exactly what a clean annotator draws but trades two tracks' identities
 * halfway through each video: per-frame F1 cannot tell them apart, IDF1 and ID switches do, and
 * min-idf1 fails the swapper. On a benchmark of images only, min-idf1 stops the run with one line.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GITHUB_TOKEN, startHarness, type ActionRun, type Harness } from './harness.js'
import { CLEAN, SWAPPER, videoWorld } from './video-dataset.mjs'

const world = videoWorld()
let harness: Harness

beforeAll(async () => {
  harness = await startHarness({ scenario: world.scenario })
})

afterAll(async () => {
  await harness.close()
})

function run(benchmark: string, training: string[], extra: Record<string, string>) {
  return harness.run({
    inputs: {
      'ssh-private-key': world.key.privateKeyOpenSsh,
      'benchmark-project': benchmark,
      'training-projects': training.join('\n'),
      'encord-domain': harness.encord.url,
      'github-token': GITHUB_TOKEN,
      'upload-artifact': 'false',
      comment: 'off',
      'bootstrap-samples': '0',
      ...extra
    }
  })
}

interface Overall {
  f1: number
  idf1?: number
  idSwitches?: number
  mota?: number
  tracking?: { idSwitches: number; idTruePositives: number; benchmarkInstances: number }
}

function overallOf(report: unknown, projectHash: string): Overall {
  const { projects } = report as {
    projects: { status: string; evaluation: { projectHash: string; overall: Overall } }[]
  }
  const found = projects.find((p) => p.evaluation.projectHash === projectHash)
  if (found === undefined) throw new Error(`no project ${projectHash} in report.json`)
  return found.evaluation.overall
}

describe('video tracks through the action', () => {
  let videoRun: ActionRun

  beforeAll(async () => {
    videoRun = await run(world.videos.benchmark, [world.videos.clean, world.videos.swapper], {
      'min-idf1': '0.9',
      // Six videos: enough for a verdict here.
      'min-data-units': '1'
    })
  })

  it('gives both annotators the same F1, and the swapper ID switches and a lower IDF1', () => {
    const report = JSON.parse(String(videoRun.files.report))
    const clean = overallOf(report, world.videos.clean)
    const swapper = overallOf(report, world.videos.swapper)
    expect(swapper.f1).toBe(clean.f1)
    expect(clean).toMatchObject({ idf1: 1, idSwitches: 0, mota: 1 })
    expect(swapper.idSwitches).toBeGreaterThan(0)
    expect(swapper.idf1).toBeLessThan(0.9)
    // Each swap is two switches (one per benchmark track), and MOTA counts them.
    expect((swapper.idSwitches ?? 0) % 2).toBe(0)
    expect(swapper.mota).toBeCloseTo(
      1 - (swapper.idSwitches ?? 0) / (swapper.tracking?.benchmarkInstances ?? NaN),
      12
    )
  })

  it('fails the swapper on min-idf1 and passes the clean annotator', () => {
    expect(videoRun.exitCode).toBe(1)
    const results = JSON.parse(videoRun.outputs.results ?? '[]') as {
      annotator: string
      passed: boolean
      idf1: number
      failedThresholds: string[]
    }[]
    expect(results.map((r) => [r.annotator, r.passed, r.failedThresholds])).toEqual([
      [CLEAN, true, []],
      [SWAPPER, false, ['min-idf1']]
    ])
  })

  it('shows IDF1, ID switches and MOTA in the job summary, and the switches as worst items', () => {
    expect(videoRun.summary).toMatch(/\| IDF1 \| ID switches \| MOTA \|/)
    expect(videoRun.summary).toContain('**Video tracks** (per benchmark class)')
    expect(videoRun.summary).toMatch(/\| ID switch \| clip&#95;\d+\.mp4 \| 3 → 4 \|/)
  })
})

describe('track thresholds without video', () => {
  it('stop the run with one line naming the input', async () => {
    const result = await run(world.images.benchmark, [world.images.clean], { 'min-mota': '0.5' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations('error')).toEqual([
      expect.stringMatching(/^Input 'min-mota' needs video: the benchmark has no video data unit/)
    ])
    expect(result.stdout).not.toMatch(/\n\s+at /)
  })
})
