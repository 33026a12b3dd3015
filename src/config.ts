/**
 * Raw inputs (action inputs or CLI flags, as strings) → one validated `RunConfig`.
 * Every mistake a user can make is found here, before any network call, and reported as an
 * `InputError` with one line that names the input and shows a valid value.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { checkPrivateKey, type CheckedKey } from './encord/keys.js'
import { InputError } from './errors.js'
import type {
  AuditOptions,
  EvaluationOptions,
  IntervalOptions,
  Method,
  ReportOptions
} from './evaluate/types.js'
import { INPUT_DEFAULTS, type InputName, type RawInputs } from './inputs.js'
import { editorOrigin } from './results/editor-links.js'
import {
  GATE_ON_CHOICES,
  ON_INCONCLUSIVE_CHOICES,
  type GateOn,
  type OnInconclusive
} from './results/gate.js'
import { GATE_METRICS, metricFacts, thresholdInput, type Thresholds } from './results/metrics.js'

export interface EncordSourceConfig {
  kind: 'encord'
  /** Checked here; each thread that signs builds its own signer from it (scoring/loaders.ts). */
  key: CheckedKey
  domain: string
  benchmarkProject: string
  trainingProjects: string[]
  concurrency: number
}

export interface ExportSourceConfig {
  kind: 'exports'
  benchmarkExport: string
  trainingExports: string[]
  ontologyFile: string
}

export type CommentMode = 'auto' | 'always' | 'off'

export interface RunConfig {
  /** Where labels come from; null when the run only checks registration files. */
  source: EncordSourceConfig | ExportSourceConfig | null
  workflowStage: string
  /** Check the set-up (ontologies, datasets, stages, benchmark progress) before scoring. */
  preflight: boolean
  /** With `intervals` always set: the bootstrap's settings (0 samples when intervals are off). */
  evaluation: EvaluationOptions & { intervals: IntervalOptions }
  thresholds: Thresholds
  /** How thresholds are checked and what an unsettled verdict does (`results/gate.ts`). */
  gate: { gateOn: GateOn; onInconclusive: OnInconclusive; minDataUnits: number }
  outputDir: string
  artifact: { upload: boolean; name: string; retentionDays: number | null }
  comment: { mode: CommentMode; key: string }
  githubToken: string
  /** Newline-separated globs of registration JSON files to check; null when not set. */
  registrationFiles: string | null
  /** Earlier runs' scores to read (`history-runs`, 0: off) and the history file to extend. */
  history: { runs: number; file: string | null }
  /** Set when the step merges matrix legs' reports (`merge-reports`) instead of scoring. */
  merge: { reports: string; expectedLegs: number | null } | null
  /** What was accepted but is worth saying, e.g. a project listed twice; the caller logs them. */
  warnings: ConfigWarning[]
}

export interface ConfigWarning {
  input: InputName
  message: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EXAMPLE_HASH = '00000000-0000-0000-0000-000000000000'
/** Characters @actions/artifact rejects in artifact names. */
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\r\n\\/]/

/**
 * Parses and validates raw inputs. `env` supplies the runner variables used to make the artifact
 * name unique (GITHUB_JOB, GITHUB_RUN_ATTEMPT).
 */
