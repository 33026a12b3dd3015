import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { describeError, InputError, ReportWriteError } from '../../src/errors.js'
import {
  checkOutputDir,
  csvFileWriter,
  whyNotWritten,
  writeReportFiles
} from '../../src/github/files.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-files-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const reports = {
  csv: 'training_email,iou_score\r\nzoë@x.io,0.5\r\n',
  reportJson: '{"ok":true}\n',
  summaryMarkdown: '# Scores\n',
  reportHtml: '<!doctype html><title>Scores</title>\n'
}

describe('writeReportFiles', () => {
  it('creates the output directory and writes the four files, returning absolute paths', async () => {
    const out = join(dir, 'nested', 'encord-annotator-eval')
    const written = await writeReportFiles(out, reports)
    expect(written).toEqual({
      outputDir: out,
      csvPath: join(out, 'iou_results.csv'),
      reportPath: join(out, 'report.json'),
      summaryPath: join(out, 'summary.md'),
      htmlPath: join(out, 'report.html'),
      feedbackPaths: [],
      auditPath: null
    })
    expect(await readFile(written.csvPath)).toEqual(Buffer.from(reports.csv, 'utf8'))
    expect(await readFile(written.reportPath, 'utf8')).toBe(reports.reportJson)
    expect(await readFile(written.summaryPath, 'utf8')).toBe(reports.summaryMarkdown)
    expect(await readFile(written.htmlPath, 'utf8')).toBe(reports.reportHtml)
  })

  it('writes benchmark_audit.csv beside them when the run has an audit', async () => {
    const out = join(dir, 'with-audit')
    const auditCsv = 'kind,data_unit_name\nspurious-object,a.jpg\n'
    const written = await writeReportFiles(out, { ...reports, auditCsv })
    expect(written.auditPath).toBe(join(out, 'benchmark_audit.csv'))
    expect(await readFile(join(out, 'benchmark_audit.csv'), 'utf8')).toBe(auditCsv)
  })

  it('resolves a relative directory against the working directory', async () => {
    const written = await writeReportFiles(relative(process.cwd(), join(dir, 'rel')), reports)
    expect(isAbsolute(written.csvPath)).toBe(true)
    expect(written.csvPath).toBe(join(dir, 'rel', 'iou_results.csv'))
  })

  it('overwrites files from an earlier run', async () => {
    await writeReportFiles(dir, { ...reports, csv: 'old, much longer content\n' })
    await writeReportFiles(dir, reports)
    expect(await readFile(join(dir, 'iou_results.csv'), 'utf8')).toBe(reports.csv)
  })

  it('throws an error naming the path, in words, when the directory cannot be made', async () => {
    const blocker = join(dir, 'a-file')
    await writeFile(blocker, '')
    await expect(writeReportFiles(join(blocker, 'out'), reports)).rejects.toThrow(
      `Could not write ${join(blocker, 'out')}: part of the path is a file, not a folder (ENOTDIR). Set output-dir to a folder this job can write`
    )
  })
})

describe('csvFileWriter', () => {
  const header = 'a,b\n'

  it('writes the header and the rows as they come, and is closed by writeReportFiles', async () => {
    const out = join(dir, 'streamed')
    const csv = csvFileWriter(out, header)
    await csv.write('1,2\n')
    await csv.write('3,4\n')
    const written = await writeReportFiles(out, { ...reports, csv })
    expect(await readFile(written.csvPath, 'utf8')).toBe('a,b\n1,2\n3,4\n')
    expect(await readFile(written.reportPath, 'utf8')).toBe(reports.reportJson)
  })

  it('writes the header alone when no rows came, replacing an older file', async () => {
    await writeFile(join(dir, 'iou_results.csv'), 'old, much longer content\n')
    const csv = csvFileWriter(dir, header)
    await csv.close()
    expect(await readFile(join(dir, 'iou_results.csv'), 'utf8')).toBe(header)
  })

  it('creates nothing until the first rows or close', async () => {
    const out = join(dir, 'not-yet')
    csvFileWriter(out, header)
    await expect(readFile(join(out, 'iou_results.csv'))).rejects.toThrow()
  })

  it('never rejects a write; close reports the first failure as writeReportFiles would', async () => {
    const blocker = join(dir, 'a-file')
    await writeFile(blocker, '')
    const csv = csvFileWriter(join(blocker, 'out'), header)
    await expect(csv.write('1,2\n')).resolves.toBeUndefined()
    await expect(csv.write('3,4\n')).resolves.toBeUndefined()
    await expect(writeReportFiles(join(blocker, 'out'), { ...reports, csv })).rejects.toThrow(
      `Could not write ${join(blocker, 'out')}: part of the path is a file, not a folder (ENOTDIR)`
    )
  })
})

