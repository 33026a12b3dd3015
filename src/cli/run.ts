/**
 * The CLI's main: the same config parsing, pipeline and reports as the action, with the terminal
 * as the sink. Exit codes: 0 pass, 1 gate failure or project error, 2 usage error.
 */
import { dirname } from 'node:path'
import { parseConfig } from '../config.js'
import { describeError, InputError } from '../errors.js'
import { checkOutputDir, csvFileWriter, writeReportFiles } from '../github/files.js'
import { evaluateRun } from '../pipeline.js'
import { runCheckRegistration } from '../registration/cli-command.js'
import {
  csvHeader,
  renderHtmlReport,
  renderReportJson,
  renderSummary,
  renderTerminalTable
} from '../report/index.js'
import { renderFeedbackNotes } from '../report/feedback-note.js'
import { renderAuditCsv, renderAuditTerminal } from '../report/audit.js'
import { renderTerminalWorstItems } from '../report/terminal-worst-items.js'
import { renderProgressText } from '../report/history-section.js'
import { mergeHistory } from '../results/history.js'
import type { RunResult } from '../results/run-result.js'
import { readHistoryPaths } from '../sources/history-source.js'
import { safeText } from '../safe-text.js'
import { TOOL } from '../version.js'
import { parseArgs } from './args.js'
import { runPreflightCommand } from './preflight-command.js'
import { runSetupTrainingCommand } from './setup-command.js'
import { runMergeCommand } from './merge-command.js'
import { terminalLogger } from './terminal-logger.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export const EXIT = { pass: 0, fail: 1, usage: 2 } as const

export interface CliOptions {
  /** The scoring worker's script; the bundle passes dist/worker.js. Without it, no workers. */
  workerScript?: URL
}

export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  options: CliOptions = {}
): Promise<number> {
  if (argv.length === 0) {
    io.stderr(helpText())
    return EXIT.usage
  }
  const verbose = argv.includes('--verbose') || argv.includes('-v')
  const fail = (error: unknown): number => {
    const input = error instanceof InputError ? error.input : undefined
    io.stderr(`error: ${inFlagTerms(describeError(error), input)}\n`)
    if (verbose && error instanceof Error && error.stack) {
      io.stderr(`${error.stack.split('\n').map(safeText).join('\n')}\n`)
    }
    return error instanceof InputError ? EXIT.usage : EXIT.fail
  }
  try {
    const command = parseArgs(argv, env)
    switch (command.kind) {
      case 'print':
        io.stdout(command.text)
        return EXIT.pass
      case 'check-registration':
        // The files are already parsed: `--` keeps one named like an option a file.
        return await runCheckRegistration(['--', ...command.files], io)
      case 'setup-training':
        return await runSetupTrainingCommand(command, io)
      case 'preflight':
        return await runPreflightCommand(command, io)
      case 'merge':
        return await runMergeCommand(command, io)
      case 'evaluate':
        break
    }
    const config = parseConfig(command.inputs)
    for (const warning of config.warnings) {
      io.stderr(`warning: ${inFlagTerms(warning.message, warning.input)}\n`)
    }
    if (config.source === null) {
      throw new InputError(
        'Nothing to evaluate: give --benchmark-project and --training-projects (run with --help)'
      )
    }
    const log = terminalLogger(io.stderr, command.verbose)
    // A folder that cannot be written is a usage error, found before any request.
    await checkOutputDir(config.outputDir)
    const csv = csvFileWriter(config.outputDir, csvHeader())
    const scored = await evaluateRun(
      { ...config, source: config.source },
      {
        log,
        tool: TOOL,
        csvRows: (rows) => csv.write(rows),
        ...(options.workerScript ? { workerScript: options.workerScript } : {})
      }
    )
    const result = await withCliHistory(scored, command.history, (line) =>
      io.stderr(`warning: ${line}\n`)
    )
    const files = await writeReportFiles(config.outputDir, {
      csv,
      reportJson: renderReportJson(result),
      summaryMarkdown: renderSummary(result),
      reportHtml: renderHtmlReport(result),
      feedbackNotes: renderFeedbackNotes(result),
      ...(result.audit === undefined ? {} : { auditCsv: renderAuditCsv(result.audit) })
    })
    io.stdout(`\n${renderTerminalTable(result, { color: command.color })}\n`)
    const progress = renderProgressText(result)
    if (progress !== '') io.stdout(`\n${progress}`)
    const worst = renderTerminalWorstItems(result)
    if (worst !== '') io.stdout(`\n${worst}\n`)
    const audit = renderAuditTerminal(result.audit)
    if (audit !== '') io.stdout(`\n${audit}\n`)
    io.stdout(
      `CSV:     ${files.csvPath}\nReport:  ${files.reportPath}\nSummary: ${files.summaryPath}\nHTML:    ${files.htmlPath}\n` +
        (files.feedbackPaths.length === 0
          ? ''
          : `Notes:   ${files.feedbackPaths.length} in ${dirname(files.feedbackPaths[0]!)}\n`) +
        (files.auditPath === null ? '' : `Audit:   ${files.auditPath}\n`)
    )
    return result.gate.stepFails ? EXIT.fail : EXIT.pass
  } catch (error) {
    return fail(error)
  }
}

/** `--history PATH…` read and merged into the result; without it, no history. */
async function withCliHistory(
  result: RunResult,
  paths: readonly string[],
  warn: (message: string) => void
): Promise<RunResult> {
  if (paths.length === 0) return result
  const earlier = await readHistoryPaths(paths, (message) => warn(safeText(message)))
  return { ...result, history: mergeHistory(result, earlier, 'this run') }
}

/** The evaluate command's help, which is the tool's. */
function helpText(): string {
  const command = parseArgs(['--help'], {})
  return command.kind === 'print' ? command.text : ''
}

/**
 * Config errors name action inputs ("Input 'iou-threshold' … e.g. iou-threshold: 0.8"); on the
 * command line the same input is a flag of the same name.
 */
function inFlagTerms(message: string, name: string | undefined): string {
  if (name === undefined) return message
  return message
    .replaceAll(`Input '${name}'`, `--${name}`)
    .replaceAll(`e.g. ${name}: `, `e.g. --${name} `)
}
