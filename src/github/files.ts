/**
 * Writes the rendered reports into the output directory. The strings come from `src/report/`;
 * this module only puts them on disk, so the CSV exists even when every other sink fails.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/** File names inside the output directory; `iou_results.csv` is the name Encord's script uses. */
export const REPORT_FILE_NAMES = {
  csv: 'iou_results.csv',
  report: 'report.json',
  summary: 'summary.md'
} as const

export interface RenderedReports {
  csv: string
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
  await attempt(dir, () => mkdir(dir, { recursive: true }))
  const files = {
    csvPath: join(dir, REPORT_FILE_NAMES.csv),
    reportPath: join(dir, REPORT_FILE_NAMES.report),
    summaryPath: join(dir, REPORT_FILE_NAMES.summary)
  }
  await attempt(files.csvPath, () => writeFile(files.csvPath, reports.csv, 'utf8'))
  await attempt(files.reportPath, () => writeFile(files.reportPath, reports.reportJson, 'utf8'))
  await attempt(files.summaryPath, () =>
    writeFile(files.summaryPath, reports.summaryMarkdown, 'utf8')
  )
  return { outputDir: dir, ...files }
}

async function attempt(path: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Could not write ${path} (check output-dir): ${reason}`, { cause: error })
  }
}
