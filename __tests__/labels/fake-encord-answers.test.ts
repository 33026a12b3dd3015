/**
 * Issue 20 A through the whole pipeline: the fake Encord server serves a benchmark whose frame
 * classifications' answer entries carry no `featureHash` (as Encord's do), and the run scores it.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import { silentLogger } from '../../src/log.js'
import { evaluateRun, type EvaluableConfig } from '../../src/pipeline.js'
import {
  boundingBox,
  buildOntology,
  buildScenario,
  deterministicUuid,
  featureHashOf,
  imageRow,
  ontologyProject,
  type ScenarioRow
} from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { EVALUATOR } from '../pipeline/scenario.js'

const ONTOLOGY = deterministicUuid('answers-test', 'ontology')
const BENCHMARK = deterministicUuid('answers-test', 'benchmark')
const TRAINING = deterministicUuid('answers-test', 'training')

const option = (featureNodeHash: string, label: string) => ({
  id: featureNodeHash,
  featureNodeHash,
  label,
  value: label.toLowerCase()
})
const ontology = buildOntology({
  title: 'Street',
  objects: ['Car'],
  classifications: [
    {
      id: '2',
      featureNodeHash: 'weathCls',
      required: false,
      attributes: [
        {
          id: '2.1',
          featureNodeHash: 'weathAtt',
          name: 'Weather',
          type: 'radio',
          required: false,
          options: [option('sunnyOpt', 'Sunny'), option('rainyOpt', 'Rainy')]
        }
      ]
    }
  ]
})

/** One image with a Car and a frame classification whose answer entry has no featureHash. */
function row(projectHash: string, weather: string, email: string): ScenarioRow {
  const dataHash = deterministicUuid('answers-test', 'data')
  const scenarioRow = imageRow({
    dataHash,
    dataTitle: 'street.jpg',
    labelHash: deterministicUuid(projectHash, 'label'),
    stage: 'Complete',
    objects: [
      boundingBox({
        objectHash: deterministicUuid(projectHash, 'car').slice(0, 8),
        featureHash: featureHashOf(ontology, 'Car'),
        name: 'Car',
        ...{ x: 0.1, y: 0.1, w: 0.2, h: 0.2 },
        createdBy: email
      })
    ]
  })
  const labels = scenarioRow.labels as {
    data_units: Record<string, { labels: { classifications: unknown[] } }>
    classification_answers: Record<string, unknown>
  }
  const classificationHash = deterministicUuid(projectHash, 'weather').slice(0, 8)
  labels.data_units[dataHash]?.labels.classifications.push({
    classificationHash,
    featureHash: 'weathCls',
    name: 'Weather',
    value: 'weather',
    createdAt: 'Wed, 01 Jan 2025 00:00:00 UTC',
    createdBy: email,
    confidence: 1,
    manualAnnotation: true
  })
  labels.classification_answers[classificationHash] = {
    classificationHash,
    spaces: {},
    classifications: [
      {
        name: 'Weather',
        value: 'weather',
        featureHash: 'weathAtt',
        answers: [{ featureHash: weather }],
        manualAnnotation: true
      }
    ]
  }
  return scenarioRow
}

let fake: FakeEncord | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function scoreAgainstBenchmark(trainingWeather: string) {
  const projects = {
    [BENCHMARK]: ontologyProject({
      projectHash: BENCHMARK,
      title: 'Benchmark',
      ontologyHash: ONTOLOGY,
      rows: [row(BENCHMARK, 'sunnyOpt', 'expert@example.com')]
    }),
    [TRAINING]: ontologyProject({
      projectHash: TRAINING,
      title: 'Training',
      ontologyHash: ONTOLOGY,
      rows: [row(TRAINING, trainingWeather, 'ann@example.com')]
    })
  }
  fake = await startFakeEncord({
    scenario: buildScenario({
      users: [
        {
          email: 'evaluator@example.com',
          publicKeyHex: EVALUATOR.publicKeyHex,
          projects: [BENCHMARK, TRAINING]
        }
      ],
      ontologies: { [ONTOLOGY]: ontology },
      projects
    })
  })
  const config = parseConfig({
    'ssh-private-key': EVALUATOR.privateKeyOpenSsh,
    'encord-domain': fake.url,
    'benchmark-project': BENCHMARK,
    'training-projects': TRAINING
  }) as EvaluableConfig
  const result = await evaluateRun(config, {
    log: silentLogger,
    tool: { name: 'encord-annotator-eval', version: 'test' }
  })
  const [outcome] = result.projects
  if (outcome?.status !== 'evaluated') throw new Error(`not evaluated: ${JSON.stringify(outcome)}`)
  return outcome.evaluation
}

describe('a benchmark served without featureHash on its answer entries', () => {
  it('is read, and the classification scores 1 where the answers agree', async () => {
    const evaluation = await scoreAgainstBenchmark('sunnyOpt')
    expect(evaluation.overall).toMatchObject({ f1: 1, classificationAccuracy: 1 })
  })

  it('scores 0 where they do not', async () => {
    const evaluation = await scoreAgainstBenchmark('rainyOpt')
    expect(evaluation.overall).toMatchObject({ f1: 1, classificationAccuracy: 0 })
  })
})
