/**
 * What setup-training would do, decided without side effects: per annotator, the project title
 * from the template, and whether a project with that title already exists as it should (reuse),
 * does not exist (create), or exists set up differently (conflict: never a duplicate).
 */
import type { ProjectDataset } from '../encord/types.js'

export const DEFAULT_TITLE_TEMPLATE = 'Annotator training – {name}'

/** What a training project must have: the benchmark's datasets and ontology. */
export interface Blueprint {
  datasets: ProjectDataset[]
  ontologyHash: string
}

/** A project found with a planned title, as far as the plan compares it. */
export interface ExistingProject {
  projectHash: string
  datasetHashes: string[]
  ontologyHash: string
  annotators: string[]
}

export type PlanStep =
  | { annotator: string; title: string; action: 'create' }
  | {
      annotator: string
      title: string
      action: 'reuse'
      projectHash: string
      /** The annotator is already on it. */
      annotatorPresent: boolean
    }
  | { annotator: string; title: string; action: 'conflict'; problem: string }

/** `{name}` is the part of the e-mail before `@`, `{email}` the whole address. */
export function titleFor(template: string, email: string): string {
  const name = email.slice(0, email.indexOf('@'))
  return template.replaceAll('{name}', name).replaceAll('{email}', email)
}

export function planStep(
  annotator: string,
  title: string,
  blueprint: Blueprint,
  existing: ExistingProject[]
): PlanStep {
  if (existing.length === 0) return { annotator, title, action: 'create' }
  const problems = existing.map((project) => differences(project, blueprint))
  const matching = existing.filter((_, index) => problems[index]?.length === 0)
  if (matching.length === 1) {
    const project = matching[0] as ExistingProject
    return {
      annotator,
      title,
      action: 'reuse',
      projectHash: project.projectHash,
      annotatorPresent: project.annotators.includes(annotator.toLowerCase())
    }
  }
  if (matching.length > 1) {
    const hashes = matching.map((project) => project.projectHash).join(', ')
    return {
      annotator,
      title,
      action: 'conflict',
      problem: `${matching.length} projects are titled '${title}' (${hashes}): keep one, or choose another --title`
    }
  }
  const described = existing
    .map((project, index) => `${project.projectHash} ${(problems[index] ?? []).join(' and ')}`)
    .join('; ')
  return {
    annotator,
    title,
    action: 'conflict',
    problem: `a project titled '${title}' exists but is set up differently: ${described}; rename or remove it, or choose another --title`
  }
}

function differences(project: ExistingProject, blueprint: Blueprint): string[] {
  const found: string[] = []
  if (project.ontologyHash !== blueprint.ontologyHash) {
    found.push(
      `uses ontology ${project.ontologyHash}, not the benchmark's ${blueprint.ontologyHash}`
    )
  }
  const wanted = new Set(blueprint.datasets.map((dataset) => dataset.datasetHash))
  const has = new Set(project.datasetHashes)
  const missing = [...wanted].filter((hash) => !has.has(hash))
  const extra = [...has].filter((hash) => !wanted.has(hash))
  if (missing.length > 0) found.push(`lacks dataset ${missing.join(', ')}`)
  if (extra.length > 0) found.push(`has the extra dataset ${extra.join(', ')}`)
  return found
}
