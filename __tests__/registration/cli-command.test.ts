import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { runCheckRegistration } from '../../src/registration/cli-command.js'

const GUIDE = path.join(import.meta.dirname, '..', '__fixtures__', 'registration', 'guide')
const guide = (name: string): string => path.join(GUIDE, name)

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCheckRegistration(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s)
  })
  return { code, stdout, stderr }
}

const temp = mkdtempSync(path.join(tmpdir(), 'check-registration-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(temp, name)
  writeFileSync(file, content)
  return file
}

describe('check-registration', () => {
  it('exits 0 and says so for valid files', async () => {
    const result = await run(guide('aws-images.json'), guide('aws-nifti.json'))
    expect(result).toEqual({
      code: 0,
      stdout: 'Passed: 2 registration files, no problems found.\n',
      stderr: ''
    })
  })

  it('exits 0 with warnings only, printing them', async () => {
    const file = guide('azure-image-groups.json')
    const result = await run(file)
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${escape(file)}:13:22: warning \\[duplicate-url\\] `)),
      expect.stringMatching(/:14:22: warning \[duplicate-url\] /),
      expect.stringMatching(/:15:22: warning \[duplicate-url\] /),
      'Passed with warnings: 3 warnings in 1 of 1 registration file.',
      ''
    ])
  })

  it('exits 1 on any error, printing file:line:column for each', async () => {
    const file = guide('aws-dicom.json')
    const result = await run(guide('aws-images.json'), file)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      [
        `${file}:11:109: error [trailing-comma] trailing comma before "}": JSON allows none`,
        `${file}:16:109: error [trailing-comma] trailing comma before "}": JSON allows none`,
        'Failed: 2 errors in 1 of 2 registration files.',
        ''
      ].join('\n')
    )
  })

  it('exits 1 with a clear message for a file it cannot read', async () => {
    const missing = path.join(tmpdir(), 'no-such-dir-for-registration', 'missing.json')
    const result = await run(missing)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      `${missing}:1:1: error [unreadable-file] cannot read this file: no such file`
    )
  })

  it('exits 1 for a file that is not UTF-8', async () => {
    const file = tempFile(
      'latin1.json',
      Buffer.from('{"images": [{"title": "caf\xe9"}]}', 'latin1')
    )
    const result = await run(file)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${file}:1:1: error [encoding] this file is not UTF-8 text`)
  })

  it('prints help and exits 0', async () => {
    const result = await run('--help')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^Usage: encord-annotator-eval check-registration \[--\] FILE\.\.\./
    )
    expect((await run('-h')).stdout).toBe(result.stdout)
  })

  it('exits 2 without files or with an unknown option', async () => {
    const none = await run()
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^check-registration: no files given\n\nUsage:/)
    const unknown = await run('--fix', guide('aws-images.json'))
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^check-registration: unknown option "--fix"/)
    expect(unknown.stdout).toBe('')
  })

  it('treats arguments after -- as files', async () => {
    const result = await run('--', '-odd-name.json')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('-odd-name.json:1:1: error [unreadable-file]')
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
