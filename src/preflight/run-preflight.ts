/**
 * Reads what preflight checks (read-only: the scoring client has no write method) and runs the
 * checks. The benchmark is read once; training projects are read concurrently (the client's
 * limit bounds the requests). A project that cannot be read is an error of that project.
 */
import type { EncordClient } from '../encord/client.js'
import { describeError } from '../errors.js'
import { checkBenchmark, checkTraining, type ProjectFacts } from './checks.js'
import type { PreflightFinding, PreflightReport, ProjectProgress } from './report.js'

/** Told each training project's findings as soon as they are known, before the whole report. */
export type OnProjectChecked = (projectHash: string, findings: readonly PreflightFinding[]) => void

export async function runPreflight(
  client: EncordClient,
  benchmarkHash: string,
  trainingHashes: readonly string[],
  stage: string,
  onChecked: OnProjectChecked = () => {}
): Promise<PreflightReport> {
  const findings: PreflightFinding[] = []
  let benchmark: ProjectFacts
  try {
    benchmark = await readFacts(client, benchmarkHash, false)
  } catch (error) {
    findings.push(unreadable('benchmark', benchmarkHash, error))
    return { stage, benchmark: null, training: [], findings }
  }
  const checked = checkBenchmark(benchmark, stage)
  findings.push(...checked.findings)

  const training: ProjectProgress[] = []
  const reads = trainingHashes.map((hash) => {
    const read = readFacts(client, hash, true)
    read.then(
      (facts) => onChecked(hash, checkTraining(facts, benchmark, stage).findings),
      (error: unknown) => onChecked(hash, [unreadable('training', hash, error)])
    )
    return read
  })
  const results = await Promise.allSettled(reads)
  results.forEach((result, index) => {
    const hash = trainingHashes[index] as string
    if (result.status === 'rejected') {
      findings.push(unreadable('training', hash, result.reason))
      return
    }
    const outcome = checkTraining(result.value, benchmark, stage)
    training.push(outcome.progress)
    findings.push(...outcome.findings)
  })
  return { stage, benchmark: checked.progress, training, findings }
}

async function readFacts(
  client: EncordClient,
  projectHash: string,
  withMembers: boolean
): Promise<ProjectFacts> {
  const project = await client.getProject(projectHash)
  const [datasets, rows, members] = await Promise.all([
    client.listProjectDatasets(projectHash),
    client.listLabelRows(projectHash, null),
    withMembers ? client.listProjectUsers(projectHash) : Promise.resolve(null)
  ])
  const tasksByStage = new Map<string | null, number>()
  for (const row of rows)
    tasksByStage.set(row.stageTitle, (tasksByStage.get(row.stageTitle) ?? 0) + 1)
  return {
    projectHash,
    title: project.title,
    ontologyHash: project.ontologyHash,
    // The project carries its ontology's structure; comparing it needs no further request.
    ontology: project.editorOntology,
    datasets,
    stages: project.workflowStages,
    tasksByStage,
    members
  }
}

function unreadable(
  role: PreflightFinding['role'],
  projectHash: string,
  error: unknown
): PreflightFinding {
  return {
    severity: 'error',
    role,
    projectHash,
    projectTitle: null,
    message: describeError(error)
  }
}