export function parseConfig(raw: RawInputs, env: NodeJS.ProcessEnv = {}): RunConfig {
  const value = (name: InputName): string | undefined => {
    const text = raw[name]?.trim()
    return text === undefined || text === '' ? undefined : text
  }
  const withDefault = (name: keyof typeof INPUT_DEFAULTS): string =>
    value(name) ?? INPUT_DEFAULTS[name]

  const registrationFiles = value('registration-files') ?? null
  const method = parseMethod(withDefault('method'))
  const thresholds = parseThresholds(value, method)
  const intervals = parseIntervals(withDefault)
  const gateOn = parseGateOn(withDefault('gate-on'), intervals)
  const warnings: ConfigWarning[] = []
  const merge = parseMerge(value)
  // A merge step scores nothing: like a registration check, it needs no evaluation inputs.
  const source = parseSource(
    value,
    withDefault,
    registrationFiles !== null || merge !== null,
    warnings
  )

  return {
    source,
    workflowStage: withDefault('workflow-stage'),
    preflight: parseBoolean('preflight', withDefault('preflight')),
    evaluation: {
      method,
      iouThreshold: parseFraction('iou-threshold', withDefault('iou-threshold'), {
        allowZero: false
      }),
      intervals,
      report: parseReportOptions(value, withDefault, source),
      audit: parseAuditOptions(withDefault, method)
    },
    thresholds,
    gate: {
      gateOn,
      onInconclusive: parseEnum(
        'on-inconclusive',
        withDefault('on-inconclusive'),
        ON_INCONCLUSIVE_CHOICES
      ),
      minDataUnits: parseInteger('min-data-units', withDefault('min-data-units'), 1, 1_000_000, 10)
    },
    outputDir: withDefault('output-dir'),
    artifact: {
      upload: parseBoolean('upload-artifact', withDefault('upload-artifact')),
      name: uniqueArtifactName(
        parseArtifactName(withDefault('artifact-name')),
        value('comment-key'),
        source,
        method,
        env
      ),
      retentionDays: parseRetentionDays(value('retention-days'))
    },
    comment: {
      mode: parseEnum('comment', withDefault('comment'), ['auto', 'always', 'off'] as const),
      key: parseCommentKey(value('comment-key'))
    },
    githubToken: value('github-token') ?? '',
    registrationFiles,
    history: {
      runs: parseInteger('history-runs', withDefault('history-runs'), 0, 100),
      file: value('history-file') ?? null
    },
    merge,
    warnings
  }
}

function parseMerge(value: (name: InputName) => string | undefined): RunConfig['merge'] {
  const reports = value('merge-reports')
  const legs = value('expected-legs')
  if (reports === undefined) {
    if (legs !== undefined) {
      throw new InputError(
        "Input 'expected-legs' is set without merge-reports; give merge-reports the legs' report.json globs, or leave expected-legs out"
      )
    }
    return null
  }
  return {
    reports,
    expectedLegs: legs === undefined ? null : parseInteger('expected-legs', legs, 1, 256)
  }
}

function parseSource(
  value: (name: InputName) => string | undefined,
  withDefault: (name: keyof typeof INPUT_DEFAULTS) => string,
  checkingRegistration: boolean,
  warnings: ConfigWarning[]
): RunConfig['source'] {
  // Checked whatever the source, so an offline run refuses what an online one would.
  const concurrency = parseInteger('concurrency', withDefault('concurrency'), 1, 64)
  const exportInputs = ['benchmark-export', 'training-exports', 'ontology-file'] as const
  const apiInputs = ['benchmark-project', 'training-projects'] as const
  const anyExport = exportInputs.some((name) => value(name) !== undefined)
  const anyApi = apiInputs.some((name) => value(name) !== undefined)

  if (anyExport && anyApi) {
    throw new InputError(
      'Set either benchmark-project and training-projects (read from Encord) or benchmark-export, training-exports and ontology-file (read from files), not both',
      'benchmark-export'
    )
  }
  if (anyExport) {
    const missing = exportInputs.filter((name) => value(name) === undefined)
    if (missing.length > 0) {
      throw new InputError(
        `Input '${missing[0]}' is required when scoring from export files (set benchmark-export, training-exports and ontology-file together)`,
        missing[0]
      )
    }
    return {
      kind: 'exports',
      benchmarkExport: value('benchmark-export') as string,
      trainingExports: parseTrainingExports(value('training-exports') as string, warnings),
      ontologyFile: value('ontology-file') as string
    }
  }
  if (!anyApi && checkingRegistration) return null

  const benchmarkProject = parseProjectHash(
    'benchmark-project',
    required(value, 'benchmark-project')
  )
  const trainingProjects = parseTrainingProjects(required(value, 'training-projects'), warnings)
  if (trainingProjects.includes(benchmarkProject)) {
    throw new InputError(
      `Input 'training-projects' includes the benchmark project ${benchmarkProject}; list only the annotators' training projects`,
      'training-projects'
    )
  }
  const keyText = value('ssh-private-key')
  if (keyText === undefined) {
    throw new InputError(
      "Input 'ssh-private-key' is required: pass your Encord private key from a secret, e.g. ssh-private-key: ${{ secrets.ENCORD_SSH_KEY }}",
      'ssh-private-key'
    )
  }
  return {
    kind: 'encord',
    key: checkPrivateKey(keyText),
    domain: parseDomain(withDefault('encord-domain')),
    benchmarkProject,
    trainingProjects,
    concurrency
  }
}

