/**
 * The action: read inputs → check registration files and/or evaluate → write every sink → gate.
 * The one place that turns errors into a failed step. Sinks fail alone: a failed comment or
 * upload is a warning, never a lost CSV; the gate's `setFailed` comes last, once.
 */
import * as core from '@actions/core'
import { dirname } from 'node:path'
import { parseConfig, type RunConfig } from './config.js'
import { describeError } from './errors.js'
import { describeVerdict, unsettledWarnings } from './report/gate-message.js'
import { createAnnotationBudget, type AnnotationBudget } from './github/annotations.js'
import { uploadReportArtifact } from './github/artifact.js'
import { withRunHistory } from './github/run-history.js'
import {
  checkOutputDir,
  csvFileWriter,
  writeReportFiles,
  type CsvFileWriter,
  type WrittenReportFiles
} from './github/files.js'
import { actionsLogger } from './github/logger.js'
import { setActionOutputs } from './github/outputs.js'
import { commentOnPullRequest } from './github/pr-comment.js'
import { appendJobSummary } from './github/summary.js'
import { INPUT_NAMES, type RawInputs } from './inputs.js'
import { evaluateRun, type EvaluableConfig } from './pipeline.js'
import { findLegReports, mergeLegReports } from './sources/report-source.js'
import { checkRegistrationFiles } from './registration/run.js'
import { resolveRegistrationGlobs } from './registration/globs.js'
import { renderRegistrationSummary } from './registration/render.js'
import {
  buildOutputs,
  commentMarker,
  csvHeader,
  renderComment,
  renderHtmlReport,
  renderReportJson,
  renderSummary
} from './report/index.js'
import { renderFeedbackNotes } from './report/feedback-note.js'
import { renderAuditCsv, renderAuditTerminal } from './report/audit.js'
import { renderTerminalWorstItems } from './report/terminal-worst-items.js'
import { renderProgressText } from './report/history-section.js'
import { escapeMarkdown } from './report/markdown-escape.js'
import type { RunResult } from './results/run-result.js'
import { safeText } from './safe-text.js'
import { TOOL } from './version.js'

export interface RunOptions {
  /** The scoring worker's script; the bundle passes dist/worker.js. Without it, no workers. */
  workerScript?: URL
}

export async function run(options: RunOptions = {}): Promise<void> {
  const annotations = createAnnotationBudget()
  const failures: string[] = []
  try {
    maskKey(core.getInput('ssh-private-key'))
    const config = parseConfig(readInputs(), process.env)
    for (const warning of config.warnings) core.warning(safeText(warning.message))
    if (config.registrationFiles !== null) {
      const problem = await checkRegistration(config.registrationFiles, annotations)
      if (problem !== null) failures.push(problem)
    }
    if (config.merge !== null) {
      const problem = await mergeAndReport(config, config.merge, annotations)
      if (problem !== null) failures.push(problem)
    } else if (config.source !== null) {
      const problem = await evaluateAndReport(
        { ...config, source: config.source },
        annotations,
        options
      )
      if (problem !== null) failures.push(problem)
    }
  } catch (error) {
    core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
    const message = describeError(error)
    failures.push(message)
    await reportRunFailure(message)
  } finally {
    annotations.flush()
  }
  // Verdicts name annotators by their e-mail from label data: one safe line.
  if (failures.length > 0) core.setFailed(safeText(failures.join('. ')))
}

/**
 * The run stopped before there were scores (a bad input, an unreadable benchmark): later steps
 * still get `passed: false`, and the job summary says why.
 */
async function reportRunFailure(message: string): Promise<void> {
  core.setOutput('passed', 'false')
  await appendJobSummary(
    `### ❌ encord-annotator-eval could not score the annotators\n\n${escapeMarkdown(message, 2000)}\n`
  )
}

/**
 * Masks the key before anything can log it: the whole value, each of its lines (the runner masks
 * line by line), and the literal-`\n` form people paste into secrets.
 */
function maskKey(key: string): void {
  if (key.trim() === '') return
  core.setSecret(key)
  const lines = key.replace(/\\n/g, '\n').split(/\r?\n/)
  for (const line of lines) if (line.trim().length >= 8) core.setSecret(line.trim())
}

