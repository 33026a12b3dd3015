/**
 * The action's inputs and outputs, named once. `action.yml`, the CLI flags and the README are
 * checked against these lists by tests, so a new input cannot be half-added.
 */

export const INPUT_NAMES = [
  'ssh-private-key',
  'benchmark-project',
  'training-projects',
  'encord-domain',
  'workflow-stage',
  'method',
  'iou-threshold',
  'min-mean-iou',
  'min-class-accuracy',
  'min-precision',
  'min-recall',
  'min-f1',
  'output-dir',
  'upload-artifact',
  'artifact-name',
  'retention-days',
  'comment',
  'comment-key',
  'github-token',
  'concurrency',
  'benchmark-export',
  'training-exports',
  'ontology-file',
  'registration-files'
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/** Raw input values as strings; a missing or empty value means "use the default". */
export type RawInputs = Partial<Record<InputName, string>>

/** Defaults for optional inputs, applied when the value is missing or empty (as the runner does). */
export const INPUT_DEFAULTS = {
  'encord-domain': 'https://api.encord.com',
  'workflow-stage': 'Complete',
  method: 'one-to-one',
  'iou-threshold': '0.5',
  'output-dir': 'encord-annotator-eval',
  'upload-artifact': 'true',
  'artifact-name': 'annotator-scores',
  comment: 'auto',
  concurrency: '8'
} as const satisfies Partial<Record<InputName, string>>

export const OUTPUT_NAMES = [
  'passed',
  'csv-path',
  'report-path',
  'summary-path',
  'artifact-id',
  'artifact-url',
  'comment-id',
  'annotators',
  'failed-annotators',
  'results'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]
