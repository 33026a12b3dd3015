/**
 * What the Encord client hands to the rest of the tool. These are our types, not Encord's JSON:
 * `schemas.ts` converts responses into them once, at the edge. Ontology structures and label-row
 * JSON stay `unknown` here because `src/labels/` owns their schemas.
 */

export type WorkflowStageType =
  | 'ANNOTATION'
  | 'REVIEW'
  | 'USER_ROUTER'
  | 'PERCENTAGE_ROUTER'
  | 'CONSENSUS_ANNOTATION'
  | 'CONSENSUS_REVIEW'
  | 'DONE'
  | 'AGENT'

export interface WorkflowStage {
  uuid: string
  title: string
  stageType: WorkflowStageType
}

export interface ProjectInfo {
  projectHash: string
  title: string
  ontologyHash: string
  /** The project's ontology structure (docs/encord-api.md §8), for `src/labels/` to parse. */
  editorOntology: unknown
  /** Null for projects without a workflow (legacy manual QA). */
  workflowStages: WorkflowStage[] | null
}

export interface OntologyInfo {
  ontologyHash: string
  title: string
  /** The ontology structure (docs/encord-api.md §8), for `src/labels/` to parse. */
  editor: unknown
}

/** One data unit of a project as listed by `labelrowmetadata`. */
export interface LabelRowMetadata {
  /** Null when nobody has labelled the data unit: there is nothing to fetch. */
  labelHash: string | null
  /** Identifies the data unit across projects that share a dataset. */
  dataHash: string
  dataTitle: string
  /** Lower-case, as in label-row JSON: `video`, `image`, `img_group`, `dicom`, … */
  dataType: string
  numberOfFrames: number
  width: number | null
  height: number | null
  /** Title of the workflow stage the task is in; null for projects without a workflow. */
  stageTitle: string | null
}

/** A dataset attached to a project (`GET /v2/public/projects/{hash}/datasets`). */
export interface ProjectDataset {
  datasetHash: string
  title: string
}

/** 0 ADMIN, 1 ANNOTATOR, 2 REVIEWER, 3 ANNOTATOR_REVIEWER, 4 TEAM_MANAGER (docs/encord-api.md §10). */
export type ProjectRole = 0 | 1 | 2 | 3 | 4

/** A user of a project (`GET /v2/public/projects/{hash}/users`). */
export interface ProjectMember {
  email: string
  role: ProjectRole
}