/** Action inputs by name; a missing input reads as '' and takes its default in parseConfig. */
function readInputs(): RawInputs {
  const raw: RawInputs = {}
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name)
  return raw
}

/** Checks registration files; returns the failure line, or null when there are no errors. */
async function checkRegistration(
  patterns: string,
  annotations: AnnotationBudget
): Promise<string | null> {
  return core.group('Check registration files', async () => {
    const files = await resolveRegistrationGlobs(patterns)
    const reports = await checkRegistrationFiles(files)
    let errors = 0
    for (const report of reports) {
      for (const diagnostic of report.diagnostics) {
        if (diagnostic.severity === 'error') errors += 1
        annotations[diagnostic.severity](diagnostic.message, {
          title: `Registration file: ${diagnostic.rule}`,
          file: report.file,
          startLine: diagnostic.line,
          startColumn: diagnostic.column
        })
      }
    }
    await appendJobSummary(renderRegistrationSummary(reports))
    core.info(`Checked ${reports.length} registration file(s): ${errors} error(s)`)
    return errors === 0
      ? null
      : `${errors} error(s) in registration files: see the annotations and the job summary`
  })
}

/** Evaluates, writes every sink, and returns the gate's failure line (or null on a pass). */
async function evaluateAndReport(
  config: EvaluableConfig,
  annotations: AnnotationBudget,
  options: RunOptions
): Promise<string | null> {
  // A folder that cannot be written stops the run here, before any request, not after scoring.
  await checkOutputDir(config.outputDir)
  // The CSV is written as projects are scored; a failure to write it is reported with the
  // other report files, below, and does not stop the scoring.
  const csv = csvFileWriter(config.outputDir, csvHeader())
  const scored = await evaluateRun(config, {
    log: actionsLogger,
    tool: TOOL,
    csvRows: (rows) => csv.write(rows),
    ...(options.workerScript ? { workerScript: options.workerScript } : {})
  })
  const result = await core.group('Read earlier runs', () => withRunHistory(scored, config))
  return reportAndGate(result, csv, config, annotations)
}

/**
 * The merge step: the legs' reports and CSVs (`sources/report-source.ts`) through the same sinks
 * and gate as a run that scored them.
 */
async function mergeAndReport(
  config: RunConfig,
  merge: NonNullable<RunConfig['merge']>,
  annotations: AnnotationBudget
): Promise<string | null> {
  await checkOutputDir(config.outputDir)
  const csv = csvFileWriter(config.outputDir, csvHeader())
  const merged = await core.group('Read the legs', async () => {
    const legs = await mergeLegReports(await findLegReports(merge.reports), merge.expectedLegs)
    core.info(`Merging ${legs.legs.length} leg(s): ${legs.legs.join(', ')}`)
    return legs
  })
  if (merge.expectedLegs === null) {
    core.warning(
      `Merged the ${merged.legs.length} leg report(s) found; set expected-legs to make a missing leg an error`
    )
  }
  await csv.write(merged.csvRows)
  const result = await core.group('Read earlier runs', () => withRunHistory(merged.result, config))
  return reportAndGate(result, csv, config, annotations, { merged: true })
}

/**
 * Every sink for a result, then the gate's failure line (or null on a pass). `merged`: the
 * projects come from legs' reports, which hold no per-object results, so no feedback notes.
 */
