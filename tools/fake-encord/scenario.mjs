// Building scenarios in code (tests, the demo generator, the benchmark generator). One import
// point: ontology and project builders here, row builders, ids and keys re-exported.
import { buildCatalogue } from './catalogue.mjs'
import { labelRow, labelRowMetadata } from './encord-shapes.mjs'
import { shortHash, deterministicUuid } from './ids.mjs'

export { generateKeyPair, parseOpenSshPrivateKey, publicKeyFromSeed } from './openssh-key.mjs'
export { deterministicUuid, shortHash } from './ids.mjs'
export { boundingBox, imageRow, uninitialisedRow, videoRow } from './label-rows.mjs'

/**
 * @typedef {import('./scenario-types.mjs').Scenario} Scenario
 * @typedef {import('./scenario-types.mjs').ScenarioOntology} ScenarioOntology
 * @typedef {import('./scenario-types.mjs').ScenarioProject} ScenarioProject
 * @typedef {import('./scenario-types.mjs').ScenarioStage} ScenarioStage
 * @typedef {import('./scenario-types.mjs').StageType} StageType
 */

/** Encord's default workflow: annotate, review, then "Complete" (docs/encord-api.md §9). */
export const DEFAULT_STAGES = /** @type {const} */ ([
  ['Annotate', 'ANNOTATION'],
  ['Review', 'REVIEW'],
  ['Complete', 'DONE']
])

const COLOURS = ['#D33115', '#FCDC00', '#68BC00', '#16A5A5', '#7B64FF', '#FA28FF']

/**
 * Workflow stages with uuids derived from `projectKey`, so two projects get different uuids.
 * @param {string} projectKey
 * @param {ReadonlyArray<readonly [string, StageType]>} [stages] `[title, stageType]` pairs
 * @returns {ScenarioStage[]}
 */
export function workflowStages(projectKey, stages = DEFAULT_STAGES) {
  return stages.map(([title, stageType]) => ({
    uuid: deterministicUuid('stage', projectKey, title),
    title,
    stageType
  }))
}

/**
 * An ontology (§8) whose objects default to bounding boxes, with stable featureNodeHashes.
 * @param {{
 *   title: string,
 *   objects: ({ name: string, shape?: string, featureNodeHash?: string, color?: string } | string)[],
 *   classifications?: import('./scenario-types.mjs').Json[]
 * }} options
 * @returns {ScenarioOntology}
 */
export function buildOntology({ title, objects, classifications = [] }) {
  return {
    title,
    editor: {
      objects: objects.map((object, i) => {
        const spec = typeof object === 'string' ? { name: object } : object
        return {
          id: String(i + 1),
          name: spec.name,
          color: spec.color ?? COLOURS[i % COLOURS.length] ?? '#000000',
          shape: spec.shape ?? 'bounding_box',
          featureNodeHash: spec.featureNodeHash ?? shortHash('feature', title, spec.name),
          required: false,
          archived: false,
          attributes: []
        }
      }),
      classifications
    }
  }
}

/**
 * The featureNodeHash of an ontology object, by name.
 * @param {ScenarioOntology} ontology
 * @param {string} name
 */
export function featureHashOf(ontology, name) {
  const objects = /** @type {{ name: string, featureNodeHash: string }[]} */ (
    /** @type {unknown} */ (ontology.editor.objects)
  )
  const object = objects.find((candidate) => candidate.name === name)
  if (!object) throw new Error(`ontology "${ontology.title}" has no object "${name}"`)
  return object.featureNodeHash
}

/**
 * A workflow project on an ontology; stages default to Annotate → Review → Complete.
 * @param {{
 *   projectHash: string, title: string, ontologyHash: string, rows?: ScenarioProject['rows'],
 *   stages?: ScenarioStage[], description?: string
 * }} options
 * @returns {ScenarioProject}
 */
export function ontologyProject({
  projectHash,
  title,
  ontologyHash,
  rows = [],
  stages,
  description
}) {
  return {
    title,
    ...(description === undefined ? {} : { description }),
    ontologyHash,
    stages: stages ?? workflowStages(projectHash),
    rows
  }
}

/**
 * Checks a scenario as the server will (throwing with every problem found) and returns it.
 * @param {Scenario} scenario
 * @returns {Scenario}
 */
export function buildScenario(scenario) {
  buildCatalogue(scenario)
  return scenario
}

/**
 * The row with its labels serialised to the complete label-row JSON the server will send. For
 * generators of big scenarios: a scenario file of such rows starts many times faster, because
 * neither parsing the file nor starting the server builds the label objects.
 * @param {import('./scenario-types.mjs').ScenarioRow} row
 * @returns {import('./scenario-types.mjs').ScenarioRow}
 */
export function withSerialisedLabels(row) {
  if (!row.labels || typeof row.labels === 'string') return row
  const metadata = labelRowMetadata(row, null)
  if (metadata.label_hash === null) return row
  return {
    ...row,
    metadata: { ...row.metadata, label_hash: metadata.label_hash },
    labels: JSON.stringify(labelRow(metadata, row.labels))
  }
}
