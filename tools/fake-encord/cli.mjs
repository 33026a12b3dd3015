#!/usr/bin/env node
// Starts the fake Encord server from a scenario file:
//   node tools/fake-encord/cli.mjs --scenario <file> [--port N] [--latency-ms N] [--rate-429 R]
//     [--rate-500 R] [--rate-503 R] [--retry-after S] [--seed N] [--no-gzip]
// Prints exactly one line, `fake-encord listening on http://127.0.0.1:<port>`, to stdout (scripts
// wait for it), and exits 0 after a clean stop on SIGINT or SIGTERM.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { startFakeEncord } from './server.mjs'

const USAGE =
  'usage: cli.mjs --scenario <file> [--port N] [--latency-ms N] [--rate-429 R] [--rate-500 R]' +
  ' [--rate-503 R] [--retry-after S] [--seed N] [--no-gzip]'

try {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      port: { type: 'string', default: '0' },
      'latency-ms': { type: 'string', default: '0' },
      'rate-429': { type: 'string', default: '0' },
      'rate-500': { type: 'string', default: '0' },
      'rate-503': { type: 'string', default: '0' },
      'retry-after': { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-gzip': { type: 'boolean', default: false }
    },
    strict: true
  })
  if (!values.scenario) throw new Error('--scenario is required')
  const scenario = JSON.parse(await readFile(values.scenario, 'utf8'))
  const server = await startFakeEncord({
    scenario,
    port: integer('--port', values.port),
    latencyMs: integer('--latency-ms', values['latency-ms']),
    faults: {
      rate429: rate('--rate-429', values['rate-429']),
      rate500: rate('--rate-500', values['rate-500']),
      rate503: rate('--rate-503', values['rate-503']),
      retryAfterSeconds:
        values['retry-after'] === undefined
          ? null
          : integer('--retry-after', values['retry-after']),
      seed: integer('--seed', values.seed)
    },
    gzip: !values['no-gzip']
  })
  process.stdout.write(`fake-encord listening on ${server.url}\n`)

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`fake-encord: error while stopping: ${error}\n`)
        process.exit(1)
      }
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  process.stderr.write(`fake-encord: ${error instanceof Error ? error.message : error}\n${USAGE}\n`)
  process.exit(2)
}

/** @param {string} flag @param {string | undefined} text */
function integer(flag, text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} must be an integer >= 0`)
  return value
}

/** @param {string} flag @param {string | undefined} text */
function rate(flag, text) {
  const value = Number(text)
  if (!(value >= 0 && value <= 1)) throw new Error(`${flag} must be a number from 0 to 1`)
  return value
}
