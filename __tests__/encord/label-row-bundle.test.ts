import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  splitJsonObjectListPrefix,
  splitLabelRowBundle,
  type ListState
} from '../../src/encord/label-row-bundle.js'

const split = (text: string) => splitLabelRowBundle(Buffer.from(text, 'utf8'))

/** What JSON.parse makes of the body, in the form the split gives it. */
function parsedWhole(text: string) {
  const { response, ...members } = JSON.parse(text) as { response: { label_hash: string }[] }
  return { members, rows: response }
}

/** The split, with each row parsed from its slice. */
function parsedSplit(text: string) {
  const body = Buffer.from(text, 'utf8')
  const result = splitLabelRowBundle(body)
  if (result === null) return null
  return {
    members: result.members,
    rows: result.rows.map((row) => {
      const json = JSON.parse(body.toString('utf8', row.start, row.end)) as { label_hash: string }
      expect(row.labelHash).toBe(json.label_hash)
      return json
    })
  }
}

const tricky = fc.constantFrom(
  'plain',
  'quote " inside',
  'backslash \\',
  'ends with backslash \\\\',
  '\\"',
  '{[,:]}',
  'Ünïcödé 画像 🚗',
  '\u0000\u001f control',
  '',
  'label_hash',
  'response'
)
const text = fc.oneof(fc.string(), tricky, fc.string({ unit: 'grapheme' }))
const value = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(text, tie('json'), { maxKeys: 4 })
  )
})).json
const row = fc
  .tuple(fc.dictionary(text, value, { maxKeys: 5 }), text)
  .map(([fields, labelHash]) => ({ ...fields, label_hash: labelHash }))
const envelope = fc.record({
  status: fc.constantFrom<unknown>(200, 400, '200'),
  response: fc.array(row, { maxLength: 6 }),
  payload: fc.option(value, { nil: undefined })
})

describe('splitLabelRowBundle', () => {
  it('gives the rows and members JSON.parse gives, however the body is spaced', () => {
    fc.assert(
      fc.property(envelope, fc.constantFrom(undefined, 2, '\t', ' \r\n'), (answer, space) => {
        const body = JSON.stringify(answer, null, space)
        expect(parsedSplit(body)).toEqual(parsedWhole(body))
      }),
      { numRuns: 1500 }
    )
  })

  it('keeps the last of repeated keys, as JSON.parse does', () => {
    const body =
      '{"status": 1, "response": [{"label_hash": "a", "x": 1, "label_hash": "b"}], "status": 200}'
    expect(parsedSplit(body)).toEqual(parsedWhole(body))
    expect(split(body)?.rows.map((r) => r.labelHash)).toEqual(['b'])
    // A later response that is not a list replaces the list.
    expect(split('{"response": [], "response": null, "status": 200}')).toBeNull()
    expect(split('{"response": null, "response": [], "status": 200}')?.rows).toEqual([])
  })

  it('keeps a member named __proto__ as a member', () => {
    const result = split('{"__proto__": {"polluted": true}, "status": 200, "response": []}')
    expect(Object.getPrototypeOf(result?.members)).toBe(Object.prototype)
    expect(Object.keys(result?.members ?? {})).toEqual(['__proto__', 'status'])
  })

  it.each([
    ['an answer that is not an object', '[]'],
    ['no response', '{"status": 200}'],
    ['a response that is not a list', '{"status": 200, "response": {"label_hash": "a"}}'],
    ['a row that is not an object', '{"status": 200, "response": [["label_hash", "a"]]}'],
    ['a row without label_hash', '{"status": 200, "response": [{"data_hash": "d"}]}'],
    ['a label_hash that is not a string', '{"status": 200, "response": [{"label_hash": 7}]}'],
    ['a null label_hash', '{"status": 200, "response": [{"label_hash": null}]}'],
    ['bytes after the answer', '{"status": 200, "response": []} x'],
    ['a second answer', '{"status": 200, "response": []}{}'],
    ['a missing comma', '{"status": 200 "response": []}'],
    ['a missing colon', '{"status" 200, "response": []}'],
    ['a cut-off answer', '{"status": 200, "response": [{"label_hash": "a"'],
    ['an unterminated string', '{"status": 200, "response": [{"label_hash": "a}]}'],
    ['a byte-order mark', '\ufeff{"status": 200, "response": []}'],
    ['a member that is not JSON', '{"status": 2OO, "response": []}'],
    ['an empty body', '']
  ])('returns null (read the body whole) for %s', (_what, body) => {
    expect(split(body)).toBeNull()
  })

  it('leaves the rows’ insides to JSON.parse: a broken value shows when the row is read', () => {
    const body = '{"status": 200, "response": [{"label_hash": "a", "x": tru}]}'
    const result = splitLabelRowBundle(Buffer.from(body))
    expect(result?.rows.map((r) => r.labelHash)).toEqual(['a'])
    const [row] = result?.rows ?? []
    expect(() => JSON.parse(body.slice(row?.start, row?.end))).toThrow(SyntaxError)
  })
})