function required(value: (name: InputName) => string | undefined, name: InputName): string {
  const text = value(name)
  if (text === undefined) {
    const example = name === 'training-projects' ? `${EXAMPLE_HASH}, …` : EXAMPLE_HASH
    throw new InputError(`Input '${name}' is required, e.g. ${name}: ${example}`, name)
  }
  return text
}

/** Splits a list given one per line, or separated by commas or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/**
 * Paths, which may hold spaces and commas: one per line when the value has line breaks (a YAML
 * block, or a repeated CLI flag), else the whole value is one path.
 */
export function splitPaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function parseTrainingExports(text: string, warnings: ConfigWarning[]): string[] {
  // `./a.json` and `a.json` are one file: compare resolved paths, keep the spelling given first.
  return withoutRepeats(
    splitPaths(text),
    (file) => path.resolve(file),
    'training-exports',
    warnings
  )
}

function parseTrainingProjects(text: string, warnings: ConfigWarning[]): string[] {
  const hashes = splitList(text).map((hash) => parseProjectHash('training-projects', hash))
  const unique = withoutRepeats(hashes, (hash) => hash, 'training-projects', warnings)
  if (unique.length === 0) {
    throw new InputError(
      `Input 'training-projects' lists no project; give one hash per line, e.g. ${EXAMPLE_HASH}`,
      'training-projects'
    )
  }
  return unique
}

/** The first of each item in order; one warning names what was listed more than once. */
function withoutRepeats(
  items: string[],
  identity: (item: string) => string,
  input: InputName,
  warnings: ConfigWarning[]
): string[] {
  const first = new Map<string, string>()
  const repeated = new Set<string>()
  for (const item of items) {
    const key = identity(item)
    if (first.has(key)) repeated.add(first.get(key) as string)
    else first.set(key, item)
  }
  if (repeated.size > 0) {
    // Whole: a path cut short could name another file. Items are hashes or paths, not key text.
    const names = [...repeated].map((item) => `'${item}'`).join(', ')
    warnings.push({
      input,
      message: `Input '${input}' lists ${names} more than once; each is scored once`
    })
  }
  return [...first.values()]
}

function parseProjectHash(name: InputName, text: string): string {
  if (!UUID.test(text)) {
    throw new InputError(
      `Input '${name}' has '${redactedEcho(text)}', which is not an Encord project hash: expected a UUID like ${EXAMPLE_HASH} (the id in the project's URL)`,
      name
    )
  }
  return text.toLowerCase()
}

function parseDomain(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(
      `Input 'encord-domain' has '${redactedEcho(text)}', which is not a URL: use https://api.encord.com (or https://api.us.encord.com)`,
      'encord-domain'
    )
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      `Input 'encord-domain' must use https (got ${url.protocol}//${url.host}): use https://api.encord.com`,
      'encord-domain'
    )
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new InputError(
      `Input 'encord-domain' must be an origin without a path (got ${redactedEcho(text)}): use ${url.origin}`,
      'encord-domain'
    )
  }
  return url.origin
}

/**
 * What a run keeps for its reports: worst items per project, the low-overlap bar of the feedback
 * notes, and which app the links open (`results/editor-links.ts`).
 */
