// The scenario file format of the fake Encord server (see README.md). Types only.

/** Any JSON value; label JSON and ontology structures are passed through as given. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export interface ScenarioUser {
  email: string
  /** Raw Ed25519 public key, 64 hex characters; identifies the user on every request. */
  publicKeyHex: string
  /** Project hashes this user can read. Ontologies of those projects are readable too. */
  projects: string[]
}

export interface ScenarioOntology {
  title: string
  description?: string
  createdAt?: string
  lastEditedAt?: string
  /** The ontology structure of docs/encord-api.md §8: `{ objects, classifications, … }`. */
  editor: { [key: string]: Json }
}

export type StageType =
  | 'ANNOTATION'
  | 'REVIEW'
  | 'USER_ROUTER'
  | 'PERCENTAGE_ROUTER'
  | 'CONSENSUS_ANNOTATION'
  | 'CONSENSUS_REVIEW'
  | 'DONE'
  | 'AGENT'

export interface ScenarioStage {
  uuid: string
  title: string
  stageType: StageType
}

export interface ScenarioRowMetadata {
  /** Null or absent: taken from `labels.label_hash`, or null (never labelled) without labels. */
  label_hash?: string | null
  data_hash: string
  data_title: string
  /** Upper-case, e.g. `IMAGE`, `VIDEO`, `IMG_GROUP`. */
  data_type: string
  number_of_frames?: number
  width?: number | null
  height?: number | null
  /** Any other §6.3 key (dataset_hash, label_status, task_uuid, …) is passed through. */
  [key: string]: Json | undefined
}

export interface ScenarioRow {
  /** Title of the workflow stage the task sits in; omit for a project without stages. */
  stage?: string
  metadata: ScenarioRowMetadata
  /**
   * The label-row JSON of §7 (keys it lacks are filled from `metadata`). `null` or absent with a
   * null `label_hash`: a never-labelled row. `null` with a `label_hash`: a row whose label fetch
   * silently returns nothing, as §12.3 warns can happen. A string: the complete label row,
   * already serialised, served verbatim (for big generated scenarios; needs
   * `metadata.label_hash`).
   */
  labels?: { [key: string]: Json } | string | null
}

export interface ScenarioProject {
  title: string
  description?: string
  status?: string
  createdAt?: string
  lastEditedAt?: string
  ontologyHash: string
  sourceProjects?: string[] | null
  /** Workflow stages; none makes a `manual_qa` project whose rows have `workflow_graph_node: null`. */
  stages?: ScenarioStage[]
  rows: ScenarioRow[]
  /** Attached datasets; by default those of the rows' `dataset_hash` / `dataset_title`. */
  datasets?: { datasetHash: string; title: string }[]
  /**
   * Members besides the scenario users who can read the project (they are its ADMINs), as
   * `GET /v2/public/projects/{hash}/users` lists them. Roles: 0 ADMIN, 1 ANNOTATOR, 2 REVIEWER,
   * 3 ANNOTATOR_REVIEWER, 4 TEAM_MANAGER.
   */
  members?: { email: string; role: 0 | 1 | 2 | 3 | 4 }[]
}

/** A workflow template a created project may name: its stages as `[title, stageType]` pairs. */
export interface ScenarioWorkflowTemplate {
  title?: string
  stages: [string, StageType][]
}

export interface Scenario {
  users: ScenarioUser[]
  ontologies: { [ontologyHash: string]: ScenarioOntology }
  projects: { [projectHash: string]: ScenarioProject }
  /** Templates for `create_project(workflow_template_hash=…)`, by id. */
  workflowTemplates?: { [templateId: string]: ScenarioWorkflowTemplate }
}
