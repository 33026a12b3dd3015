// Types for scenario.mjs.
import type {
  Json,
  Scenario,
  ScenarioOntology,
  ScenarioProject,
  ScenarioRow,
  ScenarioStage,
  StageType
} from './scenario-types.mjs'

export type * from './scenario-types.mjs'
export { generateKeyPair, parseOpenSshPrivateKey, publicKeyFromSeed } from './openssh-key.mjs'
export type { KeyPair } from './openssh-key.mjs'
export { deterministicUuid, shortHash } from './ids.mjs'
export { boundingBox, imageRow, uninitialisedRow, videoRow } from './label-rows.mjs'
export type { FrameObject, RowBase } from './label-rows.mjs'

export declare const DEFAULT_STAGES: readonly (readonly [string, StageType])[]

export declare function workflowStages(
  projectKey: string,
  stages?: ReadonlyArray<readonly [string, StageType]>
): ScenarioStage[]

export declare function buildOntology(options: {
  title: string
  objects: ({ name: string; shape?: string; featureNodeHash?: string; color?: string } | string)[]
  classifications?: Json[]
}): ScenarioOntology

export declare function featureHashOf(ontology: ScenarioOntology, name: string): string

export declare function ontologyProject(options: {
  projectHash: string
  title: string
  ontologyHash: string
  rows?: ScenarioProject['rows']
  stages?: ScenarioStage[]
  description?: string
}): ScenarioProject

export declare function buildScenario(scenario: Scenario): Scenario

/**
 * The row with its labels serialised to the complete label-row JSON the server will send, which
 * makes big generated scenario files start many times faster.
 */
export declare function withSerialisedLabels(row: ScenarioRow): ScenarioRow
