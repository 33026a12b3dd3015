/**
 * Writes the rendered reports into the output directory. The strings come from `src/report/`;
 * this module only puts them on disk, so the CSV exists even when every other sink fails.
 * The CSV can be written as the run goes (`csvFileWriter`): a large run's rows are never all in
 * memory at once.
 *
 * The folder never mixes two runs, and never holds a half-written file under a report's name:
 * - `checkOutputDir` runs before any request, so a folder that cannot be written stops the run
 *   at once instead of after all the scoring;
 * - when a run starts writing, the previous run's report files (and any temporary file a killed
 *   run left) are removed;
 * - every file is written to a temporary name in the same folder and renamed into place when it
 *   is complete (a rename within one folder replaces the name in one step).
 * So a run stopped half-way (a cancelled workflow sends SIGTERM) leaves only the files it had
 * finished and, at worst, a hidden `.….partial-<pid>` file, never a half CSV beside an older
 * report.json.
 */
import {
  mkdir,
  open,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
  type FileHandle
} from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError, ReportWriteError } from '../errors.js'
import { FEEDBACK_DIR, REPORT_FILE_NAMES } from '../results/file-names.js'

export interface RenderedReports {
  /** The whole CSV, or the writer it was streamed to (closed here, before the other files). */
  csv: string | CsvFileWriter
  reportJson: string
  summaryMarkdown: string
  /** The self-contained HTML report (`report/html/`). */
  reportHtml: string
  /** One note per annotator, written under `feedback/` (`report/feedback-note.ts`). */
  feedbackNotes?: readonly { fileName: string; markdown: string }[]
  /** `benchmark_audit.csv` (`report/audit.ts`); not written when absent. */
  auditCsv?: string
}

export interface WrittenReportFiles {
  /** Absolute path of the output directory. */
  outputDir: string
  csvPath: string
  reportPath: string
  summaryPath: string
  htmlPath: string
  /** Absolute paths of the feedback notes, in the order given. */
  feedbackPaths: string[]
  /** Absolute path of benchmark_audit.csv; null when it was not written. */
  auditPath: string | null
}

const OUTPUT_DIR_EXAMPLE = 'e.g. output-dir: encord-annotator-eval'

/**
 * Makes sure `outputDir` is a folder this run can write, creating it if needed, before any
 * request: writes and removes a probe file, and checks that no report file's name is taken by a
 * folder. Throws an `InputError` for `output-dir` naming what to fix.
 */
export async function checkOutputDir(outputDir: string): Promise<void> {
  const dir = resolve(outputDir)
  const existing = await stat(dir).catch(() => null)
  if (existing !== null && !existing.isDirectory()) {
    throw new InputError(
      `Input 'output-dir' is a file, not a folder: ${dir}. Set it to a folder (it is created if missing), ${OUTPUT_DIR_EXAMPLE}`,
      'output-dir'
    )
  }
  const refuse = (what: string, error: unknown): never => {
    throw new InputError(
      `Input 'output-dir' ${what}: ${dir} (${whyNotWritten(error)}). Set it to a folder this job can write, ${OUTPUT_DIR_EXAMPLE}`,
      'output-dir'
    )
  }
  await mkdir(dir, { recursive: true }).catch((error: unknown) =>
    refuse('cannot be created', error)
  )
  for (const name of Object.values(REPORT_FILE_NAMES)) {
    const path = join(dir, name)
    const found = await stat(path).catch(() => null)
    if (found?.isDirectory()) {
      throw new InputError(
        `Input 'output-dir' holds a folder named ${name} where the report file goes: ${path}. Remove that folder, or set output-dir to another folder`,
        'output-dir'
      )
    }
  }
  const notes = join(dir, FEEDBACK_DIR)
  const notesFound = await stat(notes).catch(() => null)
  if (notesFound !== null && !notesFound.isDirectory()) {
    throw new InputError(
      `Input 'output-dir' holds a file named ${FEEDBACK_DIR} where the feedback notes' folder goes: ${notes}. Remove that file, or set output-dir to another folder`,
      'output-dir'
    )
  }
  const probe = join(dir, `.write-check-${process.pid}`)
  await writeFile(probe, '', { flag: 'w' }).catch((error: unknown) =>
    refuse('is not writable', error)
  )
  await rm(probe, { force: true }).catch((error: unknown) => refuse('is not writable', error))
}

