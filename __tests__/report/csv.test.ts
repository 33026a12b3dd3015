import { describe, expect, it } from '@jest/globals'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { CSV_COLUMNS, OUR_COLUMNS, SCRIPT_COLUMNS } from '../../src/report/csv-rows.js'
import { csvHeader, csvRows, renderCsv, stringifyRecords } from '../../src/report/csv.js'
import { editorLinkBase } from '../../src/results/editor-links.js'
import { evaluation, objectResult, ref, scriptRow } from './builders.js'
import { firstColumns, readCsv } from './csv-reader.js'

const HEADER = CSV_COLUMNS.join(',')

function column(name: (typeof CSV_COLUMNS)[number]): number {
  return CSV_COLUMNS.indexOf(name)
}

/** Rows as read back, keyed by column name. */
function rowsOf(csv: string): Record<string, string>[] {
  const [header = [], ...records] = readCsv(csv)
  return records.map((record) =>
    Object.fromEntries(header.map((cell, index) => [cell.value, record[index]?.value ?? '']))
  )
}

const scriptResult = [
  evaluation({
    method: 'encord-script',
    scriptRows: [
      // Identical boxes: the script's arithmetic gives an IoU just above 1, which it keeps.
      scriptRow({ iouScore: 1.0000000000000004, classScore: 1 }),
      // No box overlaps: no best match, no e-mail recorded.
      scriptRow({ trainingEmail: null, iouScore: 0, classScore: 0, bestMatch: null }),
      // Two benchmark boxes tie at 0.5; the first one listed wins, and it is another class.
      scriptRow({
        trainingEmail: 'bob@example.com',
        dataUnitName: 'Ünïcödé 画像.png',
        labelId: 'label-2',
        iouScore: 0.5,
        classScore: 0,
        bestMatch: ref('truck', 'bench-first-of-tie')
      }),
      scriptRow({ dataUnitName: 'street, "north".jpg', labelId: 'label-3', iouScore: 1e-5 }),
      scriptRow({ dataUnitName: 'two\nlines.jpg', labelId: null, iouScore: 9 / 11 }),
      scriptRow({
        trainingEmail: 'carol@example.com',
        dataUnitName: '=SUM(A1)',
        labelId: 'label-4',
        iouScore: 1.5e-7
      })
    ]
  })
]

