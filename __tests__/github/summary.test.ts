/**
 * The real core.summary writing to a temp GITHUB_STEP_SUMMARY. core.summary is a singleton that
 * remembers the first summary path it finds, so this file uses one path throughout (the failure
 * case lives in summary-failure.test.ts, which gets a fresh module registry).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { runnerEnv } from '../../test/fakes/artifact-service.mjs'
import { setEnv } from './helpers/env.js'
import { captureStdout, type CapturedOutput } from './helpers/workflow-commands.js'

let summaryPath: string
let runnerDir: string
let restoreEnv: () => void
let output: CapturedOutput
let appendJobSummary: typeof import('../../src/github/summary.js').appendJobSummary

beforeAll(async () => {
  const env = runnerEnv()
  summaryPath = env.GITHUB_STEP_SUMMARY ?? ''
  runnerDir = dirname(env.RUNNER_TEMP ?? '')
  restoreEnv = setEnv(env)
  ;({ appendJobSummary } = await import('../../src/github/summary.js'))
})

afterAll(async () => {
  restoreEnv()
  await rm(runnerDir, { recursive: true, force: true })
})

beforeEach(async () => {
  await writeFile(summaryPath, '')
  output = captureStdout()
})

afterEach(() => output.restore())

describe('appendJobSummary', () => {
  it('appends to the step summary file, keeping what other steps wrote', async () => {
    await writeFile(summaryPath, '# Earlier step\n')
    expect(await appendJobSummary('## Annotator scores\n\n| a | b |\n')).toBe(true)
    expect(await appendJobSummary('second part\n')).toBe(true)
    expect(await readFile(summaryPath, 'utf8')).toBe(
      '# Earlier step\n## Annotator scores\n\n| a | b |\nsecond part\n'
    )
  })

  it('skips silently (debug only) outside a runner', async () => {
    expect(await appendJobSummary('ignored', {})).toBe(false)
    expect(await readFile(summaryPath, 'utf8')).toBe('')
    expect(output.messages('warning')).toEqual([])
    expect(output.messages('debug')).toEqual([expect.stringContaining('GITHUB_STEP_SUMMARY')])
  })

  it('writes a short note instead of a summary GitHub would drop (over 1 MiB)', async () => {
    expect(await appendJobSummary('x'.repeat(1024 * 1024))).toBe(true)
    const written = await readFile(summaryPath, 'utf8')
    expect(written).toContain('larger than the 1 MiB')
    expect(written.length).toBeLessThan(1000)
    expect(output.messages('warning')).toEqual([expect.stringContaining('1 MiB')])
  })
})
