import { describe, expect, it } from '@jest/globals'
import { checkRegistrationText } from '../../src/registration/check.js'
import { diagnostics, findings, only } from './support.js'

describe('duplicate keys', () => {
  it('reports a duplicate top-level list with both positions and what is lost', () => {
    const text = [
      '{',
      '  "images": [{"objectUrl": "a"}, {"objectUrl": "b"}],',
      '  "images": [{"objectUrl": "c"}]',
      '}'
    ].join('\n')
    const diagnostic = only(text, 'duplicate-key')
    expect(diagnostic).toMatchObject({ severity: 'error', line: 3, column: 3 })
    expect(diagnostic.related).toEqual({ line: 2, column: 3 })
    expect(diagnostic.message).toBe(
      'duplicate key "images" at 3:3; the first one at 2:3 (2 entries) would be silently dropped'
    )
  })

  it('reports duplicates inside an entry, using the value that parsers keep', () => {
    const text = '{"videos": [{"objectUrl": "a.mp4", "title": "A", "objectUrl": "b.mp4"}]}'
    expect(only(text, 'duplicate-key').message).toBe(
      'duplicate key "objectUrl" at 1:50; the first one at 1:14 ("a.mp4") would be silently dropped'
    )
    // Only the kept URL counts.
    expect(checkRegistrationText(text, 'f').urls).toBe(1)
  })

  it('reports duplicates at any depth, including inside clientMetadata', () => {
    const text =
      '{"images": [{"objectUrl": "a", "clientMetadata": {"camera": {"id": 1, "id": 2}}}]}'
    expect(findings(text)).toEqual([[1, 71, 'duplicate-key']])
    expect(only(text, 'duplicate-key').message).toContain('the first one at 1:62 (1)')
  })

  it('describes objects, empty arrays and missing values that would be lost', () => {
    const messages = (text: string): string[] =>
      diagnostics(text)
        .filter((d) => d.rule === 'duplicate-key')
        .map((d) => d.message)
    expect(messages('{"a": {"x": 1, "y": 2}, "a": 1, "images": [{"objectUrl": "u"}]}')).toEqual([
      'duplicate key "a" at 1:25; the first one at 1:2 (an object with 2 keys) would be silently dropped'
    ])
    expect(messages('{"images": [], "images": [{"objectUrl": "u"}]}')).toEqual([
      'duplicate key "images" at 1:16; the first one at 1:2 (an empty array) would be silently dropped'
    ])
  })

  it('relates a third occurrence to the second', () => {
    const text =
      '{"skip_duplicate_urls": true, "skip_duplicate_urls": false, "skip_duplicate_urls": true}'
    const found = diagnostics(text).filter((d) => d.rule === 'duplicate-key')
    expect(found.map((d) => d.related)).toEqual([
      { line: 1, column: 2 },
      { line: 1, column: 31 }
    ])
    expect(found[1]?.message).toContain('the previous one at 1:31 (false)')
  })

  it('finds duplicates among thousands of numbered URL keys', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `"objectUrl_${i}": "u${i}"`)
    keys.push('"objectUrl_17": "again"')
    const text = `{"image_groups": [{"title": "t", ${keys.join(', ')}}]}`
    const diagnostic = only(text, 'duplicate-key')
    expect(diagnostic.message).toMatch(
      /^duplicate key "objectUrl_17" at .*\("u17"\) would be silently dropped$/
    )
  })
})
