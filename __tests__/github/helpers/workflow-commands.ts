/**
 * How these tests observe logging: they run the real @actions/core and capture what it writes to
 * stdout, where annotations and debug lines are workflow commands (`::warning::text`). This tests
 * what the runner would actually see, escaping included, and also catches what @actions/artifact
 * logs through the same core — a mocked core would hide both.
 */
import { jest } from '@jest/globals'

export interface WorkflowCommand {
  command: string
  message: string
}

export interface CapturedOutput {
  /** Every line written to stdout, commands included. */
  lines(): string[]
  commands(): WorkflowCommand[]
  /** Messages of one command, e.g. `messages('warning')`. */
  messages(command: 'notice' | 'warning' | 'error' | 'debug'): string[]
  /** Everything written, as one string (for "the token never appears" checks). */
  text(): string
  restore(): void
}

const COMMAND = /^::([a-z-]+)(?: [^:]*)?::(.*)$/

export function captureStdout(): CapturedOutput {
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString())
    return true
  })
  const lines = (): string[] =>
    chunks
      .join('')
      .split(/\r?\n/)
      .filter((line) => line !== '')
  const commands = (): WorkflowCommand[] =>
    lines().flatMap((line) => {
      const match = COMMAND.exec(line)
      return match ? [{ command: match[1] ?? '', message: unescapeData(match[2] ?? '') }] : []
    })
  return {
    lines,
    commands,
    messages: (command) =>
      commands()
        .filter((entry) => entry.command === command)
        .map((entry) => entry.message),
    text: () => chunks.join(''),
    restore: () => spy.mockRestore()
  }
}

/** Reverses @actions/core's escaping of command data. */
function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
