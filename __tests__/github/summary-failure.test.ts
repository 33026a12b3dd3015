import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setEnv } from './helpers/env.js'
import { captureStdout } from './helpers/workflow-commands.js'

let dir: string
let restoreEnv: () => void

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-failure-'))
  restoreEnv = setEnv({ GITHUB_STEP_SUMMARY: join(dir, 'missing', 'summary.md') })
})

afterAll(async () => {
  restoreEnv()
  await rm(dir, { recursive: true, force: true })
})

describe('appendJobSummary when the summary file cannot be written', () => {
  it('warns, returns false, and does not carry the failed text into the next write', async () => {
    const { appendJobSummary } = await import('../../src/github/summary.js')
    const output = captureStdout()
    try {
      expect(await appendJobSummary('lost text\n')).toBe(false)
      expect(output.messages('warning')).toEqual([
        expect.stringContaining('Could not write the job summary: Unable to access summary file')
      ])

      const good = join(dir, 'summary.md')
      await writeFile(good, '')
      process.env.GITHUB_STEP_SUMMARY = good
      expect(await appendJobSummary('kept text\n')).toBe(true)
      expect(await readFile(good, 'utf8')).toBe('kept text\n')
    } finally {
      output.restore()
    }
  })
})
