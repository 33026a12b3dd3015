// Runs script/release --dry-run on a throw-away repository holding the files it reads, and checks
// the version bump, the changelog heading, the commit and the tag.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

const run = promisify(execFile)
const FILES = [
  'package.json',
  'package-lock.json',
  'CHANGELOG.md',
  'script/release',
  'tools/release/changelog.mjs'
]

describe('script/release --dry-run', () => {
  const clone = mkdtempSync(join(tmpdir(), 'release-'))
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=Release test', '-c', 'user.email=release@example.com', ...args], {
      cwd: clone
    })
  const current = JSON.parse(readFileSync('package.json', 'utf8')).version as string
  const [major] = current.split('.').map(Number)
  const next = `${(major ?? 0) + 1}.0.0`

  beforeAll(async () => {
    for (const file of FILES) {
      mkdirSync(dirname(join(clone, file)), { recursive: true })
      copyFileSync(file, join(clone, file))
    }
    mkdirSync(join(clone, 'dist'))
    writeFileSync(join(clone, 'dist/index.js'), '// bundle\n')
    await git('init', '-q')
    await git('add', '-A')
    await git('commit', '-q', '-m', 'Before the release')
  }, 30_000)
  afterAll(() => rmSync(clone, { recursive: true, force: true }))

  it('bumps the version, dates the changelog, commits and tags, and pushes nothing', async () => {
    const { stdout } = await run('bash', ['script/release', '--dry-run', 'major'], {
      cwd: clone,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Release test',
        GIT_AUTHOR_EMAIL: 'release@example.com',
        GIT_COMMITTER_NAME: 'Release test',
        GIT_COMMITTER_EMAIL: 'release@example.com'
      }
    })
    expect(stdout).toContain(`Releasing ${next} (was ${current})`)
    expect(stdout).toContain('Dry run: nothing pushed')

    expect(JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version).toBe(next)
    expect(JSON.parse(readFileSync(join(clone, 'package-lock.json'), 'utf8')).version).toBe(next)
    const changelog = readFileSync(join(clone, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toMatch(
      new RegExp(`^## \\[Unreleased\\]\\n\\n## \\[${next}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm')
    )

    const { stdout: tag } = await git('describe', '--exact-match', 'HEAD')
    expect(tag.trim()).toBe(`v${next}`)
    const { stdout: subject } = await git('log', '-1', '--format=%s')
    expect(subject.trim()).toBe(`Release ${next}`)
    const { stdout: status } = await git('status', '--porcelain')
    expect(status).toBe('')
  }, 60_000)

  it('refuses a version that is not newer, with exit code 2', async () => {
    const failure = await run('bash', ['script/release', '--dry-run', '0.0.1'], {
      cwd: clone
    }).catch((error: { code: number; stderr: string }) => error)
    expect(failure).toMatchObject({ code: 2 })
    expect((failure as { stderr: string }).stderr).toMatch(/0\.0\.1 is not newer than/)
  }, 30_000)
})