function parseReportOptions(
  value: (name: InputName) => string | undefined,
  withDefault: (name: keyof typeof INPUT_DEFAULTS) => string,
  source: RunConfig['source']
): ReportOptions {
  const appText = value('encord-app-url')
  const appUrl = appText === undefined ? null : parseAppUrl(appText)
  return {
    items: parseInteger('report-items', withDefault('report-items'), 0, 10_000),
    lowIou: parseFraction('low-iou', withDefault('low-iou'), { allowZero: false }),
    editorOrigin: editorOrigin(source?.kind === 'encord' ? source.domain : null, appUrl)
  }
}

function parseAppUrl(text: string): string {
  const example = 'e.g. https://app.encord.com or the origin your deployment serves the app from'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(
      `Input 'encord-app-url' has '${redactedEcho(text)}', which is not a URL: use ${example}`,
      'encord-app-url'
    )
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      `Input 'encord-app-url' must use https (got ${url.protocol}//${url.host}): ${example}`,
      'encord-app-url'
    )
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new InputError(
      `Input 'encord-app-url' must be an origin without a path (got ${redactedEcho(text)}): use ${url.origin}`,
      'encord-app-url'
    )
  }
  return url.origin
}

/** The benchmark audit's settings (`results/audit.ts`). */
function parseAuditOptions(
  withDefault: (name: keyof typeof INPUT_DEFAULTS) => string,
  method: Method
): AuditOptions {
  const agreementText = withDefault('audit-agreement')
  const agreement = Number(agreementText)
  // At most half would let two different answers both be "what most annotators say".
  if (!(DECIMAL.test(agreementText) && agreement > 0.5 && agreement <= 1)) {
    throw new InputError(
      `Input 'audit-agreement' must be a number greater than 0.5 and at most 1 (got '${redactedEcho(agreementText)}'), e.g. 0.67`,
      'audit-agreement'
    )
  }
  const excludeSuspects = parseBoolean('exclude-suspects', withDefault('exclude-suspects'))
  if (excludeSuspects && method !== 'one-to-one') {
    throw new InputError(
      "Input 'exclude-suspects' needs method: one-to-one (the audit reads its matching); remove exclude-suspects or set method: one-to-one",
      'exclude-suspects'
    )
  }
  return {
    minAnnotators: parseInteger(
      'audit-min-annotators',
      withDefault('audit-min-annotators'),
      2,
      1_000_000,
      3
    ),
    agreement,
    excludeSuspects
  }
}

function parseMethod(text: string): Method {
  return parseEnum('method', text, ['one-to-one', 'encord-script'] as const)
}

function parseThresholds(
  value: (name: InputName) => string | undefined,
  method: Method
): Thresholds {
  const thresholds: Thresholds = {}
  for (const metric of GATE_METRICS) {
    const name = thresholdInput(metric)
    const text = value(name)
    if (text === undefined) continue
    if (!metricFacts(metric).methods.includes(method)) {
      throw new InputError(
        `Input '${name}' cannot be used with method: encord-script, which scores only IoU and class; use min-mean-iou or min-class-accuracy, or method: one-to-one`,
        name
      )
    }
    thresholds[metric] = parseFraction(name, text, { allowZero: true })
  }
  return thresholds
}

