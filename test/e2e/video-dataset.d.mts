// Types for video-dataset.mjs.
import type { KeyPair, Scenario } from '../../tools/fake-encord/scenario.mjs'

export interface VideoWorld {
  scenario: Scenario
  key: KeyPair
  videos: { benchmark: string; clean: string; swapper: string }
  images: { benchmark: string; clean: string }
}

export declare const CLEAN: string
export declare const SWAPPER: string

export declare function videoWorld(): VideoWorld
