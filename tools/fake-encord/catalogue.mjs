// Checks a scenario once and indexes it for serving. Every label row and metadata row is turned
// into its JSON bytes here, at start-up, so that answering a bundle of 1000 label rows is one
// copy of ready bytes and never the bottleneck of a benchmark.
import { publicKeyObjectFromHex } from './auth.mjs'
import {
  DATA_TYPES,
  labelRow,
  labelRowMetadata,
  ontologyDto,
  projectDto
} from './encord-shapes.mjs'

const STAGE_TYPES = [
  'ANNOTATION',
  'REVIEW',
  'USER_ROUTER',
  'PERCENTAGE_ROUTER',
  'CONSENSUS_ANNOTATION',
  'CONSENSUS_REVIEW',
  'DONE',
  'AGENT'
]

/**
 * @typedef {import('./scenario-types.mjs').Scenario} Scenario
 * @typedef {ReturnType<typeof labelRowMetadata>} MetadataRow
 * @typedef {{ metadata: MetadataRow, metadataBytes: Buffer }} CatalogueRow
 * @typedef {{ datasetHash: string, title: string }} CatalogueDataset
 * @typedef {{
 *   hash: string, title: string, ontologyHash: string, json: string,
 *   rows: CatalogueRow[], labelBytesByHash: Map<string, Buffer>, rowByDataHash: Map<string, CatalogueRow>,
 *   datasets: CatalogueDataset[], members: Map<string, number>,
 *   stages: import('./scenario-types.mjs').ScenarioStage[]
 * }} CatalogueProject
 * @typedef {{ title: string, stages: [string, import('./scenario-types.mjs').StageType][] }} CatalogueTemplate
 * @typedef {{
 *   email: string, publicKeyHex: string, key: import('node:crypto').KeyObject,
 *   projects: Set<string>, ontologies: Set<string>
 * }} CatalogueUser
 * @typedef {{
 *   users: Map<string, CatalogueUser>,
 *   ontologies: Map<string, { json: string }>,
 *   projects: Map<string, CatalogueProject>,
 *   workflowTemplates: Map<string, CatalogueTemplate>
 * }} Catalogue
 */

/**
 * @param {Scenario} scenario
 * @returns {Catalogue}
 * @throws {Error} listing every problem found, each with its path in the scenario
 */
export function buildCatalogue(scenario) {
  /** @type {string[]} */
  const problems = []
  const fail = (/** @type {string} */ path, /** @type {string} */ message) =>
    problems.push(`${path}: ${message}`)

  if (!isObject(scenario)) throw new Error('scenario: must be a JSON object')
  const ontologies = isObject(scenario.ontologies) ? scenario.ontologies : {}
  const projects = isObject(scenario.projects) ? scenario.projects : {}
  if (!Array.isArray(scenario.users)) fail('users', 'must be an array')
  if (!isObject(scenario.ontologies)) fail('ontologies', 'must be an object keyed by ontology hash')
  if (!isObject(scenario.projects)) fail('projects', 'must be an object keyed by project hash')

  /** @type {Catalogue['ontologies']} */
  const ontologyIndex = new Map()
  for (const [hash, ontology] of Object.entries(ontologies)) {
    const path = `ontologies["${hash}"]`
    if (!isObject(ontology) || typeof ontology.title !== 'string' || !isObject(ontology.editor)) {
      fail(path, 'needs a string title and an editor object (docs/encord-api.md §8)')
      continue
    }
    ontologyIndex.set(hash, { json: JSON.stringify(ontologyDto(hash, ontology)) })
  }

  /** @type {Catalogue['projects']} */
  const projectIndex = new Map()
  for (const [hash, project] of Object.entries(projects)) {
    const indexed = indexProject(hash, project, ontologies, (path, message) =>
      fail(`projects["${hash}"]${path}`, message)
    )
    if (indexed) projectIndex.set(hash, indexed)
  }

  /** @type {Catalogue['users']} */
  const userIndex = new Map()
  for (const [i, user] of (Array.isArray(scenario.users) ? scenario.users : []).entries()) {
    const path = `users[${i}]`
    if (!isObject(user) || typeof user.email !== 'string' || !Array.isArray(user.projects)) {
      fail(path, 'needs email, publicKeyHex and a projects array')
      continue
    }
    const publicKeyHex = String(user.publicKeyHex).toLowerCase()
    if (!/^[0-9a-f]{64}$/.test(publicKeyHex)) {
      fail(`${path}.publicKeyHex`, 'must be the 64-hex-character Ed25519 public key')
      continue
    }
    if (userIndex.has(publicKeyHex)) fail(`${path}.publicKeyHex`, 'is registered twice')
    const unknown = user.projects.filter((projectHash) => !(projectHash in projects))
    if (unknown.length > 0) fail(`${path}.projects`, `unknown project(s) ${unknown.join(', ')}`)
    userIndex.set(publicKeyHex, {
      email: user.email,
      publicKeyHex,
      key: publicKeyObjectFromHex(publicKeyHex),
      projects: new Set(user.projects),
      ontologies: new Set(user.projects.map((projectHash) => projects[projectHash]?.ontologyHash))
    })
  }

  const workflowTemplates = indexTemplates(scenario.workflowTemplates, fail)

  if (problems.length > 0) throw new Error(`invalid scenario:\n  ${problems.join('\n  ')}`)
  return { users: userIndex, ontologies: ontologyIndex, projects: projectIndex, workflowTemplates }
}

