/**
 * The matrix merge's source: the legs' report.json files, each with the iou_results.csv beside
 * it, read back into one `RunResult` and one CSV, so that the same results → report → sinks path
 * writes one leaderboard. Projects keep the legs' order, and each leg's projects their order, so
 * the merge of legs equals one run over the same projects given in that order.
 *
 * Project entries are carried as written (whatever other features add to them); the gate is
 * applied again over all of them, with the settings the legs share. Legs run with different
 * settings cannot be merged: the error names the legs and the setting.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { create } from '@actions/glob'
import { z } from 'zod'
import { InputError } from '../errors.js'
import { csvHeader } from '../report/index.js'
import { REPORT_FILE_NAMES } from '../results/file-names.js'
import { applyGate } from '../results/gate.js'
import { projectFeedback } from '../results/project-feedback.js'
import type { ProjectOutcome, ProjectResult, RunResult } from '../results/run-result.js'

const legSchema = z
  .object({
    tool: z.object({ name: z.string(), version: z.string() }),
    source: z.enum(['encord-api', 'export-files']),
    settings: z.record(z.string(), z.unknown()),
    benchmark: z.object({ projectHash: z.string(), title: z.string(), rows: z.number() }),
    projects: z.array(
      z.union([
        z
          .object({
            status: z.literal('evaluated'),
            evaluation: z.object({ projectHash: z.string() }).passthrough()
          })
          .passthrough(),
        z.object({ status: z.literal('failed'), failure: z.object({}).passthrough() }).passthrough()
      ])
    )
  })
  .passthrough()

type Leg = z.infer<typeof legSchema> & { file: string }

export interface MergedLegs {
  result: RunResult
  /** Every leg's CSV rows (no header), in leg order. */
  csvRows: string
  legs: string[]
}

/** The settings whose difference makes legs unmergeable, in the words of their inputs. */
const SETTING_INPUTS: Record<string, string> = {
  method: 'method',
  iouThreshold: 'iou-threshold',
  workflowStage: 'workflow-stage',
  thresholds: 'the min-… thresholds',
  gateOn: 'gate-on',
  onInconclusive: 'on-inconclusive',
  minDataUnits: 'min-data-units',
  bootstrapSamples: 'bootstrap-samples',
  confidenceLevel: 'confidence-level'
}

/** Report files matched by newline-separated globs (`!` excludes), sorted by path, each once. */
export async function findLegReports(patterns: string): Promise<string[]> {
  const globber = await create(patterns, { implicitDescendants: false, matchDirectories: false })
  return [...new Set(await globber.glob())].sort()
}

/**
 * Reads and merges the legs. Fewer legs than `expectedLegs` is an error; without it the caller
 * says how many were found.
 */
export async function mergeLegReports(
  files: readonly string[],
  expectedLegs: number | null,
  inputName = 'merge-reports'
): Promise<MergedLegs> {
  if (files.length === 0) {
    throw new InputError(
      `${inputName} matched no report.json; download the legs' artifacts first (actions/download-artifact with pattern:) and point it at them, e.g. legs/*/report.json`,
      'merge-reports'
    )
  }
  if (expectedLegs !== null && files.length < expectedLegs) {
    throw new InputError(
      `Expected ${expectedLegs} legs but found ${files.length} report.json (${files.join(', ')}); a leg failed before writing its report or its artifact was not downloaded`,
      'expected-legs'
    )
  }
  const legs: Leg[] = []
  for (const file of files) legs.push(await readLeg(file))
  const first = legs[0]!
  checkSameSettings(legs)

  const projects: ProjectOutcome[] = legs.flatMap((leg) => leg.projects.map(toOutcome))
  const settings = first.settings as RunResult['settings']
  const csvParts: string[] = []
  for (const leg of legs) csvParts.push(await legCsvRows(leg.file))
  return {
    result: {
      tool: first.tool,
      source: first.source,
      settings,
      benchmark: first.benchmark,
      projects,
      gate: applyGate(projects, {
        thresholds: settings.thresholds,
        gateOn: settings.gateOn,
        onInconclusive: settings.onInconclusive,
        minDataUnits: settings.minDataUnits
      })
    },
    csvRows: csvParts.join(''),
    legs: legs.map((leg) => leg.file)
  }
}

async function readLeg(file: string): Promise<Leg> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new InputError(
      `Could not read the leg report ${file}: ${error instanceof SyntaxError ? 'not JSON' : (error as Error).message.split('\n')[0]}`,
      'merge-reports'
    )
  }
  const parsed = legSchema.safeParse(json)
  if (!parsed.success) {
    throw new InputError(
      `${file} is not a report.json written by encord-annotator-eval; point merge-reports at the legs' report.json files`,
      'merge-reports'
    )
  }
  return { ...parsed.data, file }
}

function checkSameSettings(legs: readonly Leg[]): void {
  const first = legs[0]!
  for (const leg of legs.slice(1)) {
    if (leg.benchmark.projectHash !== first.benchmark.projectHash) {
      throw differ(
        first,
        leg,
        'benchmark project',
        first.benchmark.projectHash,
        leg.benchmark.projectHash
      )
    }
    for (const [key, input] of Object.entries(SETTING_INPUTS)) {
      const a = JSON.stringify(first.settings[key])
      const b = JSON.stringify(leg.settings[key])
      if (a !== b) throw differ(first, leg, input, a, b)
    }
  }
}

function differ(a: Leg, b: Leg, setting: string, left: string, right: string): InputError {
  return new InputError(
    `Legs ${a.file} and ${b.file} were run with a different ${setting} (${left} and ${right}); merge only legs run with the same settings`,
    'merge-reports'
  )
}

/**
 * A report's project entry as a run's outcome. The worst items and feedback facts are not in
 * report.json: a merged project has none (its leg's summary and notes have them).
 */
function toOutcome(entry: Leg['projects'][number]): ProjectOutcome {
  if (entry.status === 'failed') return entry as unknown as ProjectOutcome
  const evaluation = {
    ...entry.evaluation,
    worstItems: [],
    // Counted from no objects: zero errors and no bias, which nothing claims about.
    feedback: projectFeedback(
      { ...entry.evaluation, objects: [], scriptRows: [], classifications: [] } as never,
      0
    )
  } as unknown as ProjectResult
  return { ...entry, evaluation } as unknown as ProjectOutcome
}

/** The leg's CSV without its header; its header must be ours, or the columns would not line up. */
async function legCsvRows(reportFile: string): Promise<string> {
  const file = path.join(path.dirname(reportFile), REPORT_FILE_NAMES.csv)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new InputError(
      `The leg ${reportFile} has no ${REPORT_FILE_NAMES.csv} beside it; upload the leg's whole output folder`,
      'merge-reports'
    )
  }
  const header = csvHeader()
  if (!text.startsWith(header)) {
    throw new InputError(
      `${file} does not have this version's columns; run every leg and the merge with the same version of the action`,
      'merge-reports'
    )
  }
  return text.slice(header.length)
}
