#!/usr/bin/env node
// `npm run bench`: the bundled action, end to end, as a process, against the fake Encord API with
// 20 ms of latency per request, for K = 1, 5 and 20 training projects of N = 1000 rows × M = 10
// objects (20 % videos of 8 frames, every shape, realistic noise). For each K it measures:
//   - wall time, requests, bytes received and peak RSS of `node dist/index.js`;
//   - evaluation time alone, in process (bench/evaluate-only.mjs);
//   - the floor: the same requests at the same concurrency doing nothing else (bench/floor.mjs).
// and writes bench/results.md.
//
//   npm run bench [-- --k 1,5,20 --rows 1000 --objects 10 --latency 20 --seed 7 --no-write]
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startFakeEncord } from '../tools/fake-encord/server.mjs'
import { generateKeyPair } from '../tools/fake-encord/scenario.mjs'
import { generateDataset } from '../tools/generate/dataset.mjs'
import { toScenario } from '../tools/generate/to-scenario.mjs'
import { annotator } from './annotators.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    k: { type: 'string', default: '1,5,20' },
    rows: { type: 'string', default: '1000' },
    objects: { type: 'string', default: '10' },
    latency: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
    concurrency: { type: 'string', default: '8' },
    'no-write': { type: 'boolean', default: false }
  }
})
const ks = flags.k.split(',').map(Number)
const rows = Number(flags.rows)
const objectsPerRow = Number(flags.objects)
const latencyMs = Number(flags.latency)
const concurrency = Number(flags.concurrency)
const STAGE = 'Complete'

const say = (text) => process.stderr.write(`${text}\n`)

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }))
  })
}

async function measure(k, dataset, key, work) {
  const training = dataset.training.slice(0, k)
  const scenario = toScenario(
    { ...dataset, training },
    {
      users: [{ email: 'bench@example.com', publicKeyHex: key.publicKeyHex }],
      serialiseLabels: true
    }
  )
  const fake = await startFakeEncord({ scenario, latencyMs })
  const projects = [dataset.benchmark.projectHash, ...training.map((p) => p.projectHash)]
  try {
    // Warm-up: the fake compresses each bundle once and keeps it, so neither measured run pays
    // for the fake's gzip on the shared cores.
    await run(
      process.execPath,
      ['bench/floor.mjs', fake.url, work.keyFile, String(concurrency), STAGE, ...projects],
      { cwd: root }
    )

    fake.resetStats()
    const floorRun = await run(
      process.execPath,
      ['bench/floor.mjs', fake.url, work.keyFile, String(concurrency), STAGE, ...projects],
      { cwd: root }
    )
    if (floorRun.code !== 0) throw new Error(`floor failed: ${floorRun.stderr}`)
    const floor = JSON.parse(floorRun.stdout)

    fake.resetStats()
    const out = path.join(work.dir, `out-${k}`)
    const rssFile = path.join(work.dir, `rss-${k}`)
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BENCH_RSS_FILE: rssFile,
      GITHUB_OUTPUT: path.join(work.dir, `output-${k}`),
      GITHUB_STEP_SUMMARY: path.join(work.dir, `summary-${k}`),
      'INPUT_SSH-PRIVATE-KEY': key.privateKeyOpenSsh,
      'INPUT_ENCORD-DOMAIN': fake.url,
      'INPUT_BENCHMARK-PROJECT': dataset.benchmark.projectHash,
      'INPUT_TRAINING-PROJECTS': training.map((p) => p.projectHash).join('\n'),
      'INPUT_OUTPUT-DIR': out,
      'INPUT_UPLOAD-ARTIFACT': 'false',
      INPUT_COMMENT: 'off',
      INPUT_CONCURRENCY: String(concurrency)
    }
    await writeFile(env.GITHUB_OUTPUT, '')
    await writeFile(env.GITHUB_STEP_SUMMARY, '')
    const action = await run(
      process.execPath,
      ['--import', './bench/rss-probe.mjs', 'dist/index.js'],
      { cwd: root, env }
    )
    if (action.code !== 0)
      throw new Error(`the action failed (exit ${action.code}): ${action.stdout.slice(-2000)}`)
    const stats = fake.stats()
    const peakRss = Number(await readFile(rssFile, 'utf8'))
    const csvRows =
      (await readFile(path.join(out, 'iou_results.csv'), 'utf8')).split('\n').length - 2

    const evalRun = await run(
      process.execPath,
      ['bench/evaluate-only.mjs', fake.url, work.keyFile, STAGE, ...projects],
      { cwd: root }
    )
    if (evalRun.code !== 0) throw new Error(`evaluate-only failed: ${evalRun.stderr}`)
    const evaluation = JSON.parse(evalRun.stdout)

    return {
      k,
      wallMs: action.ms,
      floorMs: floor.ms,
      evaluationMs: evaluation.evaluationMs,
      requests: stats.requests,
      bytes: stats.bytesSent,
      peakRss,
      csvRows,
      serverMs: stats.serverMsTotal
    }
  } finally {
    await fake.close()
  }
}

