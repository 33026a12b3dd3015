// The v1 setters that set up training projects (docs/encord-api.md §10): `project`/POST on
// `/public/user` creates a project, `projectusers`/POST on `/public` adds users to one. Every
// attempt is recorded as a write first, whatever happens next, so a test can assert that a
// scoring run sends none. They change the catalogue only when the server was started with
// `writable: true`; otherwise they are refused, so `npm start` and scoring tests stay read-only.
import { projectDto, labelRowMetadata } from './encord-shapes.mjs'
import { deterministicUuid } from './ids.mjs'
import { v1Error } from './replies.mjs'

/**
 * @typedef {import('./catalogue.mjs').Catalogue} Catalogue
 * @typedef {import('./catalogue.mjs').CatalogueProject} CatalogueProject
 * @typedef {import('./catalogue.mjs').CatalogueUser} CatalogueUser
 * @typedef {import('./recorder.mjs').WriteRecord} WriteRecord
 * @typedef {{ enabled: boolean, fail: (write: WriteRecord) => boolean }} WritePolicy
 * @typedef {{
 *   n: number, catalogue: Catalogue, user: CatalogueUser, writes: WritePolicy,
 *   recorder: ReturnType<typeof import('./recorder.mjs').createRecorder>
 * }} SetupRequest
 */

const ROLES = [0, 1, 2, 3, 4]

/**
 * `project`/POST: payload `{title, description, dataset_hashes, workflow_type, ontology_hash?,
 * workflow_template_id?}`; answers the new project's hash.
 * @param {SetupRequest} request
 * @param {Record<string, unknown>} payload
 */
export function createProject(request, payload) {
  const { catalogue, user } = request
  const write = record(request, '', 'project', [], payload)
  if (!request.writes.enabled) return readOnly()
  if (request.writes.fail(write)) return v1Error('UNKNOWN_ERROR', 'injected write failure')

  const title = payload.title
  const datasetHashes = payload.dataset_hashes
  if (typeof title !== 'string' || title === '') {
    return v1Error('INVALID_ARGUMENTS_ERROR', 'title must be a non-empty string')
  }
  if (!Array.isArray(datasetHashes) || !datasetHashes.every((hash) => typeof hash === 'string')) {
    return v1Error('INVALID_ARGUMENTS_ERROR', 'dataset_hashes must be an array of dataset hashes')
  }
  if (payload.workflow_type !== 'manual') {
    return v1Error('INVALID_ARGUMENTS_ERROR', 'workflow_type must be "manual"')
  }
  const ontologyHash = payload.ontology_hash
  if (typeof ontologyHash !== 'string' || !catalogue.ontologies.has(ontologyHash)) {
    // The real server makes an empty ontology when none is given; the fake has no use for one.
    return v1Error('RESOURCE_NOT_FOUND_ERROR', `Ontology ${String(ontologyHash)} not found`)
  }
  if (!user.ontologies.has(ontologyHash)) {
    return v1Error('AUTHORISATION_ERROR', `${user.email} has no access to ontology ${ontologyHash}`)
  }
  const templateId = payload.workflow_template_id
  const template =
    templateId === undefined
      ? DEFAULT_TEMPLATE
      : catalogue.workflowTemplates.get(String(templateId))
  if (!template) {
    return v1Error('RESOURCE_NOT_FOUND_ERROR', `Workflow template ${String(templateId)} not found`)
  }
  const datasets = []
  for (const datasetHash of datasetHashes) {
    const dataset = findDataset(catalogue, user, datasetHash)
    if (!dataset)
      return v1Error('AUTHORISATION_ERROR', `${user.email} has no access to dataset ${datasetHash}`)
    datasets.push(dataset)
  }

  const projectHash = deterministicUuid('created project', request.n, title)
  write.projectHash = projectHash
  const stages = template.stages.map(([stageTitle, stageType]) => ({
    uuid: deterministicUuid('stage', projectHash, stageTitle),
    title: stageTitle,
    stageType
  }))
  catalogue.projects.set(
    projectHash,
    newProject(catalogue, projectHash, title, ontologyHash, datasets, stages, payload)
  )
  user.projects.add(projectHash)
  return {
    status: 200,
    body: JSON.stringify({ status: 200, response: projectHash }),
    errorCode: null
  }
}

/**
 * `projectusers`/POST: payload `{user_emails, user_role}`; existing members keep their role.
 * @param {SetupRequest} request
 * @param {CatalogueProject} project
 * @param {unknown} uid
 * @param {Record<string, unknown>} payload
 */
