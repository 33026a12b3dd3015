import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { checkRegistrationFiles } from '../../src/registration/run.js'

const dir = mkdtempSync(path.join(tmpdir(), 'registration-run-'))
function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name)
  writeFileSync(full, content)
  return full
}

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('checkRegistrationFiles', () => {
  it('returns one report per path, in order, named as given', async () => {
    const a = file('a.json', '{"images": [{"objectUrl": "a"}]}')
    const b = file('b.json', '{"videos": [{"objectUrl": "v",}]}')
    const reports = await checkRegistrationFiles([a, b])
    expect(reports.map((r) => [r.file, r.items, r.diagnostics.map((d) => d.rule)])).toEqual([
      [a, 1, []],
      [b, 1, ['trailing-comma']]
    ])
  })

  it('reports an unreadable path instead of throwing', async () => {
    const [report] = await checkRegistrationFiles([dir])
    expect(report?.diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'unreadable-file',
        message: 'cannot read this file: it is a folder, not a file',
        line: 1,
        column: 1
      }
    ])
  })

  it('reports UTF-16 text as not UTF-8', async () => {
    const utf16 = file('utf16.json', Buffer.from('\uFEFF{"images": []}', 'utf16le'))
    const [report] = await checkRegistrationFiles([utf16])
    expect(report?.diagnostics.map((d) => d.rule)).toEqual(['encoding'])
  })

  it('keeps a UTF-8 byte-order mark so the checker can report it', async () => {
    const bom = file('bom.json', '\uFEFF{"images": [{"objectUrl": "a"}]}')
    const [report] = await checkRegistrationFiles([bom])
    expect(report?.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [1, 1, 'json-syntax']
    ])
  })
})

describe('checkRegistrationFiles and U+FFFD', () => {
  it('accepts a valid file that contains U+FFFD itself', async () => {
    const replacement = file('fffd.json', '{"images": [{"objectUrl": "a", "title": "\uFFFD"}]}')
    const [report] = await checkRegistrationFiles([replacement])
    expect(report?.diagnostics).toEqual([])
  })
})
