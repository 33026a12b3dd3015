#!/usr/bin/env node
// For profiling: runs the bundled action once against a fake started by bench/serve.mjs, with any
// extra node flags, and prints wall time and peak RSS. For example
//   node bench/profile.mjs --k 5 -- --cpu-prof --cpu-prof-dir=/tmp/prof
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags, positionals: nodeFlags } = parseArgs({
  allowPositionals: true,
  options: {
    k: { type: 'string', default: '5' },
    state: { type: 'string', default: 'bench-state.json' },
    concurrency: { type: 'string', default: '8' },
    entry: { type: 'string', default: 'dist/index.js' },
    keep: { type: 'string' },
    stdout: { type: 'string' }
  }
})
const state = JSON.parse(await readFile(flags.state, 'utf8'))
const training = state.training.slice(0, Number(flags.k))
const dir = flags.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'profile-')))
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  BENCH_RSS_FILE: path.join(dir, 'rss'),
  BENCH_CPU_FILE: path.join(dir, 'cpu'),
  ...(process.env.BENCH_CPU_SPLIT ? { BENCH_CPU_SPLIT: '1' } : {}),
  GITHUB_OUTPUT: path.join(dir, 'output'),
  GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  'INPUT_SSH-PRIVATE-KEY': state.privateKey,
  'INPUT_ENCORD-DOMAIN': state.url,
  'INPUT_BENCHMARK-PROJECT': state.benchmark,
  'INPUT_TRAINING-PROJECTS': training.join('\n'),
  'INPUT_OUTPUT-DIR': path.join(dir, 'out'),
  'INPUT_UPLOAD-ARTIFACT': 'false',
  INPUT_COMMENT: 'off',
  INPUT_CONCURRENCY: flags.concurrency
}
await writeFile(env.GITHUB_OUTPUT, '')
await writeFile(env.GITHUB_STEP_SUMMARY, '')
const started = performance.now()
const child = spawn(
  process.execPath,
  [...nodeFlags, '--import', './bench/rss-probe.mjs', flags.entry],
  { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] }
)
let stdout = ''
child.stdout.on('data', (chunk) => (stdout += chunk))
const code = await new Promise((resolve) => child.on('exit', resolve))
const ms = performance.now() - started
if (flags.stdout !== undefined) await writeFile(flags.stdout, stdout)
const rss = Number(await readFile(env.BENCH_RSS_FILE, 'utf8').catch(() => 0))
const cpu = Number(await readFile(env.BENCH_CPU_FILE, 'utf8').catch(() => 0))
if (code !== 0) process.stderr.write(stdout.slice(-3000))
process.stdout.write(
  `K = ${training.length}: exit ${code}, wall ${(ms / 1000).toFixed(2)} s, CPU ${(cpu / 1000).toFixed(2)} s, peak RSS ${(rss / 2 ** 20).toFixed(0)} MB\n`
)
if (flags.keep === undefined) await rm(dir, { recursive: true, force: true })
