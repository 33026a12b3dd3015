/**
 * The training guide's own registration examples, copied into fixtures. Expected diagnostics were
 * written by reading each file (see __fixtures__/registration/guide/SOURCES.md); each one also
 * names the text found at that position, which this test confirms against the file itself, so a
 * miscounted column in the expectations fails here rather than passing by agreement with the code.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { checkRegistrationText } from '../../src/registration/check.js'

const GUIDE = path.join(import.meta.dirname, '..', '__fixtures__', 'registration', 'guide')

/** line, column, rule, and the text that starts at that position. */
type Expected = [line: number, column: number, rule: string, at: string]

const videoPlaceholders: Expected[] = [
  [9, 18, 'json-syntax', 'frames-per-second'],
  [10, 23, 'json-syntax', 'duration-in-seconds'],
  [11, 20, 'json-syntax', 'frame-width'],
  [12, 21, 'json-syntax', 'frame-height'],
  [13, 24, 'json-syntax', 'file-size-in-bytes']
]
/** Group 2 lists the same three image URLs as group 1 (lines 6 to 8). */
const imageGroupRepeats: Expected[] = [
  [13, 22, 'duplicate-url', '"file/path/to/images/file-name-01.file-extension"'],
  [14, 22, 'duplicate-url', '"file/path/to/images/file-name-02.file-extension"'],
  [15, 22, 'duplicate-url', '"file/path/to/images/file-name-03.file-extension"']
]
const imageGroupTrailingComma: Expected = [8, 71, 'trailing-comma', ',']
/** The last URL of series 2 (line 11) and of series 3 (line 16) end with a comma. */
const dicomTrailingCommas = (lineLength11: number, lineLength16: number): Expected[] => [
  [11, lineLength11, 'trailing-comma', ','],
  [16, lineLength16, 'trailing-comma', ',']
]
const secondImageGroups: Expected = [33, 3, 'duplicate-key', '"image_groups"']

const EXPECTED: Record<string, Expected[]> = {
  'aws-videos.json': videoPlaceholders,
  'gcp-videos.json': videoPlaceholders,
  'otc-videos.json': videoPlaceholders,
  'azure-videos.json': [...videoPlaceholders, [17, 5, 'json-syntax', '{']],
  'aws-image-groups.json': [imageGroupTrailingComma, ...imageGroupRepeats],
  'gcp-image-groups.json': [imageGroupTrailingComma, ...imageGroupRepeats],
  'otc-image-groups.json': [imageGroupTrailingComma, ...imageGroupRepeats],
  'azure-image-groups.json': imageGroupRepeats,
  // "<object url>" is used four times: once in sequence 1, three times in sequence 2.
  'aws-image-sequences.json': [[11, 22, 'duplicate-url', '"<object url>"']],
  'gcp-image-sequences.json': [[11, 22, 'duplicate-url', '"<object url>"']],
  'azure-image-sequences.json': [[11, 22, 'duplicate-url', '"<object url>"']],
  'otc-image-sequences.json': [[11, 22, 'duplicate-url', '"<object url>"']],
  'aws-dicom.json': dicomTrailingCommas(109, 109),
  'gcp-dicom.json': dicomTrailingCommas(108, 108),
  'azure-dicom.json': dicomTrailingCommas(104, 104),
  'otc-dicom.json': dicomTrailingCommas(105, 105),
  'aws-multiple-file-types.json': [secondImageGroups],
  'gcp-multiple-file-types.json': [secondImageGroups],
  'azure-multiple-file-types.json': [secondImageGroups],
  'otc-multiple-file-types.json': [secondImageGroups]
}

const fixtures = readdirSync(GUIDE).filter((name) => name.endsWith('.json'))
const read = (name: string): string => readFileSync(path.join(GUIDE, name), 'utf8')

describe('the guide examples', () => {
  it('are all here: 10 sections for each of 4 providers, plus the 2 MRAP examples', () => {
    expect(fixtures).toHaveLength(42)
  })

  it('have expectations that point at real text (checks this test, not the checker)', () => {
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const lines = read(name).split('\n')
      for (const [line, column, , at] of expected) {
        expect({
          name,
          line,
          column,
          text: lines[line - 1]?.slice(column - 1, column - 1 + at.length)
        }).toEqual({ name, line, column, text: at })
      }
    }
  })

  it.each(fixtures)('%s: reported exactly at the expected lines and columns', (name) => {
    const report = checkRegistrationText(read(name), name)
    const found = report.diagnostics.map((d) => [d.line, d.column, d.rule])
    const expected = (EXPECTED[name] ?? []).map(([line, column, rule]) => [line, column, rule])
    expect(found).toEqual(expected)
  })

  it.each(fixtures.filter((name) => !(EXPECTED[name] ?? []).some(([, , rule]) => isError(rule))))(
    '%s: valid, so it passes (no errors)',
    (name) => {
      const report = checkRegistrationText(read(name), name)
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      expect(report.items).toBeGreaterThan(0)
    }
  )

  it('says what the duplicate "image_groups" key would lose', () => {
    const [diagnostic] = checkRegistrationText(
      read('aws-multiple-file-types.json'),
      'f'
    ).diagnostics
    expect(diagnostic?.message).toBe(
      'duplicate key "image_groups" at 33:3; the first one at 15:3 (2 entries) would be silently dropped'
    )
    expect(diagnostic?.related).toEqual({ line: 15, column: 3 })
  })

  it('counts items and URLs as written', () => {
    const report = checkRegistrationText(read('aws-multiple-file-types.json'), 'f')
    // 1 image, 2 videos, 2 image sequences of 4 images, 1 image group of 2 images.
    expect({ items: report.items, urls: report.urls }).toEqual({ items: 6, urls: 13 })
  })

  it('reports the template placeholders as what they are', () => {
    const [first] = checkRegistrationText(read('aws-videos.json'), 'f').diagnostics
    expect(first?.message).toBe(
      '"frames-per-second" is not JSON: write a number, true, false, null, or text in double quotes'
    )
  })

  it('reports the missing comma between two videos', () => {
    const last = checkRegistrationText(read('azure-videos.json'), 'f').diagnostics.at(-1)
    expect(last?.message).toBe('missing comma before "{"')
  })
})

function isError(rule: string): boolean {
  return ['json-syntax', 'trailing-comma', 'duplicate-key'].includes(rule)
}
