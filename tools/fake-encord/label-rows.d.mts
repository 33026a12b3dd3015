// Types for label-rows.mjs.
import type { Json, ScenarioRow } from './scenario-types.mjs'

export type FrameObject = { [key: string]: Json }

export declare function boundingBox(box: {
  objectHash: string
  featureHash: string
  name: string
  x: number
  y: number
  w: number
  h: number
  createdBy?: string | null
  createdAt?: string
  color?: string
  confidence?: number
}): FrameObject

export interface RowBase {
  dataHash: string
  dataTitle: string
  labelHash: string
  /** Workflow stage title; omit for a project without stages. */
  stage?: string
  width?: number
  height?: number
  datasetHash?: string
  datasetTitle?: string
  createdAt?: string
  lastEditedAt?: string
}

export declare function imageRow(row: RowBase & { objects?: FrameObject[] }): ScenarioRow

export declare function videoRow(
  row: RowBase & { numberOfFrames: number; fps?: number; frames?: Record<number, FrameObject[]> }
): ScenarioRow

export declare function uninitialisedRow(row: {
  dataHash: string
  dataTitle: string
  stage?: string
  dataType?: string
  numberOfFrames?: number
  width?: number
  height?: number
  datasetHash?: string
  datasetTitle?: string
}): ScenarioRow