export function addUsers(request, project, uid, payload) {
  const write = record(
    request,
    project.hash,
    'projectusers',
    typeof uid === 'string' ? [uid] : [],
    payload
  )
  if (!request.writes.enabled) return readOnly()
  if (request.writes.fail(write)) return v1Error('UNKNOWN_ERROR', 'injected write failure')
  const emails = payload.user_emails
  const role = payload.user_role
  if (
    !Array.isArray(emails) ||
    !emails.every((email) => typeof email === 'string' && email.includes('@'))
  ) {
    return v1Error('INVALID_ARGUMENTS_ERROR', 'user_emails must be an array of e-mail addresses')
  }
  if (typeof role !== 'number' || !ROLES.includes(role)) {
    return v1Error('INVALID_ARGUMENTS_ERROR', 'user_role must be 0, 1, 2, 3 or 4')
  }
  if (uid !== project.hash) {
    return v1Error('INVALID_ARGUMENTS_ERROR', 'uid must be the project hash of ResourceID')
  }
  for (const email of emails) if (!project.members.has(email)) project.members.set(email, role)
  const response = emails.map((email) => ({
    user_email: email,
    user_role: project.members.get(email),
    project_hash: project.hash
  }))
  return { status: 200, body: JSON.stringify({ status: 200, response }), errorCode: null }
}

/** Encord's default workflow, used when no template is named. */
const DEFAULT_TEMPLATE = {
  title: 'Default',
  stages: /** @type {[string, import('./scenario-types.mjs').StageType][]} */ ([
    ['Annotate', 'ANNOTATION'],
    ['Review', 'REVIEW'],
    ['Complete', 'DONE']
  ])
}

/**
 * @param {SetupRequest} request
 * @param {string} projectHash
 * @param {string} queryType
 * @param {string[]} uids
 * @param {Record<string, unknown>} payload
 * @returns {WriteRecord}
 */
function record(request, projectHash, queryType, uids, payload) {
  /** @type {WriteRecord} */
  const write = {
    n: request.n,
    projectHash,
    queryType,
    queryMethod: 'POST',
    uids,
    user: request.user.email,
    payload: structuredClone(payload)
  }
  request.recorder.recordWrite(write)
  return write
}

function readOnly() {
  return v1Error('OPERATION_NOT_ALLOWED', 'fake-encord was started read-only (writable: false)')
}

/**
 * A dataset the user can see: one attached to a project they can read.
 * @param {Catalogue} catalogue
 * @param {CatalogueUser} user
 * @param {string} datasetHash
 */
function findDataset(catalogue, user, datasetHash) {
  for (const project of catalogue.projects.values()) {
    if (!user.projects.has(project.hash)) continue
    const dataset = project.datasets.find((candidate) => candidate.datasetHash === datasetHash)
    if (dataset) return dataset
  }
  return undefined
}

/**
 * A new project: one task per data unit of its datasets, each in the first stage, none labelled.
 * @param {Catalogue} catalogue
 * @param {string} projectHash
 * @param {string} title
 * @param {string} ontologyHash
 * @param {{ datasetHash: string, title: string }[]} datasets
 * @param {import('./scenario-types.mjs').ScenarioStage[]} stages
 * @param {Record<string, unknown>} payload
 * @returns {CatalogueProject}
 */
function newProject(catalogue, projectHash, title, ontologyHash, datasets, stages, payload) {
  const wanted = new Set(datasets.map(({ datasetHash }) => datasetHash))
  /** @type {Map<string, import('./catalogue.mjs').CatalogueRow>} */
  const units = new Map()
  for (const project of catalogue.projects.values()) {
    for (const { metadata } of project.rows) {
      if (!wanted.has(metadata.dataset_hash) || units.has(metadata.data_hash)) continue
      const row = labelRowMetadata(
        {
          stage: stages[0]?.title,
          metadata: {
            data_hash: metadata.data_hash,
            data_title: metadata.data_title,
            data_type: metadata.data_type,
            dataset_hash: metadata.dataset_hash,
            dataset_title: metadata.dataset_title,
            number_of_frames: metadata.number_of_frames,
            width: metadata.width,
            height: metadata.height,
            label_hash: null
          }
        },
        stages[0] ?? null
      )
      units.set(metadata.data_hash, {
        metadata: row,
        metadataBytes: Buffer.from(JSON.stringify(row))
      })
    }
  }
  const rows = [...units.values()]
  const ontology = JSON.parse(
    /** @type {{ json: string }} */ (catalogue.ontologies.get(ontologyHash)).json
  )
  const scenarioProject = {
    title,
    description: typeof payload.description === 'string' ? payload.description : '',
    ontologyHash,
    stages,
    rows: []
  }
  return {
    hash: projectHash,
    title,
    ontologyHash,
    json: JSON.stringify(
      projectDto(projectHash, scenarioProject, { title: ontology.title, editor: ontology.editor })
    ),
    rows,
    labelBytesByHash: new Map(),
    rowByDataHash: new Map(rows.map((row) => [row.metadata.data_hash, row])),
    datasets: datasets.map(({ datasetHash, title: datasetTitle }) => ({
      datasetHash,
      title: datasetTitle
    })),
    members: new Map(),
    stages
  }
}
