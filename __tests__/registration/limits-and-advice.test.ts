import { describe, expect, it } from '@jest/globals'
import { checkRegistrationText } from '../../src/registration/check.js'
import { DiagnosticCollector, MAX_DIAGNOSTICS_PER_RULE } from '../../src/registration/diagnostic.js'
import { FileTotals, GUIDE_FILE_LIMITS } from '../../src/registration/totals.js'
import { diagnostics, findings, only, positionOf, registration } from './support.js'

/** `{"<kind>": [{"objectUrl": "u/0"}, …]}` on one line per entry. */
function entries(kind: string, count: number): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) lines.push(`{"objectUrl": "u/${i}"}`)
  return `{"${kind}": [\n${lines.join(',\n')}\n]}`
}

describe('per-file limits', () => {
  it('rejects a file of 500,001 items at the 500,001st (the guide’s real limit)', () => {
    const report = checkRegistrationText(entries('nifti', 500_001), 'f')
    expect(report.items).toBe(500_001)
    expect(report.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [500_002, 1, 'too-many-items']
    ])
    expect(report.diagnostics[0]?.message).toBe(
      'this file registers 500,001 items; Encord accepts at most 500,000 items per file: split it (this is the first item over the limit)'
    )
  })

  // The URL limit is 1,000,000; counting is exercised with a small limit to keep the suite fast.
  const small = { maxItems: 2, maxUrls: 3, advisedVideos: 1, advisedImages: 1 }

  it('reports the first URL over the limit, and only once', () => {
    const totals = new FileTotals(small)
    for (let line = 1; line <= 5; line++) totals.addUrl({ line, column: 7 })
    const report = new DiagnosticCollector()
    totals.reportLimits(report)
    expect(report.finish()).toEqual([
      {
        severity: 'error',
        rule: 'too-many-urls',
        line: 4,
        column: 7,
        message:
          'this file holds 5 URLs; Encord accepts at most 3 URLs per file: split it (this is the first URL over the limit)'
      }
    ])
  })

  it('counts items of every kind against the item limit, and only videos and images for the advice', () => {
    const totals = new FileTotals(small)
    totals.addItem('image_groups', { line: 1, column: 1 })
    totals.addItem('dicom_series', { line: 2, column: 1 })
    totals.addItem('audio', { line: 3, column: 1 })
    const report = new DiagnosticCollector()
    totals.reportLimits(report)
    expect(report.finish().map((d) => [d.line, d.rule])).toEqual([[3, 'too-many-items']])
  })

  it('uses the guide’s numbers by default', () => {
    expect(GUIDE_FILE_LIMITS).toEqual({
      maxItems: 500_000,
      maxUrls: 1_000_000,
      advisedVideos: 100,
      advisedImages: 1_000
    })
  })
})

describe('the guide’s advice', () => {
  it('warns above 100 videos, at the 101st', () => {
    expect(findings(entries('videos', 100))).toEqual([])
    expect(findings(entries('videos', 101))).toEqual([[102, 1, 'batch-size']])
    expect(only(entries('videos', 101), 'batch-size').message).toBe(
      'this file registers 101 videos; the guide advises uploading at most 100 videos at a time (this is video 101)'
    )
  })

  it('warns above 1,000 images, at the 1,001st', () => {
    expect(findings(entries('images', 1000))).toEqual([])
    expect(findings(entries('images', 1001))).toEqual([[1002, 1, 'batch-size']])
  })

  it('warns once per repeated URL, at its second occurrence, naming the first', () => {
    const text = registration({
      images: [{ objectUrl: 'a' }, { objectUrl: 'b' }, { objectUrl: 'a' }],
      image_groups: [{ title: 'g', objectUrl_0: 'b', objectUrl_1: 'a' }]
    })
    const position = (needle: string, n: number) => {
      const [line, column] = positionOf(text, needle, n)
      return { line, column }
    }
    const found = diagnostics(text).filter((d) => d.rule === 'duplicate-url')
    expect(found.map(({ line, column, related }) => ({ at: { line, column }, related }))).toEqual([
      { at: position('"a"', 2), related: position('"a"', 1) },
      { at: position('"b"', 2), related: position('"b"', 1) }
    ])
    const first = position('"a"', 1)
    expect(found[0]?.message).toBe(
      `"a" is listed 3 times (first at ${first.line}:${first.column}); remove the copies: the guide documents skip_duplicate_urls for URLs already in the dataset, not for repeats within a file`
    )
    expect(found.every((d) => d.severity === 'warning')).toBe(true)
  })

  it('passes with warnings only: nothing above is an error', () => {
    const report = checkRegistrationText(entries('videos', 150), 'f')
    expect(report.diagnostics.map((d) => d.severity)).toEqual(['warning'])
  })
})

describe('diagnostic volume', () => {
  it(`keeps ${MAX_DIAGNOSTICS_PER_RULE} diagnostics per rule and says how many more there were`, () => {
    const lines = Array.from({ length: 250 }, (_, i) => `{"title": "t${i}"}`)
    const report = checkRegistrationText(`{"images": [\n${lines.join(',\n')}\n]}`, 'f')
    expect(report.diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_RULE + 1)
    const notice = report.diagnostics.at(-1)
    expect(notice).toMatchObject({ rule: 'missing-field', severity: 'error', line: 102, column: 1 })
    expect(notice?.message).toBe(
      '150 more [missing-field] diagnostics from here on not shown (only the first 100 are kept)'
    )
  })
})
