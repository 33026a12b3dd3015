/**
 * A small, hand-checkable world for the fake Encord server: a benchmark of four images with a Car
 * and a Person each, and training projects whose scores follow from how their boxes are moved.
 *
 * - alice copies the benchmark exactly: every score 1.
 * - bob moves every Person far away: per row 1 match, 1 miss, 1 extra → precision = recall = F1 = 0.5,
 *   mean IoU 1.
 * - carol moves every Car 0.02 to the right: IoU 0.036 / 0.044 = 0.8181…, F1 1.
 */
import {
  boundingBox,
  buildOntology,
  buildScenario,
  deterministicUuid,
  featureHashOf,
  generateKeyPair,
  imageRow,
  ontologyProject,
  uninitialisedRow,
  workflowStages,
  type KeyPair,
  type Scenario,
  type ScenarioOntology,
  type ScenarioProject,
  type ScenarioRow,
  type StageType
} from '../../tools/fake-encord/scenario.mjs'

export const STAGE = 'Complete'
export const ROWS = 4

export const EVALUATOR: KeyPair = generateKeyPair(Buffer.alloc(32, 1), { comment: 'evaluator' })

export const ONTOLOGY = deterministicUuid('pipeline-test', 'ontology')
export const OTHER_ONTOLOGY = deterministicUuid('pipeline-test', 'other-ontology')
export const BENCHMARK = deterministicUuid('pipeline-test', 'benchmark')
export const ALICE = deterministicUuid('pipeline-test', 'alice')
export const BOB = deterministicUuid('pipeline-test', 'bob')
export const CAROL = deterministicUuid('pipeline-test', 'carol')
/** A hash no scenario knows. */
export const UNKNOWN = deterministicUuid('pipeline-test', 'unknown')

export const CAROL_IOU = 0.036 / 0.044

const streetOntology = buildOntology({ title: 'Street', objects: ['Car', 'Person'] })
const otherOntology = buildOntology({ title: 'Warehouse', objects: ['Forklift', 'Person'] })

export interface Shift {
  car?: number
  person?: number
}

export function dataHash(index: number): string {
  return deterministicUuid('pipeline-test', 'data', index)
}

export function dataTitle(index: number): string {
  return `street-${String(index).padStart(3, '0')}.jpg`
}

/** Row `index` of `projectHash`: a Car and a Person, moved right by `shift`. */
export function streetRow(
  projectHash: string,
  index: number,
  options: { email: string; shift?: Shift; stage?: string; ontology?: ScenarioOntology }
): ScenarioRow {
  const ontology = options.ontology ?? streetOntology
  const [carName, personName] =
    ontology === streetOntology ? ['Car', 'Person'] : ['Forklift', 'Person']
  const box = (name: string, key: string, x: number, y: number, w: number, h: number) =>
    boundingBox({
      objectHash: deterministicUuid(projectHash, key, index).slice(0, 8),
      featureHash: featureHashOf(ontology, name),
      name,
      x,
      y,
      w,
      h,
      createdBy: options.email
    })
  return imageRow({
    dataHash: dataHash(index),
    dataTitle: dataTitle(index),
    labelHash: deterministicUuid(projectHash, 'label', index),
    stage: options.stage ?? STAGE,
    objects: [
      box(carName as string, 'car', 0.1 + (options.shift?.car ?? 0), 0.1, 0.2, 0.2),
      box(personName as string, 'person', 0.5 + (options.shift?.person ?? 0), 0.5, 0.1, 0.3)
    ]
  })
}

export function streetProject(
  projectHash: string,
  title: string,
  options: {
    email: string
    shift?: Shift
    rows?: ScenarioRow[]
    ontologyHash?: string
    stages?: [string, StageType][]
  }
): ScenarioProject {
  const ontology = options.ontologyHash === OTHER_ONTOLOGY ? otherOntology : streetOntology
  return ontologyProject({
    projectHash,
    title,
    ontologyHash: options.ontologyHash ?? ONTOLOGY,
    stages: options.stages ? workflowStages(projectHash, options.stages) : undefined,
    rows:
      options.rows ??
      Array.from({ length: ROWS }, (_, index) =>
        streetRow(projectHash, index, { email: options.email, shift: options.shift, ontology })
      )
  })
}

export function neverLabelled(index: number, stage = STAGE): ScenarioRow {
  return uninitialisedRow({ dataHash: dataHash(index), dataTitle: dataTitle(index), stage })
}

/** The three annotators and the benchmark, readable by `users` (default: the evaluator). */
export function streetScenario(
  options: {
    users?: { email: string; publicKeyHex: string; projects?: string[] }[]
    projects?: Record<string, ScenarioProject>
  } = {}
): Scenario {
  const projects: Record<string, ScenarioProject> = {
    [BENCHMARK]: streetProject(BENCHMARK, 'Benchmark (expert)', { email: 'expert@example.com' }),
    [ALICE]: streetProject(ALICE, 'Training – Alice', { email: 'alice@example.com' }),
    [BOB]: streetProject(BOB, 'Training – Bob', {
      email: 'bob@example.com',
      shift: { person: 0.3 }
    }),
    [CAROL]: streetProject(CAROL, 'Training – Carol', {
      email: 'carol@example.com',
      shift: { car: 0.02 }
    }),
    ...options.projects
  }
  const users = options.users ?? [
    { email: 'evaluator@example.com', publicKeyHex: EVALUATOR.publicKeyHex }
  ]
  return buildScenario({
    users: users.map((user) => ({
      email: user.email,
      publicKeyHex: user.publicKeyHex,
      projects: user.projects ?? Object.keys(projects)
    })),
    ontologies: { [ONTOLOGY]: streetOntology, [OTHER_ONTOLOGY]: otherOntology },
    projects
  })
}