/**
 * Writes the report files as UTF-8 into `outputDir` (relative paths resolve against the working
 * directory, the workspace on a runner), each through a temporary file. Throws a
 * `ReportWriteError` naming the path that could not be written: losing the CSV is a real failure,
 * unlike a missed comment.
 */
export async function writeReportFiles(
  outputDir: string,
  reports: RenderedReports
): Promise<WrittenReportFiles> {
  const dir = resolve(outputDir)
  const files = {
    csvPath: join(dir, REPORT_FILE_NAMES.csv),
    reportPath: join(dir, REPORT_FILE_NAMES.report),
    summaryPath: join(dir, REPORT_FILE_NAMES.summary),
    htmlPath: join(dir, REPORT_FILE_NAMES.html)
  }
  const { csv } = reports
  if (typeof csv === 'string') {
    await startWriting(dir)
    await writeFileInPlace(files.csvPath, csv)
  } else {
    await csv.close()
  }
  await writeFileInPlace(files.reportPath, reports.reportJson)
  await writeFileInPlace(files.summaryPath, reports.summaryMarkdown)
  await writeFileInPlace(files.htmlPath, reports.reportHtml)
  const feedbackPaths = await writeFeedbackNotes(dir, reports.feedbackNotes ?? [])
  let auditPath: string | null = null
  if (reports.auditCsv !== undefined) {
    auditPath = join(dir, REPORT_FILE_NAMES.audit)
    await writeFileInPlace(auditPath, reports.auditCsv)
  }
  return { outputDir: dir, ...files, feedbackPaths, auditPath }
}

/**
 * The notes go in `feedback/`, each through a temporary file like the other reports. Their names
 * are made safe and unique by `noteFileNames`; a name that is not a plain file name is refused
 * here too, so a note can never land outside the folder.
 */
async function writeFeedbackNotes(
  dir: string,
  notes: readonly { fileName: string; markdown: string }[]
): Promise<string[]> {
  if (notes.length === 0) return []
  const folder = join(dir, FEEDBACK_DIR)
  await attempt(folder, () => mkdir(folder, { recursive: true }))
  const paths: string[] = []
  for (const note of notes) {
    if (basename(note.fileName) !== note.fileName || note.fileName.startsWith('.')) {
      throw new Error(`not a plain file name for a feedback note: ${note.fileName}`)
    }
    const path = join(folder, note.fileName)
    await writeFileInPlace(path, note.markdown)
    paths.push(path)
  }
  return paths
}

/** The CSV, written piece by piece while the run goes on. */
export interface CsvFileWriter {
  /**
   * Appends to the file; the first call creates the output directory and the file, header
   * first, after removing the previous run's report files. Never rejects: the first failure is
   * kept for `close`, and what follows it is dropped.
   */
  write(rows: string | Uint8Array): Promise<void>
  /**
   * Ends the file and puts it in place, creating it with the header alone if nothing was
   * written; rejects with the first failure, as `writeReportFiles` would have.
   */
  close(): Promise<void>
}

export function csvFileWriter(outputDir: string, header: string): CsvFileWriter {
  const dir = resolve(outputDir)
  const path = join(dir, REPORT_FILE_NAMES.csv)
  const partial = partialPath(path)
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
          await startWriting(dir)
          file = await attempt(path, () => open(partial, 'w'))
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
      if (failure === null) {
        await attempt(path, () => rename(partial, path)).catch((error: unknown) => {
          failure = error
        })
      }
      if (failure !== null) {
        await rm(partial, { force: true }).catch(() => undefined)
        throw failure
      }
    }
  }
}

/**
 * The moment a run starts writing: the folder is made, and the previous run's report files and
 * any temporary file a stopped run left behind are removed, so the folder never holds files of
 * two runs. A folder in the way of a report file is left alone (and reported when it is reached).
 */
