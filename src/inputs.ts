/**
 * The action's inputs and outputs, and the command-line flags, described once. `action.yml` and
 * the README's tables are written by hand from these rows; a test fails when they disagree on a
 * name, a default or a description. The CLI builds its flags and their help from the same rows.
 *
 * Adding an input: one row here, the same entry in action.yml and a row in the README's Inputs
 * table; then read it in `parseConfig`.
 */

/** How an input is given on the command line. */
export interface CliFlag {
  /** The placeholder in the help, e.g. `HASH`. */
  readonly value: string
  /** The heading it is listed under in `--help`. */
  readonly group: CliGroup
  /** May be given more than once; each occurrence is one list item (one path, one hash). */
  readonly repeatable?: true
  /** A second spelling, e.g. the singular `--training-project` for a repeated flag. */
  readonly alias?: string
}

export type CliGroup = 'labels' | 'offline' | 'scoring' | 'gate' | 'output'

export interface InputSpec {
  readonly name: string
  /** Plain text: action.yml's description, the README's "Meaning" and the CLI's help. */
  readonly description: string
  /**
   * A valid value other than the default: shown when a flag is given without one, and used by
   * the test that checks `parseConfig` reads every input.
   */
  readonly example: string
  /** What a missing or empty input means; action.yml declares it as the input's `default`. */
  readonly default?: string
  /**
   * action.yml's default when the runner fills it in (an expression, e.g. the job's token).
   * Outside a runner nothing fills it, so the code's default is empty.
   */
  readonly runnerDefault?: string
  /** The flag of the same name, or null for inputs that exist only in GitHub Actions. */
  readonly cli: CliFlag | null
  /** For an input without a flag: what to use on the command line instead, if anything. */
  readonly cliInstead?: string
}

const HASH_EXAMPLE = '00000000-0000-0000-0000-000000000000'

