/** `pythonJsonDumps` writes what Python's `json.dumps` writes. */

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { pythonJsonDumps, type PythonJsonValue } from '../../src/encord/python-json.js'

describe('pythonJsonDumps', () => {
  // Expected texts are what CPython 3 prints for json.dumps of the same value.
  it('uses Python separators and keeps key order', () => {
    expect(pythonJsonDumps({ b: 1, a: [true, false, null], c: {}, d: [] })).toBe(
      '{"b": 1, "a": [true, false, null], "c": {}, "d": []}'
    )
  })

  it('escapes like ensure_ascii: quotes, backslashes, controls, DEL and non-ASCII', () => {
    expect(pythonJsonDumps('a"b\\c\n\r\t\b\f\u0001\u007f é€😀')).toBe(
      '"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u007f \\u00e9\\u20ac\\ud83d\\ude00"'
    )
  })

  it('keeps printable ASCII, slash included, as is', () => {
    expect(pythonJsonDumps("/ ~!<>&'")).toBe('"/ ~!<>&\'"')
  })

  it('refuses floats rather than print them differently from Python', () => {
    expect(() => pythonJsonDumps(0.5)).toThrow(TypeError)
    expect(() => pythonJsonDumps(Number.NaN)).toThrow(TypeError)
  })

  it('writes pure ASCII that parses back to the same value', () => {
    const value: fc.Arbitrary<PythonJsonValue> = fc.letrec<{ value: PythonJsonValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.string({ unit: 'binary' }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'grapheme' }), tie('value'), { maxKeys: 4 })
      )
    })).value
    fc.assert(
      fc.property(value, (input) => {
        const text = pythonJsonDumps(input)
        expect(text).toMatch(/^[\x20-\x7e]*$/)
        expect(JSON.parse(text)).toEqual(input)
      })
    )
  })
})
