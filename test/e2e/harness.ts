import { createHash } from 'node:crypto'
/**
 * Runs the bundled action (`node dist/index.js`) as the runner does: a child process whose inputs
 * are `INPUT_<NAME>` variables, whose results are files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) and
 * workflow commands on stdout, against three local fakes on 127.0.0.1: the Encord API (real
 * signature checks), the GitHub REST API and the artifact (Results + blob) service.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  parseGithubOutput,
  runnerEnv,
  startFakeArtifactService,
  type FakeArtifactService
} from '../fakes/artifact-service.mjs'
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../fakes/github-api.mjs'
import {
  startFakeEncord,
  type FakeEncord,
  type FakeEncordOptions,
  type Scenario
} from '../../tools/fake-encord/server.mjs'
import type { E2eDataset } from './dataset.mjs'
import { bundleFile } from '../bundle.js'

const REPO_ROOT = path.join(import.meta.dirname, '..', '..')
/** The action of the bundle project's fresh build, never a possibly stale dist/. */
export const ACTION_ENTRY = bundleFile('index.js')
export const ACTION_YML = path.join(REPO_ROOT, 'action.yml')

export const OWNER = 'octo-org'
export const REPO = 'annotations'
export const GITHUB_TOKEN = 'ghs_e2eWorkflowToken0000000000000000'
/** The run id runnerEnv sets; artifact links are built from it. */
export const RUN_ID = '4242'

/** A child that has not finished by then is killed, so a hang fails the test instead of jest. */
const RUN_TIMEOUT_MS = 90_000

/** Action inputs by their action.yml name (`ssh-private-key`, …). */
export type Inputs = Record<string, string>

export interface WorkflowCommand {
  /** `error`, `warning`, `notice`, `debug`, `add-mask`, `group`, … */
  name: string
  properties: Record<string, string>
  message: string
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  /** stdout without the `::add-mask::` commands, which the runner consumes and never shows. */
  visibleStdout: string
  commands: WorkflowCommand[]
  /** The raw GITHUB_OUTPUT file, and it parsed as the runner reads it. */
  outputFile: string
  outputs: Record<string, string>
  /** The GITHUB_STEP_SUMMARY file. */
  summary: string
  /** The working directory (the workspace); a relative output-dir lands here. */
  workspace: string
  /** The child's whole environment (runner variables and `INPUT_*`). */
  env: Record<string, string>
  /** The files at the `csv-path`, `report-path` and `summary-path` outputs, when set. */
  files: { csv?: Buffer; report?: Buffer; summary?: Buffer }
  /** Messages of the annotations of one level (`::error …::message`), decoded. */
  annotations(level: 'error' | 'warning' | 'notice'): string[]
}

export interface RunOptions {
  inputs: Inputs
  /** Defaults to `pull_request` on PR #1 of the same repository. */
  eventName?: string
  event?: unknown
  runAttempt?: string
  /** GITHUB_RUN_ID (default 4242): history tells runs apart by it. */
  runId?: string
  /** Sets GITHUB_WORKFLOW_REF to this workflow file, as a runner does (history lists its runs). */
  workflowFile?: string
  /** Leave ACTIONS_RUNTIME_TOKEN out (ACTIONS_RESULTS_URL stays), as when a runner gives none. */
  withoutRuntimeToken?: boolean
  /** Another fake GitHub or artifact service than the harness's own. */
  github?: FakeGitHub
  artifacts?: FakeArtifactService
  /**
   * Runs the action pinned to these CPUs (`taskset -c`, e.g. '0' or '0,1'): the action sizes its
   * scoring workers by the cores it may use.
   */
  cpus?: string
}

export interface HarnessOptions {
  scenario: Scenario
  /** Faults of the harness's fake Encord; none by default. */
  encordFaults?: FakeEncordOptions['faults']
  github?: Omit<FakeGitHubOptions, 'owner' | 'repo' | 'token'>
}

export interface Harness {
  encord: FakeEncord
  github: FakeGitHub
  artifacts: FakeArtifactService
  run(options: RunOptions): Promise<ActionRun>
  /** Starts another fake Encord serving the same scenario (e.g. one that injects faults). */
  startEncord(faults?: FakeEncordOptions['faults']): Promise<FakeEncord>
  /** Starts another fake GitHub for the same repository and token. */
  startGitHub(options?: HarnessOptions['github']): Promise<FakeGitHub>
  startArtifacts(): Promise<FakeArtifactService>
  /** Stops every fake and removes every file the runs wrote. */
  close(): Promise<void>
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const closers: (() => Promise<void>)[] = []
  const root = await mkdtemp(path.join(tmpdir(), 'encord-eval-e2e-'))
  closers.push(() => rm(root, { recursive: true, force: true }))

