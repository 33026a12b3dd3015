// runCli in-process: exit codes, help and version, where the key comes from, one-line errors,
// output files, and the check-registration subcommand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/run.js'
import { CSV_COLUMNS } from '../../src/report/index.js'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { ALICE, BENCHMARK, BOB, streetScenario, UNKNOWN } from '../pipeline/scenario.js'
import { capture, KEY_A, KEY_B, KEY_C, KEY_USERS, STRANGER, tempDir } from './support.js'

const packageJson = JSON.parse(await readFile(path.resolve('package.json'), 'utf8')) as {
  version: string
}

let fake: FakeEncord
let temp: { dir: string; remove(): Promise<void> }
let keyFiles: { a: string; b: string; c: string; garbage: string; missing: string }
let outputDir: string
let run = 0

beforeAll(async () => {
  fake = await startFakeEncord({ scenario: streetScenario({ users: KEY_USERS }) })
  temp = await tempDir('run-cli-')
  keyFiles = {
    a: path.join(temp.dir, 'key-a'),
    b: path.join(temp.dir, 'key-b'),
    c: path.join(temp.dir, 'key-c'),
    garbage: path.join(temp.dir, 'garbage-key'),
    missing: path.join(temp.dir, 'no-such-key')
  }
  await writeFile(keyFiles.a, KEY_A.privateKeyOpenSsh)
  await writeFile(keyFiles.b, KEY_B.privateKeyOpenSsh)
  await writeFile(keyFiles.c, KEY_C.privateKeyOpenSsh)
  await writeFile(keyFiles.garbage, 'not a key\n')
})

afterAll(async () => {
  await fake.close()
  await temp.remove()
})

beforeEach(() => {
  fake.resetStats()
  run += 1
  outputDir = path.join(temp.dir, `out-${run}`)
})

/** Flags of a run against the fake; output to a fresh directory. */
function evaluateFlags(training: string[] = [ALICE], extra: string[] = []): string[] {
  return [
    '--encord-domain',
    fake.url,
    '--benchmark-project',
    BENCHMARK,
    '--training-projects',
    training.join(','),
    '--output-dir',
    outputDir,
    ...extra
  ]
}

/** E-mails of the users that signed requests to the fake. */
function signers(): string[] {
  return [...new Set(fake.requestLog.map((entry) => entry.user ?? '(none)'))]
}

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['evaluate', '--help'], ['--benchmark-project', 'x', '--help']])(
    '%s shows usage and examples, exit 0',
    async (...argv) => {
      const out = capture()
      expect(await runCli(argv, {}, out.io)).toBe(EXIT.pass)
      expect(out.stdout()).toMatch(/^Usage: /m)
      expect(out.stdout()).toMatch(/^Examples:$/m)
      expect(out.stdout()).toContain('encord-annotator-eval --benchmark-project')
      expect(out.stdout()).toContain('check-registration')
      expect(out.stderr()).toBe('')
    }
  )

  it.each([['--version'], ['-V']])("%s prints package.json's version", async (flag) => {
    const out = capture()
    expect(await runCli([flag], {}, out.io)).toBe(EXIT.pass)
    expect(out.stdout()).toBe(`${packageJson.version}\n`)
    expect(out.stderr()).toBe('')
  })
})

