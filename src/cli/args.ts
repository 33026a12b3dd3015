/**
 * Command-line flags → the same raw inputs the action reads, so the CLI and the action share one
 * validation path (`parseConfig`). argv and env in, a command out; the only file read is the key.
 */
import { readFileSync } from 'node:fs'
import { InputError } from '../errors.js'
import type { RawInputs } from '../inputs.js'
import type { MergeCommandLine } from './program.js'
import {
  parseCommandLine,
  type PreflightCommandLine,
  type SetupTrainingCommandLine
} from './program.js'

export type CliCommand =
  | { kind: 'print'; text: string }
  | { kind: 'check-registration'; files: string[] }
  | { kind: 'evaluate'; inputs: RawInputs; verbose: boolean; color: boolean; history: string[] }
  | MergeCommandLine
  /** The subcommands that talk to Encord outside a scoring run, with the key's text. */
  | (SetupTrainingCommandLine & { key: string })
  | (PreflightCommandLine & { key: string })

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const parsed = parseCommandLine(argv)
  if (parsed.kind === 'setup-training' || parsed.kind === 'preflight') {
    return { ...parsed, key: readKey(parsed.keyFile, env) as string }
  }
  if (parsed.kind !== 'evaluate') return parsed
  const inputs: RawInputs = {}
  // A repeated flag is one item per occurrence; config splits list inputs on line breaks.
  for (const [name, values] of parsed.values) inputs[name] = values.join('\n')
  if (needsKey(inputs)) {
    const key = readKey(parsed.keyFile, env)
    if (key !== undefined) inputs['ssh-private-key'] = key
  }
  return {
    kind: 'evaluate',
    inputs,
    verbose: parsed.verbose,
    color: parsed.color,
    history: parsed.history
  }
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
