// Flag values through the CLI entry, offline (the bundled sample's exports): paths with spaces and
// commas, one concurrency check for both sources, a file given twice, and explicitly empty flags.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, readFile } from 'node:fs/promises'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/run.js'
import { capture, tempDir } from './support.js'

const SAMPLE = path.resolve('samples/demo')
const projects = JSON.parse(await readFile(path.join(SAMPLE, 'projects.json'), 'utf8')) as {
  benchmarkProject: string
  trainingProjects: string[]
}
const exportOf = (hash: string) => path.join(SAMPLE, 'exports', `${hash}.json`)
const [FIRST, SECOND] = projects.trainingProjects as [string, string]

let temp: { dir: string; remove(): Promise<void> }
let run = 0

beforeAll(async () => {
  temp = await tempDir('flag-values-')
})

afterAll(async () => {
  await temp.remove()
})

/** Flags of an offline run of the sample; each run writes to its own folder. */
function offline(training: string[], extra: string[] = []): { argv: string[]; outputDir: string } {
  run += 1
  const outputDir = path.join(temp.dir, `out-${run}`)
  return {
    outputDir,
    argv: [
      '--benchmark-export',
      exportOf(projects.benchmarkProject),
      ...training.flatMap((file) => ['--training-export', file]),
      '--ontology',
      path.join(SAMPLE, 'ontology.json'),
      '--output-dir',
      outputDir,
      ...extra
    ]
  }
}

async function scoredProjects(outputDir: string): Promise<string[]> {
  const report = JSON.parse(await readFile(path.join(outputDir, 'report.json'), 'utf8')) as {
    projects: { status: string; evaluation?: { projectHash: string } }[]
  }
  return report.projects.map((project) => project.evaluation?.projectHash ?? project.status)
}

describe('a training export path with a space or a comma', () => {
  it('is one path when the flag is given once per file', async () => {
    const spaced = path.join(temp.dir, 'alice export.json')
    const commas = path.join(temp.dir, 'bob, second try.json')
    await copyFile(exportOf(FIRST), spaced)
    await copyFile(exportOf(SECOND), commas)

    const out = capture()
    const { argv, outputDir } = offline([spaced, commas])
    const code = await runCli(argv, {}, out.io)
    expect(out.stderr()).not.toMatch(/^error:/m)
    expect(code).not.toBe(EXIT.usage)
    // Exports carry no hash: the file name stands in for it.
    expect(await scoredProjects(outputDir)).toEqual(['alice export', 'bob, second try'])
  })
})

describe('--concurrency offline is checked as online', () => {
  it.each([['0'], ['1000'], ['-3'], ['1.5'], ['eight']])('%s is refused', async (value) => {
    const out = capture()
    const { argv } = offline([exportOf(FIRST)], ['--concurrency', value])
    expect(await runCli(argv, {}, out.io)).toBe(EXIT.usage)
    expect(out.stderrLines()).toEqual([
      `error: --concurrency must be a whole number from 1 to 64 (got '${value}'), e.g. --concurrency 8`
    ])
  })

  it('a valid value is accepted', async () => {
    const out = capture()
    const { argv, outputDir } = offline([exportOf(FIRST)], ['--concurrency', '64'])
    expect(await runCli(argv, {}, out.io)).not.toBe(EXIT.usage)
    expect(await scoredProjects(outputDir)).toEqual([FIRST])
  })
})

describe('the same training export given twice', () => {
  it('is scored once, with one warning naming it', async () => {
    const out = capture()
    const again = path.relative(process.cwd(), exportOf(FIRST))
    const { argv, outputDir } = offline([exportOf(FIRST), exportOf(SECOND), `./${again}`])
    expect(await runCli(argv, {}, out.io)).not.toBe(EXIT.usage)
    expect(await scoredProjects(outputDir)).toEqual([FIRST, SECOND])
    const warnings = out.stderrLines().filter((line) => line.startsWith('warning:'))
    expect(warnings).toEqual([
      `warning: --training-exports lists '${exportOf(FIRST)}' more than once; each is scored once`
    ])
  })

  it('different files are not taken for one', async () => {
    const out = capture()
    const { argv, outputDir } = offline([exportOf(FIRST), exportOf(SECOND)])
    await runCli(argv, {}, out.io)
    expect(await scoredProjects(outputDir)).toEqual([FIRST, SECOND])
    expect(out.stderr()).not.toMatch(/^warning:.*more than once/m)
  })
})

describe('an explicitly empty flag', () => {
  it.each([
    [
      ['--iou-threshold', ''],
      /^error: Option --iou-threshold is empty; give a value, e\.g\. --iou-threshold 0\.7, or leave the option out for the default \(0\.5\)$/
    ],
    [['--iou-threshold='], /^error: Option --iou-threshold is empty;/],
    [
      ['--min-f1', '  '],
      /^error: Option --min-f1 is empty; give a value, e\.g\. --min-f1 0\.8, or leave the option out$/
    ],
    [['--training-export', ''], /^error: Option --training-export is empty;/],
    [
      ['--output-dir', ''],
      /^error: Option --output-dir is empty;.*default \(encord-annotator-eval\)$/
    ]
  ])('%j is refused in one line, before anything is read', async (flags, pattern) => {
    const out = capture()
    const { argv, outputDir } = offline([exportOf(FIRST)], flags)
    expect(await runCli(argv, {}, out.io)).toBe(EXIT.usage)
    expect(out.stderrLines()).toHaveLength(1)
    expect(out.stderrLines()[0]).toMatch(pattern)
    await expect(readFile(path.join(outputDir, 'report.json'))).rejects.toThrow(/ENOENT/)
  })

  it('an empty key file flag is refused too', async () => {
    const out = capture()
    const argv = ['--benchmark-project', projects.benchmarkProject, '--ssh-private-key-file', '']
    expect(await runCli(argv, {}, out.io)).toBe(EXIT.usage)
    expect(out.stderrLines()).toEqual([
      'error: Option --ssh-private-key-file is empty; give a value, e.g. --ssh-private-key-file ~/.ssh/encord_ed25519, or leave the option out'
    ])
  })
})