describe('usage errors: exit 2 with one line', () => {
  const withKey = { ENCORD_SSH_KEY: KEY_A.privateKeyOpenSsh }
  it.each([
    ['an unknown flag', ['--bogus'], withKey, /^error: Unknown option --bogus; run with --help/],
    ['a positional argument', ['gold.json'], withKey, /^error: Unexpected argument 'gold\.json'/],
    [
      'a flag without its value',
      ['--benchmark-project'],
      withKey,
      /^error: Option --benchmark-project needs a value, e\.g\. --benchmark-project 0{8}-/
    ],
    [
      'a flag followed by another flag',
      ['--benchmark-project', '--training-projects', ALICE],
      withKey,
      /needs a value/
    ],
    [
      'a bad value',
      ['--benchmark-project', BENCHMARK, '--training-project', ALICE, '--iou-threshold', '2'],
      withKey,
      /^error: --iou-threshold must be a number greater than 0 and at most 1 \(got '2'\), e\.g\. --iou-threshold 0\.8\n$/
    ],
    [
      'a bad hash',
      ['--benchmark-project', 'gold', '--training-project', ALICE],
      withKey,
      /^error: --benchmark-project has 'gold'/
    ],
    [
      'no key anywhere',
      ['--benchmark-project', BENCHMARK, '--training-project', ALICE],
      {},
      /^error: No Encord private key: pass --ssh-private-key-file PATH, or set ENCORD_SSH_KEY_FILE/
    ],
    [
      'empty key variables',
      ['--benchmark-project', BENCHMARK, '--training-project', ALICE],
      { ENCORD_SSH_KEY: '', ENCORD_SSH_KEY_FILE: '  ' },
      /^error: No Encord private key/
    ],
    [
      'a key that is not a key',
      ['--benchmark-project', BENCHMARK, '--training-project', ALICE],
      { ENCORD_SSH_KEY: 'hunter2' },
      /^error: ssh-private-key is not a private key Encord can use/
    ],
    [
      'no project but a key',
      ['--method', 'encord-script'],
      withKey,
      /^error: --benchmark-project is required/
    ],
    [
      'no project and no key',
      ['--method', 'encord-script'],
      {},
      /^error: --benchmark-project is required/
    ]
  ])('%s', async (_what, argv, env, pattern) => {
    const out = capture()
    expect(await runCli(argv, env, out.io)).toBe(EXIT.usage)
    expect(out.stderrLines()).toHaveLength(1)
    expect(out.stderr()).toMatch(pattern)
    expect(out.stdout()).toBe('')
    expect(fake.requestLog).toEqual([])
  })

  it('--verbose adds the detail behind a usage error', async () => {
    const quiet = capture()
    const verbose = capture()
    expect(await runCli(['--bogus'], {}, quiet.io)).toBe(EXIT.usage)
    expect(await runCli(['--verbose', '--bogus'], {}, verbose.io)).toBe(EXIT.usage)
    expect(verbose.stderrLines()[0]).toBe(quiet.stderrLines()[0])
    expect(verbose.stderrLines().length).toBeGreaterThan(1)
    expect(verbose.stderr()).toMatch(/^\s+at /m)
    expect(quiet.stderr()).not.toMatch(/^\s+at /m)
  })
})

