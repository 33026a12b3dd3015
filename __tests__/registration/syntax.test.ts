import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { diagnostics, findings, only } from './support.js'

describe('JSON syntax', () => {
  it('reports a trailing comma in an object at the comma', () => {
    const text = '{\n  "images": [\n    { "objectUrl": "a", }\n  ]\n}\n'
    expect(findings(text)).toEqual([[3, 23, 'trailing-comma']])
    expect(only(text, 'trailing-comma').message).toBe('trailing comma before "}": JSON allows none')
  })

  it('reports a trailing comma in an array at the comma', () => {
    const text = '{\n  "images": [\n    { "objectUrl": "a" },\n  ]\n}\n'
    expect(findings(text)).toEqual([[3, 25, 'trailing-comma']])
  })

  it('reports every trailing comma, not just the first', () => {
    const text =
      '{"images": [{"objectUrl": "a",}, {"objectUrl": "b",},], "skip_duplicate_urls": true,}'
    expect(findings(text)).toEqual([
      [1, 30, 'trailing-comma'],
      [1, 51, 'trailing-comma'],
      [1, 53, 'trailing-comma'],
      [1, 84, 'trailing-comma']
    ])
  })

  it('reports a missing comma between two entries at the second entry', () => {
    const text = '{\n  "images": [\n    { "objectUrl": "a" }\n    { "objectUrl": "b" }\n  ]\n}\n'
    expect(findings(text)).toEqual([[4, 5, 'json-syntax']])
  })

  it('reports one error per mistake, not the parser’s follow-on errors', () => {
    const text =
      '{"videos": [{"objectUrl": "a", "videoMetadata": {"fps": twenty five, "width": 1}}]}'
    expect(findings(text).filter(([, , rule]) => rule === 'json-syntax')).toEqual([
      [1, 57, 'json-syntax']
    ])
  })

  it('explains Python spellings, NaN, single quotes and leading zeros', () => {
    expect(only('{"skip_duplicate_urls": True}', 'json-syntax').message).toBe(
      'unexpected "True": JSON spells it true'
    )
    expect(only('{"a": NaN}', 'json-syntax').message).toBe(
      'unexpected "NaN": JSON has no NaN or Infinity'
    )
    expect(only("{'images': []}", 'json-syntax').message).toBe(
      `unexpected "'images'": JSON strings take double quotes`
    )
    const leadingZero = only('{"a": 007}', 'json-syntax')
    expect(leadingZero).toMatchObject({ line: 1, column: 7 })
    expect(leadingZero.message).toBe(
      '007 is not a JSON number: numbers cannot start with 0 (write 7, or quote it if it is text)'
    )
  })

  it('points at the bad escape inside a string, not at its opening quote', () => {
    expect(findings('{"images": [{"objectUrl": "C:\\data\\a.png"}]}')).toEqual([
      [1, 30, 'json-syntax']
    ])
  })

  it('points at a raw tab inside a string', () => {
    expect(findings('{"images": [{"objectUrl": "a\tb"}]}')).toEqual([[1, 29, 'json-syntax']])
  })

  it('reports comments, which JSON does not allow', () => {
    const text = '{\n  // the training set\n  "images": [{"objectUrl": "a"}]\n}'
    expect(findings(text)).toEqual([[2, 3, 'json-syntax']])
    expect(diagnostics(text)[0]?.message).toBe('comments are not allowed in JSON')
  })

  it('reports an unclosed object with where it was opened', () => {
    const text = '{\n  "images": [\n    {"objectUrl": "a"}\n  ]\n'
    const [diagnostic] = diagnostics(text)
    expect(diagnostic).toMatchObject({ rule: 'json-syntax', line: 5, column: 1 })
    expect(diagnostic?.related).toEqual({ line: 1, column: 1 })
    expect(diagnostic?.message).toBe(
      'the object opened at 1:1 is not closed: expected "}" before the end of the file'
    )
  })

  it('reports an unterminated string, then only the innermost container it left open', () => {
    const text = '{"images": [{"objectUrl": "a}]}\n'
    expect(findings(text)).toEqual([
      [1, 27, 'json-syntax'],
      [2, 1, 'json-syntax']
    ])
    expect(diagnostics(text)[1]?.message).toBe(
      'the object opened at 1:13 is not closed: expected "}" before the end of the file'
    )
  })

  it('reports a second document after the first', () => {
    const text = '{"images": [{"objectUrl": "a"}]}\n{"videos": []}\n'
    expect(findings(text)).toEqual([[2, 1, 'json-syntax']])
  })

  it('reports an empty file', () => {
    expect(findings('')).toEqual([[1, 1, 'json-syntax']])
    expect(only('  \n', 'json-syntax').message).toBe('unexpected end of file: a value is missing')
  })

  it('reports a byte-order mark', () => {
    const [diagnostic] = diagnostics('\uFEFF{"images": [{"objectUrl": "a"}]}')
    expect(diagnostic).toMatchObject({ rule: 'json-syntax', line: 1, column: 1 })
    expect(diagnostic?.message).toMatch(/byte-order mark/)
  })

  it('counts lines the same way for LF, CRLF and CR line ends', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = ['{', '  "images": [', '    {"objectUrl": "a",}', '  ]', '}'].join(newline)
      expect(findings(text)).toEqual([[3, 22, 'trailing-comma']])
    }
  })

  it('counts columns in UTF-16 code units, as editors do', () => {
    expect(findings('{"images": [{"title": "🎞️", "objectUrl": "a",}]}')).toEqual([
      [1, 46, 'trailing-comma']
    ])
  })

  it('never reports a syntax error in valid JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
        const rules = diagnostics(JSON.stringify(value, null, indent)).map((d) => d.rule)
        expect(rules.filter((r) => r === 'json-syntax' || r === 'trailing-comma')).toEqual([])
      })
    )
  })

  it('finds a trailing comma wherever it is inserted into valid JSON', () => {
    const nonEmptyArray = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(nonEmptyArray, fc.string({ unit: fc.constantFrom(' ', '\n') }), (array, gap) => {
        const json = JSON.stringify({ images: array }, null, 2)
        const closing = json.lastIndexOf(']')
        const text = `${json.slice(0, closing).trimEnd()},${gap}${json.slice(closing)}`
        const comma = text.lastIndexOf(',', text.lastIndexOf(']'))
        const before = text.slice(0, comma).split('\n')
        const expected = [before.length, (before.at(-1)?.length ?? 0) + 1]
        const trailing = diagnostics(text).filter((d) => d.rule === 'trailing-comma')
        expect(trailing.map((d) => [d.line, d.column])).toEqual([expected])
      })
    )
  })
})