async function startWriting(dir: string): Promise<void> {
  await attempt(dir, () => mkdir(dir, { recursive: true }))
  const names = new Set<string>(Object.values(REPORT_FILE_NAMES))
  const entries = await attempt(dir, () => readdir(dir, { withFileTypes: true }))
  for (const entry of entries) {
    if (entry.isDirectory()) continue
    const previous = names.has(entry.name) || isPartialName(entry.name, names)
    if (previous) await attempt(join(dir, entry.name), () => rm(join(dir, entry.name)))
  }
  // The previous run's notes: its annotators may not be this run's.
  const folder = join(dir, FEEDBACK_DIR)
  const notes = await readdir(folder, { withFileTypes: true }).catch(() => [])
  for (const entry of notes) {
    const note = entry.name.endsWith('.md') || PARTIAL.test(entry.name)
    if (entry.isFile() && note) {
      await attempt(join(folder, entry.name), () => rm(join(folder, entry.name)))
    }
  }
}

/** Writes `text` to a temporary file beside `path`, then renames it into place. */
async function writeFileInPlace(path: string, text: string): Promise<void> {
  const partial = partialPath(path)
  try {
    await attempt(path, () => writeFile(partial, text, 'utf8'))
    await attempt(path, () => rename(partial, path))
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined)
    throw error
  }
}

const PARTIAL = /^\.(.+)\.partial-\d+$/

/** `dir/.report.json.partial-1234`: hidden, in the same folder (so a rename is one step). */
function partialPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.partial-${process.pid}`)
}

function isPartialName(name: string, reportNames: ReadonlySet<string>): boolean {
  const match = PARTIAL.exec(name)
  return match?.[1] !== undefined && reportNames.has(match[1])
}

async function attempt<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    const { reason, fix } = meaningOf(error)
    throw new ReportWriteError(`Could not write ${path}: ${reason}. ${fix}`, path, {
      cause: error
    })
  }
}

const ELSEWHERE = 'Set output-dir to a folder this job can write'
const NO_SPACE = 'Free some disk space, or set output-dir to a folder on another disk'

/** What a failed file operation means, and what to do about it, by the system's error code. */
const MEANINGS: Readonly<Record<string, { reason: string; fix: string }>> = {
  EISDIR: {
    reason: 'a folder of that name is in the way',
    fix: 'Remove that folder, or set output-dir to another folder'
  },
  ENOTDIR: { reason: 'part of the path is a file, not a folder', fix: ELSEWHERE },
  EEXIST: { reason: 'a file of that name is in the way', fix: ELSEWHERE },
  EACCES: { reason: 'permission denied, this job may not write there', fix: ELSEWHERE },
  EPERM: { reason: 'permission denied, this job may not write there', fix: ELSEWHERE },
  EROFS: { reason: 'the file system is read-only', fix: ELSEWHERE },
  ENOSPC: { reason: 'the disk is full', fix: NO_SPACE },
  EDQUOT: { reason: 'the disk quota is used up', fix: NO_SPACE },
  ENOENT: {
    reason: 'the folder was removed while the run was writing',
    fix: 'Make sure nothing else removes output-dir during the run'
  },
  ENAMETOOLONG: { reason: 'the path is too long', fix: 'Set a shorter output-dir' },
  EMFILE: { reason: 'too many files are open', fix: 'Run again with a lower concurrency' },
  ENFILE: { reason: 'too many files are open', fix: 'Run again with a lower concurrency' },
  EIO: { reason: 'the disk reported an input/output error', fix: ELSEWHERE }
}

/** `a folder of that name is in the way (EISDIR)`: words first, the system's code kept. */
export function whyNotWritten(error: unknown): string {
  return meaningOf(error).reason
}

function meaningOf(error: unknown): { reason: string; fix: string } {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : undefined
  const meaning = code === undefined ? undefined : MEANINGS[code]
  if (meaning !== undefined) return { reason: `${meaning.reason} (${code})`, fix: meaning.fix }
  const text = error instanceof Error ? error.message : String(error)
  return { reason: `the system refused: ${text.split(/\r?\n/, 1)[0] ?? ''}`, fix: ELSEWHERE }
}
