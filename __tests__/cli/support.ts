/**
 * Shared pieces of the CLI tests: captured output, Node processes, temp dirs, keys registered with
 * the fake.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CliIo } from '../../src/cli/run.js'
import { generateKeyPair, type KeyPair } from '../../tools/fake-encord/scenario.mjs'

export interface Captured {
  io: CliIo
  stdout(): string
  stderr(): string
  /** Non-empty stderr lines. */
  stderrLines(): string[]
}

export function capture(): Captured {
  const out: string[] = []
  const err: string[] = []
  return {
    io: { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    stderrLines: () =>
      err
        .join('')
        .split('\n')
        .filter((line) => line !== '')
  }
}

/** How a process ended, and all it wrote. */
export interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `node args…` without blocking this process's event loop (a fake server may live here),
 * with exactly the environment given.
 */
export function runNode(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string }
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export async function tempDir(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** Three users, each with its own key, so the fake's request log tells which key signed. */
export const KEY_A: KeyPair = generateKeyPair(Buffer.alloc(32, 0xa1), { comment: 'key-a' })
export const KEY_B: KeyPair = generateKeyPair(Buffer.alloc(32, 0xb2), { comment: 'key-b' })
export const KEY_C: KeyPair = generateKeyPair(Buffer.alloc(32, 0xc3), { comment: 'key-c' })
export const KEY_USERS = [
  { email: 'a@example.com', publicKeyHex: KEY_A.publicKeyHex },
  { email: 'b@example.com', publicKeyHex: KEY_B.publicKeyHex },
  { email: 'c@example.com', publicKeyHex: KEY_C.publicKeyHex }
]
/** A valid key no scenario registers. */
export const STRANGER: KeyPair = generateKeyPair(Buffer.alloc(32, 0x5e), { comment: 'stranger' })
