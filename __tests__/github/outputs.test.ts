import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { OUTPUT_NAMES, type OutputName } from '../../src/inputs.js'
import { parseGithubOutput, runnerEnv } from '../../test/fakes/artifact-service.mjs'
import { setEnv } from './helpers/env.js'
import { captureStdout, type CapturedOutput } from './helpers/workflow-commands.js'

let outputPath: string
let runnerDir: string
let restoreEnv: () => void
let output: CapturedOutput
let setActionOutputs: typeof import('../../src/github/outputs.js').setActionOutputs

/** Where the report files would be: any directory will do, as outputs only name the files. */
const outputDir = join(tmpdir(), 'encord-annotator-eval-out')

const values: Record<OutputName, string> = {
  passed: 'false',
  'csv-path': join(outputDir, 'iou_results.csv'),
  'report-path': join(outputDir, 'report.json'),
  'summary-path': join(outputDir, 'summary.md'),
  'inconclusive-annotators': '[]',
  'benchmark-suspects': '2',
  'artifact-id': '1001',
  'artifact-url': 'https://github.com/o/r/actions/runs/1/artifacts/1001',
  'comment-id': '',
  annotators: '3',
  'failed-annotators': 'a@x.io\nb@x.io',
  results: JSON.stringify({ annotators: [{ email: 'a@x.io', meanIou: 0.5 }] }, null, 2)
}

beforeAll(async () => {
  const env = runnerEnv()
  outputPath = env.GITHUB_OUTPUT ?? ''
  runnerDir = dirname(env.RUNNER_TEMP ?? '')
  restoreEnv = setEnv(env)
  ;({ setActionOutputs } = await import('../../src/github/outputs.js'))
})

afterAll(async () => {
  restoreEnv()
  await rm(runnerDir, { recursive: true, force: true })
})

beforeEach(() => {
  output = captureStdout()
})

afterEach(() => output.restore())

describe('setActionOutputs', () => {
  it('writes every output to GITHUB_OUTPUT, multi-line values intact', async () => {
    await writeFile(outputPath, '')
    setActionOutputs(values)
    const parsed = parseGithubOutput(await readFile(outputPath, 'utf8'))
    expect(parsed).toEqual(values)
    expect(Object.keys(parsed)).toEqual([...OUTPUT_NAMES])
  })

  it('warns once, and does not throw, when GITHUB_OUTPUT points nowhere', () => {
    const restore = setEnv({ GITHUB_OUTPUT: join(runnerDir, 'no-such-dir', 'output.txt') })
    try {
      expect(() => setActionOutputs(values)).not.toThrow()
    } finally {
      restore()
    }
    expect(output.messages('warning')).toEqual([
      expect.stringMatching(/^Could not set outputs passed, csv-path, .*results.*: Missing file/)
    ])
  })
})
