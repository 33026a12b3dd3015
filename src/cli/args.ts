/**
 * Command-line flags → the same raw inputs the action reads, so the CLI and the action share one
 * validation path (`parseConfig`). Pure: argv and env in, a parsed command out.
 */
import { readFileSync } from 'node:fs'
import { InputError } from '../errors.js'
import type { InputName, RawInputs } from '../inputs.js'

/** Action inputs that make no sense outside GitHub Actions. */
const GITHUB_ONLY: ReadonlySet<InputName> = new Set<InputName>([
  'ssh-private-key',
  'upload-artifact',
  'artifact-name',
  'retention-days',
  'comment',
  'comment-key',
  'github-token',
  'registration-files'
])

/** Value flags accepted by `evaluate`: every evaluation input, plus friendlier aliases. */
const VALUE_FLAGS: Record<string, InputName | 'ssh-private-key-file'> = {
  'benchmark-project': 'benchmark-project',
  'training-projects': 'training-projects',
  'training-project': 'training-projects',
  'encord-domain': 'encord-domain',
  'workflow-stage': 'workflow-stage',
  method: 'method',
  'iou-threshold': 'iou-threshold',
  'min-mean-iou': 'min-mean-iou',
  'min-class-accuracy': 'min-class-accuracy',
  'min-precision': 'min-precision',
  'min-recall': 'min-recall',
  'min-f1': 'min-f1',
  'output-dir': 'output-dir',
  concurrency: 'concurrency',
  'benchmark-export': 'benchmark-export',
  'training-exports': 'training-exports',
  'training-export': 'training-exports',
  'ontology-file': 'ontology-file',
  ontology: 'ontology-file',
  'ssh-private-key-file': 'ssh-private-key-file'
}

/** Flags that may be given more than once; their values are joined into a list. */
const REPEATABLE: ReadonlySet<InputName> = new Set<InputName>([
  'training-projects',
  'training-exports'
])

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check-registration'; args: string[] }
  | { kind: 'evaluate'; inputs: RawInputs; verbose: boolean; color: boolean }

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  if (argv[0] === 'check-registration') return { kind: 'check-registration', args: argv.slice(1) }
  const args = argv[0] === 'evaluate' ? argv.slice(1) : [...argv]

  const inputs: RawInputs = {}
  let keyFile: string | undefined
  let verbose = false
  let color = false
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string
    if (arg === '--help' || arg === '-h') return { kind: 'help' }
    if (arg === '--version' || arg === '-V') return { kind: 'version' }
    if (arg === '--verbose' || arg === '-v') {
      verbose = true
      continue
    }
    if (arg === '--color') {
      color = true
      continue
    }
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg)
    const name = match?.[1]
    const target = name === undefined ? undefined : VALUE_FLAGS[name]
    if (match === null || target === undefined) {
      throw new InputError(
        arg.startsWith('-')
          ? `Unknown option ${arg}; run with --help to see the options`
          : `Unexpected argument '${arg}'; options take the form --name value (run with --help)`
      )
    }
    let value = match[2]
    if (value === undefined) {
      value = args[index + 1]
      if (value === undefined || value.startsWith('--')) {
        throw new InputError(`Option --${name} needs a value, e.g. --${name} ${exampleFor(target)}`)
      }
      index += 1
    }
    if (target === 'ssh-private-key-file') {
      keyFile = value
    } else if (REPEATABLE.has(target) && inputs[target] !== undefined) {
      inputs[target] = `${inputs[target]}\n${value}`
    } else {
      inputs[target] = value
    }
  }
  if (needsKey(inputs)) {
    const key = readKey(keyFile, env)
    if (key !== undefined) inputs['ssh-private-key'] = key
  }
  return { kind: 'evaluate', inputs, verbose, color }
}

/** Only a run that reads Encord needs the key; anything else is left to parseConfig to judge. */
function needsKey(inputs: RawInputs): boolean {
  const fromFiles =
    inputs['benchmark-export'] !== undefined || inputs['training-exports'] !== undefined
  const fromEncord =
    inputs['benchmark-project'] !== undefined || inputs['training-projects'] !== undefined
  return fromEncord && !fromFiles
}

/** The key, as the Encord SDK looks for it: a file flag, then ENCORD_SSH_KEY_FILE, then ENCORD_SSH_KEY. */
function readKey(keyFile: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const file = keyFile ?? nonEmpty(env.ENCORD_SSH_KEY_FILE)
  if (file !== undefined) {
    const from = keyFile !== undefined ? '--ssh-private-key-file' : 'ENCORD_SSH_KEY_FILE'
    try {
      return readFileSync(expandHome(file, env), 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new InputError(
        `Cannot read the private key file given by ${from} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}): ${file}`,
        'ssh-private-key'
      )
    }
  }
  const inline = nonEmpty(env.ENCORD_SSH_KEY)
  if (inline !== undefined) return inline
  throw new InputError(
    'No Encord private key: pass --ssh-private-key-file PATH, or set ENCORD_SSH_KEY_FILE (a path) or ENCORD_SSH_KEY (the key itself)',
    'ssh-private-key'
  )
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

function expandHome(file: string, env: NodeJS.ProcessEnv): string {
  return file.startsWith('~/') && env.HOME ? `${env.HOME}${file.slice(1)}` : file
}

function exampleFor(target: InputName | 'ssh-private-key-file'): string {
  if (target === 'ssh-private-key-file') return '~/.ssh/encord_ed25519'
  if (target.endsWith('project') || target.endsWith('projects'))
    return '00000000-0000-0000-0000-000000000000'
  if (target.startsWith('min-') || target === 'iou-threshold') return '0.5'
  return '<value>'
}

export { GITHUB_ONLY, VALUE_FLAGS }
