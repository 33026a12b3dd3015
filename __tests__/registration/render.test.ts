import { describe, expect, it } from '@jest/globals'
import type { Diagnostic, FileReport } from '../../src/registration/check.js'
import {
  SUMMARY_LIMIT_BYTES,
  escapeMarkdown,
  formatDiagnosticLine,
  registrationVerdict,
  renderRegistrationSummary
} from '../../src/registration/render.js'

const error: Diagnostic = {
  severity: 'error',
  rule: 'trailing-comma',
  message: 'trailing comma before "}": JSON allows none',
  line: 8,
  column: 71
}
const warning: Diagnostic = {
  severity: 'warning',
  rule: 'unknown-key',
  message: 'unknown top-level key "image_group"; did you mean "image_groups"?',
  line: 2,
  column: 3
}
const report = (file: string, diagnostics: Diagnostic[]): FileReport => ({
  file,
  diagnostics,
  items: 1,
  urls: 1
})

describe('formatDiagnosticLine', () => {
  it('prints file:line:column: severity [rule] message', () => {
    expect(formatDiagnosticLine('data/groups.json', error)).toBe(
      'data/groups.json:8:71: error [trailing-comma] trailing comma before "}": JSON allows none'
    )
  })

  it('shows control characters from the file as escapes, on one line', () => {
    const hostile = { ...error, message: 'unknown key "a\u001b[2Jb\u0007"\nnext' }
    expect(formatDiagnosticLine('x\u001b.json', hostile)).toBe(
      'x\\u001b.json:8:71: error [trailing-comma] unknown key "a\\u001b[2Jb\\u0007" next'
    )
  })
})

describe('registrationVerdict', () => {
  it('fails on errors, passes with warnings, passes clean', () => {
    expect(registrationVerdict([report('a', [error, warning]), report('b', [])])).toBe(
      'Failed: 1 error and 1 warning in 1 of 2 registration files.'
    )
    expect(registrationVerdict([report('a', [warning, warning])])).toBe(
      'Passed with warnings: 2 warnings in 1 of 1 registration file.'
    )
    expect(registrationVerdict([report('a', []), report('b', [])])).toBe(
      'Passed: 2 registration files, no problems found.'
    )
    expect(registrationVerdict([])).toBe('No registration files were checked.')
  })
})

describe('renderRegistrationSummary', () => {
  it('renders a verdict and a table, errors first', () => {
    const markdown = renderRegistrationSummary([
      report('a.json', [warning]),
      report('b.json', [error])
    ])
    expect(markdown).toBe(
      [
        '## Encord registration files',
        '',
        '❌ Failed: 1 error and 1 warning in 2 of 2 registration files.',
        '',
        '| File | Line:col | Severity | Rule | Message |',
        '| --- | --- | --- | --- | --- |',
        '| b.json | 8:71 | ❌ error | trailing-comma | trailing comma before &quot;}&quot;: JSON allows none |',
        '| a.json | 2:3 | ⚠️ warning | unknown-key | unknown top-level key &quot;image&#95;group&quot;; did you mean &quot;image&#95;groups&quot;? |',
        ''
      ].join('\n')
    )
  })

  it('renders only the verdict when nothing was found', () => {
    expect(renderRegistrationSummary([report('a.json', [])])).toBe(
      '## Encord registration files\n\n✅ Passed: 1 registration file, no problems found.\n'
    )
  })

  it('makes user text inert: HTML, table pipes, links, mentions, newlines', () => {
    const hostile = '<img src=x onerror=alert(1)> | [x](javascript:alert(1)) @team #1 *b* `c`\nnext'
    const escaped = escapeMarkdown(hostile)
    expect(escaped.replace(/&#?\w+;/g, '')).not.toMatch(/[<>|[\]#*`\n&]/)
    expect(escaped).not.toMatch(/@(?!&#8203;)/)
    expect(escaped).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &#124; &#91;x&#93;(javascript:alert(1)) @&#8203;team &#35;&#8203;1 &#42;b&#42; &#96;c&#96; next'
    )
    const markdown = renderRegistrationSummary([
      report('evil|<b>.json', [{ ...error, message: hostile }])
    ])
    expect(markdown).toContain('| evil&#124;&lt;b&gt;.json | 8:71 |')
  })

  it('stays under 1 MiB, keeps errors over warnings, and says what it left out', () => {
    const many = (severity: Diagnostic['severity'], count: number): Diagnostic[] =>
      Array.from({ length: count }, (_, i) => ({
        severity,
        rule: severity === 'error' ? 'missing-field' : 'duplicate-url',
        message: `${severity} ${i} ${'x'.repeat(150)}`,
        line: i + 1,
        column: 1
      }))
    const markdown = renderRegistrationSummary([
      report('w.json', many('warning', 3000)),
      report('e.json', many('error', 3000))
    ])
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    const rows = markdown
      .split('\n')
      .filter(
        (line) => line.startsWith('| ') && !line.startsWith('| File') && !line.startsWith('| ---')
      )
    const shownErrors = rows.filter((row) => row.includes('❌ error')).length
    expect(shownErrors).toBe(3000)
    expect(rows.length).toBeLessThan(6000)
    expect(markdown).toContain(
      `> ${(6000 - rows.length).toLocaleString('en-US')} more diagnostics not shown: a job summary is limited to 1 MiB.`
    )
  })
})
