import { describe, expect, it } from '@jest/globals'
import { formatAgainstThreshold, formatScore, formatThreshold } from '../../src/report/format.js'
import { escapeMarkdown } from '../../src/report/markdown-escape.js'
import { fitWidth, inert } from '../../src/report/terminal-text.js'

describe('number formatting', () => {
  it('prints scores with three decimals and — when missing', () => {
    expect(formatScore(0.82)).toBe('0.820')
    expect(formatScore(1)).toBe('1.000')
    expect(formatScore(null)).toBe('—')
    expect(formatScore(NaN)).toBe('—')
  })

  it('never prints a score and its threshold the same unless they are equal', () => {
    expect(formatAgainstThreshold(0.82, 0.8)).toEqual({ actual: '0.820', threshold: '0.800' })
    expect(formatAgainstThreshold(0.7996, 0.8)).toEqual({ actual: '0.7996', threshold: '0.8000' })
    expect(formatAgainstThreshold(0.8, 0.8)).toEqual({ actual: '0.800', threshold: '0.800' })
    expect(formatAgainstThreshold(null, 0.8)).toEqual({ actual: '—', threshold: '0.800' })
    expect(formatThreshold(0.8125)).toBe('0.8125')
  })
})

describe('escapeMarkdown', () => {
  it('neutralises HTML, table pipes, markdown syntax and line breaks', () => {
    expect(escapeMarkdown(`<b>"x"</b> & 'y' | *z* _w_ [l](u) \`c\` ~s~ \\`)).toBe(
      '&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39; &#124; &#42;z&#42; &#95;w&#95; &#91;l&#93;(u) &#96;c&#96; &#126;s&#126; &#92;'
    )
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one two three')
    expect(escapeMarkdown('Ünïcödé 画像 🚗')).toBe('Ünïcödé 画像 🚗')
  })

  it('shortens very long strings without splitting a character', () => {
    const text = escapeMarkdown('🚗'.repeat(300), 10)
    expect(Array.from(text)).toHaveLength(10)
    expect(text.endsWith('🚗…')).toBe(true)
  })
})

describe('terminal text', () => {
  it('shows control characters and bidirectional overrides as escapes, line breaks as spaces', () => {
    expect(inert('a\u001b[31mb\u202ec\nd')).toBe('a\\u001b[31mb\\u202ec d')
  })

  it('fits text to a width in columns', () => {
    expect(fitWidth('abcdef', 4)).toBe('abc…')
    expect(fitWidth('画像画像', 5)).toBe('画像…')
    expect(fitWidth('short', 10)).toBe('short')
  })
})
