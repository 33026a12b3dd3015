/**
 * Keys made by the real ssh-keygen, which is a child process, so these run in the bundle project.
 * Without ssh-keygen they cannot run: in CI (CI=true, where .ci/run installs openssh-client) that
 * is a failure; elsewhere they are skipped, and the run says so rather than passing quietly.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { parsePrivateKey } from '../../src/encord/keys.js'

function hasSshKeygen(): boolean {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' })
    return true
  } catch (error) {
    // ssh-keygen exits non-zero on -? but exists; ENOENT means it is not installed.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT'
  }
}

const MISSING =
  'ssh-keygen is not installed, so the tests of keys made by the real ssh-keygen cannot run: install openssh-client (.ci/run does in CI)'
const installed = hasSshKeygen()
const inCi = process.env.CI === 'true'

if (!installed && !inCi) process.stderr.write(`\nSKIPPED: ${MISSING}.\n`)

describe('ssh-keygen', () => {
  // In CI a missing tool fails the run; elsewhere this is the one visible skip.
  ;(installed || inCi ? it : it.skip)('is installed', () => {
    if (!installed) throw new Error(`${MISSING}.`)
  })
})

function parseError(text: string): InputError {
  try {
    parsePrivateKey(text)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected parsePrivateKey to throw')
}

;(installed ? describe : describe.skip)('keys made by the real ssh-keygen', () => {
  function keygen(args: string[]): { key: string; pub: string } {
    const dir = mkdtempSync(join(tmpdir(), 'encord-keys-'))
    try {
      const file = join(dir, 'key')
      execFileSync('ssh-keygen', ['-q', '-C', 'ci@example', '-f', file, ...args], {
        stdio: 'ignore'
      })
      return { key: readFileSync(file, 'utf8'), pub: readFileSync(`${file}.pub`, 'utf8') }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('loads an unencrypted Ed25519 key and derives the public key in its .pub file', () => {
    const { key, pub } = keygen(['-t', 'ed25519', '-N', ''])
    const blob = Buffer.from(pub.split(' ')[1] ?? '', 'base64')
    expect(parsePrivateKey(key).publicKeyHex).toBe(blob.subarray(blob.length - 32).toString('hex'))
  })

  it('rejects a passphrase-protected Ed25519 key', () => {
    expect(parseError(keygen(['-t', 'ed25519', '-N', 'secret']).key).message).toMatch(/passphrase/)
  })

  it('rejects an RSA key in OpenSSH and PEM format', () => {
    expect(parseError(keygen(['-t', 'rsa', '-b', '1024', '-N', '']).key).message).toMatch(/RSA key/)
    expect(
      parseError(keygen(['-t', 'rsa', '-b', '1024', '-N', '', '-m', 'PEM']).key).message
    ).toMatch(/RSA key/)
  })

  it('rejects an ECDSA key', () => {
    expect(parseError(keygen(['-t', 'ecdsa', '-N', '']).key).message).toMatch(
      /ecdsa-sha2-nistp256 key/
    )
  })
})