describe('where the key comes from', () => {
  const flag = () => ['--ssh-private-key-file', keyFiles.a]

  it('--ssh-private-key-file wins over ENCORD_SSH_KEY_FILE and ENCORD_SSH_KEY', async () => {
    const out = capture()
    const env = { ENCORD_SSH_KEY_FILE: keyFiles.b, ENCORD_SSH_KEY: KEY_C.privateKeyOpenSsh }
    expect(await runCli([...evaluateFlags(), ...flag()], env, out.io)).toBe(EXIT.pass)
    expect(signers()).toEqual(['a@example.com'])
  })

  it('ENCORD_SSH_KEY_FILE wins over ENCORD_SSH_KEY', async () => {
    const out = capture()
    const env = { ENCORD_SSH_KEY_FILE: keyFiles.b, ENCORD_SSH_KEY: KEY_C.privateKeyOpenSsh }
    expect(await runCli(evaluateFlags(), env, out.io)).toBe(EXIT.pass)
    expect(signers()).toEqual(['b@example.com'])
  })

  it('ENCORD_SSH_KEY is used when nothing else is set', async () => {
    const out = capture()
    expect(await runCli(evaluateFlags(), { ENCORD_SSH_KEY: KEY_C.privateKeyOpenSsh }, out.io)).toBe(
      EXIT.pass
    )
    expect(signers()).toEqual(['c@example.com'])
  })

  it('only the first source is read: invalid later ones do not matter', async () => {
    const out = capture()
    const env = { ENCORD_SSH_KEY_FILE: keyFiles.missing, ENCORD_SSH_KEY: 'garbage' }
    expect(await runCli([...evaluateFlags(), ...flag()], env, out.io)).toBe(EXIT.pass)
    expect(signers()).toEqual(['a@example.com'])

    const second = capture()
    fake.resetStats()
    expect(
      await runCli(
        evaluateFlags(),
        { ENCORD_SSH_KEY_FILE: keyFiles.b, ENCORD_SSH_KEY: 'x' },
        second.io
      )
    ).toBe(EXIT.pass)
    expect(signers()).toEqual(['b@example.com'])
  })

  it('a bad earlier source is not skipped in favour of a good later one', async () => {
    const out = capture()
    const env = { ENCORD_SSH_KEY_FILE: keyFiles.missing, ENCORD_SSH_KEY: KEY_C.privateKeyOpenSsh }
    expect(await runCli(evaluateFlags(), env, out.io)).toBe(EXIT.usage)
    expect(out.stderrLines()).toEqual([
      `error: Cannot read the private key file given by ENCORD_SSH_KEY_FILE (no such file): ${keyFiles.missing}`
    ])

    const garbage = capture()
    expect(
      await runCli(
        [...evaluateFlags(), '--ssh-private-key-file', keyFiles.garbage],
        { ENCORD_SSH_KEY_FILE: keyFiles.b },
        garbage.io
      )
    ).toBe(EXIT.usage)
    expect(garbage.stderrLines()).toHaveLength(1)
    expect(garbage.stderr()).toMatch(/^error: ssh-private-key is not a private key/)
    expect(fake.requestLog).toEqual([])
  })

  it('expands ~/ with HOME, in the flag and in ENCORD_SSH_KEY_FILE', async () => {
    const home = path.join(temp.dir, 'home')
    await mkdir(path.join(home, '.ssh'), { recursive: true })
    await writeFile(path.join(home, '.ssh', 'encord_ed25519'), KEY_B.privateKeyOpenSsh)

    const viaFlag = capture()
    expect(
      await runCli(
        [...evaluateFlags(), '--ssh-private-key-file', '~/.ssh/encord_ed25519'],
        { HOME: home },
        viaFlag.io
      )
    ).toBe(EXIT.pass)
    expect(signers()).toEqual(['b@example.com'])

    const viaEnv = capture()
    expect(
      await runCli(
        evaluateFlags(),
        { HOME: home, ENCORD_SSH_KEY_FILE: '~/.ssh/encord_ed25519' },
        viaEnv.io
      )
    ).toBe(EXIT.pass)
  })

  it('an unreadable key file is a usage error in one line naming the file', async () => {
    const missing = capture()
    expect(
      await runCli([...evaluateFlags(), '--ssh-private-key-file', keyFiles.missing], {}, missing.io)
    ).toBe(EXIT.usage)
    expect(missing.stderrLines()).toEqual([
      `error: Cannot read the private key file given by --ssh-private-key-file (no such file): ${keyFiles.missing}`
    ])

    const directory = capture()
    expect(
      await runCli([...evaluateFlags(), '--ssh-private-key-file', temp.dir], {}, directory.io)
    ).toBe(EXIT.usage)
    expect(directory.stderrLines()).toHaveLength(1)
    expect(directory.stderr()).toContain('(EISDIR)')
  })

  it('never prints key text, even when the key is unusable', async () => {
    const out = capture()
    const damaged = KEY_A.privateKeyOpenSsh.replace(/\n[^\n]+\n-----END/, '\n-----END')
    expect(await runCli(evaluateFlags(), { ENCORD_SSH_KEY: damaged }, out.io)).toBe(EXIT.usage)
    const body = KEY_A.privateKeyOpenSsh.split('\n').slice(1, -2).join('')
    for (let start = 0; start + 12 <= body.length; start += 4) {
      expect(out.stderr()).not.toContain(body.slice(start, start + 12))
    }
  })
})