const fmt = (ms) => (ms / 1000).toFixed(2)
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0)

const work = { dir: await mkdtemp(path.join(os.tmpdir(), 'bench-')) }
try {
  const key = generateKeyPair(Buffer.alloc(32, 7))
  work.keyFile = path.join(work.dir, 'key')
  await writeFile(work.keyFile, key.privateKeyOpenSsh)
  const maxK = Math.max(...ks)
  say(
    `Generating ${maxK + 1} projects of ${rows} rows × ${objectsPerRow} objects (seed ${flags.seed})…`
  )
  const started = performance.now()
  const dataset = generateDataset({
    seed: Number(flags.seed),
    rows,
    objectsPerRow,
    videoShare: 0.2,
    videoFrames: 8,
    annotators: Array.from({ length: maxK }, (_, i) => annotator(i))
  })
  say(`  done in ${fmt(performance.now() - started)} s`)

  const results = []
  for (const k of ks) {
    say(`K = ${k}: floor, action, evaluation…`)
    const result = await measure(k, dataset, key, work)
    results.push(result)
    say(
      `  wall ${fmt(result.wallMs)} s · floor ${fmt(result.floorMs)} s · evaluation ${fmt(result.evaluationMs)} s · ` +
        `${result.requests} requests · ${mb(result.bytes)} MB · peak RSS ${mb(result.peakRss)} MB · ${result.csvRows} CSV rows`
    )
  }

  const table = [
    '| K | rows scored | wall (s) | floor (s) | wall / floor | evaluation (s) | evaluation / wall | requests | received (MB) | peak RSS (MB) |',
    '| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...results.map(
      (r) =>
        `| ${r.k} | ${r.csvRows} | ${fmt(r.wallMs)} | ${fmt(r.floorMs)} | ${(r.wallMs / r.floorMs).toFixed(2)} | ${fmt(r.evaluationMs)} | ${((100 * r.evaluationMs) / r.wallMs).toFixed(0)} % | ${r.requests} | ${mb(r.bytes)} | ${mb(r.peakRss)} |`
    )
  ]
  const byK = new Map(results.map((r) => [r.k, r]))
  const checks = []
  const k20 = byK.get(20)
  const k5 = byK.get(5)
  if (k20) {
    checks.push(
      `- K = 20 wall ≤ 2 × floor: ${(k20.wallMs / k20.floorMs).toFixed(2)} × — ${k20.wallMs <= 2 * k20.floorMs ? 'met' : 'missed'}`
    )
    checks.push(
      `- Evaluation ≤ 20 % of wall (K = 20): ${((100 * k20.evaluationMs) / k20.wallMs).toFixed(0)} % — ${k20.evaluationMs <= 0.2 * k20.wallMs ? 'met' : 'missed'}`
    )
    checks.push(
      `- Peak RSS ≤ 400 MB (K = 20): ${mb(k20.peakRss)} MB — ${k20.peakRss <= 400 * 1024 * 1024 ? 'met' : 'missed'}`
    )
  }
  if (k20 && k5) {
    checks.push(
      `- K = 20 ≤ 4 × K = 5: ${(k20.wallMs / k5.wallMs).toFixed(2)} × — ${k20.wallMs <= 4 * k5.wallMs ? 'met' : 'missed'}`
    )
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const text = [
    '# Benchmark results',
    '',
    `Measured with \`npm run bench\` on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    `Scenario: seed ${flags.seed}; K training projects and one benchmark of ${rows} label rows × ${objectsPerRow} objects, 20 % videos of 8 frames, every shape; ${latencyMs} ms of latency per request; concurrency ${concurrency}; gzip on (the fake compresses each answer once, before the measured runs).`,
    '',
    '- **wall**: `node dist/index.js` as a process, from spawn to exit (start-up, fetching, parsing, scoring, writing the CSV, report.json and summary).',
    '- **floor**: the same requests through the same transport at the same concurrency, doing nothing else (`bench/floor.mjs`).',
    '- **evaluation**: `evaluateProject` alone, in process, summed over the training projects (`bench/evaluate-only.mjs`).',
    '- **received**: bytes on the wire (gzip), as counted by the fake server; **peak RSS**: the action process, from the kernel.',
    '',
    ...table,
    '',
    '## Targets',
    '',
    ...checks,
    ''
  ].join('\n')
  process.stdout.write(`\n${text}`)
  if (!flags['no-write']) {
    // Sections other benches wrote (bench/export-memory.mjs's) are kept after this one's.
    const previous = await readFile(path.join(root, 'bench', 'results.md'), 'utf8').catch(() => '')
    const others = previous.indexOf('\n## Memory on large exports')
    await writeFile(
      path.join(root, 'bench', 'results.md'),
      others < 0 ? text : `${text}${previous.slice(others)}`
    )
    say('Wrote bench/results.md')
  }
} finally {
  await rm(work.dir, { recursive: true, force: true })
}