  const startEncord = async (faults?: FakeEncordOptions['faults']): Promise<FakeEncord> => {
    const fake = await startFakeEncord({
      scenario: options.scenario,
      ...(faults === undefined ? {} : { faults })
    })
    closers.push(() => fake.close())
    return fake
  }
  const startGitHub = async (extra: HarnessOptions['github'] = {}): Promise<FakeGitHub> => {
    const fake = await startFakeGitHub({ owner: OWNER, repo: REPO, token: GITHUB_TOKEN, ...extra })
    closers.push(() => fake.close())
    return fake
  }
  const startArtifacts = async (): Promise<FakeArtifactService> => {
    const fake = await startFakeArtifactService()
    closers.push(() => fake.close())
    return fake
  }

  const [encord, github, artifacts] = await Promise.all([
    startEncord(options.encordFaults),
    startGitHub(options.github),
    startArtifacts()
  ])

  return {
    encord,
    github,
    artifacts,
    startEncord,
    startGitHub,
    startArtifacts,
    run: (run) =>
      runAction({
        ...run,
        github: run.github ?? github,
        artifacts: run.artifacts ?? artifacts,
        tempDir: root
      }),
    async close() {
      // Fakes first (they may still hold connections), the files last.
      for (const close of closers.reverse()) await close()
    }
  }
}

/** The inputs every evaluation needs: key, projects, the fake's origin and the token. */
export function evaluationInputs(dataset: E2eDataset, encord: { url: string }): Inputs {
  return {
    'ssh-private-key': dataset.key.privateKeyOpenSsh,
    'benchmark-project': dataset.benchmarkProject,
    'training-projects': dataset.trainingProjects.join('\n'),
    'encord-domain': encord.url,
    'github-token': GITHUB_TOKEN
  }
}

/** `INPUT_<NAME>` as the runner names it: upper-case, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

async function runAction(
  options: RunOptions & { github: FakeGitHub; artifacts: FakeArtifactService; tempDir: string }
): Promise<ActionRun> {
  const runner = runnerEnv({
    github: options.github,
    artifacts: options.artifacts,
    tempDir: options.tempDir,
    ...(options.eventName === undefined ? {} : { eventName: options.eventName }),
    ...(options.event === undefined ? {} : { event: options.event }),
    ...(options.runAttempt === undefined ? {} : { runAttempt: options.runAttempt }),
    ...(options.runId === undefined ? {} : { runId: options.runId }),
    ...(options.workflowFile === undefined ? {} : { workflowFile: options.workflowFile })
  })
  if (options.withoutRuntimeToken) delete runner.ACTIONS_RUNTIME_TOKEN
  const runRoot = path.dirname(runner.RUNNER_TEMP as string)
  const workspace = runRoot
  const env: Record<string, string> = {
    // Only what a runner would give: nothing of the test process leaks in (no proxies, no
    // NODE_OPTIONS from jest, no real GITHUB_* or ACTIONS_* when the tests themselves run in CI).
    PATH: process.env.PATH ?? '',
    HOME: runRoot,
    LANG: 'C.UTF-8',
    ...runner,
    GITHUB_WORKSPACE: workspace
  }
  for (const [name, value] of Object.entries(options.inputs)) env[inputVariable(name)] = value

  const { exitCode, stdout, stderr } = await spawnNode(ACTION_ENTRY, env, workspace, options.cpus)
  const outputFile = await readFile(runner.GITHUB_OUTPUT as string, 'utf8')
  const outputs = parseGithubOutput(outputFile)
  const summary = await readFile(runner.GITHUB_STEP_SUMMARY as string, 'utf8')
  const commands = parseWorkflowCommands(stdout)
  const read = async (file: string | undefined): Promise<Buffer | undefined> =>
    file ? readFile(file) : undefined
  const [csv, report, summaryFile] = await Promise.all([
    read(outputs['csv-path']),
    read(outputs['report-path']),
    read(outputs['summary-path'])
  ])
  return {
    exitCode,
    stdout,
    stderr,
    visibleStdout: stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    commands,
    outputFile,
    outputs,
    summary,
    workspace,
    env,
    files: {
      ...(csv === undefined ? {} : { csv }),
      ...(report === undefined ? {} : { report }),
      ...(summaryFile === undefined ? {} : { summary: summaryFile })
    },
    annotations: (level) =>
      commands.filter((command) => command.name === level).map((command) => command.message)
  }
}

function spawnNode(
  script: string,
  env: Record<string, string>,
  cwd: string,
  cpus?: string
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [command, args] =
      cpus === undefined
        ? [process.execPath, [script]]
        : ['taskset', ['-c', cpus, process.execPath, script]]
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer)
      const err = Buffer.concat(stderr).toString('utf8')
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: signal === null ? err : `${err}\n[killed by ${signal}]`
      })
    })
  })
}

/**
 * `::name key=value,key=value::message` lines, decoded as the runner does (`%25`, `%0D`, `%0A` in
 * messages; also `%3A`, `%2C` in property values).
 */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const [, name = '', props = '', message = ''] = match
    const properties: Record<string, string> = {}
    for (const pair of props.split(',')) {
      const equals = pair.indexOf('=')
      if (equals > 0) properties[pair.slice(0, equals)] = decodeProperty(pair.slice(equals + 1))
    }
    commands.push({ name, properties, message: decodeMessage(message) })
  }
  return commands
}