describe('checkOutputDir', () => {
  it('creates a missing folder and leaves nothing in it', async () => {
    const out = join(dir, 'new', 'out')
    await checkOutputDir(out)
    expect(await readdir(out)).toEqual([])
  })

  it('refuses a file, naming output-dir and what to do', async () => {
    const file = join(dir, 'a-file')
    await writeFile(file, 'keep me')
    const error = await checkOutputDir(file).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('output-dir')
    expect((error as Error).message).toBe(
      `Input 'output-dir' is a file, not a folder: ${file}. Set it to a folder (it is created if missing), e.g. output-dir: encord-annotator-eval`
    )
    expect(await readFile(file, 'utf8')).toBe('keep me')
  })

  it('refuses a folder that cannot be created, in words', async () => {
    const file = join(dir, 'a-file')
    await writeFile(file, '')
    await expect(checkOutputDir(join(file, 'out'))).rejects.toThrow(
      `Input 'output-dir' cannot be created: ${join(file, 'out')} (part of the path is a file, not a folder (ENOTDIR)). Set it to a folder this job can write`
    )
  })

  it('refuses a folder where a report file goes', async () => {
    await mkdir(join(dir, 'report.json'))
    await expect(checkOutputDir(dir)).rejects.toThrow(
      `Input 'output-dir' holds a folder named report.json where the report file goes: ${join(dir, 'report.json')}. Remove that folder, or set output-dir to another folder`
    )
  })
})

describe('a run never leaves files of two runs', () => {
  const header = 'a,b\n'

  async function previousRun(): Promise<void> {
    await writeReportFiles(dir, {
      csv: 'old csv\n',
      reportJson: '{"old":true}\n',
      summaryMarkdown: '# old\n',
      reportHtml: '<p>old</p>\n'
    })
  }

  it('removes the previous run’s files at the first CSV rows, and shows the CSV only when complete', async () => {
    await previousRun()
    await writeFile(join(dir, 'notes.txt'), 'not ours')
    const csv = csvFileWriter(dir, header)
    await csv.write('1,2\n')
    const during = await readdir(dir)
    expect(during.filter((name) => !name.startsWith('.')).sort()).toEqual(['notes.txt'])
    await writeReportFiles(dir, { ...reports, csv })
    expect((await readdir(dir)).sort()).toEqual([
      'iou_results.csv',
      'notes.txt',
      'report.html',
      'report.json',
      'summary.md'
    ])
    expect(await readFile(join(dir, 'iou_results.csv'), 'utf8')).toBe('a,b\n1,2\n')
  })

  it('removes what a stopped run left half-written, and leaves other folders alone', async () => {
    await writeFile(join(dir, '.iou_results.csv.partial-99999'), 'half')
    await writeFile(join(dir, '.report.json.partial-1'), 'half')
    await mkdir(join(dir, 'plots'))
    await writeReportFiles(dir, reports)
    expect((await readdir(dir)).sort()).toEqual([
      'iou_results.csv',
      'plots',
      'report.html',
      'report.json',
      'summary.md'
    ])
  })

  it('a report.json folder made after the check: the error says so in words, and no temporary file is left', async () => {
    await previousRun()
    const csv = csvFileWriter(dir, header)
    await csv.write('1,2\n')
    await mkdir(join(dir, 'report.json'))
    await writeFile(join(dir, 'report.json', 'x'), '')
    const error = await writeReportFiles(dir, { ...reports, csv }).catch(
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(ReportWriteError)
    expect(describeError(error)).toMatch(
      new RegExp(
        `^Could not write ${escapeRegExp(join(dir, 'report.json'))}: a folder of that name is in the way \\(EISDIR\\)`
      )
    )
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([])
  })
})

describe('whyNotWritten', () => {
  it('says what a system error means, keeping its code', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x'"), {
      code: 'EACCES'
    })
    expect(whyNotWritten(error)).toBe('permission denied, this job may not write there (EACCES)')
    expect(whyNotWritten(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(
      'the disk is full (ENOSPC)'
    )
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
