import { describe, expect, it } from '@jest/globals'
import { escapeMarkdown } from '../../src/report/markdown-escape.js'

const ZWSP = '&#8203;'

/** The text GitHub's linkers would see: entities decoded, as in the rendered HTML. */
function rendered(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
}

/** Roughly the patterns GitHub links in rendered text: mentions, issue and commit references. */
const MENTION = /(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9][A-Za-z0-9-]*/
const ISSUE = /#[0-9]+|\bGH-[0-9]+/i
const COMMIT = /@[0-9a-f]{7,40}\b/i

describe('escapeMarkdown: mentions and references', () => {
  it('breaks @user and @org/team mentions with a zero-width space', () => {
    expect(escapeMarkdown('ask @octocat')).toBe(`ask @${ZWSP}octocat`)
    expect(escapeMarkdown('@octo-org/reviewers')).toBe(`@${ZWSP}octo-org/reviewers`)
    expect(escapeMarkdown('x.@team (@a)')).toBe(`x.@${ZWSP}team (@${ZWSP}a)`)
    expect(escapeMarkdown('é@team')).toBe(`é@${ZWSP}team`)
  })

  it('keeps e-mail addresses as they are: an @ after a letter or digit mentions nobody', () => {
    expect(escapeMarkdown('alice@example.com')).toBe('alice@example.com')
    expect(escapeMarkdown('bob.smith+qa@corp.io')).toBe('bob.smith+qa@corp.io')
  })

  it('breaks issue links: #123, owner/repo#123 and GH-123', () => {
    expect(escapeMarkdown('#123')).toBe(`&#35;${ZWSP}123`)
    expect(escapeMarkdown('octo/repo#7')).toBe(`octo/repo&#35;${ZWSP}7`)
    expect(escapeMarkdown('GH-12 gh-3')).toBe(`GH-${ZWSP}12 gh-${ZWSP}3`)
    expect(escapeMarkdown('aGH-4')).toBe('aGH-4')
  })

  it('breaks commit links written name@sha, and leaves ordinary domains alone', () => {
    expect(escapeMarkdown('bob@deadbeef1')).toBe(`bob@${ZWSP}deadbeef1`)
    expect(escapeMarkdown('bob@cafe.com')).toBe('bob@cafe.com')
  })

  it('turns every # into an entity, so a title cannot become a heading', () => {
    expect(escapeMarkdown('# Big')).toBe('&#35; Big')
  })

  it('leaves nothing GitHub would link in the rendered text', () => {
    const hostile = [
      '@octocat',
      'cc @octo-org/team',
      '#1',
      'see octo/repo#99',
      'GH-5',
      'fix@0123456789abcdef',
      '(@admin)',
      '[@x](y)',
      '*@bold*'
    ]
    for (const text of hostile) {
      const text2 = rendered(escapeMarkdown(text))
      expect(text2).not.toMatch(MENTION)
      expect(text2).not.toMatch(ISSUE)
      expect(text2).not.toMatch(COMMIT)
    }
  })
})

describe('escapeMarkdown: control characters', () => {
  it('shows ESC and BEL as escapes, not raw, in markdown too', () => {
    const escaped = escapeMarkdown('car\u001b[31m\u0007')
    expect(escaped).not.toContain('\u001b')
    expect(escaped).not.toContain('\u0007')
    expect(rendered(escaped)).toBe('car\\u001b[31m\\u0007')
  })
})
