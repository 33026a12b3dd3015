// Types for dataset.mjs.
import type { KeyPair, Scenario } from '../../tools/fake-encord/scenario.mjs'

export interface E2eDataset {
  /** What the fake Encord API serves (labels as objects, so tests can read them). */
  scenario: Scenario
  /** The evaluator's key: the only user of the scenario, with access to every project. */
  key: KeyPair
  benchmarkProject: string
  /** The training projects of alice, bob and carol, in that order. */
  trainingProjects: string[]
  /** E-mails of the three annotators, best first, in the order of `trainingProjects`. */
  annotators: string[]
}

export declare const ANNOTATORS: readonly string[]

export declare function e2eDataset(): E2eDataset