/**
 * Workflow templates a created project may name (`workflow_template_id`): id → stages.
 * @param {Scenario['workflowTemplates']} templates
 * @param {(path: string, message: string) => void} fail
 * @returns {Catalogue['workflowTemplates']}
 */
function indexTemplates(templates, fail) {
  /** @type {Catalogue['workflowTemplates']} */
  const index = new Map()
  if (templates === undefined) return index
  if (!isObject(templates)) {
    fail('workflowTemplates', 'must be an object keyed by template id')
    return index
  }
  for (const [id, template] of Object.entries(templates)) {
    const path = `workflowTemplates["${id}"]`
    const stages = isObject(template) && Array.isArray(template.stages) ? template.stages : null
    const valid =
      stages !== null &&
      stages.length > 0 &&
      stages.every(
        (stage) =>
          Array.isArray(stage) && typeof stage[0] === 'string' && STAGE_TYPES.includes(stage[1])
      )
    if (!valid) {
      fail(
        path,
        `needs a title and stages: [["Annotate", "ANNOTATION"], …] (types ${STAGE_TYPES.join(', ')})`
      )
      continue
    }
    index.set(id, { title: String(template.title ?? id), stages })
  }
  return index
}

/**
 * @param {string} hash
 * @param {import('./scenario-types.mjs').ScenarioProject} project
 * @param {Scenario['ontologies']} ontologies
 * @param {(path: string, message: string) => void} fail
 * @returns {CatalogueProject | undefined}
 */
function indexProject(hash, project, ontologies, fail) {
  if (!isObject(project) || typeof project.title !== 'string' || !Array.isArray(project.rows)) {
    fail('', 'needs a string title, an ontologyHash and a rows array')
    return undefined
  }
  const ontology = ontologies[project.ontologyHash]
  if (!ontology) {
    fail('.ontologyHash', `"${project.ontologyHash}" is not in ontologies`)
    return undefined
  }
  const stages = project.stages ?? []
  for (const [i, stage] of stages.entries()) {
    if (typeof stage.uuid !== 'string' || typeof stage.title !== 'string') {
      fail(`.stages[${i}]`, 'needs uuid and title strings')
    } else if (!STAGE_TYPES.includes(stage.stageType)) {
      fail(`.stages[${i}].stageType`, `must be one of ${STAGE_TYPES.join(', ')}`)
    }
  }

  /** @type {CatalogueRow[]} */
  const rows = []
  const labelBytesByHash = new Map()
  const rowByDataHash = new Map()
  for (const [i, row] of project.rows.entries()) {
    const path = `.rows[${i}]`
    const problem = rowProblem(row, stages)
    if (problem) {
      fail(path, problem)
      continue
    }
    const stage = stages.find(({ title }) => title === row.stage) ?? null
    const metadata = labelRowMetadata(row, stage)
    const entry = { metadata, metadataBytes: Buffer.from(JSON.stringify(metadata)) }
    if (metadata.label_hash !== null) {
      if (labelBytesByHash.has(metadata.label_hash)) fail(path, 'label_hash used twice')
      if (row.labels) labelBytesByHash.set(metadata.label_hash, labelBytes(metadata, row.labels))
    }
    if (!rowByDataHash.has(metadata.data_hash)) rowByDataHash.set(metadata.data_hash, entry)
    rows.push(entry)
  }
  const datasets = project.datasets ?? datasetsOfRows(rows)
  if (!Array.isArray(datasets) || !datasets.every(isDataset)) {
    fail('.datasets', 'must be an array of { datasetHash, title }')
  }
  const members = new Map()
  for (const [i, member] of (project.members ?? []).entries()) {
    if (
      !isObject(member) ||
      typeof member.email !== 'string' ||
      ![0, 1, 2, 3, 4].includes(member.role)
    ) {
      fail(
        `.members[${i}]`,
        'needs an email and a role 0–4 (ADMIN, ANNOTATOR, REVIEWER, ANNOTATOR_REVIEWER, TEAM_MANAGER)'
      )
    } else members.set(member.email, member.role)
  }
  return {
    hash,
    title: project.title,
    ontologyHash: project.ontologyHash,
    json: JSON.stringify(projectDto(hash, project, ontology)),
    rows,
    labelBytesByHash,
    rowByDataHash,
    datasets: Array.isArray(datasets)
      ? datasets.map(({ datasetHash, title }) => ({ datasetHash, title }))
      : [],
    members,
    stages
  }
}

