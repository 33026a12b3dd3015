// The command-line entry: one line on stdout with the port, a clean exit on SIGINT/SIGTERM.
import { spawn } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { createTestSigner, getV2 } from '../../tools/fake-encord/test-signer.mjs'
import { TRAINING, VECTOR_SEED } from './support.js'

const CLI = 'tools/fake-encord/cli.mjs'
const SCENARIO = 'tools/fake-encord/example-scenario.json'

/** Starts the CLI; resolves once its first stdout line is out. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  )
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')))
    })
    void exited.then(({ stderr: errors }) =>
      reject(new Error(`exited before listening: ${errors}`))
    )
  })
  // Tests of start-up failures never wait for the line; that is not an unhandled rejection.
  firstLine.catch(() => undefined)
  return { child, firstLine, exited }
}

describe('fake-encord CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its port line, serves, and exits 0 on %s',
    async (signal) => {
      const { child, firstLine, exited } = startCli(['--scenario', SCENARIO, '--latency-ms', '1'])
      const line = await firstLine
      const match = /^fake-encord listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line)
      expect(match).not.toBeNull()
      const response = await getV2(
        match![1]!,
        createTestSigner(VECTOR_SEED),
        `/v2/public/projects/${TRAINING}`
      )
      expect(response.status).toBe(200)
      child.kill(signal)
      const { code, stdout } = await exited
      expect(code).toBe(0)
      expect(stdout).toBe(`${line}\n`)
    }
  )

  it('passes fault and gzip options through', async () => {
    const { child, firstLine, exited } = startCli([
      '--scenario',
      SCENARIO,
      '--rate-503',
      '1',
      '--retry-after',
      '0',
      '--no-gzip'
    ])
    const url = (await firstLine).split(' ').pop()!
    const response = await fetch(`${url}/v2/public/projects/${TRAINING}`, {
      headers: { 'Accept-Encoding': 'gzip' }
    })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('0')
    expect(response.headers.get('content-encoding')).toBeNull()
    child.kill('SIGTERM')
    expect((await exited).code).toBe(0)
  })

  it('exits 2 with a message when a flag is wrong', async () => {
    const missing = await startCli([]).exited
    const badRate = await startCli(['--scenario', SCENARIO, '--rate-429', '2']).exited
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--scenario is required/)
    expect(badRate.code).toBe(2)
    expect(badRate.stderr).toMatch(/--rate-429 must be a number from 0 to 1/)
    expect(missing.stdout + badRate.stdout).toBe('')
  })
})