function decodeMessage(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function decodeProperty(text: string): string {
  return decodeMessage(text.replace(/%3A/g, ':').replace(/%2C/g, ','))
}

/** The base64 lines between the armour lines of the dataset's OpenSSH key. */
export function keyBodyLines(dataset: E2eDataset): string[] {
  return dataset.key.privateKeyOpenSsh
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('-----'))
}

/**
 * The forms a leaked key would take: each base64 line between the armour lines, the body joined,
 * the body joined with literal `\n` (as pasted into a secret, or JSON-escaped), and the seed.
 */
export function keyMaterial(dataset: E2eDataset): string[] {
  const body = keyBodyLines(dataset)
  return [...body, body.join(''), body.join('\\n'), dataset.key.seedHex]
}

/** Which of `secrets` occur in which of the named texts, e.g. `['stdout: b3Blbn…']`; [] if none. */
export function findSecrets(
  secrets: readonly string[],
  places: Record<string, string | Buffer | undefined>
): string[] {
  const found: string[] = []
  for (const [where, content] of Object.entries(places)) {
    if (content === undefined) continue
    const text = typeof content === 'string' ? content : content.toString('latin1')
    for (const secret of secrets) {
      if (text.includes(secret)) found.push(`${where}: ${secret.slice(0, 12)}…`)
    }
  }
  return found
}

/** Every place an action run may write to on its own (process streams and runner files). */
export function runSinks(
  label: string,
  run: ActionRun
): Record<string, string | Buffer | undefined> {
  return {
    [`${label} stdout`]: run.visibleStdout,
    [`${label} stderr`]: run.stderr,
    [`${label} GITHUB_OUTPUT`]: run.outputFile,
    [`${label} step summary`]: run.summary,
    [`${label} CSV`]: run.files.csv,
    [`${label} report.json`]: run.files.report,
    [`${label} summary.md`]: run.files.summary
  }
}

/** Inputs and their defaults as action.yml declares them (a reader for its simple layout). */
export async function actionYmlInputDefaults(): Promise<Record<string, string | undefined>> {
  const text = await readFile(ACTION_YML, 'utf8')
  const inputs = /^inputs:\n([\s\S]*?)^\S/m.exec(text)?.[1] ?? ''
  const defaults: Record<string, string | undefined> = {}
  let current: string | undefined
  for (const line of inputs.split('\n')) {
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line)?.[1]
    if (name !== undefined) {
      current = name
      defaults[name] = undefined
      continue
    }
    const value = /^ {4}default:\s*(.*)$/.exec(line)?.[1]
    if (current !== undefined && value !== undefined) defaults[current] = unquote(value.trim())
  }
  return defaults
}

/** Output names as action.yml declares them. */
export async function actionYmlOutputNames(): Promise<string[]> {
  const text = await readFile(ACTION_YML, 'utf8')
  const outputs = /^outputs:\n([\s\S]*?)(?:^\S|(?![\s\S]))/m.exec(text)?.[1] ?? ''
  return [...outputs.matchAll(/^ {2}([a-z0-9-]+):\s*$/gm)].map((match) => match[1] ?? '')
}

function unquote(value: string): string {
  return /^'.*'$|^".*"$/.test(value) ? value.slice(1, -1) : value
}

/**
 * The artifact name the action should use, built here from its documented parts (not from
 * src/config.ts): prefix, job id, leg (the comment key, else the first 8 hex digits of
 * sha256("<method>:<benchmark>,<training…>")), "attempt", run attempt.
 */
export function expectedArtifactName(parts: {
  prefix?: string
  job?: string
  commentKey?: string
  method?: string
  projects?: readonly string[]
  attempt?: number
}): string {
  const leg =
    parts.commentKey ??
    createHash('sha256')
      .update(`${parts.method ?? 'one-to-one'}:${(parts.projects ?? []).join(',')}`)
      .digest('hex')
      .slice(0, 8)
  return [
    parts.prefix ?? 'annotator-scores',
    parts.job ?? 'evaluate',
    leg,
    'attempt',
    parts.attempt ?? 1
  ].join('-')
}
