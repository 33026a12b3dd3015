import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { pythonFloatRepr } from '../../src/report/python-float.js'

// Outputs of `python3 -c 'print(repr(x))'` (CPython 3.11), committed as literals.
const PYTHON_REPR: [number, string][] = [
  [0, '0.0'],
  [-0, '-0.0'],
  [1, '1.0'],
  [-1, '-1.0'],
  [0.5, '0.5'],
  [0.1, '0.1'],
  [0.1 + 0.2, '0.30000000000000004'],
  [1 + 2 * Number.EPSILON, '1.0000000000000004'],
  [1 - Number.EPSILON / 2, '0.9999999999999999'],
  [2 / 3, '0.6666666666666666'],
  [9 / 11, '0.8181818181818182'],
  [1e-5, '1e-05'],
  [-1e-5, '-1e-05'],
  [1.5e-7, '1.5e-07'],
  [1e-7, '1e-07'],
  [1e-4, '0.0001'],
  [0.00012345, '0.00012345'],
  [9.999999999999999e-5, '9.999999999999999e-05'],
  [0.001, '0.001'],
  [1e15, '1000000000000000.0'],
  [1e16, '1e+16'],
  [-1e16, '-1e+16'],
  [9999999999999998, '9999999999999998.0'],
  [123456789012345.6, '123456789012345.6'],
  // Written as strings: these literals have more digits than a double holds.
  [Number('1234567890123456.7'), '1234567890123456.8'],
  [Number('12345678901234567'), '1.2345678901234568e+16'],
  [1e21, '1e+21'],
  [1e22, '1e+22'],
  [1e100, '1e+100'],
  [1e-100, '1e-100'],
  [123e-20, '1.23e-18'],
  [5e-324, '5e-324'],
  [Number.MAX_VALUE, '1.7976931348623157e+308'],
  [2.2250738585072014e-308, '2.2250738585072014e-308'],
  [100, '100.0'],
  [1234.5, '1234.5'],
  [0.25, '0.25'],
  [Math.PI, '3.141592653589793'],
  [NaN, 'nan'],
  [Infinity, 'inf'],
  [-Infinity, '-inf']
]

describe('pythonFloatRepr', () => {
  it.each(PYTHON_REPR)('prints %p as Python does: %s', (value, expected) => {
    expect(pythonFloatRepr(value)).toBe(expected)
  })

  it('reads back as the same double for any finite value', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = pythonFloatRepr(value)
        expect(Object.is(Number(text), value)).toBe(true)
      }),
      { numRuns: 10_000 }
    )
  })

  it('always looks like a Python float: a point or an exponent, never a bare integer', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(pythonFloatRepr(value)).toMatch(/^-?(\d+\.\d+|\d(\.\d+)?e[+-]\d{2,3})$/)
      }),
      { numRuns: 10_000 }
    )
  })

  it('uses scientific notation exactly when the exponent is below -4 or at least 16', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (value) => {
        const exponent = Math.floor(Math.log10(value))
        // log10 can be off by one next to a power of ten; those values are in the table above.
        fc.pre(Number(`1e${exponent}`) <= value && value < Number(`1e${exponent + 1}`))
        const scientific = exponent < -4 || exponent >= 16
        expect(pythonFloatRepr(value).includes('e')).toBe(scientific)
      }),
      { numRuns: 5_000 }
    )
  })
})
