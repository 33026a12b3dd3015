// A small Encord for the set-up tests: a benchmark on one dataset, a workflow template for
// training projects, a second ontology and dataset to plant mistakes with.
import type { CliIo } from '../../src/cli/run.js'
import {
  buildOntology,
  buildScenario,
  deterministicUuid,
  generateKeyPair,
  imageRow,
  ontologyProject,
  uninitialisedRow,
  workflowStages,
  type Scenario
} from '../../tools/fake-encord/scenario.mjs'

export const KEY = generateKeyPair(Buffer.alloc(32, 7))
export const LEAD = 'lead@example.com'
export const BENCHMARK = deterministicUuid('setup test', 'benchmark')
export const ONTOLOGY = deterministicUuid('setup test', 'ontology')
export const OTHER_ONTOLOGY = deterministicUuid('setup test', 'other ontology')
export const DATASET = deterministicUuid('setup test', 'dataset')
export const OTHER_DATASET = deterministicUuid('setup test', 'other dataset')
export const TEMPLATE = deterministicUuid('setup test', 'training template')
/** A project on another dataset, so that the key can see (and attach) OTHER_DATASET. */
export const ELSEWHERE = deterministicUuid('setup test', 'elsewhere')

export const ontology = buildOntology({ title: 'Street', objects: ['Car', 'Person'] })
/** The same feature hashes, but Car is a polygon and Person is gone: scoring would mislead. */
export const otherOntology = buildOntology({
  title: 'Street (copy)',
  objects: [
    {
      name: 'Car',
      shape: 'polygon',
      featureNodeHash: featureHash('Car')
    }
  ]
})

function featureHash(name: string): string {
  const objects = ontology.editor.objects as { name: string; featureNodeHash: string }[]
  return objects.find((object) => object.name === name)!.featureNodeHash
}

/** Benchmark tasks: `complete` in Complete, the rest still in Annotate. */
export function setupScenario(options: { complete?: number; annotate?: number } = {}): Scenario {
  const complete = options.complete ?? 4
  const annotate = options.annotate ?? 0
  const rows = [
    ...Array.from({ length: complete }, (_, i) =>
      imageRow({
        dataHash: deterministicUuid('setup test', 'data', i),
        dataTitle: `street-${i}.jpg`,
        labelHash: deterministicUuid('setup test', 'label', i),
        stage: 'Complete',
        datasetHash: DATASET,
        datasetTitle: 'Streets'
      })
    ),
    ...Array.from({ length: annotate }, (_, i) =>
      uninitialisedRow({
        dataHash: deterministicUuid('setup test', 'data', complete + i),
        dataTitle: `street-${complete + i}.jpg`,
        stage: 'Annotate',
        datasetHash: DATASET,
        datasetTitle: 'Streets'
      })
    )
  ]
  return buildScenario({
    users: [{ email: LEAD, publicKeyHex: KEY.publicKeyHex, projects: [BENCHMARK, ELSEWHERE] }],
    ontologies: { [ONTOLOGY]: ontology, [OTHER_ONTOLOGY]: otherOntology },
    projects: {
      [BENCHMARK]: ontologyProject({
        projectHash: BENCHMARK,
        title: 'Benchmark',
        ontologyHash: ONTOLOGY,
        rows
      }),
      [ELSEWHERE]: {
        ...ontologyProject({
          projectHash: ELSEWHERE,
          title: 'Elsewhere',
          ontologyHash: OTHER_ONTOLOGY,
          rows: [
            uninitialisedRow({
              dataHash: deterministicUuid('setup test', 'other data'),
              dataTitle: 'other.jpg',
              stage: 'Annotate',
              datasetHash: OTHER_DATASET,
              datasetTitle: 'Other'
            })
          ]
        })
      }
    },
    workflowTemplates: {
      [TEMPLATE]: {
        title: 'Training',
        stages: [
          ['Annotate', 'ANNOTATION'],
          ['Complete', 'DONE']
        ]
      }
    }
  })
}

/** Stages of a training workflow without the scored stage, for a planted mistake. */
export const stagesWithoutComplete = (key: string) =>
  workflowStages(key, [
    ['Annotate', 'ANNOTATION'],
    ['Review', 'REVIEW']
  ])

export interface Captured {
  io: CliIo
  stdout(): string
  stderr(): string
}

export function capture(): Captured {
  const out: string[] = []
  const err: string[] = []
  return {
    io: { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) },
    stdout: () => out.join(''),
    stderr: () => err.join('')
  }
}

export const env = { ENCORD_SSH_KEY: KEY.privateKeyOpenSsh }
