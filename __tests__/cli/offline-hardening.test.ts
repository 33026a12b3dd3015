// Bad or unusual export files given to the CLI (in process, offline): each case as a user met it,
// and the one answer it must get.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runCli } from '../../src/cli/run.js'
import { capture, tempDir } from './support.js'

const SAMPLE = path.resolve('samples/demo')
const projects = JSON.parse(readFileSync(path.join(SAMPLE, 'projects.json'), 'utf8')) as {
  benchmarkProject: string
  trainingProjects: string[]
}
const exportOf = (hash: string) => path.join(SAMPLE, 'exports', `${hash}.json`)
const BENCHMARK_EXPORT = exportOf(projects.benchmarkProject)
const ALICE_EXPORT = exportOf(projects.trainingProjects[0] as string)
const ONTOLOGY = path.join(SAMPLE, 'ontology.json')

type Row = Record<string, unknown> & { data_hash: string; data_title: string }
const readRows = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Row[]

let temp: { dir: string; remove(): Promise<void> }
let runs = 0

beforeAll(async () => {
  temp = await tempDir('offline-hardening-')
})

afterAll(async () => {
  await temp.remove()
})

interface Outcome {
  code: number
  stderr: string
  stderrLines: string[]
  csv: string
  report: { projects: { evaluation?: { notes: string[] } }[] } | null
}

/** One offline run; the files it was given may be written under the temp dir first. */
async function runOffline(
  options: { benchmark?: string; training?: string[]; ontology?: string; extra?: string[] } = {}
): Promise<Outcome> {
  runs += 1
  const outputDir = path.join(temp.dir, `out-${runs}`)
  const out = capture()
  const argv = [
    '--benchmark-export',
    options.benchmark ?? BENCHMARK_EXPORT,
    ...(options.training ?? [ALICE_EXPORT]).flatMap((file) => ['--training-export', file]),
    '--ontology',
    options.ontology ?? ONTOLOGY,
    '--output-dir',
    outputDir,
    ...(options.extra ?? [])
  ]
  const code = await runCli(argv, {}, out.io)
  const csv = await readFile(path.join(outputDir, 'iou_results.csv'), 'utf8').catch(() => '')
  const report = await readFile(path.join(outputDir, 'report.json'), 'utf8').then(
    (text) => JSON.parse(text) as Outcome['report'],
    () => null
  )
  return { code, stderr: out.stderr(), stderrLines: out.stderrLines(), csv, report }
}

/**
 * Writes a file in its own folder under the temp dir and returns its path. It keeps the name of
 * Alice's export by default: the name stands for the project hash, which the CSV carries.
 */
async function writeTemp(
  folder: string,
  content: string | Buffer,
  name = path.basename(ALICE_EXPORT)
): Promise<string> {
  await mkdir(path.join(temp.dir, folder), { recursive: true })
  const file = path.join(temp.dir, folder, name)
  await writeFile(file, content)
  return file
}

describe('a data unit listed more than once in a training export', () => {
  // The first row's unit three times: the original, then two later copies of it.
  async function withRepeatedRow(name: string): Promise<string> {
    const rows = readRows(ALICE_EXPORT)
    const first = rows[0] as Row
    return writeTemp(name, JSON.stringify([first, first, first, ...rows.slice(1)]))
  }

  it('is scored once under one-to-one (the last row wins), with a note of the rows dropped', async () => {
    const once = await runOffline()
    const repeated = await runOffline({ training: [await withRepeatedRow('alice-repeated')] })
    expect(repeated.code).toBe(once.code)
    expect(repeated.csv).not.toBe('')
    expect(repeated.csv).toBe(once.csv)
    const notes = repeated.report?.projects[0]?.evaluation?.notes.join('\n') ?? ''
    expect(notes).toMatch(
      /lists 2 extra rows for data it already has; for each data unit the last row listed is scored and the 2 earlier ones were dropped/
    )
  })

  it('keeps the row that comes last, not the first', async () => {
    const rows = readRows(ALICE_EXPORT)
    const first = rows[0] as Row
    const emptied = { ...first, data_units: emptyUnits(first) }
    // An emptied copy listed first and the real row last: the real row is the one scored.
    const realLast = await runOffline({
      training: [await writeTemp('alice-real-last', JSON.stringify([emptied, ...rows]))]
    })
    const once = await runOffline()
    expect(realLast.csv).toBe(once.csv)
    // And the other way round: the emptied copy last is what is scored.
    const emptiedLast = await runOffline({
      training: [
        await writeTemp('alice-empty-last', JSON.stringify([first, emptied, ...rows.slice(1)]))
      ]
    })
    expect(emptiedLast.csv).not.toBe(once.csv)
  })

  it('is scored once per row under encord-script, as the script does', async () => {
    const rows = readRows(ALICE_EXPORT)
    const firstTitle = (rows[0] as Row).data_title
    const once = await runOffline({ extra: ['--method', 'encord-script'] })
    const repeated = await runOffline({
      training: [await withRepeatedRow('alice-repeated-script')],
      extra: ['--method', 'encord-script']
    })
    const linesOf = (csv: string) => csv.split('\n').filter((line) => line.includes(firstTitle))
    expect(linesOf(once.csv).length).toBeGreaterThan(0)
    expect(linesOf(repeated.csv)).toEqual([
      ...linesOf(once.csv),
      ...linesOf(once.csv),
      ...linesOf(once.csv)
    ])
    expect(repeated.report?.projects[0]?.evaluation?.notes.join('\n')).toMatch(
      /lists 2 extra rows for data it already has; each row is scored, as the script does/
    )
  })
})

/** The row's data units with their labels removed. */
function emptyUnits(row: Row): Record<string, unknown> {
  const units = row.data_units as Record<string, Record<string, unknown>>
  return Object.fromEntries(
    Object.entries(units).map(([hash, unit]) => [hash, { ...unit, labels: {} }])
  )
}