export const INPUTS = [
  {
    name: 'ssh-private-key',
    description:
      'Encord private key (unencrypted OpenSSH Ed25519), from a secret. Not needed when scoring export files or only checking registration files.',
    example: '${{ secrets.ENCORD_SSH_KEY }}',
    // A key on a command line ends up in shell history and process lists: the CLI reads it from a
    // file or the environment instead.
    cli: null,
    cliInstead: 'give --ssh-private-key-file PATH, or set ENCORD_SSH_KEY_FILE or ENCORD_SSH_KEY'
  },
  {
    name: 'benchmark-project',
    description: "Hash of the benchmark project (the expert's gold-standard labels).",
    example: HASH_EXAMPLE,
    cli: { value: 'HASH', group: 'labels' }
  },
  {
    name: 'training-projects',
    description:
      "Hashes of the annotators' training projects, separated by newlines, commas or spaces. A project listed twice is scored once.",
    example: HASH_EXAMPLE,
    cli: {
      value: 'LIST',
      group: 'labels',
      repeatable: true,
      alias: 'training-project'
    }
  },
  {
    name: 'encord-domain',
    description: 'Encord API origin, e.g. https://api.us.encord.com for the US platform.',
    default: 'https://api.encord.com',
    example: 'https://api.us.encord.com',
    cli: { value: 'URL', group: 'labels' }
  },
  {
    name: 'encord-app-url',
    description:
      'Encord app origin that report links open (label editor), e.g. https://encord.example.com for a private deployment. Unset: https://app.encord.com or https://app.us.encord.com from encord-domain, no links for any other domain or for export files.',
    example: 'https://app.us.encord.com',
    cli: { value: 'URL', group: 'labels' }
  },
  {
    name: 'workflow-stage',
    description: 'Title of the workflow stage whose tasks count (an exact title match).',
    default: 'Complete',
    example: 'Review',
    cli: { value: 'TITLE', group: 'scoring' }
  },
  {
    name: 'preflight',
    description:
      "Check the set-up before scoring (true or false): each training project's ontology, datasets and workflow stage against the benchmark's, and how complete the benchmark is. A project that fails is not scored; a benchmark that fails stops the run.",
    default: 'true',
    example: 'false',
    cli: { value: 'BOOL', group: 'scoring' }
  },
  {
    name: 'method',
    description:
      "Scoring method: one-to-one (optimal matching of every shape, frame, class, attribute and classification) or encord-script (reproduces Encord's documented script exactly).",
    default: 'one-to-one',
    example: 'encord-script',
    cli: { value: 'NAME', group: 'scoring' }
  },
  {
    name: 'iou-threshold',
    description:
      'Minimum similarity (IoU, or OKS for points and skeletons) for a pair to match under one-to-one; greater than 0 and at most 1.',
    default: '0.5',
    example: '0.7',
    cli: { value: 'X', group: 'scoring' }
  },
  {
    name: 'low-iou',
    description:
      'Feedback notes: a matched pair whose similarity is below this (greater than 0, at most 1) counts as a low-overlap error. Changes no score.',
    default: '0.7',
    example: '0.8',
    cli: { value: 'X', group: 'scoring' }
  },
  {
    name: 'min-mean-iou',
    description:
      'Gate. An annotator whose mean IoU is below this value (0–1) fails the job. Unset means not checked.',
    example: '0.8',
    cli: { value: 'X', group: 'gate' }
  },
  {
    name: 'min-class-accuracy',
    description: 'Gate. Minimum class accuracy (0–1); with encord-script, the mean class_score.',
    example: '0.8',
    cli: { value: 'X', group: 'gate' }
  },
  {
    name: 'min-precision',
    description: 'Gate. Minimum precision (0–1), one-to-one only.',
    example: '0.8',
    cli: { value: 'X', group: 'gate' }
  },
  {
    name: 'min-recall',
    description: 'Gate. Minimum recall (0–1), one-to-one only.',
    example: '0.8',
    cli: { value: 'X', group: 'gate' }
  },
  {
    name: 'min-f1',
    description: 'Gate. Minimum F1 (0–1), one-to-one only.',
    example: '0.8',
    cli: { value: 'X', group: 'gate' }
  },
  {
    name: 'min-idf1',
    description:
      "Gate. Minimum IDF1 (0–1) over the benchmark's video tracks, one-to-one only; an error when the benchmark has no video.",
    example: '0.8',
    cli: { value: 'X', group: 'gate' }
  },
  {
    name: 'min-mota',
    description:
      "Gate. Minimum MOTA (0–1) over the benchmark's video frames, one-to-one only; an error when the benchmark has no video.",
    example: '0.8',
    cli: { value: 'X', group: 'gate' }
  },
  {
    name: 'gate-on',
    description:
      'Gate. What a threshold is checked against: estimate (the score must be at least the threshold) or interval (pass when the lower bound of its confidence interval is at least the threshold, fail when the upper bound is below it, otherwise inconclusive).',
    default: 'estimate',
    example: 'interval',
    cli: { value: 'NAME', group: 'gate' }
  },
  {
    name: 'on-inconclusive',
    description:
      'Gate. What an inconclusive or insufficient-evidence verdict does to the step: warn (the step passes with a warning naming who and why), fail, or pass.',
    default: 'warn',
    example: 'fail',
    cli: { value: 'NAME', group: 'gate' }
  },
  {
    name: 'min-data-units',
    description:
      'Gate. An annotator scored on fewer benchmark data units than this gets the verdict insufficient evidence instead of pass or fail; a whole number, 1 or more.',
    default: '10',
    example: '30',
    cli: { value: 'N', group: 'gate' }
  },
  {
    name: 'bootstrap-samples',
    description:
      'Resamples of the cluster bootstrap over data units that gives each score its confidence interval; 0 turns intervals off (then gate-on must be estimate).',
    default: '2000',
    example: '500',
    cli: { value: 'N', group: 'scoring' }
  },
  {
    name: 'confidence-level',
    description:
      'Confidence level of the intervals, a number greater than 0 and less than 1, e.g. 0.95 for 95 % intervals.',
    default: '0.95',
    example: '0.9',
    cli: { value: 'X', group: 'scoring' }
  },
  {
    name: 'audit-min-annotators',
    description:
      'Benchmark audit. A benchmark data unit is audited only when at least this many training projects completed it; a whole number, 2 or more.',
    default: '3',
    example: '4',
    cli: { value: 'N', group: 'scoring' }
  },
  {
    name: 'audit-agreement',
    description:
      'Benchmark audit. The share of the annotators who completed a unit that must disagree with the benchmark the same way for it to be a suspect; greater than 0.5, at most 1.',
    default: '0.67',
    example: '0.8',
    cli: { value: 'X', group: 'scoring' }
  },
  {
    name: 'exclude-suspects',
    description:
      "Benchmark audit. true leaves the benchmark objects flagged as possibly spurious or of a possibly wrong class out of every annotator's scores (one-to-one only); false (the default) changes no score.",
    default: 'false',
    example: 'true',
    cli: { value: 'BOOL', group: 'scoring' }
  },
  {
    name: 'output-dir',
    description: 'Folder where iou_results.csv, report.json and summary.md are written.',
    default: 'encord-annotator-eval',
    example: 'scores',
    cli: { value: 'DIR', group: 'output' }
  },
  {
    name: 'report-items',
    description:
      'Worst items kept per training project (0–10000): all in the HTML report, the first few of each kind in the summary and the PR comment.',
    default: '200',
    example: '50',
    cli: { value: 'N', group: 'output' }
  },
  {
    name: 'upload-artifact',
    description: 'Upload the three files as a workflow artifact (true or false).',
    default: 'true',
    example: 'false',
    cli: null
  },
  {
    name: 'artifact-name',
    description:
      'Artifact name prefix. The job id, the comment key (or a short digest of the method and projects) and the run attempt are appended, e.g. annotator-scores-score-team-a-attempt-2, so re-runs, matrix legs and jobs never collide.',
    default: 'annotator-scores',
    example: 'scores',
    cli: null
  },
  {
    name: 'retention-days',
    description: "Days to keep the artifact (1–90). Empty means the repository's default.",
    example: '7',
    cli: null
  },
  {
    name: 'comment',
    description:
      'Post or update one PR comment with the scores: auto (on pull_request, pull_request_target and issue_comment events on a PR), always (also on other events when a PR is known), or off.',
    default: 'auto',
    example: 'always',
    cli: null
  },
  {
    name: 'comment-key',
    description:
      "Keeps the comments (and artifacts) of matrix legs or several steps apart; letters, digits, '.', '_' and '-'.",
    example: 'team-a',
    cli: null
  },
  {
    name: 'history-runs',
    description:
      "Earlier completed runs of this workflow (same comment-key) whose report.json artifacts are read to show each annotator's progress over attempts; 0 turns history off. Needs the actions: read permission; without it a notice says so and the run goes on.",
    default: '10',
    example: '0',
    cli: null,
    cliInstead: 'give --history PATH (report.json files, a folder of them, or a history file)'
  },
  {
    name: 'history-file',
    description:
      'A JSON Lines file of earlier scores that the run reads and then appends one line per annotator to, to keep history beyond artifact retention (restore and save it with actions/cache). A malformed line is skipped with a warning.',
    example: '.encord-history.jsonl',
    cli: null,
    cliInstead: 'give --history PATH'
  },
  {
    name: 'merge-reports',
    description:
      "Newline-separated globs of matrix legs' report.json files (each with its iou_results.csv beside it). When set, the step scores nothing: it merges the legs into one CSV, report, summary, artifact, comment, outputs and gate.",
    example: 'legs/*/report.json',
    cli: null,
    cliInstead: 'run encord-annotator-eval merge REPORT…'
  },
  {
    name: 'expected-legs',
    description:
      'With merge-reports: how many legs there must be; fewer is an error. Unset: fewer legs than expected cannot be told, and the count found is logged.',
    example: '3',
    cli: null,
    cliInstead: 'run encord-annotator-eval merge --expected-legs N REPORT…'
  },
  {
    name: 'github-token',
    description: 'Token used to post the PR comment; needs the pull-requests: write permission.',
    runnerDefault: '${{ github.token }}',
    example: '${{ secrets.BOT_TOKEN }}',
    cli: null
  },
  {
    name: 'concurrency',
    description: 'Encord requests in flight at once, a whole number from 1 to 64.',
    default: '8',
    example: '4',
    cli: { value: 'N', group: 'labels' }
  },
  {
    name: 'benchmark-export',
    description:
      "Offline mode. Path to the benchmark's Encord label export (a JSON list of label rows). Replaces benchmark-project and the key.",
    example: 'labels/benchmark.json',
    cli: { value: 'FILE', group: 'offline' }
  },
  {
    name: 'training-exports',
    description:
      "Offline mode. Paths to the training projects' label exports, one per line; a value on a single line is one path, spaces and commas included. A file listed twice is scored once.",
    example: 'labels/alice.json',
    cli: {
      value: 'FILE',
      group: 'offline',
      repeatable: true,
      alias: 'training-export'
    }
  },
  {
    name: 'ontology-file',
    description:
      'Offline mode. Path to the ontology JSON (the ontology structure, or an Encord ontology or project document that contains it).',
    example: 'labels/ontology.json',
    cli: { value: 'FILE', group: 'offline', alias: 'ontology' }
  },
  {
    name: 'registration-files',
    description:
      'Newline-separated globs of Encord data-registration JSON files to check before upload. When set, the evaluation inputs become optional.',
    example: 'registration/**/*.json',
    cli: null,
    cliInstead: 'run encord-annotator-eval check-registration FILE…'
  }
] as const satisfies readonly InputSpec[]

