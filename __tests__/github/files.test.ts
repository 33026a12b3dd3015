import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { csvFileWriter, writeReportFiles } from '../../src/github/files.js'

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
  summaryMarkdown: '# Scores\n'
}

describe('writeReportFiles', () => {
  it('creates the output directory and writes the three files, returning absolute paths', async () => {
    const out = join(dir, 'nested', 'encord-annotator-eval')
    const written = await writeReportFiles(out, reports)
    expect(written).toEqual({
      outputDir: out,
      csvPath: join(out, 'iou_results.csv'),
      reportPath: join(out, 'report.json'),
      summaryPath: join(out, 'summary.md')
    })
    expect(await readFile(written.csvPath)).toEqual(Buffer.from(reports.csv, 'utf8'))
    expect(await readFile(written.reportPath, 'utf8')).toBe(reports.reportJson)
    expect(await readFile(written.summaryPath, 'utf8')).toBe(reports.summaryMarkdown)
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

  it('throws an error naming the path when the directory cannot be made', async () => {
    const blocker = join(dir, 'a-file')
    await writeFile(blocker, '')
    await expect(writeReportFiles(join(blocker, 'out'), reports)).rejects.toThrow(
      `Could not write ${join(blocker, 'out')} (check output-dir)`
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
      `Could not write ${join(blocker, 'out')} (check output-dir)`
    )
  })
})
