/**
 * Encord answers shaped like the SDK's fixtures (docs/encord-api.md §6.1–6.4), for nock to serve.
 * Builders return fresh objects so a test can alter one without affecting others.
 */

export const TRAINING = '11111111-1111-1111-1111-111111111111'
export const BENCHMARK = '22222222-2222-2222-2222-222222222222'
export const ONTOLOGY = '33333333-3333-3333-3333-333333333333'
export const DOMAIN = 'https://api.encord.com'

export function projectDto(projectHash = TRAINING): Record<string, unknown> {
  return {
    projectHash,
    projectType: 'workflow',
    status: 'inProgress',
    title: 'Training A',
    description: '',
    createdAt: '2025-01-01T00:00:00Z',
    lastEditedAt: '2025-01-01T00:00:00Z',
    ontologyHash: ONTOLOGY,
    editorOntology: { objects: [{ id: '1', name: 'Car', shape: 'bounding_box' }], classifications: [] },
    userRole: 0,
    someFutureField: { anything: true },
    workflow: {
      stages: [
        { stageType: 'ANNOTATION', uuid: 'aaaaaaaa-0000-0000-0000-000000000001', title: 'Annotate' },
        { stageType: 'DONE', uuid: 'aaaaaaaa-0000-0000-0000-000000000002', title: 'Complete' }
      ]
    }
  }
}

export function ontologyDto(): Record<string, unknown> {
  return {
    ontologyUuid: ONTOLOGY,
    title: 'Ont',
    description: '',
    editor: { objects: [], classifications: [{ id: '1', featureNodeHash: '6nyvIs5W' }] },
    createdAt: '2025-01-01T00:00:00Z',
    lastEditedAt: '2025-01-01T00:00:00Z',
    userRole: null
  }
}

export function metadataRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    label_hash: '77777777-7777-7777-7777-777777777777',
    branch_name: 'main',
    created_at: '2025-01-01 00:00:00',
    last_edited_at: '2025-01-01 00:00:00',
    data_hash: '44444444-4444-4444-4444-444444444444',
    dataset_hash: '55555555-5555-5555-5555-555555555555',
    dataset_title: 'Dataset',
    data_title: 'clip.mp4',
    data_type: 'VIDEO',
    data_link: 'cord-videos-dev/clip.mp4',
    label_status: 'LABELLED',
    annotation_task_status: 'COMPLETED',
    workflow_graph_node: { uuid: 'aaaaaaaa-0000-0000-0000-000000000002', title: 'Complete' },
    is_shadow_data: false,
    number_of_frames: 120,
    duration: 4,
    frames_per_second: 30,
    width: 1920,
    height: 1080,
    spaces: {},
    task_uuid: '66666666-6666-6666-6666-666666666666',
    priority: null,
    file_size: 1234, // sent by the server, unknown to the SDK
    ...overrides
  }
}

/** A never-labelled data unit, as listed with include_uninitialised_labels. */
export function uninitialisedRow(): Record<string, unknown> {
  return metadataRow({
    label_hash: null,
    created_at: null,
    last_edited_at: null,
    data_hash: '99999999-9999-9999-9999-999999999999',
    data_title: 'never-labelled.jpg',
    data_type: 'IMAGE',
    label_status: 'NOT_LABELLED',
    number_of_frames: 1,
    width: null,
    height: null
  })
}

/** Label-row JSON, reduced to what the client looks at plus a little body. */
export function labelRow(labelHash: string): Record<string, unknown> {
  return {
    label_hash: labelHash,
    branch_name: 'main',
    data_hash: `data-of-${labelHash}`,
    data_title: 'clip.mp4',
    data_type: 'video',
    data_units: {},
    object_answers: {},
    classification_answers: {},
    object_actions: {}
  }
}

export function v1Ok(response: unknown): { status: number; response: unknown } {
  return { status: 200, response }
}

export function v1Error(code: string, payload?: unknown): Record<string, unknown> {
  return { status: 400, response: [code], ...(payload === undefined ? {} : { payload }) }
}
