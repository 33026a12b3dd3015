/**
 * `setup-training`: one training project per annotator, as the annotator training guide asks
 * (steps 2–3): the benchmark's datasets and ontology, the training workflow template, the
 * annotator invited with the Annotator role. A dry run by default; `apply` carries it out.
 *
 * Idempotent: a project with the planned title and the same datasets and ontology is reused. Each
 * create is preceded by a fresh look for the title, so one run never creates twice for one
 * annotator, and a run after a partial failure completes the rest.
 */
import type { EncordClient } from '../encord/client.js'
import { describeError } from '../errors.js'
import { planStep, titleFor, type Blueprint, type ExistingProject, type PlanStep } from './plan.js'
import { ANNOTATOR_ROLE, type SetupClient } from './setup-client.js'

export interface SetupRequest {
  benchmarkProject: string
  annotators: string[]
  titleTemplate: string
  /** Null: not given (required to create). */
  workflowTemplate: string | null
  apply: boolean
}

export type StepOutcome =
  | { annotator: string; title: string; status: 'planned-create' }
  | {
      annotator: string
      title: string
      status: 'created' | 'reused'
      projectHash: string
      annotatorAdded: boolean
    }
  | {
      annotator: string
      title: string
      status: 'existing'
      projectHash: string
      annotatorPresent: boolean
    }
  | {
      annotator: string
      title: string
      status: 'failed'
      problem: string
      projectHash: string | null
    }

export interface SetupReport {
  applied: boolean
  benchmark: { projectHash: string; title: string }
  blueprint: Blueprint
  workflowTemplate: string | null
  steps: StepOutcome[]
}

export async function setupTraining(
  reader: EncordClient,
  writer: SetupClient,
  request: SetupRequest
): Promise<SetupReport> {
  const benchmark = await reader.getProject(request.benchmarkProject)
  const blueprint: Blueprint = {
    datasets: await reader.listProjectDatasets(request.benchmarkProject),
    ontologyHash: benchmark.ontologyHash
  }
  const steps: StepOutcome[] = []
  for (const annotator of request.annotators) {
    const title = titleFor(request.titleTemplate, annotator)
    try {
      const step = await lookUp(reader, writer, annotator, title, blueprint)
      steps.push(
        request.apply ? await carryOut(reader, writer, step, request, blueprint) : asPlanned(step)
      )
    } catch (error) {
      // This annotator's failure is reported; the others go on. A re-run completes the rest.
      steps.push({
        annotator,
        title,
        status: 'failed',
        problem: describeError(error),
        projectHash: null
      })
    }
  }
  return {
    applied: request.apply,
    benchmark: { projectHash: benchmark.projectHash, title: benchmark.title },
    blueprint,
    workflowTemplate: request.workflowTemplate,
    steps
  }
}

async function lookUp(
  reader: EncordClient,
  writer: SetupClient,
  annotator: string,
  title: string,
  blueprint: Blueprint
): Promise<PlanStep> {
  const found = await writer.listProjectsTitled(title)
  const existing = await Promise.all(
    found.map(async (project): Promise<ExistingProject> => {
      const [datasets, users] = await Promise.all([
        reader.listProjectDatasets(project.projectHash),
        reader.listProjectUsers(project.projectHash)
      ])
      return {
        projectHash: project.projectHash,
        ontologyHash: project.ontologyHash,
        datasetHashes: datasets.map((dataset) => dataset.datasetHash),
        annotators: users.map((user) => user.email.toLowerCase())
      }
    })
  )
  return planStep(annotator, title, blueprint, existing)
}

function asPlanned(step: PlanStep): StepOutcome {
  const { annotator, title } = step
  switch (step.action) {
    case 'create':
      return { annotator, title, status: 'planned-create' }
    case 'reuse':
      return {
        annotator,
        title,
        status: 'existing',
        projectHash: step.projectHash,
        annotatorPresent: step.annotatorPresent
      }
    case 'conflict':
      return { annotator, title, status: 'failed', problem: step.problem, projectHash: null }
  }
}

async function carryOut(
  reader: EncordClient,
  writer: SetupClient,
  step: PlanStep,
  request: SetupRequest,
  blueprint: Blueprint
): Promise<StepOutcome> {
  const { annotator, title } = step
  if (step.action === 'conflict') return asPlanned(step)
  if (step.action === 'reuse') {
    if (!step.annotatorPresent) await writer.addUsers(step.projectHash, [annotator], ANNOTATOR_ROLE)
    return {
      annotator,
      title,
      status: 'reused',
      projectHash: step.projectHash,
      annotatorAdded: !step.annotatorPresent
    }
  }
  if (request.workflowTemplate === null) {
    return {
      annotator,
      title,
      status: 'failed',
      projectHash: null,
      problem:
        "Encord's API does not say which workflow template the benchmark uses: give --workflow-template ID (the training template's id from Encord's Workflows page)"
    }
  }
  // Looked for again right before the create: another run may have made it since the plan.
  const again = await lookUp(reader, writer, annotator, title, blueprint)
  if (again.action !== 'create') return carryOut(reader, writer, again, request, blueprint)
  const projectHash = await writer.createProject({
    title,
    description: `Annotator training for ${annotator}, against the benchmark ${request.benchmarkProject}`,
    datasetHashes: blueprint.datasets.map((dataset) => dataset.datasetHash),
    ontologyHash: blueprint.ontologyHash,
    workflowTemplateId: request.workflowTemplate
  })
  try {
    await writer.addUsers(projectHash, [annotator], ANNOTATOR_ROLE)
  } catch (error) {
    // Created but without its annotator: a re-run reuses the project and adds them.
    return {
      annotator,
      title,
      status: 'failed',
      projectHash,
      problem: `created ${projectHash}, but adding ${annotator} failed: ${describeError(error)}`
    }
  }
  return { annotator, title, status: 'created', projectHash, annotatorAdded: true }
}

/** Project hashes by annotator, for every step that has one. */
export function projectsByAnnotator(report: SetupReport): Record<string, string> {
  const map: Record<string, string> = {}
  for (const step of report.steps) {
    if ('projectHash' in step && step.projectHash !== null) map[step.annotator] = step.projectHash
  }
  return map
}

/** The `training-projects:` input, ready to paste into a workflow's `with:`. */
export function trainingProjectsBlock(report: SetupReport): string {
  const hashes = Object.values(projectsByAnnotator(report))
  if (hashes.length === 0) return 'training-projects: ""\n'
  return `training-projects: |\n${hashes.map((hash) => `  ${hash}\n`).join('')}`
}
