/**
 * Hand-built `RunResult`s for the report tests. Every builder takes the fields a test cares about
 * and fills the rest with plain, valid defaults.
 */
import type {
  ClassMetrics,
  Metrics,
  ObjectRef,
  ObjectResult,
  ProjectEvaluation,
  ScriptRow,
  UnitTallies
} from '../../src/evaluate/types.js'
import { applyGate, type GateSettings } from '../../src/results/gate.js'
import type { Thresholds } from '../../src/results/metrics.js'
import { toProjectResult } from '../../src/results/project-result.js'
import type {
  GateVerdict,
  ProjectFailure,
  ProjectOutcome,
  RunResult
} from '../../src/results/run-result.js'

export function metrics(overrides: Partial<Metrics> = {}): Metrics {
  return {
    benchmarkObjects: 10,
    trainingObjects: 10,
    truePositives: 8,
    wrongClass: 1,
    missed: 1,
    extra: 1,
    iouSum: 7.2,
    attributesAgreeing: 6,
    attributesCompared: 8,
    classificationScore: 3,
    classificationsCompared: 4,
    precision: 0.8,
    recall: 0.8,
    f1: 0.8,
    meanIou: 0.8,
    classAccuracy: 0.8888888888888888,
    attributeAccuracy: 0.75,
    classificationAccuracy: 0.75,
    ...overrides
  }
}

export function classMetrics(
  className: string,
  overrides: Partial<ClassMetrics> = {}
): ClassMetrics {
  return { ...metrics(), featureHash: `feature-${className}`, className, ...overrides }
}

export function ref(className: string, objectHash: string): ObjectRef {
  return { objectHash, featureHash: `feature-${className}`, className }
}

export function objectResult(overrides: Partial<ObjectResult> = {}): ObjectResult {
  return {
    dataHash: 'data-1',
    dataTitle: 'image-1.jpg',
    labelHash: 'label-1',
    frame: 0,
    status: 'matched',
    iou: 0.9,
    shape: 'bounding_box',
    training: { ...ref('car', 'train-obj-1'), createdBy: 'alice@example.com' },
    benchmark: ref('car', 'bench-obj-1'),
    attributeAgreement: null,
    attributeMismatches: [],
    ...overrides
  }
}

export function scriptRow(overrides: Partial<ScriptRow> = {}): ScriptRow {
  return {
    trainingEmail: 'alice@example.com',
    dataUnitName: 'image-1.jpg',
    labelId: 'label-1',
    iouScore: 0.9,
    classScore: 1,
    dataHash: 'data-1',
    training: ref('car', 'train-obj-1'),
    bestMatch: ref('car', 'bench-obj-1'),
    ...overrides
  }
}

export function evaluation(overrides: Partial<ProjectEvaluation> = {}): ProjectEvaluation {
  return {
    projectHash: 'project-a',
    projectTitle: 'Training A',
    method: 'one-to-one',
    annotator: 'alice@example.com',
    contributors: [{ email: 'alice@example.com', annotations: 10 }],
    coverage: {
      benchmarkRows: 50,
      trainingRows: 48,
      pairedRows: 48,
      notCompleted: 2,
      unmatchedTrainingRows: 0
    },
    overall: metrics(),
    perClass: [classMetrics('car'), classMetrics('person')],
    confusion: [
      { benchmark: 'car', training: 'car', count: 5 },
      { benchmark: 'person', training: 'person', count: 3 },
      { benchmark: 'person', training: 'car', count: 1 },
      { benchmark: 'car', training: null, count: 1 },
      { benchmark: null, training: 'person', count: 1 }
    ],
    objects: [],
    scriptRows: [],
    classifications: [],
    units: noUnits(),
    notes: [],
    ...overrides
  }
}

/** Per-unit tallies of nothing: a project built by hand has no units to resample. */
export function noUnits(): UnitTallies {
  return {
    classes: [],
    units: 0,
    entryStart: new Uint32Array(1),
    entryClass: new Uint32Array(0),
    values: new Float64Array(0)
  }
}

/** An evaluated project as a run keeps it: the evaluation without its rows, and its worst items. */
export function evaluated(overrides: Partial<ProjectEvaluation> = {}): ProjectOutcome {
  return { status: 'evaluated', evaluation: toProjectResult(evaluation(overrides)) }
}

export function failed(overrides: Partial<ProjectFailure> = {}): ProjectOutcome {
  return {
    status: 'failed',
    failure: {
      projectHash: 'project-broken',
      projectTitle: 'Broken project',
      message: 'No access to project project-broken: add the key to the project',
      ...overrides
    }
  }
}

/**
 * `settings` may name only what a test cares about; `gate` is the gate's own verdict on the
 * projects and settings, with any fields a test gives laid over it.
 */
export function runResult(
  overrides: Omit<Partial<RunResult>, 'settings' | 'gate'> & {
    settings?: Partial<RunResult['settings']>
    gate?: Partial<GateVerdict>
  } = {}
): RunResult {
  const projects = overrides.projects ?? [evaluated()]
  const settings: RunResult['settings'] = {
    method: 'one-to-one',
    iouThreshold: 0.5,
    workflowStage: 'Complete',
    thresholds: {},
    gateOn: 'estimate',
    onInconclusive: 'warn',
    minDataUnits: 10,
    bootstrapSamples: 0,
    confidenceLevel: 0.95,
    ...overrides.settings
  }
  return {
    tool: { name: 'encord-annotator-eval', version: '0.1.0' },
    source: 'encord-api',
    benchmark: { projectHash: 'benchmark', title: 'Gold standard', rows: 50 },
    projects,
    ...overrides,
    settings,
    gate: { ...applyGate(projects, settings), ...overrides.gate }
  }
}

/** Gate settings with today's rule (gate on the estimate) and the defaults otherwise. */
export function gateSettings(
  thresholds: Thresholds,
  overrides: Partial<Omit<GateSettings, 'thresholds'>> = {}
): GateSettings {
  return { thresholds, gateOn: 'estimate', onInconclusive: 'warn', minDataUnits: 10, ...overrides }
}
