// `npm start`: the demo runs the built CLI against a fake Encord serving the sample. It resolves
// the sample and dist/ from its own location, so it runs from the bundle project's fresh build (a
// copy of the tree with dist/ built in it), never a possibly stale dist/; the CLI writes to the
// working directory, so it runs here in a temporary directory.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { runNode, tempDir, type Finished } from '../cli/support.js'
import { freshBuildRoot } from '../../test/bundle.js'

let temp: { dir: string; remove(): Promise<void> }
let result: Finished

beforeAll(async () => {
  temp = await tempDir('npm-start-')
  result = await runNode([path.join(freshBuildRoot(), 'tools/demo/run-demo.mjs')], {
    cwd: temp.dir,
    // No key of the user's in the environment: the demo brings its own.
    env: { PATH: process.env.PATH, HOME: temp.dir }
  })
})

afterAll(async () => {
  await temp.remove()
})

describe('npm start', () => {
  it('exits 0', () => {
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
  })

  it('writes the four report files into the working directory', () => {
    for (const name of ['iou_results.csv', 'report.json', 'summary.md', 'report.html']) {
      expect(existsSync(path.join(temp.dir, 'encord-annotator-eval', name))).toBe(true)
    }
  })

  it('prints a table row for Alice, Bob and Carol, and the verdict', () => {
    expect(result.stdout).toMatch(/^PASS +alice@example\.com +Annotator training – Alice +\d/m)
    expect(result.stdout).toMatch(/^PASS +bob@example\.com +Annotator training – Bob +\d/m)
    expect(result.stdout).toMatch(/^FAIL +carol@example\.com +Annotator training – Carol +\d/m)
    expect(result.stdout).toMatch(/^FAILED: 1 of 3 annotators failed/m)
    expect(result.stdout).toContain('exited with code 1')
  })
})
