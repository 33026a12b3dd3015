/**
 * The preflight checks, pure: facts read from Encord in, findings out. What the annotator
 * training guide requires of a set-up: each training project on the benchmark's datasets and
 * ontology, with the stage that is scored; a benchmark finished before it is scored against; an
 * annotator on each training project.
 */
import type { ProjectDataset, ProjectMember, WorkflowStage } from '../encord/types.js'
import { ontologyDifferences } from './ontology-diff.js'
import type { PreflightFinding, ProjectProgress } from './report.js'

/** What preflight reads of one project. */
export interface ProjectFacts {
  projectHash: string
  title: string
  ontologyHash: string
  /** The ontology structure (docs/encord-api.md §8). */
  ontology: unknown
  datasets: ProjectDataset[]
  /** Null for a project without a workflow. */
  stages: WorkflowStage[] | null
  /** Tasks per title of the stage they are in now (null title: no workflow). */
  tasksByStage: Map<string | null, number>
  /** Null for the benchmark, whose users are not checked. */
  members: ProjectMember[] | null
}

/** Differences listed in one message at most; the rest are counted. */
const LISTED = 5
const ANNOTATING_ROLES: ReadonlySet<number> = new Set([1, 3])

export function checkBenchmark(
  facts: ProjectFacts,
  stage: string
): { progress: ProjectProgress; findings: PreflightFinding[] } {
  const say = finder('benchmark', facts)
  const findings: PreflightFinding[] = []
  const progress = progressOf(facts, stage)
  const missingStage = stageProblem(facts, stage)
  if (missingStage !== undefined) findings.push(say('error', missingStage))
  else if (progress.total === 0) {
    findings.push(say('error', 'has no tasks: attach the dataset and label it before scoring'))
  } else if (progress.completed < progress.total) {
    const share = Math.floor((100 * progress.completed) / progress.total)
    findings.push(
      say(
        'warning',
        `is ${share} % complete: ${elsewhere(facts, stage)}; scores against an unfinished benchmark change when it is finished`
      )
    )
  }
  return { progress, findings }
}

export function checkTraining(
  facts: ProjectFacts,
  benchmark: ProjectFacts,
  stage: string
): { progress: ProjectProgress; findings: PreflightFinding[] } {
  const say = finder('training', facts)
  const findings: PreflightFinding[] = []
  if (facts.ontologyHash !== benchmark.ontologyHash) {
    const differences = ontologyDifferences(benchmark.ontology, facts.ontology)
    if (differences.length > 0) {
      findings.push(
        say(
          'error',
          `uses ontology ${facts.ontologyHash}, not the benchmark's ${benchmark.ontologyHash}: ${listed(differences)}; create the project with the benchmark's ontology`
        )
      )
    }
  }
  const datasets = datasetProblem(facts.datasets, benchmark.datasets)
  if (datasets !== undefined) findings.push(say('error', datasets))
  const missingStage = stageProblem(facts, stage)
  if (missingStage !== undefined) findings.push(say('error', missingStage))
  const progress = progressOf(facts, stage)
  if (progress.annotators.length === 0) {
    findings.push(
      say('warning', 'has no annotator: invite one with the Annotator role (setup-training does)')
    )
  }
  return { progress, findings }
}

function progressOf(facts: ProjectFacts, stage: string): ProjectProgress {
  let total = 0
  for (const count of facts.tasksByStage.values()) total += count
  return {
    projectHash: facts.projectHash,
    projectTitle: facts.title,
    annotators: (facts.members ?? [])
      .filter((member) => ANNOTATING_ROLES.has(member.role))
      .map((member) => member.email),
    completed: facts.tasksByStage.get(stage) ?? 0,
    total
  }
}

function stageProblem(facts: ProjectFacts, stage: string): string | undefined {
  if (facts.stages === null) {
    return `has no workflow, so no stage titled '${stage}': use a workflow project`
  }
  if (facts.stages.some((candidate) => candidate.title === stage)) return undefined
  const titles = facts.stages.map((candidate) => `'${candidate.title}'`).join(', ')
  return `has no workflow stage titled '${stage}' (its stages: ${titles}); set workflow-stage or use the training workflow template`
}

function datasetProblem(
  datasets: ProjectDataset[],
  expected: ProjectDataset[]
): string | undefined {
  const name = (dataset: ProjectDataset): string => `'${dataset.title}' (${dataset.datasetHash})`
  const has = (list: ProjectDataset[], hash: string): boolean =>
    list.some((dataset) => dataset.datasetHash === hash)
  const missing = expected.filter((dataset) => !has(datasets, dataset.datasetHash)).map(name)
  const extra = datasets.filter((dataset) => !has(expected, dataset.datasetHash)).map(name)
  if (missing.length === 0 && extra.length === 0) return undefined
  const parts = [
    ...(missing.length > 0 ? [`missing ${listed(missing)}`] : []),
    ...(extra.length > 0 ? [`extra ${listed(extra)}`] : [])
  ]
  return `has other datasets than the benchmark: ${parts.join('; ')}; attach exactly the benchmark's datasets`
}

/** `13 tasks are still in Annotate, 2 in Review`. */
function elsewhere(facts: ProjectFacts, stage: string): string {
  const others = [...facts.tasksByStage]
    .filter(([title, count]) => title !== stage && count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([title, count]) => ({ title: title ?? 'no stage', count }))
  return others
    .map(({ title, count }, index) =>
      index === 0
        ? `${count} task${count === 1 ? ' is' : 's are'} still in ${title}`
        : `${count} in ${title}`
    )
    .join(', ')
}

function listed(items: string[]): string {
  const shown = items.slice(0, LISTED).join(', ')
  const more = items.length - LISTED
  return more > 0 ? `${shown} and ${more} more` : shown
}

function finder(role: PreflightFinding['role'], facts: ProjectFacts) {
  return (severity: PreflightFinding['severity'], message: string): PreflightFinding => ({
    severity,
    role,
    projectHash: facts.projectHash,
    projectTitle: facts.title,
    message: `The ${role} project '${facts.title}' (${facts.projectHash}) ${message}`
  })
}
