import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { checkOutputDir, writeReportFiles } from '../../src/github/files.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feedback-files-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Reports = Parameters<typeof writeReportFiles>[1]

function reports(notes: { fileName: string; markdown: string }[]): Reports {
  return {
    csv: 'training_email\n',
    reportJson: '{}\n',
    summaryMarkdown: '# Scores\n',
    reportHtml: '<!doctype html>\n',
    feedbackNotes: notes
  } as Reports
}

describe('feedback notes on disk', () => {
  it('are written under feedback/, one file each, and their paths returned in order', async () => {
    const written = await writeReportFiles(
      dir,
      reports([
        { fileName: 'bob@x.io.md', markdown: '# Feedback for bob\n' },
        { fileName: 'alice@x.io.md', markdown: '# Feedback for alice\n' }
      ])
    )
    expect(written.feedbackPaths).toEqual([
      join(dir, 'feedback', 'bob@x.io.md'),
      join(dir, 'feedback', 'alice@x.io.md')
    ])
    expect(await readFile(join(dir, 'feedback', 'alice@x.io.md'), 'utf8')).toBe(
      '# Feedback for alice\n'
    )
    // Each through a temporary file: none is left behind.
    expect((await readdir(join(dir, 'feedback'))).sort()).toEqual(['alice@x.io.md', 'bob@x.io.md'])
  })

  it("replace the previous run's notes, leaving other files alone", async () => {
    await mkdir(join(dir, 'feedback'), { recursive: true })
    await writeFile(join(dir, 'feedback', 'carol@x.io.md'), 'old note')
    await writeFile(join(dir, 'feedback', 'README.txt'), 'mine')
    await writeReportFiles(dir, reports([{ fileName: 'alice@x.io.md', markdown: 'new' }]))
    expect((await readdir(join(dir, 'feedback'))).sort()).toEqual(['README.txt', 'alice@x.io.md'])
  })

  it('refuse a name that is not a plain file name', async () => {
    await expect(
      writeReportFiles(dir, reports([{ fileName: '../escape.md', markdown: 'x' }]))
    ).rejects.toThrow('not a plain file name')
    expect(await readdir(dir)).not.toContain('escape.md')
  })

  it('stop the run before any request when a file named feedback is in the way', async () => {
    await writeFile(join(dir, 'feedback'), 'a file')
    const error = await checkOutputDir(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(
      /^Input 'output-dir' holds a file named feedback where the feedback notes' folder goes/
    )
  })
})
