/**
 * `encord-annotator-eval merge REPORT…`: the matrix merge on the command line. The legs'
 * report.json files (and the CSV beside each) become one CSV, report.json, summary and HTML
 * report in the output folder, one table on the terminal, and the exit code of the gate over all
 * annotators. The same source and renderers as the action's merge step.
 */
import { checkOutputDir, csvFileWriter, writeReportFiles } from '../github/files.js'
import {
  csvHeader,
  renderHtmlReport,
  renderReportJson,
  renderSummary,
  renderTerminalTable
} from '../report/index.js'
import { INPUT_DEFAULTS } from '../inputs.js'
import { InputError } from '../errors.js'
import { mergeLegReports } from '../sources/report-source.js'
import type { MergeCommandLine } from './program.js'

export interface MergeIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Returns the exit code: 0 when every annotator passed, 1 otherwise. */
export async function runMergeCommand(command: MergeCommandLine, io: MergeIo): Promise<number> {
  const expectedLegs = parseLegs(command.expectedLegs)
  const outputDir = command.outputDir ?? INPUT_DEFAULTS['output-dir']
  await checkOutputDir(outputDir)
  const merged = await mergeLegReports(command.reports, expectedLegs, 'merge')
  if (expectedLegs === null) {
    io.stderr(
      `Merged ${merged.legs.length} leg report(s); give --expected-legs N to make a missing leg an error\n`
    )
  }
  const csv = csvFileWriter(outputDir, csvHeader())
  await csv.write(merged.csvRows)
  const { result } = merged
  const files = await writeReportFiles(outputDir, {
    csv,
    reportJson: renderReportJson(result),
    summaryMarkdown: renderSummary(result),
    reportHtml: renderHtmlReport(result),
    // The legs' reports hold no per-object results: each leg's own notes stay with the leg.
    feedbackNotes: []
  })
  io.stdout(`\n${renderTerminalTable(result, { color: command.color })}\n`)
  io.stdout(
    `CSV:     ${files.csvPath}\nReport:  ${files.reportPath}\nSummary: ${files.summaryPath}\n`
  )
  return result.gate.stepFails ? 1 : 0
}

function parseLegs(text: string | undefined): number | null {
  if (text === undefined) return null
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new InputError(
      `--expected-legs must be a whole number, 1 or more (got '${text}'), e.g. --expected-legs 3`
    )
  }
  return Number(text)
}