describe('splitJsonObjectListPrefix (label export files, read in chunks)', () => {
  /**
   * The elements, read as export-source.ts reads them: chunks of the given sizes (cycled), each
   * complete element parsed and dropped, the rest split again with its state; 'whole' when the
   * scan gives up and the file must be parsed whole.
   */
  function readInChunks(text: string, sizes: number[]): unknown[] | 'whole' {
    const bytes = Buffer.from(text, 'utf8')
    const rows: unknown[] = []
    let window = Buffer.alloc(0)
    let state: ListState = 'start'
    let at = 0
    for (let i = 0; ; i++) {
      const chunk = bytes.subarray(at, at + (sizes[i % sizes.length] ?? 1))
      at += chunk.length
      window = Buffer.concat([window, chunk])
      const prefix = splitJsonObjectListPrefix(window, state)
      for (const s of prefix.rows) rows.push(JSON.parse(window.toString('utf8', s.start, s.end)))
      // The caller reads on to the end: only whitespace may follow the closing `]`.
      if (prefix.closed) return /^\s*$/.test(bytes.toString('utf8', at)) ? rows : 'whole'
      window = window.subarray(prefix.rest)
      state = prefix.state
      if (chunk.length === 0) return 'whole'
    }
  }

  it('gives each element of a top-level list, rows without a label_hash included', () => {
    const rows = [
      { label_hash: null, data_hash: 'a', title: 'quote " and \\ and ]}' },
      { data_hash: 'b', data_units: { x: { labels: { objects: [{ w: 1 }] } } } },
      { label_hash: 'l', data_hash: 'c' }
    ]
    const text = ` \n${JSON.stringify(rows, null, 2)}\n`
    expect(readInChunks(text, [text.length + 1])).toEqual(rows)
    expect(readInChunks(text, [1])).toEqual(rows)
    expect(readInChunks(text, [3, 7, 2])).toEqual(rows)
    expect(readInChunks('[]', [1])).toEqual([])
  })

  it('gives up on anything but a list of objects, so the caller parses it whole', () => {
    for (const text of [
      '{"rows": []}',
      '[1, 2]',
      '[{"a": 1}] trailing',
      '[{"a": 1},]',
      '[{"a": 1}'
    ]) {
      expect(readInChunks(text, [4])).toBe('whole')
    }
  })

  it('agrees with JSON.parse on any list of objects, cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.oneof(fc.string(), tricky), fc.oneof(fc.jsonValue(), tricky))),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (rows, sizes, pretty) => {
          const text = pretty ? JSON.stringify(rows, null, 1) : JSON.stringify(rows)
          expect(readInChunks(text, sizes)).toEqual(JSON.parse(text))
        }
      )
    )
  })
})
