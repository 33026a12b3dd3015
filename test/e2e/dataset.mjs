// The small, deterministic Encord world the end-to-end tests run against: a benchmark project and
// three annotators of clearly different skill (boxes, polygons and points, images and videos),
// served by the fake Encord API to one user whose key is fixed.
import { createHash } from 'node:crypto'
import { generateKeyPair } from '../../tools/fake-encord/scenario.mjs'
import { generateDataset } from '../../tools/generate/dataset.mjs'
import { toScenario } from '../../tools/generate/to-scenario.mjs'

/** @param {string} email @param {number} sloppiness */
function annotator(email, sloppiness) {
  return {
    email,
    title: `Annotator training – ${email}`,
    jitter: 0.03 * sloppiness,
    missRate: 0.03 * sloppiness,
    extraRate: 0.02 * sloppiness,
    wrongClassRate: 0.03 * sloppiness,
    attributeErrorRate: 0.05 * sloppiness,
    classificationErrorRate: 0.05 * sloppiness
  }
}

export const ANNOTATORS = ['alice@example.com', 'bob@example.com', 'carol@example.com']

/** @returns {import('./dataset.d.mts').E2eDataset} */
export function e2eDataset() {
  const key = generateKeyPair(createHash('sha256').update('encord-annotator-eval e2e').digest())
  const dataset = generateDataset({
    seed: 7,
    rows: 12,
    objectsPerRow: 4,
    shapes: ['bounding_box', 'polygon', 'point'],
    annotators: [
      annotator(ANNOTATORS[0], 1),
      annotator(ANNOTATORS[1], 3),
      annotator(ANNOTATORS[2], 6)
    ]
  })
  const scenario = toScenario(dataset, {
    users: [{ email: 'evaluator@example.com', publicKeyHex: key.publicKeyHex }]
  })
  return {
    scenario,
    key,
    benchmarkProject: dataset.benchmark.projectHash,
    trainingProjects: dataset.training.map((project) => project.projectHash),
    annotators: [...ANNOTATORS]
  }
}
