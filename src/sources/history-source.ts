/**
 * Reads the scores of earlier runs for history (`results/history.ts`): report.json files (given
 * on the command line, or downloaded from earlier runs' artifacts) and history files (JSON Lines,
 * one compact line per annotator and run). History is a nicety: nothing here fails a run. What
 * cannot be read is skipped, and the caller is told in one line why.
 */
import { appendFile, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { METRICS } from '../results/metrics.js'
import type { EarlierRun, HistoryPoint, HistoryScores } from '../results/history.js'
import { firstLineOf } from '../errors.js'

/** What history reads of a report.json: each evaluated project's identity, digest and scores. */
const reportSchema = z.object({
  projects: z.array(
    z.union([
      z.object({
        status: z.literal('evaluated'),
        evaluation: z.object({
          projectHash: z.string(),
          annotator: z.string().nullable(),
          labelsDigest: z.string().optional(),
          overall: z.record(z.string(), z.unknown())
        })
      }),
      z.object({ status: z.literal('failed') })
    ])
  )
})

const lineSchema = z.object({
  run: z.string(),
  at: z.string().optional(),
  projectHash: z.string(),
  annotator: z.string().nullable(),
  labelsDigest: z.string().nullable(),
  scores: z.record(z.string(), z.number().nullable())
})

/** The report's scores as history keeps them; a score that is not a number is null. */
function scoresOf(overall: Record<string, unknown>): HistoryScores {
  const scores: HistoryScores = {}
  for (const metric of METRICS) {
    const value = overall[metric.name]
    scores[metric.name] = typeof value === 'number' ? value : null
  }
  return scores
}

/** One earlier run from its report.json text; throws a one-line reason if it is not one. */
export function earlierRunFromReport(text: string, run: string): EarlierRun {
  const parsed = reportSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new Error('not a report.json of this tool')
  const points: HistoryPoint[] = parsed.data.projects.flatMap((outcome) =>
    outcome.status === 'evaluated'
      ? [
          {
            run,
            projectHash: outcome.evaluation.projectHash,
            annotator: outcome.evaluation.annotator,
            labelsDigest: outcome.evaluation.labelsDigest ?? null,
            scores: scoresOf(outcome.evaluation.overall)
          }
        ]
      : []
  )
  return { run, points }
}

/**
 * A history file's runs, in file order (lines of one run kept together by their `run`). A missing
 * file is no history yet; a malformed line is skipped with a warning naming it.
 */
export async function readHistoryFile(
  file: string,
  warn: (message: string) => void
): Promise<EarlierRun[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    warn(`Could not read the history file ${file}: ${firstLineOf(error)}; going on without it`)
    return []
  }
  return historyFileRuns(text, file, warn)
}

/** The runs of a history file's text (pure, for the tests). */
export function historyFileRuns(
  text: string,
  file: string,
  warn: (message: string) => void
): EarlierRun[] {
  const runs = new Map<string, HistoryPoint[]>()
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let parsed: z.infer<typeof lineSchema> | undefined
    try {
      const result = lineSchema.safeParse(JSON.parse(line))
      if (result.success) parsed = result.data
    } catch {
      // Not JSON: said below, like a line of the wrong shape.
    }
    if (parsed === undefined) {
      warn(`${file} line ${index + 1} is not a history entry; skipped it`)
      return
    }
    const points = runs.get(parsed.run) ?? []
    points.push({
      run: parsed.run,
      projectHash: parsed.projectHash,
      annotator: parsed.annotator,
      labelsDigest: parsed.labelsDigest,
      scores: parsed.scores as HistoryScores
    })
    runs.set(parsed.run, points)
  })
  return [...runs].map(([run, points]) => ({ run, points }))
}

/** Appends one compact line per point; never rewrites what is there. */
export async function appendHistoryFile(
  file: string,
  points: readonly HistoryPoint[],
  at: Date
): Promise<void> {
  if (points.length === 0) return
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  const existing = await readFile(file, 'utf8').catch(() => '')
  // A file whose last line has no line break (edited by hand) must not run into ours.
  const lead = existing !== '' && !existing.endsWith('\n') ? '\n' : ''
  const lines = points.map((point) =>
    JSON.stringify({
      run: point.run,
      at: at.toISOString(),
      projectHash: point.projectHash,
      annotator: point.annotator,
      labelsDigest: point.labelsDigest,
      scores: point.scores
    })
  )
  await appendFile(file, `${lead}${lines.join('\n')}\n`, 'utf8')
}

/**
 * `--history PATH…`: report.json files, folders of them (every report.json below, by path), or
 * history files (anything that is not one JSON document), oldest first as given.
 */
export async function readHistoryPaths(
  paths: readonly string[],
  warn: (message: string) => void
): Promise<EarlierRun[]> {
  const runs: EarlierRun[] = []
  for (const given of paths) {
    let info
    try {
      info = await stat(given)
    } catch (error) {
      warn(`Could not read the history ${given}: ${firstLineOf(error)}; going on without it`)
      continue
    }
    if (info.isDirectory()) {
      for (const file of await reportsBelow(given)) runs.push(...(await readReport(file, warn)))
      continue
    }
    const text = await readFile(given, 'utf8')
    runs.push(
      ...(looksLikeOneJsonDocument(text)
        ? await readReport(given, warn, text)
        : historyFileRuns(text, given, warn))
    )
  }
  return runs
}

/** A report.json is one JSON object with a `projects` list; a one-line history file is not. */
function looksLikeOneJsonDocument(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && 'projects' in value
  } catch {
    return false
  }
}

async function readReport(
  file: string,
  warn: (message: string) => void,
  text?: string
): Promise<EarlierRun[]> {
  try {
    return [earlierRunFromReport(text ?? (await readFile(file, 'utf8')), file)]
  } catch (error) {
    warn(`Skipped ${file} for history: ${firstLineOf(error)}`)
    return []
  }
}

async function reportsBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name === 'report.json')
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}
