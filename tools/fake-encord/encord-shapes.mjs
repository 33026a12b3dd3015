// What Encord's JSON looks like: turns scenario entries into the response shapes of
// docs/encord-api.md §6.1 (ProjectDTO), §6.2 (ontology), §6.3 (label-row metadata) and §7.1 (label
// row). Scenario files may leave out any key that has an obvious default; it is filled in here, so
// the rest of the server only ever sees complete shapes.

const PLACEHOLDER_TIMESTAMP = '2025-01-01T00:00:00Z'
export const DATA_TYPES = [
  'VIDEO',
  'IMG_GROUP',
  'DICOM',
  'IMAGE',
  'DICOM_STUDY',
  'NIFTI',
  'AUDIO',
  'PLAIN_TEXT',
  'PDF',
  'GROUP',
  'SCENE'
]

/**
 * @typedef {import('./scenario-types.mjs').ScenarioProject} ScenarioProject
 * @typedef {import('./scenario-types.mjs').ScenarioOntology} ScenarioOntology
 * @typedef {import('./scenario-types.mjs').ScenarioRow} ScenarioRow
 * @typedef {import('./scenario-types.mjs').ScenarioStage} ScenarioStage
 */

/**
 * ProjectDTO. Every scenario user is the project's ADMIN (`userRole` 0): the fake models access,
 * not roles.
 * @param {string} projectHash
 * @param {ScenarioProject} project
 * @param {ScenarioOntology} ontology
 */
export function projectDto(projectHash, project, ontology) {
  const stages = project.stages ?? []
  return {
    projectHash,
    projectType: stages.length > 0 ? 'workflow' : 'manual_qa',
    status: project.status ?? 'inProgress',
    title: project.title,
    description: project.description ?? '',
    createdAt: project.createdAt ?? PLACEHOLDER_TIMESTAMP,
    lastEditedAt: project.lastEditedAt ?? project.createdAt ?? PLACEHOLDER_TIMESTAMP,
    ontologyHash: project.ontologyHash,
    editorOntology: ontology.editor,
    userRole: 0,
    sourceProjects: project.sourceProjects ?? null,
    workflow:
      stages.length > 0
        ? {
            stages: stages.map(({ stageType, uuid, title }) => ({ stageType, uuid, title }))
          }
        : null
  }
}

/**
 * OntologyWithUserRole; `userRole` is null as for a user who reaches it through a project.
 * @param {string} ontologyHash
 * @param {ScenarioOntology} ontology
 */
export function ontologyDto(ontologyHash, ontology) {
  return {
    ontologyUuid: ontologyHash,
    title: ontology.title,
    description: ontology.description ?? '',
    editor: ontology.editor,
    createdAt: ontology.createdAt ?? PLACEHOLDER_TIMESTAMP,
    lastEditedAt: ontology.lastEditedAt ?? ontology.createdAt ?? PLACEHOLDER_TIMESTAMP,
    userRole: null
  }
}

/**
 * A LabelRowMetadata entry with every key §6.3 requires, the row's stage as `workflow_graph_node`.
 * @param {ScenarioRow} row
 * @param {ScenarioStage | null} stage
 */
export function labelRowMetadata(row, stage) {
  // The label hash may be given in the metadata or only in the labels; it is put first either way.
  const { label_hash: metadataLabelHash, ...metadata } = row.metadata
  const labels = typeof row.labels === 'object' ? row.labels : null
  const labelHash = metadataLabelHash ?? labels?.label_hash ?? null
  const initialised = labelHash !== null
  return {
    label_hash: labelHash,
    branch_name: 'main',
    created_at: initialised ? (labels?.created_at ?? PLACEHOLDER_TIMESTAMP) : null,
    last_edited_at: initialised ? (labels?.last_edited_at ?? PLACEHOLDER_TIMESTAMP) : null,
    dataset_hash: '00000000-0000-0000-0000-000000000000',
    dataset_title: 'Dataset',
    data_link: null,
    label_status: initialised ? 'LABELLED' : 'NOT_LABELLED',
    annotation_task_status: null,
    is_shadow_data: false,
    number_of_frames: 1,
    duration: null,
    frames_per_second: null,
    width: null,
    height: null,
    spaces: {},
    task_uuid: null,
    priority: null,
    file_type: null,
    is_valid: true,
    backing_item_uuid: null,
    ...metadata,
    workflow_graph_node: stage ? { uuid: stage.uuid, title: stage.title } : null
  }
}

/**
 * A label row (§7.1): the scenario's label JSON over defaults taken from the row's metadata, so a
 * hand-written scenario need only give `data_units` and `object_answers`.
 * @param {ReturnType<typeof labelRowMetadata>} metadata
 * @param {Record<string, unknown>} labels
 */
export function labelRow(metadata, labels) {
  return {
    label_hash: metadata.label_hash,
    branch_name: metadata.branch_name,
    created_at: metadata.created_at,
    last_edited_at: metadata.last_edited_at,
    dataset_hash: metadata.dataset_hash,
    dataset_title: metadata.dataset_title,
    data_title: metadata.data_title,
    data_hash: metadata.data_hash,
    data_type: String(metadata.data_type).toLowerCase(),
    label_status: metadata.label_status,
    is_valid: true,
    data_units: {},
    object_answers: {},
    classification_answers: {},
    object_actions: {},
    spaces: {},
    ...labels
  }
}

/**
 * What `labelrow`/PUT answers for a data unit that had no label row: an empty, new one (§6.4).
 * @param {ReturnType<typeof labelRowMetadata>} metadata
 * @param {string} labelHash
 */
export function createdLabelRow(metadata, labelHash) {
  return labelRow(
    { ...metadata, label_hash: labelHash, label_status: 'LABEL_IN_PROGRESS' },
    { created_at: PLACEHOLDER_TIMESTAMP, last_edited_at: PLACEHOLDER_TIMESTAMP }
  )
}
