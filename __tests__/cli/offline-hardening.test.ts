// Bad or unusual export files given to the CLI (in process, offline): each case as a user met it,
// and the one answer it must get.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/run.js'
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
  stdout: string
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
  return {
    code,
    stdout: out.stdout(),
    stderr: out.stderr(),
    stderrLines: out.stderrLines(),
    csv,
    report
  }
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

/** The run's error lines (progress lines aside). */
const errorLines = (outcome: Outcome) =>
  outcome.stderrLines.filter((line) => line.startsWith('error:'))

describe('an export that is not what it should be: one line, in our words', () => {
  it('counts rows from 1', async () => {
    const rows = readRows(BENCHMARK_EXPORT)
    const { data_hash: _dropped, ...first } = rows[0] as Row
    const file = await writeTemp(
      'no-data-hash',
      JSON.stringify([first, ...rows.slice(1)]),
      'gold.json'
    )
    const outcome = await runOffline({ benchmark: file })
    expect(outcome.code).toBe(EXIT.usage)
    expect(errorLines(outcome)).toEqual([
      `error: --benchmark-export: row 1 of ${file} is not an Encord label row ("data_hash" is missing)`
    ])
  })

  it('says a folder is a folder', async () => {
    // A training export that cannot be read fails that project alone.
    const outcome = await runOffline({ training: [temp.dir] })
    expect(outcome.code).toBe(EXIT.fail)
    expect(outcome.stdout).toContain(`cannot read ${temp.dir} (it is a folder, not a file)`)
    expect(outcome.stdout + outcome.stderr).not.toMatch(/EISDIR/)
  })

  it('describes a value of the wrong type without zod wording', async () => {
    const text = readFileSync(BENCHMARK_EXPORT, 'utf8')
    // The first box's width as text.
    const file = await writeTemp(
      'width-as-text',
      text.replace(/"w":\s*([0-9.e-]+)/, '"w": "$1"'),
      'gold.json'
    )
    const outcome = await runOffline({ benchmark: file })
    const [line, ...others] = errorLines(outcome)
    expect(others).toEqual([])
    expect(line).toMatch(
      /: "w" should be a finite number, not the text "[0-9.e-]+" \(at data_units\./
    )
    expect(outcome.stderr).not.toMatch(/expected number|received|Invalid input/)
  })

  it('refuses a 1,000-digit number rather than reading it as Infinity', async () => {
    const text = readFileSync(BENCHMARK_EXPORT, 'utf8')
    const file = await writeTemp(
      'huge-width',
      text.replace(/"w":\s*([0-9.e-]+)/, `"w": 1${'0'.repeat(1000)}`),
      'gold.json'
    )
    const outcome = await runOffline({ benchmark: file })
    expect(outcome.code).not.toBe(EXIT.pass)
    expect(errorLines(outcome).join('\n')).toMatch(
      /"w" should be a finite number, not a number too large to be represented/
    )
  })

  it('quotes the place of a JSON mistake on one line, with its quotes closed', async () => {
    const file = await writeTemp(
      'broken-json',
      '[\n  {"data_hash": "x",\n   "data_title": "a\\nb"\n  ,}\n]\n',
      'gold.json'
    )
    const outcome = await runOffline({ benchmark: file })
    expect(outcome.code).toBe(EXIT.usage)
    expect(errorLines(outcome)).toEqual([
      `error: --benchmark-export: ${file} is not valid JSON (line 4, column 4: a property name in double quotes is expected at "}")`
    ])
  })

  const text = readFileSync(BENCHMARK_EXPORT, 'utf8')
  const littleEndian = (s: string) => Buffer.from(s, 'utf16le')
  const bigEndian = (s: string) => Buffer.from(s, 'utf16le').swap16()
  it.each([
    ['little-endian with a byte-order mark', () => littleEndian(`\uFEFF${text}`), 'little'],
    ['little-endian without a byte-order mark', () => littleEndian(text), 'little'],
    ['big-endian with a byte-order mark', () => bigEndian(`\uFEFF${text}`), 'big'],
    ['big-endian without a byte-order mark', () => bigEndian(text), 'big']
  ])('UTF-16 %s: one line saying to save it as UTF-8', async (what, bytes, endian) => {
    const file = await writeTemp(`utf16-${what.replace(/ /g, '-')}`, bytes(), 'gold.json')
    const outcome = await runOffline({ benchmark: file })
    expect(outcome.code).toBe(EXIT.usage)
    expect(errorLines(outcome)).toEqual([
      `error: --benchmark-export: ${file} is UTF-16 (${endian}-endian) text; save it as UTF-8 and try again`
    ])
  })

  it('reads a UTF-8 file that starts with a byte-order mark', async () => {
    const file = await writeTemp('utf8-bom', `\uFEFF${readFileSync(ALICE_EXPORT, 'utf8')}`)
    const withBom = await runOffline({ training: [file] })
    const plain = await runOffline()
    expect(withBom.csv).not.toBe('')
    expect(withBom.csv).toBe(plain.csv)
  })
})

describe('an ontology file from another project', () => {
  it('is named once, with what it lacks, before any export is scored', async () => {
    const ontology = JSON.parse(readFileSync(ONTOLOGY, 'utf8')) as {
      editor: { objects: { featureNodeHash: string }[] }
    }
    for (const object of ontology.editor.objects) object.featureNodeHash += 'X'
    const other = await writeTemp('other-ontology', JSON.stringify(ontology), 'other-ontology.json')
    const outcome = await runOffline({
      training: projects.trainingProjects.map(exportOf),
      ontology: other
    })
    expect(outcome.code).toBe(EXIT.usage)
    const lines = errorLines(outcome)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      new RegExp(
        // The flag is --ontology; the CLI's wording of input names is not this test's concern.
        `^error: --ontology\\S*: ${escape(other)} does not describe the labels of ${escape(BENCHMARK_EXPORT)}: ` +
          `they use \\d+ classes it does not have \\("Car" \\(carBox01\\), .*\\); give the ontology of the benchmark's project$`
      )
    )
    expect(outcome.stderr).not.toMatch(/is not in the project's ontology/)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('degenerate geometry', () => {
  const base = readRows(BENCHMARK_EXPORT).find((row) => row.data_type === 'image') as Row
  const unitHash = Object.keys(base.data_units as object)[0] as string

  /** An image row of the given objects (each `{hash, ...geometry fields}` of class Truck or Pedestrian). */
  function imageRow(
    who: string,
    objects: ({ objectHash: string } & Record<string, unknown>)[]
  ): Row {
    const unit = (base.data_units as Record<string, Record<string, unknown>>)[unitHash] as Record<
      string,
      unknown
    >
    const labelled = objects.map((o) => ({
      featureHash: 'boundingBox' in o ? 'truckBx2' : 'pedPoly3',
      name: 'boundingBox' in o ? 'Truck' : 'Pedestrian',
      value: 'boundingBox' in o ? 'truck' : 'pedestrian',
      color: '#D33115',
      shape: 'boundingBox' in o ? 'bounding_box' : 'polygon',
      createdAt: 'Thu, 09 Feb 2023 14:12:03 UTC',
      createdBy: who,
      confidence: 1,
      manualAnnotation: true,
      ...o
    }))
    return {
      ...base,
      data_units: { [unitHash]: { ...unit, labels: { objects: labelled, classifications: [] } } },
      object_answers: Object.fromEntries(
        labelled.map((o) => [o.objectHash, { objectHash: o.objectHash, classifications: [] }])
      ),
      classification_answers: {}
    }
  }

  const GOOD_BOX = { objectHash: 'goodBox1', boundingBox: { x: 0.2, y: 0.2, w: 0.3, h: 0.3 } }
  const ring = (...points: number[]) => ({ polygons: [[points]] })

  async function scoreIdentical(
    label: string,
    degenerate: Record<string, unknown>,
    method: string
  ) {
    const gold = await writeTemp(
      `${label}-gold`,
      JSON.stringify([
        imageRow('expert@example.com', [GOOD_BOX, { objectHash: 'bad00001', ...degenerate }])
      ]),
      'gold.json'
    )
    const given = await writeTemp(
      `${label}-given`,
      JSON.stringify([
        imageRow('alice@example.com', [GOOD_BOX, { objectHash: 'bad00002', ...degenerate }])
      ])
    )
    const outcome = await runOffline({
      benchmark: gold,
      training: [given],
      extra: ['--method', method]
    })
    const [header, ...lines] = outcome.csv.trim().split('\n')
    const columns = (header ?? '').split(',')
    const rows = lines.map((line) =>
      Object.fromEntries(line.split(',').map((v, i) => [columns[i], v]))
    )
    return { outcome, rows, notes: outcome.report?.projects[0]?.evaluation?.notes.join('\n') ?? '' }
  }

  it.each([
    [
      'negative size',
      { boundingBox: { x: 0.6, y: 0.6, w: -0.1, h: -0.1 } },
      'a box with zero or negative width or height'
    ],
    [
      'zero size',
      { boundingBox: { x: 0.6, y: 0.6, w: 0, h: 0.1 } },
      'a box with zero or negative width or height'
    ],
    [
      'outside the frame',
      { boundingBox: { x: 2, y: 0.1, w: 0.2, h: 0.2 } },
      'a box entirely outside the frame'
    ],
    [
      'a size of 1e308',
      { boundingBox: { x: 0, y: 0, w: 1e308, h: 1e308 } },
      'a box with coordinates far outside the frame'
    ],
    [
      'a polygon of 2 points',
      ring(0.6, 0.6, 0.7, 0.7),
      'a polygon with a ring of fewer than 3 points'
    ],
    [
      'a polygon outside the frame',
      ring(1.5, 1.5, 1.7, 1.5, 1.6, 1.8),
      'a polygon entirely outside the frame'
    ]
  ])(
    'one-to-one: %s is never matched, never missed nor extra, and named in the notes',
    async (label, degenerate, reason) => {
      const { outcome, rows, notes } = await scoreIdentical(
        label.replace(/\W+/g, '-'),
        degenerate,
        'one-to-one'
      )
      expect(outcome.code).toBe(EXIT.pass)
      expect(
        rows.map((row) => [row.status, row.training_object_hash, row.benchmark_object_hash])
      ).toEqual([['matched', 'goodBox1', 'goodBox1']])
      expect(notes).toContain(
        '2 annotations with degenerate geometry (1 training, 1 benchmark) were not scored and never matched'
      )
      const className = 'boundingBox' in degenerate ? 'Truck' : 'Pedestrian'
      expect(notes).toContain(
        `training ${className} bad00002 on "${base.data_title}" frame 0: ${reason}`
      )
    }
  )

  it.each([
    ['negative size', { boundingBox: { x: 0.6, y: 0.6, w: -0.1, h: -0.1 } }],
    ['zero size', { boundingBox: { x: 0.6, y: 0.6, w: 0, h: 0.1 } }]
  ])(
    'encord-script: %s boxes score IoU 0 with no match, as the script scores them',
    async (label, degenerate) => {
      const { rows, notes } = await scoreIdentical(
        `script-${label.replace(/\W+/g, '-')}`,
        degenerate,
        'encord-script'
      )
      expect(rows.map((row) => [row.training_object_hash, row.iou_score, row.class_score])).toEqual(
        [
          ['goodBox1', expect.stringMatching(/^1\.0(0000000000000004)?$/), '1.0'],
          ['bad00002', '0.0', '0.0']
        ]
      )
      expect(notes).toContain('2 frame-0 boxes with degenerate geometry')
      expect(notes).toContain('were scored as the script scores them')
    }
  )

  it('encord-script: identical boxes outside the frame match, as in the script', async () => {
    const { rows } = await scoreIdentical(
      'script-outside',
      { boundingBox: { x: 2, y: 0.1, w: 0.2, h: 0.2 } },
      'encord-script'
    )
    expect(rows.find((row) => row.training_object_hash === 'bad00002')?.class_score).toBe('1.0')
  })
})

describe('an export nested 10,000 levels deep', () => {
  it.each([
    ['valid JSON', `[${'['.repeat(10_000)}${']'.repeat(10_000)}]`],
    ['with a mistake after it', `[${'['.repeat(10_000)}${']'.repeat(10_000)},]`],
    ['never closed', '['.repeat(10_000)]
  ])('%s: one line naming the file, no crash', async (what, text) => {
    const file = await writeTemp(`deep-${what.replace(/\W+/g, '-')}`, text, 'gold.json')
    const outcome = await runOffline({ benchmark: file })
    expect(outcome.code).toBe(EXIT.usage)
    const lines = errorLines(outcome)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`--benchmark-export: `)
    expect(lines[0]).toContain(file)
    expect(outcome.stderr).not.toMatch(/call stack|this is a bug/i)
  })
})