describe('renderCsv', () => {
  it('puts the script’s five columns first, then ours', () => {
    const [header] = renderCsv([evaluation()]).split('\n')
    expect(header).toBe(HEADER)
    expect(SCRIPT_COLUMNS).toEqual([
      'training_email',
      'data_unit_name',
      'label_id',
      'iou_score',
      'class_score'
    ])
    expect(CSV_COLUMNS.slice(5)).toEqual([...OUR_COLUMNS])
    expect(OUR_COLUMNS).toEqual(
      expect.arrayContaining([
        'training_project',
        'annotator',
        'frame',
        'status',
        'training_object_hash',
        'benchmark_object_hash',
        'training_class',
        'benchmark_class',
        'attribute_agreement'
      ])
    )
    // The links came later than the rest: they stay last, so earlier columns keep their places.
    expect(CSV_COLUMNS.slice(-2)).toEqual(['training_url', 'benchmark_url'])
  })

  it('ends each row with the links to the annotator’s frame and the benchmark’s, when the run has them', () => {
    const training = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
    const benchmark = '11111111-2222-3333-4444-555555555555'
    const links = editorLinkBase('https://app.us.encord.com', benchmark, training)
    const objects = [objectResult({ dataHash: 'data-7', frame: 4 })]
    const linked = rowsOf(csvHeader() + csvRows(evaluation({ objects }), links))
    expect(linked[0]).toMatchObject({
      training_url: `https://app.us.encord.com/label_editor/${training}/data-7/4`,
      benchmark_url: `https://app.us.encord.com/label_editor/${benchmark}/data-7/4`
    })
    const script = rowsOf(csvHeader() + csvRows(scriptResult[0]!, links))
    expect(script[0]).toMatchObject({
      training_url: `https://app.us.encord.com/label_editor/${training}/data-1/0`,
      benchmark_url: `https://app.us.encord.com/label_editor/${benchmark}/data-1/0`
    })
    expect(rowsOf(renderCsv([evaluation({ objects })]))[0]).toMatchObject({
      training_url: '',
      benchmark_url: ''
    })
  })

  it('writes only the header when there are no rows', () => {
    expect(renderCsv([])).toBe(`${HEADER}\n`)
    expect(renderCsv([evaluation({ objects: [] })])).toBe(`${HEADER}\n`)
  })

  it('with encord-script, writes the script’s first five columns byte for byte', () => {
    const expected =
      'training_email,data_unit_name,label_id,iou_score,class_score\n' +
      'alice@example.com,image-1.jpg,label-1,1.0000000000000004,1.0\n' +
      ',image-1.jpg,label-1,0.0,0.0\n' +
      'bob@example.com,Ünïcödé 画像.png,label-2,0.5,0.0\n' +
      'alice@example.com,"street, ""north"".jpg",label-3,1e-05,1.0\n' +
      'alice@example.com,"two\nlines.jpg",,0.8181818181818182,1.0\n' +
      'carol@example.com,=SUM(A1),label-4,1.5e-07,1.0\n'
    expect(firstColumns(renderCsv(scriptResult), 5)).toBe(expected)
  })

  it('with encord-script, describes each row in our columns', () => {
    const rows = rowsOf(renderCsv(scriptResult))
    expect(rows.map((row) => row.status)).toEqual([
      'matched',
      'no-match',
      'wrong-class',
      'matched',
      'matched',
      'matched'
    ])
    expect(rows[2]).toMatchObject({
      training_project: 'Training A',
      training_project_hash: 'project-a',
      annotator: 'alice@example.com',
      data_hash: 'data-1',
      frame: '0',
      training_class: 'car',
      benchmark_class: 'truck',
      training_object_hash: 'train-obj-1',
      benchmark_object_hash: 'bench-first-of-tie',
      attribute_agreement: ''
    })
    expect(rows[1]).toMatchObject({ benchmark_class: '', benchmark_object_hash: '' })
  })

  it('with one-to-one, writes one row per object result for every status', () => {
    const csv = renderCsv([
      evaluation({
        objects: [
          objectResult({ status: 'matched', iou: 0.75, attributeAgreement: 0.5, frame: 3 }),
          objectResult({
            status: 'wrong-class',
            iou: 0.6,
            benchmark: ref('person', 'bench-obj-2')
          }),
          objectResult({ status: 'missed', iou: null, training: null }),
          objectResult({
            status: 'extra',
            iou: null,
            benchmark: null,
            training: { ...ref('car', 'train-obj-9'), createdBy: null }
          })
        ]
      })
    ])
    const lines = csv.split('\n')
    expect(lines[1]?.startsWith('alice@example.com,image-1.jpg,label-1,0.75,1.0,')).toBe(true)
    expect(lines[2]?.startsWith('alice@example.com,image-1.jpg,label-1,0.6,0.0,')).toBe(true)
    expect(lines[3]?.startsWith(',image-1.jpg,label-1,0.0,0.0,')).toBe(true)
    expect(lines[4]?.startsWith(',image-1.jpg,label-1,0.0,0.0,')).toBe(true)

    const rows = rowsOf(csv)
    expect(rows.map((row) => row.status)).toEqual(['matched', 'wrong-class', 'missed', 'extra'])
    expect(rows[0]).toMatchObject({ frame: '3', attribute_agreement: '0.5' })
    expect(rows[1]).toMatchObject({ training_class: 'car', benchmark_class: 'person' })
    expect(rows[2]).toMatchObject({
      training_class: '',
      training_object_hash: '',
      benchmark_class: 'car',
      benchmark_object_hash: 'bench-obj-1'
    })
    expect(rows[3]).toMatchObject({
      training_class: 'car',
      training_object_hash: 'train-obj-9',
      benchmark_class: '',
      benchmark_object_hash: ''
    })
  })

  // A failed project has no evaluation, so no rows: see the pipeline's tests.
  it('lists projects in the order given', () => {
    const csv = renderCsv([
      evaluation({ projectHash: 'p-2', projectTitle: 'Second', objects: [objectResult()] }),
      evaluation({
        projectHash: 'p-1',
        projectTitle: 'First',
        objects: [objectResult(), objectResult()]
      })
    ])
    expect(rowsOf(csv).map((row) => row.training_project_hash)).toEqual(['p-2', 'p-1', 'p-1'])
  })

  it('guards our columns against spreadsheet formulas but leaves the script’s columns alone', () => {
    const csv = renderCsv([
      evaluation({
        projectTitle: '=HYPERLINK("http://evil.example","click")',
        annotator: '@annotator',
        objects: [
          objectResult({
            dataTitle: '+1 image',
            labelHash: '-label',
            training: { ...ref('-car', 'train-obj-1'), createdBy: '=evil@example.com' },
            benchmark: ref('\ttruck', 'bench-obj-1')
          })
        ]
      })
    ])
    const [record] = readCsv(csv).slice(1)
    const cell = (name: (typeof CSV_COLUMNS)[number]): string => record?.[column(name)]?.value ?? ''
    expect(cell('training_email')).toBe('=evil@example.com')
    expect(cell('data_unit_name')).toBe('+1 image')
    expect(cell('label_id')).toBe('-label')
    expect(cell('training_project')).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(cell('annotator')).toBe("'@annotator")
    expect(cell('training_class')).toBe("'-car")
    expect(cell('benchmark_class')).toBe("'\ttruck")
  })

  it('ends every record of every project with \\n, and only with \\n', () => {
    const many = Array.from({ length: 25_001 }, (_, index) => objectResult({ frame: index }))
    const result = [evaluation({ objects: many }), evaluation({ objects: many.slice(0, 2) })]
    const csv = renderCsv(result)
    expect(csv.split('\n')).toHaveLength(25_005)
    expect(csv.endsWith('\n')).toBe(true)
    expect(csv.includes('\r')).toBe(false)
  })
})