function parseIntervals(
  withDefault: (name: keyof typeof INPUT_DEFAULTS) => string
): IntervalOptions {
  const samples = parseInteger(
    'bootstrap-samples',
    withDefault('bootstrap-samples'),
    0,
    100_000,
    2000
  )
  const text = withDefault('confidence-level')
  const confidenceLevel = Number(text)
  if (!DECIMAL.test(text) || !(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new InputError(
      `Input 'confidence-level' must be a number greater than 0 and less than 1 (got '${redactedEcho(text)}'), e.g. confidence-level: 0.95 for 95 % intervals`,
      'confidence-level'
    )
  }
  return { samples, confidenceLevel }
}

function parseGateOn(text: string, intervals: IntervalOptions): GateOn {
  const gateOn = parseEnum('gate-on', text, GATE_ON_CHOICES)
  if (gateOn === 'interval' && intervals.samples === 0) {
    throw new InputError(
      "Input 'gate-on' is interval but bootstrap-samples is 0, so there are no intervals: set bootstrap-samples (e.g. 2000) or gate-on: estimate",
      'gate-on'
    )
  }
  return gateOn
}

/** Plain decimals only: `Number()` alone would also take `0x1`, `1e-1` or `Infinity`. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/

function parseFraction(
  name: InputName,
  text: string,
  { allowZero }: { allowZero: boolean }
): number {
  const number = Number(text)
  const ok = DECIMAL.test(text) && number <= 1 && (allowZero ? number >= 0 : number > 0)
  if (!ok) {
    const range = allowZero ? 'between 0 and 1' : 'greater than 0 and at most 1'
    throw new InputError(
      `Input '${name}' must be a number ${range} (got '${redactedEcho(text)}'), e.g. ${name}: 0.8`,
      name
    )
  }
  return number
}

function parseInteger(
  name: InputName,
  text: string,
  min: number,
  max: number,
  example: number = min === 1 ? 8 : min
): number {
  const number = Number(text)
  if (!/^\d+$/.test(text) || number < min || number > max) {
    throw new InputError(
      `Input '${name}' must be a whole number from ${min} to ${max} (got '${redactedEcho(text)}'), e.g. ${name}: ${example}`,
      name
    )
  }
  return number
}

function parseBoolean(name: InputName, text: string): boolean {
  if (/^true$/i.test(text)) return true
  if (/^false$/i.test(text)) return false
  throw new InputError(`Input '${name}' must be true or false (got '${redactedEcho(text)}')`, name)
}

function parseEnum<T extends string>(name: InputName, text: string, allowed: readonly T[]): T {
  const match = allowed.find((option) => option === text.toLowerCase())
  if (match === undefined) {
    throw new InputError(
      `Input '${name}' must be one of ${allowed.join(', ')} (got '${redactedEcho(text)}')`,
      name
    )
  }
  return match
}

function parseRetentionDays(text: string | undefined): number | null {
  if (text === undefined) return null
  return parseInteger('retention-days', text, 1, 90)
}

function parseArtifactName(text: string): string {
  if (ARTIFACT_NAME_FORBIDDEN.test(text)) {
    throw new InputError(
      `Input 'artifact-name' contains a character GitHub does not allow in artifact names (" : < > | * ? \\ / or a line break); use letters, digits, - and _, e.g. annotator-scores`,
      'artifact-name'
    )
  }
  return text
}

function parseCommentKey(text: string | undefined): string {
  if (text === undefined) return ''
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(text)) {
    throw new InputError(
      `Input 'comment-key' must be 1–64 letters, digits, '.', '_' or '-' (got '${redactedEcho(text)}'), e.g. comment-key: team-a`,
      'comment-key'
    )
  }
  return text
}

/**
 * Artifacts are immutable and their names unique per workflow run; a re-run is the same run.
 * So the name carries the job, the matrix leg (the comment key if set, else a short digest of
 * what is scored) and the run attempt: re-runs, matrix legs and jobs never collide.
 */
function uniqueArtifactName(
  base: string,
  commentKey: string | undefined,
  source: RunConfig['source'],
  method: Method,
  env: NodeJS.ProcessEnv
): string {
  const leg =
    commentKey ?? (source === null ? 'registration' : digest(`${method}:${describeSource(source)}`))
  const job = env.GITHUB_JOB?.trim()
  const attempt = env.GITHUB_RUN_ATTEMPT?.trim() || '1'
  return [base, job, leg, 'attempt', attempt].filter((part) => part).join('-')
}

function describeSource(source: NonNullable<RunConfig['source']>): string {
  return source.kind === 'encord'
    ? [source.benchmarkProject, ...source.trainingProjects].join(',')
    : [source.benchmarkExport, ...source.trainingExports].join(',')
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

/** Echoes a bad value back, shortened, and never when it looks like key material. */
function redactedEcho(text: string): string {
  if (/PRIVATE KEY|OPENSSH|b3BlbnNzaC1rZXktdjE/.test(text)) return '<key material, not shown>'
  const oneLine = text.replace(/[\r\n]+/g, ' ')
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine
}
