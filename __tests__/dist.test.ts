import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from '@jest/globals'

const run = promisify(execFile)

describe('dist/', () => {
  it('matches a fresh build of src/ (GitHub runs dist/, so it must never be stale)', async () => {
    const result = await run(process.execPath, ['tools/check-dist.mjs']).catch(
      (error: { stdout: string; stderr: string; code: number }) => error
    )
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('dist/ matches a fresh build.')
  }, 120_000)
})
