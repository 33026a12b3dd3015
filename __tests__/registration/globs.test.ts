import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { resolveRegistrationGlobs } from '../../src/registration/globs.js'

const root = mkdtempSync(path.join(tmpdir(), 'registration-globs-'))
for (const file of ['data/a.json', 'data/b.json', 'data/sub/c.json', 'data/README.md']) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), '{}')
}
const inRoot = (pattern: string): string => path.join(root, pattern)
const resolve = (patterns: string[]): Promise<string[]> =>
  resolveRegistrationGlobs(patterns.join('\n'), { relativeTo: root })

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('resolveRegistrationGlobs', () => {
  it('resolves globs to files, relative to the workspace', async () => {
    expect(await resolve([inRoot('data/*.json')])).toEqual(['data/a.json', 'data/b.json'])
  })

  it('supports ** and ! exclusions, and ignores blank lines and comments', async () => {
    expect(
      await resolve([
        '# registration files',
        '',
        inRoot('data/**/*.json'),
        `!${inRoot('data/sub/**')}`
      ])
    ).toEqual(['data/a.json', 'data/b.json'])
  })

  it('lists each file once, in pattern order', async () => {
    expect(await resolve([inRoot('data/sub/*.json'), inRoot('data/**/*.json')])).toEqual([
      'data/sub/c.json',
      'data/a.json',
      'data/b.json'
    ])
  })

  it('fails, naming every pattern that matches nothing', async () => {
    const attempt = resolve([inRoot('data/*.json'), inRoot('missing/*.json'), inRoot('data')])
    await expect(attempt).rejects.toBeInstanceOf(InputError)
    await expect(attempt).rejects.toMatchObject({
      input: 'registration-files',
      message: `registration-files: patterns "${inRoot('missing/*.json')}", "${inRoot('data')}" matched no files (patterns match files, not directories: write dir/*.json)`
    })
  })

  it('fails when no pattern is given', async () => {
    await expect(resolve(['', '# nothing'])).rejects.toThrow(
      'registration-files has no file patterns'
    )
  })

  it('keeps paths outside the workspace absolute', async () => {
    const files = await resolveRegistrationGlobs(inRoot('data/a.json'), {
      relativeTo: path.join(root, 'elsewhere')
    })
    expect(files).toEqual([inRoot('data/a.json')])
  })
})
