/** `encord-annotator-eval check-registration FILE…`, callable without spawning a process. */
import { formatDiagnosticLine, registrationVerdict } from './render.js'
import { checkRegistrationFiles } from './run.js'

export interface CommandIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
}

export const EXIT_OK = 0
export const EXIT_ERRORS = 1
export const EXIT_USAGE = 2

export const CHECK_REGISTRATION_USAGE = `Usage: encord-annotator-eval check-registration [--] FILE...

Checks Encord data-registration JSON files (step 1 of the annotator training guide) before
they are uploaded: JSON syntax (trailing commas included), duplicate keys, top-level keys,
entries and their URLs, media metadata, Encord's per-file limits and the guide's advice.

Prints one line per problem as FILE:LINE:COLUMN: SEVERITY [RULE] MESSAGE.

Options:
  -h, --help  Show this help.
  --          Treat every later argument as a file, even if it starts with "-".

Exit status: 0 when no file has an error (warnings allowed), 1 when any file has an error
or cannot be read, 2 on a usage error.
`

type ParsedArgs = { help: true } | { help: false; files: string[] } | { error: string }

function parseArgs(args: readonly string[]): ParsedArgs {
  const files: string[] = []
  let optionsEnded = false
  for (const arg of args) {
    if (optionsEnded || !arg.startsWith('-')) files.push(arg)
    else if (arg === '--') optionsEnded = true
    else if (arg === '-h' || arg === '--help') return { help: true }
    else return { error: `unknown option "${arg}"` }
  }
  if (files.length === 0) return { error: 'no files given' }
  return { help: false, files }
}

export async function runCheckRegistration(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args)
  if ('error' in parsed) {
    io.stderr(`check-registration: ${parsed.error}\n\n${CHECK_REGISTRATION_USAGE}`)
    return EXIT_USAGE
  }
  if (parsed.help) {
    io.stdout(CHECK_REGISTRATION_USAGE)
    return EXIT_OK
  }
  const reports = await checkRegistrationFiles(parsed.files)
  for (const report of reports) {
    for (const d of report.diagnostics) io.stdout(`${formatDiagnosticLine(report.file, d)}\n`)
  }
  io.stdout(`${registrationVerdict(reports)}\n`)
  const failed = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'))
  return failed ? EXIT_ERRORS : EXIT_OK
}
