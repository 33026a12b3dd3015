/**
 * What preflight found: plain data, rendered by the CLI's table, the job summary and the
 * annotations. An error means the project cannot be scored as set up; a warning means it can, but
 * the scores may mislead or change later.
 */

export interface PreflightFinding {
  severity: 'error' | 'warning'
  role: 'benchmark' | 'training'
  projectHash: string
  /** The project's title when it could be read. */
  projectTitle: string | null
  /** One line: what is wrong and what to do. */
  message: string
}

/** How far the annotators of one training project (or the expert, for the benchmark) got. */
export interface ProjectProgress {
  projectHash: string
  projectTitle: string
  /** Users with an annotating role (ANNOTATOR or ANNOTATOR_REVIEWER); empty for the benchmark. */
  annotators: string[]
  /** Tasks in the scored stage (`workflow-stage`). */
  completed: number
  total: number
}

export interface PreflightReport {
  stage: string
  /** Null when the benchmark could not be read. */
  benchmark: ProjectProgress | null
  /** In input order; projects that could not be read are absent. */
  training: ProjectProgress[]
  findings: PreflightFinding[]
}

/** The first error about the benchmark, if any: the run cannot go on. */
export function benchmarkError(report: PreflightReport): PreflightFinding | undefined {
  return report.findings.find(
    (finding) => finding.role === 'benchmark' && finding.severity === 'error'
  )
}

export function warningsOf(report: PreflightReport): PreflightFinding[] {
  return report.findings.filter((finding) => finding.severity === 'warning')
}