async function reportAndGate(
  result: RunResult,
  csv: CsvFileWriter,
  config: RunConfig,
  annotations: AnnotationBudget,
  mode: { merged: boolean } = { merged: false }
): Promise<string | null> {
  for (const outcome of result.projects) {
    if (outcome.status === 'failed') {
      annotations.error(outcome.failure.message, {
        title: `Training project ${outcome.failure.projectHash} could not be evaluated`
      })
    }
  }
  const written = await core.group('Write reports', () => writeFiles(result, csv, config, mode))
  const files = typeof written === 'string' ? null : written
  const writeFailure = typeof written === 'string' ? written : null
  const artifact =
    files !== null && config.artifact.upload
      ? await core.group('Upload the artifact', () =>
          uploadReportArtifact({
            name: config.artifact.name,
            files: [
              files.csvPath,
              files.reportPath,
              files.summaryPath,
              files.htmlPath,
              ...files.feedbackPaths,
              ...(files.auditPath === null ? [] : [files.auditPath])
            ],
            rootDir: files.outputDir,
            retentionDays: config.artifact.retentionDays
          })
        )
      : null
  const artifactUrl = artifact?.url ?? undefined
  await appendJobSummary(renderSummary(result, withLink({}, artifactUrl)))
  if (writeFailure !== null) {
    // The scores above may all pass; the summary must not read green while the step fails.
    await appendJobSummary(
      `> ❌ **The report files could not be written:** ${escapeMarkdown(writeFailure, 2000)}\n`
    )
  }
  const comment = await core.group('Comment on the pull request', () =>
    commentOnPullRequest({
      mode: config.comment.mode,
      key: config.comment.key,
      token: config.githubToken,
      body: renderComment(
        result,
        withLink({ marker: commentMarker(config.comment.key), runUrl: runUrl() }, artifactUrl)
      )
    })
  )
  const outputs = buildOutputs(result)
  setActionOutputs({
    // Scores whose files could not be written are not a pass: later steps would read nothing.
    passed: writeFailure === null ? outputs.passed : 'false',
    annotators: outputs.annotators,
    'failed-annotators': outputs['failed-annotators'],
    results: outputs.results,
    'inconclusive-annotators': outputs['inconclusive-annotators'],
    'benchmark-suspects': outputs['benchmark-suspects'],
    'csv-path': files?.csvPath ?? '',
    'report-path': files?.reportPath ?? '',
    'summary-path': files?.summaryPath ?? '',
    'artifact-id': artifact === null ? '' : String(artifact.id),
    'artifact-url': artifact?.url ?? '',
    'comment-id': comment.id === null ? '' : String(comment.id)
  })
  // Inconclusive and insufficient verdicts: a warning each, unless on-inconclusive says pass (or
  // fail, when they are part of the failure line).
  if (result.settings.onInconclusive === 'warn') {
    for (const warning of unsettledWarnings(result)) {
      annotations.warning(warning, { title: 'No clear verdict' })
    }
  }
  const problems = [
    writeFailure,
    result.gate.stepFails ? describeVerdict(result.gate, result.settings) : null
  ]
  const failed = problems.filter((problem) => problem !== null)
  return failed.length === 0 ? null : failed.join('. ')
}

/** Writes the report files; returns them, or the one-line reason they could not be written. */
async function writeFiles(
  result: RunResult,
  csv: CsvFileWriter,
  config: RunConfig,
  mode: { merged: boolean }
): Promise<WrittenReportFiles | string> {
  try {
    const files = await writeReportFiles(config.outputDir, {
      csv,
      reportJson: renderReportJson(result),
      summaryMarkdown: renderSummary(result),
      reportHtml: renderHtmlReport(result),
      feedbackNotes: mode.merged ? [] : renderFeedbackNotes(result),
      ...(result.audit === undefined ? {} : { auditCsv: renderAuditCsv(result.audit) })
    })
    core.info(
      `Wrote ${files.csvPath}, ${files.reportPath}, ${files.summaryPath} and ${files.htmlPath}`
    )
    if (files.feedbackPaths.length > 0) {
      core.info(
        `Wrote ${files.feedbackPaths.length} feedback note(s) in ${dirname(files.feedbackPaths[0]!)}`
      )
    }
    const progress = renderProgressText(result)
    if (progress !== '') core.info(progress)
    const worst = renderTerminalWorstItems(result)
    if (worst !== '') core.info(worst)
    const audit = renderAuditTerminal(result.audit)
    if (audit !== '') core.info(audit)
    return files
  } catch (error) {
    core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
    return describeError(error)
  }
}

function withLink<T extends object>(options: T, artifactUrl: string | undefined): T {
  return artifactUrl === undefined ? options : { ...options, artifactUrl }
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined
}