type Input = (typeof INPUTS)[number]

export type InputName = Input['name']

export const INPUT_NAMES: readonly InputName[] = INPUTS.map((input) => input.name)

/** Raw input values as strings; a missing or empty value means "use the default". */
export type RawInputs = Partial<Record<InputName, string>>

/** Inputs with a default of their own (not one the runner fills in). */
export type DefaultedInputName = Extract<Input, { default: string }>['name']

/** Defaults for optional inputs, applied when the value is missing or empty (as the runner does). */
export const INPUT_DEFAULTS = Object.fromEntries(
  INPUTS.flatMap((input) => ('default' in input ? [[input.name, input.default]] : []))
) as Readonly<Record<DefaultedInputName, string>>

export interface OutputSpec {
  readonly name: string
  /** Plain text: action.yml's description and the README's "Meaning". */
  readonly description: string
}

export const OUTPUTS = [
  {
    name: 'passed',
    description:
      'Whether every annotator passed (verdict pass on every threshold set) and every project was evaluated: true or false.'
  },
  { name: 'csv-path', description: 'Absolute path of iou_results.csv.' },
  {
    name: 'report-path',
    description: 'Absolute path of report.json (full results and the settings that produced them).'
  },
  {
    name: 'summary-path',
    description: "Absolute path of summary.md (the job summary's markdown)."
  },
  {
    name: 'artifact-id',
    description: 'ID of the uploaded artifact; empty when the upload was skipped.'
  },
  {
    name: 'artifact-url',
    description: 'URL of the uploaded artifact; empty when the upload was skipped.'
  },
  {
    name: 'comment-id',
    description: 'ID of the PR comment created or updated; empty when no comment was posted.'
  },
  { name: 'annotators', description: 'Number of training projects evaluated.' },
  {
    name: 'failed-annotators',
    description:
      'JSON array of the annotators that failed the gate (with the thresholds they missed) or could not be evaluated (with the error).'
  },
  {
    name: 'results',
    description:
      "Compact JSON, one entry per training project: project, title, annotator, passed, verdict (pass, fail, inconclusive or insufficient-evidence), dataUnits, benchmarkObjects, the scores, their intervals, failedThresholds, or error; with history, previous (the previous attempt's scores) and attempts. Use it with fromJSON()."
  },
  {
    name: 'benchmark-suspects',
    description:
      'Number of benchmark labels the audit flags as probably wrong (rows of benchmark_audit.csv); 0 when the audit was skipped.'
  },
  {
    name: 'inconclusive-annotators',
    description:
      'JSON array of the annotators whose verdict is inconclusive (an interval straddles a threshold, with the thresholds) or insufficient-evidence (with the data units scored).'
  }
] as const satisfies readonly OutputSpec[]

export type OutputName = (typeof OUTPUTS)[number]['name']

export const OUTPUT_NAMES: readonly OutputName[] = OUTPUTS.map((output) => output.name)
