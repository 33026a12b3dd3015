/**
 * Writes the rendered reports into the output directory. The strings come from `src/report/`;
 * this module only puts them on disk, so the CSV exists even when every other sink fails.
 * The CSV can be written as the run goes (`csvFileWriter`): a large run's rows are never all in
 * memory at once.
 */
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { REPORT_FILE_NAMES } from '../results/file-names.js'

export interface RenderedReports {
  /** The whole CSV, or the writer it was streamed to (closed here, before the other files). */
  csv: string | CsvFileWriter
  reportJson: string
  summaryMarkdown: string
}

export interface WrittenReportFiles {
  /** Absolute path of the output directory. */
  outputDir: string
  csvPath: string
  reportPath: string
  summaryPath: string
}

/**
 * Creates `outputDir` (relative paths resolve against the working directory, the workspace on a
 * runner) and writes the three files as UTF-8. Throws an `Error` naming the path that could not
 * be written: losing the CSV is a real failure, unlike a missed comment.
 */
export async function writeReportFiles(
  outputDir: string,
  reports: RenderedReports
): Promise<WrittenReportFiles> {
  const dir = resolve(outputDir)
  const files = {
    csvPath: join(dir, REPORT_FILE_NAMES.csv),
    reportPath: join(dir, REPORT_FILE_NAMES.report),
    summaryPath: join(dir, REPORT_FILE_NAMES.summary)
  }
  const { csv } = reports
  if (typeof csv === 'string') {
    await attempt(dir, () => mkdir(dir, { recursive: true }))
    await attempt(files.csvPath, () => writeFile(files.csvPath, csv, 'utf8'))
  } else {
    await csv.close()
  }
  await attempt(files.reportPath, () => writeFile(files.reportPath, reports.reportJson, 'utf8'))
  await attempt(files.summaryPath, () =>
    writeFile(files.summaryPath, reports.summaryMarkdown, 'utf8')
  )
  return { outputDir: dir, ...files }
}

/** The CSV, written piece by piece while the run goes on. */
export interface CsvFileWriter {
  /**
   * Appends to the file; the first call creates the output directory and the file, header
   * first. Never rejects: the first failure is kept for `close`, and what follows it is dropped.
   */
  write(rows: string | Uint8Array): Promise<void>
  /**
   * Ends the file, creating it with the header alone if nothing was written; rejects with the
   * first failure, as `writeReportFiles` would have.
   */
  close(): Promise<void>
}

export function csvFileWriter(outputDir: string, header: string): CsvFileWriter {
  const dir = resolve(outputDir)
  const path = join(dir, REPORT_FILE_NAMES.csv)
  let file: FileHandle | null = null
  let closed = false
  let failure: unknown = null
  // Appends run one after another, in call order, whoever calls.
  let queue: Promise<void> = Promise.resolve()
  const append = (text: string | Uint8Array): Promise<void> => {
    queue = queue.then(async () => {
      if (failure !== null || closed) return
      try {
        if (file === null) {
          await attempt(dir, () => mkdir(dir, { recursive: true }))
          file = await attempt(path, () => open(path, 'w'))
          await attempt(path, () => (file as FileHandle).writeFile(header, 'utf8'))
        }
        const handle = file
        if (text.length > 0) await attempt(path, () => handle.writeFile(text, 'utf8'))
      } catch (error) {
        failure = error
      }
    })
    return queue
  }
  return {
    write: append,
    async close() {
      await append('')
      closed = true
      const handle = file
      file = null
      if (handle !== null) {
        await attempt(path, () => handle.close()).catch((error: unknown) => {
          failure ??= error
        })
      }
      if (failure !== null) throw failure
    }
  }
}

async function attempt<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Could not write ${path} (check output-dir): ${reason}`, { cause: error })
  }
}