describe('CSV quoting (pandas / Python csv QUOTE_MINIMAL)', () => {
  function dataUnitField(title: string): string {
    const csv = renderCsv([evaluation({ objects: [objectResult({ dataTitle: title })] })])
    return readCsv(csv)[1]?.[column('data_unit_name')]?.raw ?? ''
  }

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\nend', '"crlf\r\nend"'],
    [' padded ', ' padded '],
    ['tab\tinside', 'tab\tinside'],
    ['Ünïcödé 画像 🚗', 'Ünïcödé 画像 🚗'],
    ["it's", "it's"],
    ['', '']
  ])('writes %j as %j', (title, expected) => {
    expect(dataUnitField(title)).toBe(expected)
  })

  it('reads back every edge case unchanged', () => {
    const titles = ['a,b', 'say "hi"', 'two\nlines', 'carriage\rreturn', ' padded ', '', '画像']
    const csv = renderCsv([
      evaluation({ objects: titles.map((title) => objectResult({ dataTitle: title })) })
    ])
    expect(rowsOf(csv).map((row) => row.data_unit_name)).toEqual(titles)
  })
})

describe('stringifyRecords', () => {
  const field = fc.string({
    unit: fc.constantFrom('a', 'Z', '0', ',', '"', '\n', '\r', ' ', '\t', "'", '=', 'é', '画', '🚗')
  })

  it('writes exactly what csv-stringify writes, shortcut or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (records) => {
          expect(stringifyRecords(records)).toBe(
            stringify(records, { record_delimiter: '\n', quote_record_delimiter: true })
          )
        }
      ),
      { numRuns: 3_000 }
    )
  })

  it('reads back every record it wrote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 6 }), { maxLength: 8 }),
        (records) => {
          const values = readCsv(stringifyRecords(records)).map((record) =>
            record.map((cell) => cell.value)
          )
          expect(values).toEqual(records)
        }
      ),
      { numRuns: 3_000 }
    )
  })
})
