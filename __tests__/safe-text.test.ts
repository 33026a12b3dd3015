import { describe, expect, it } from '@jest/globals'
import { describeError, LabelDataError } from '../src/errors.js'
import { safeText } from '../src/safe-text.js'

describe('safeText', () => {
  it('shows ESC, BEL, NUL, DEL and C1 controls as escapes', () => {
    expect(safeText('a\u001b[2Jb\u0007c\u0000d\u007fe\u009bf')).toBe(
      'a\\u001b[2Jb\\u0007c\\u0000d\\u007fe\\u009bf'
    )
  })

  it('shows bidirectional overrides and isolates as escapes', () => {
    expect(safeText('abc\u202edef\u2066g\u200fh')).toBe('abc\\u202edef\\u2066g\\u200fh')
  })

  it('turns every line break and tab into one space, so nothing starts a new log line', () => {
    expect(safeText('one\ntwo\r\nthree\rfour\u2028five\u0085six\tseven')).toBe(
      'one two three four five six seven'
    )
    expect(safeText('title\n::error::forged')).toBe('title ::error::forged')
  })

  it('leaves printable text alone', () => {
    const text = 'Ünïcödé 画像 🚗 alice@example.com #1 <b> \\u001b'
    expect(safeText(text)).toBe(text)
  })
})

describe('error messages', () => {
  it('show a snippet’s control characters as escapes, known error or not', () => {
    const snippet = 'Invalid JSON near "ti\u001b]8;;https://evil\u0007tle"'
    expect(describeError(new LabelDataError(snippet))).toBe(
      'Invalid JSON near "ti\\u001b]8;;https://evil\\u0007tle"'
    )
    expect(describeError(new Error(snippet))).toContain('"ti\\u001b]8;;https://evil\\u0007tle"')
  })
})
