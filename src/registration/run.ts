/** Reads registration files from disk and checks them, one at a time to bound memory. */
import { readFile } from 'node:fs/promises'
import { isUtf8 } from 'node:buffer'
import { describeUtf16, detectUtf16 } from '../text-encoding.js'
import { checkRegistrationText } from './check.js'
import { RULES } from './rules.js'
import type { FileReport } from './diagnostic.js'

export async function checkRegistrationFiles(paths: string[]): Promise<FileReport[]> {
  const reports: FileReport[] = []
  // Sequential on purpose: each file may be tens of megabytes.
  for (const path of paths) reports.push(await checkEachAlone(path))
  return reports
}

/** One file's report, whatever happens: a file the checker cannot handle never hides the others. */
async function checkEachAlone(path: string): Promise<FileReport> {
  try {
    return await checkRegistrationFile(path)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return fileProblem(
      path,
      'unreadable-file',
      `this file could not be checked (${reason}); this is a bug in encord-annotator-eval, please report it`
    )
  }
}

async function checkRegistrationFile(path: string): Promise<FileReport> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    return fileProblem(
      path,
      'unreadable-file',
      `cannot read this file: ${describeReadError(error)}`
    )
  }
  const utf16 = detectUtf16(bytes)
  if (utf16 !== null) {
    return fileProblem(
      path,
      'encoding',
      `this file is ${describeUtf16(utf16)} text: save it as UTF-8`
    )
  }
  if (!isUtf8(bytes)) {
    return fileProblem(
      path,
      'encoding',
      'this file is not UTF-8 text (is it UTF-16 or Latin-1?): save it as UTF-8'
    )
  }
  // toString keeps a byte-order mark, so the checker can report it.
  return checkRegistrationText(bytes.toString('utf8'), path)
}

function fileProblem(
  file: string,
  rule: 'unreadable-file' | 'encoding',
  message: string
): FileReport {
  return {
    file,
    diagnostics: [{ severity: RULES[rule].severity, rule, message, line: 1, column: 1 }],
    items: 0,
    urls: 0
  }
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}