/**
 * The datasets a project's rows come from, in order of first appearance.
 * @param {CatalogueRow[]} rows
 */
function datasetsOfRows(rows) {
  /** @type {Map<string, string>} */
  const found = new Map()
  for (const { metadata } of rows) {
    if (!found.has(metadata.dataset_hash)) found.set(metadata.dataset_hash, metadata.dataset_title)
  }
  return [...found].map(([datasetHash, title]) => ({ datasetHash, title }))
}

/** @param {unknown} value */
function isDataset(value) {
  return isObject(value) && typeof value.datasetHash === 'string' && typeof value.title === 'string'
}

/**
 * @param {MetadataRow} metadata
 * @param {NonNullable<import('./scenario-types.mjs').ScenarioRow['labels']>} labels
 */
function labelBytes(metadata, labels) {
  // A string is a complete label row that a generator of large scenarios serialised itself; it
  // is served verbatim, which spares parsing and re-serialising it (the slow part of a big start).
  return Buffer.from(
    typeof labels === 'string' ? labels : JSON.stringify(labelRow(metadata, labels))
  )
}

/**
 * @param {import('./scenario-types.mjs').ScenarioRow} row
 * @param {import('./scenario-types.mjs').ScenarioStage[]} stages
 * @returns {string | undefined} what is wrong with the row, if anything
 */
function rowProblem(row, stages) {
  if (!isObject(row) || !isObject(row.metadata)) return 'needs a metadata object'
  const { metadata, labels } = row
  if (typeof metadata.data_hash !== 'string' || typeof metadata.data_title !== 'string') {
    return 'metadata needs data_hash and data_title strings'
  }
  if (!DATA_TYPES.includes(String(metadata.data_type))) {
    return `metadata.data_type must be upper-case, one of ${DATA_TYPES.join(', ')}`
  }
  if (stages.length > 0 && !stages.some(({ title }) => title === row.stage)) {
    return `stage "${row.stage}" is not one of ${stages.map(({ title }) => `"${title}"`).join(', ')}`
  }
  if (stages.length === 0 && row.stage !== undefined) {
    return 'has a stage but the project has no stages'
  }
  if (typeof labels === 'string') {
    return typeof metadata.label_hash === 'string'
      ? undefined
      : 'labels given as a JSON string need metadata.label_hash'
  }
  if (labels !== undefined && labels !== null && !isObject(labels)) {
    return 'labels must be an object, a JSON string or null'
  }
  const labelsHash = labels?.label_hash
  if (labels && (labelsHash ?? metadata.label_hash ?? null) === null) {
    return 'has labels but no label_hash (in metadata or labels)'
  }
  if (labelsHash && metadata.label_hash && labelsHash !== metadata.label_hash) {
    return `metadata.label_hash "${metadata.label_hash}" differs from labels.label_hash`
  }
  return undefined
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
