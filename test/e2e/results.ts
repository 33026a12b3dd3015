/** Readers for what a run produced: the `results` output, report.json and the CSV. */
import type { ActionRun } from './harness.js'

/** One entry of the `results` output for an evaluated project (one-to-one scores). */
export interface AnnotatorResult {
  project: string
  title: string
  annotator: string | null
  passed: boolean
  precision?: number | null
  recall?: number | null
  f1?: number | null
  meanIou: number | null
  classAccuracy: number | null
  failedThresholds?: string[]
  error?: string
}

export function resultsOf(run: ActionRun): AnnotatorResult[] {
  return JSON.parse(run.outputs.results ?? 'null') as AnnotatorResult[]
}

export interface ReportProject {
  status: 'evaluated' | 'failed'
  evaluation?: {
    projectHash: string
    annotator: string | null
    overall: {
      truePositives: number
      wrongClass: number
      missed: number
      extra: number
      meanIou: number | null
    }
  }
}

export interface ReportJson {
  settings: {
    method: string
    iouThreshold: number
    workflowStage: string
    thresholds: Record<string, number>
  }
  projects: ReportProject[]
  gate: { passed: boolean }
}

export function reportOf(run: ActionRun): ReportJson {
  if (run.files.report === undefined) throw new Error('the run wrote no report.json')
  return JSON.parse(run.files.report.toString('utf8')) as ReportJson
}

/**
 * The CSV as header + records. Splits on commas, so it first checks that no field is quoted
 * (true of the generated data: no commas, quotes or line breaks in titles, e-mails or hashes).
 */
export function csvOf(run: ActionRun): { header: string[]; records: Record<string, string>[] } {
  if (run.files.csv === undefined) throw new Error('the run wrote no CSV')
  const text = run.files.csv.toString('utf8')
  if (text.includes('"')) throw new Error('the CSV has quoted fields; use a real CSV reader')
  const [headerLine = '', ...lines] = text.replace(/\n$/, '').split('\n')
  const header = headerLine.split(',')
  const records = lines.map((line) => {
    const fields = line.split(',')
    if (fields.length !== header.length) throw new Error(`CSV line has ${fields.length} fields`)
    return Object.fromEntries(header.map((name, index) => [name, fields[index] ?? '']))
  })
  return { header, records }
}

/** How many CSV records of one training project have each `status`. */
export function statusCounts(
  records: Record<string, string>[],
  projectHash: string
): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const record of records) {
    if (record.training_project_hash !== projectHash) continue
    const status = record.status ?? ''
    counts[status] = (counts[status] ?? 0) + 1
  }
  return counts
}