describe('evaluation runs', () => {
  const env = () => ({ ENCORD_SSH_KEY_FILE: keyFiles.a })

  it('exit 0 when every annotator passes, with the three files in --output-dir', async () => {
    const out = capture()
    expect(
      await runCli(
        evaluateFlags([ALICE], ['--min-f1', '1', '--min-data-units', '1']),
        env(),
        out.io
      )
    ).toBe(EXIT.pass)

    const csv = await readFile(path.join(outputDir, 'iou_results.csv'), 'utf8')
    expect(csv.split(/\r?\n/)[0]).toBe(CSV_COLUMNS.join(','))
    expect(csv).toContain('alice@example.com,street-000.jpg,')
    const report = JSON.parse(await readFile(path.join(outputDir, 'report.json'), 'utf8')) as {
      source: string
      gate: { passed: boolean }
    }
    expect(report).toMatchObject({ source: 'encord-api', gate: { passed: true } })
    expect(existsSync(path.join(outputDir, 'summary.md'))).toBe(true)
    expect(out.stdout()).toContain(`CSV:     ${path.join(outputDir, 'iou_results.csv')}`)
    expect(out.stdout()).toMatch(/PASS\s+alice@example\.com/)
    expect(out.stderr()).not.toMatch(/^error:/m)
  })

  it('exit 1 when an annotator fails the gate', async () => {
    const out = capture()
    expect(
      await runCli(
        evaluateFlags([ALICE, BOB], ['--min-f1', '0.6', '--min-data-units', '1']),
        env(),
        out.io
      )
    ).toBe(EXIT.fail)
    expect(out.stdout()).toMatch(/FAIL\s+bob@example\.com/)
    expect(out.stdout()).toMatch(/PASS\s+alice@example\.com/)
    // The reports are written whatever the verdict.
    expect(existsSync(path.join(outputDir, 'iou_results.csv'))).toBe(true)
  })

  it('a training project given twice is scored once, with one warning', async () => {
    const out = capture()
    const argv = [...evaluateFlags([ALICE]), '--training-project', ALICE.toUpperCase()]
    expect(await runCli(argv, env(), out.io)).toBe(EXIT.pass)
    expect(out.stderrLines().filter((line) => line.startsWith('warning:'))).toEqual([
      `warning: --training-projects lists '${ALICE}' more than once; each is scored once`
    ])
    const report = JSON.parse(await readFile(path.join(outputDir, 'report.json'), 'utf8')) as {
      projects: unknown[]
    }
    expect(report.projects).toHaveLength(1)
  })

  it('exit 1 when a training project cannot be scored, the others still reported', async () => {
    const out = capture()
    expect(await runCli(evaluateFlags([ALICE, UNKNOWN]), env(), out.io)).toBe(EXIT.fail)
    expect(out.stderr()).toContain(UNKNOWN)
    expect(out.stdout()).toMatch(/PASS\s+alice@example\.com/)
    const report = JSON.parse(await readFile(path.join(outputDir, 'report.json'), 'utf8')) as {
      projects: { status: string }[]
    }
    expect(report.projects.map((project) => project.status)).toEqual(['evaluated', 'failed'])
  })

  it('a run that cannot start fails with one error line; --verbose adds the detail', async () => {
    const strangerFile = path.join(temp.dir, 'stranger-key')
    await writeFile(strangerFile, STRANGER.privateKeyOpenSsh)
    const settle = async () => {
      // Both projects are requested at once; wait until the fake has answered both.
      for (let i = 0; i < 500 && fake.requestLog.length < 2; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }

    const quiet = capture()
    const argv = [...evaluateFlags([ALICE]), '--ssh-private-key-file', strangerFile]
    expect(await runCli(argv, {}, quiet.io)).toBe(EXIT.fail)
    await settle()
    const errorLines = quiet.stderrLines().filter((line) => line.startsWith('error:'))
    expect(errorLines).toHaveLength(1)
    // The benchmark's failure is the run's: its hash, and what to check.
    expect(errorLines[0]).toContain(BENCHMARK)
    expect(errorLines[0]).toMatch(/register its public key .* under Settings → Public keys/)
    expect(quiet.stderr()).not.toMatch(/^\s+at /m)

    fake.resetStats()
    const verbose = capture()
    expect(await runCli([...argv, '--verbose'], {}, verbose.io)).toBe(EXIT.fail)
    await settle()
    expect(verbose.stderrLines().filter((line) => line.startsWith('error:'))).toEqual(errorLines)
    expect(verbose.stderr()).toMatch(/^\s+at /m)
    expect(verbose.stderrLines().length).toBeGreaterThan(quiet.stderrLines().length)
  })
})

describe('check-registration', () => {
  it('exit 1 on a file with a trailing comma, 0 on a valid one', async () => {
    const valid = path.join(temp.dir, 'valid.json')
    const trailing = path.join(temp.dir, 'trailing.json')
    await writeFile(
      valid,
      '{\n  "images": [\n    { "objectUrl": "https://bucket.s3.amazonaws.com/a.jpg" }\n  ]\n}\n'
    )
    await writeFile(
      trailing,
      '{\n  "images": [\n    { "objectUrl": "https://bucket.s3.amazonaws.com/a.jpg" },\n  ]\n}\n'
    )

    const ok = capture()
    expect(await runCli(['check-registration', valid], {}, ok.io)).toBe(0)
    const bad = capture()
    expect(await runCli(['check-registration', trailing], {}, bad.io)).toBe(1)
    expect(bad.stdout()).toContain(`${trailing}:3:`)
    expect(bad.stdout()).toMatch(/trailing comma/i)
    const usage = capture()
    expect(await runCli(['check-registration'], {}, usage.io)).toBe(2)
  })
})

describe('no arguments', () => {
  it('prints the usage on stderr and exits 2', async () => {
    const out = capture()
    expect(await runCli([], {}, out.io)).toBe(EXIT.usage)
    expect(out.stderr()).toContain('Usage')
    expect(out.stderr()).toContain('--benchmark-project HASH')
    expect(out.stdout()).toBe('')
  })
})
