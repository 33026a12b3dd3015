// The built CLI as a process: `node dist/cli.js` of the bundle project's fresh build, its exit
// codes, streams and files.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { ALICE, BENCHMARK, BOB, streetScenario } from '../pipeline/scenario.js'
import { KEY_A, KEY_USERS, runNode, tempDir, type Finished } from './support.js'
import { bundleFile } from '../../test/bundle.js'

const CLI = bundleFile('cli.js')
const packageJson = JSON.parse(await readFile(path.resolve('package.json'), 'utf8')) as {
  version: string
}

/** Runs the CLI as a process, with PATH, NO_COLOR and `env` as its whole environment. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<Finished> {
  return runNode([CLI, ...args], {
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    ...(cwd === undefined ? {} : { cwd })
  })
}

let fake: FakeEncord
let temp: { dir: string; remove(): Promise<void> }

beforeAll(async () => {
  fake = await startFakeEncord({ scenario: streetScenario({ users: KEY_USERS }) })
  temp = await tempDir('spawn-cli-')
})

afterAll(async () => {
  await fake.close()
  await temp.remove()
})

describe('node dist/cli.js', () => {
  it('exists in the fresh build', () => {
    expect(existsSync(CLI)).toBe(true)
  })

  it('--version prints the version and exits 0', async () => {
    const result = await cli(['--version'])
    expect(result).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' })
  })

  it('--help prints usage and exits 0', async () => {
    const result = await cli(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: /m)
    expect(result.stdout).toMatch(/^Examples:$/m)
  })

  it('an unknown flag exits 2 with one line on stderr', async () => {
    const result = await cli(['--frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'error: Unknown option --frobnicate; run with --help to see the options\n'
    )
  })

  it('an unreadable key file exits 2 with one line', async () => {
    const missing = path.join(temp.dir, 'absent-key')
    const result = await cli([
      '--benchmark-project',
      BENCHMARK,
      '--training-project',
      ALICE,
      '--ssh-private-key-file',
      missing
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `error: Cannot read the private key file given by --ssh-private-key-file (no such file): ${missing}\n`
    )
  })

  it('scores against the fake server: exit 1 on a gate failure, files in the cwd by default', async () => {
    const result = await cli(
      [
        '--encord-domain',
        fake.url,
        '--benchmark-project',
        BENCHMARK,
        '--training-projects',
        `${ALICE} ${BOB}`,
        '--min-f1',
        '0.6',
        // Four images: enough evidence for a verdict only below the default of 10.
        '--min-data-units',
        '1'
      ],
      { ENCORD_SSH_KEY: KEY_A.privateKeyOpenSsh },
      temp.dir
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/PASS\s+alice@example\.com/)
    expect(result.stdout).toMatch(/FAIL\s+bob@example\.com/)
    expect(result.stderr).not.toMatch(/^error:/m)
    for (const name of ['iou_results.csv', 'report.json', 'summary.md']) {
      expect(existsSync(path.join(temp.dir, 'encord-annotator-eval', name))).toBe(true)
    }
  })

  it('exit 0 when everyone passes, to --output-dir', async () => {
    const out = path.join(temp.dir, 'passing')
    const result = await cli(
      [
        '--encord-domain',
        fake.url,
        '--benchmark-project',
        BENCHMARK,
        '--training-project',
        ALICE,
        '--min-f1',
        '0.99',
        '--min-data-units',
        '1',
        '--output-dir',
        out
      ],
      { ENCORD_SSH_KEY: KEY_A.privateKeyOpenSsh }
    )
    expect(result.code).toBe(0)
    expect(existsSync(path.join(out, 'report.json'))).toBe(true)
  })

  it('check-registration exits 1 on a trailing comma', async () => {
    const file = path.join(temp.dir, 'register.json')
    await writeFile(file, '{"images": [{"objectUrl": "https://b.s3.amazonaws.com/a.jpg"},]}\n')
    const result = await cli(['check-registration', file])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(file)
  })
})
