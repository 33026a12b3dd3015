import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { evaluateProjectWith } from '../../src/evaluate/engine.js'
import { scriptIou } from '../../src/evaluate/script/script-iou.js'
import type { FrameSize, LabelRow, Ontology, ProjectLabels } from '../../src/labels/model.js'
import { BOX_GEOMETRY } from './builders.js'

/**
 * The expected rows come from `compute_expected.py`, which runs the documented script's loop over
 * the same fixture in Python: nothing of our code is involved in them.
 */
const FIXTURE_DIR = new URL('../__fixtures__/evaluate/script/', import.meta.url)

type JsonRow = Omit<LabelRow, 'frameSizes'> & { frameSizes: Record<string, FrameSize> }
type JsonProject = Omit<ProjectLabels, 'rows' | 'ontology'> & { rows: JsonRow[] }

function loadFixture(): { benchmark: ProjectLabels; training: ProjectLabels } {
  const json = JSON.parse(readFileSync(new URL('projects.json', FIXTURE_DIR), 'utf8')) as {
    ontology: Ontology
    benchmark: JsonProject
    training: JsonProject
  }
  const toModel = (p: JsonProject): ProjectLabels => ({
    ...p,
    ontology: json.ontology,
    rows: p.rows.map((r) => ({
      ...r,
      frameSizes: new Map(Object.entries(r.frameSizes).map(([k, v]) => [Number(k), v]))
    }))
  })
  return { benchmark: toModel(json.benchmark), training: toModel(json.training) }
}

/** RFC 4180 as pandas/csv write it: fields quoted when needed, "" inside quotes, \n line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let field = ''
  let row: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

describe('encord-script reproduces the documented script', () => {
  const { benchmark, training } = loadFixture()
  const result = evaluateProjectWith(
    benchmark,
    training,
    { method: 'encord-script', iouThreshold: 0.5 },
    BOX_GEOMETRY
  )
  const [header, ...expected] = parseCsv(
    readFileSync(new URL('expected_iou_results.csv', FIXTURE_DIR), 'utf8')
  )

  it('gives the same rows in the same order with the same values, bit for bit', () => {
    expect(header).toEqual([
      'training_email',
      'data_unit_name',
      'label_id',
      'iou_score',
      'class_score'
    ])
    expect(result.scriptRows).toHaveLength(expected.length)
    result.scriptRows.forEach((row, i) => {
      const [email, name, labelId, iou, classScore] = expected[i] ?? []
      expect([row.trainingEmail ?? '', row.dataUnitName, row.labelId ?? '']).toEqual([
        email,
        name,
        labelId
      ])
      // Exact: the same double, not merely close (1.0000000000000004 must stay what it is).
      expect(Object.is(row.iouScore, Number(iou))).toBe(true)
      expect(Object.is(row.classScore, Number(classScore))).toBe(true)
    })
  })

  it("keeps the script's IoU above 1 for some identical boxes", () => {
    expect(result.scriptRows[1]?.iouScore).toBe(1.0000000000000004)
    expect(scriptIou({ x: 0.1, y: 0.1, w: 0.2, h: 0.2 }, { x: 0.1, y: 0.1, w: 0.2, h: 0.2 })).toBe(
      1.0000000000000004
    )
  })

  it('lets the first maximum win a tie and records the best match', () => {
    // t2 (Truck) is identical to b1 (Car) and b2 (Truck): b1 comes first, so class_score is 0.
    const t2 = result.scriptRows.find((r) => r.training.objectHash === 't2')
    expect(t2?.bestMatch).toEqual({ objectHash: 'b1', featureHash: 'carF', className: 'Car' })
    expect(t2?.classScore).toBe(0)
    // Zero-area t3 on zero-area b3: union 0 → IoU 0, so no best match.
    expect(result.scriptRows.find((r) => r.training.objectHash === 't3')?.bestMatch).toBeNull()
  })

  it('skips boxes without a frame-0 annotation and says how many', () => {
    // Training: tv2 (video, from frame 1), tg2 (image group, image 1). Benchmark: bv2, bg2.
    expect(result.notes).toContain(
      '4 boxes without a frame-0 annotation were skipped, as the script cannot score them (2 training, 2 benchmark)'
    )
    // t5 (a polygon) is one the one-to-one method scores; the cuboid is in the general note.
    expect(result.notes.join(' ')).toMatch(/1 training object of other shapes was not scored/)
    expect(result.notes.join(' ')).toContain('(benchmark: 0; training: 1 (1 cuboid))')
  })

  it('reports coverage, with the benchmark row the annotator did not complete', () => {
    expect(result.coverage).toEqual({
      benchmarkRows: 6,
      trainingRows: 6,
      pairedRows: 5,
      notCompleted: 1,
      unmatchedTrainingRows: 1
    })
  })

  it('summarises as the mean iou_score and mean class_score, without precision or recall', () => {
    const ious = expected.map((r) => Number(r[3]))
    const classes = expected.map((r) => Number(r[4]))
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(result.overall.meanIou).toBeCloseTo(mean(ious), 12)
    expect(result.overall.classAccuracy).toBe(mean(classes))
    expect(result.overall).toMatchObject({
      trainingObjects: 9,
      benchmarkObjects: 6,
      truePositives: 4,
      wrongClass: 5,
      missed: 0,
      extra: 0,
      precision: null,
      recall: null,
      f1: null
    })
    expect(result.objects).toEqual([])
    expect(result.annotator).toBe('anna@x.io')
  })
})
