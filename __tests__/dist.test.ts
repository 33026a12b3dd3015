// GitHub runs the committed dist/, so it must never be stale: every file in it must match the
// bundle project's fresh build of src/ (test/setup/fresh-build.mjs), and the build must make no
// file that dist/ lacks. The comparison itself is checked on folders made here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { compareDist, describeStale, REPO_ROOT } from '../tools/fresh-build.mjs'
import { bundleFile } from '../test/bundle.js'

describe('dist/', () => {
  it('matches a fresh build of src/, file for file', async () => {
    const difference = await compareDist(
      path.join(REPO_ROOT, 'dist'),
      path.dirname(bundleFile('index.js'))
    )
    expect(describeStale(difference)).toBeNull()
  })
})

describe('compareDist', () => {
  let scratch: string
  const committed = () => path.join(scratch, 'committed')
  const fresh = () => path.join(scratch, 'fresh')

  async function put(dir: string, files: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
      await writeFile(path.join(dir, name), text)
    }
  }

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'compare-dist-'))
    await put(committed(), {
      'index.js': 'same',
      'cli.js': 'old',
      'chunks/core.js': 'same core',
      'worker.js': 'gone from the build'
    })
    await put(fresh(), {
      'index.js': 'same',
      'cli.js': 'new',
      'chunks/core.js': 'same core',
      'licenses.txt': 'new file'
    })
  })

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('finds changed, missing and no-longer-built files, in subfolders too', async () => {
    expect(await compareDist(committed(), fresh())).toEqual({
      differ: ['cli.js'],
      missing: ['licenses.txt'],
      extra: ['worker.js']
    })
  })

  it('says which files are stale and what to run', async () => {
    expect(describeStale(await compareDist(committed(), fresh()))).toBe(
      'dist/ is stale against a fresh build of src/ (changed: dist/cli.js; not in dist/: dist/licenses.txt; no longer built: dist/worker.js). Run `npm run build` and commit dist/.'
    )
  })

  it('finds nothing when the two are the same', async () => {
    expect(describeStale(await compareDist(fresh(), fresh()))).toBeNull()
  })

  it('counts every file as missing when dist/ does not exist', async () => {
    const difference = await compareDist(path.join(scratch, 'none'), fresh())
    expect(difference.missing).toEqual(['chunks/core.js', 'cli.js', 'index.js', 'licenses.txt'])
  })
})
