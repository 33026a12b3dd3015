/**
 * Python's `repr(float)` in TypeScript.
 *
 * Encord's documented script writes its CSV with pandas, which prints each float with Python's
 * `repr`. Users compare our CSV with theirs byte for byte, so the script's numeric columns must be
 * printed the way Python prints them, not the way JavaScript does (`1` vs `1.0`, `1e-7` vs `1e-07`,
 * `10000000000000000` vs `1e+16`).
 *
 * Both languages choose the same digits (the shortest string that reads back as the same double),
 * so only the layout differs. CPython's rule (`float_repr_style == 'short'`, `format_float_short`
 * with mode 'r'): with the value written as d.ddd × 10^e, use scientific notation when e < -4 or
 * e ≥ 16; otherwise positional notation with at least one digit after the point. The exponent has
 * a sign and at least two digits. Non-finite values are `nan`, `inf` and `-inf`.
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (value === Infinity) return 'inf'
  if (value === -Infinity) return '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const magnitude = Math.abs(value)
  // Positional in Python (1e-4 ≤ |x| < 1e16); JavaScript prints this whole range positionally too,
  // with the same digits, and only lacks Python's trailing `.0` on whole numbers.
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(value)
    return text.includes('.') ? text : `${text}.0`
  }
  // Scientific in Python. toExponential() without an argument gives the shortest round-trip
  // digits, like String(); only the exponent's layout differs (`e-05`, not `e-5`).
  const [mantissa = '', exponent = ''] = value.toExponential().split('e')
  const exponentSign = exponent.startsWith('-') ? '-' : '+'
  const exponentDigits = exponent.replace(/^[+-]/, '').padStart(2, '0')
  return `${mantissa}e${exponentSign}${exponentDigits}`
}
