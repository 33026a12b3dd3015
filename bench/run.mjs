#!/usr/bin/env node
// `npm run bench`: the bundled action, end to end, as a process, against the fake Encord API with
// 20 ms of latency per request, in two scenarios of K training projects of N = 1000 rows × M = 10
// objects each (realistic noise):
//   - every-shape: K = 1, 5, 20; 20 % videos of 8 frames; every shape; gzip on;
//   - boxes: K = 5, 20; 15 % videos of 8 frames; 80 % boxes, 10 % polygons, 10 % points; no gzip
//     (the case Encord's own script was written for).
// For each K it measures:
//   - wall time (median of --runs runs), requests, bytes received and peak RSS of
//     `node dist/index.js`;
//   - evaluation time alone, in process (bench/evaluate-only.mjs);
//   - the floor: the same requests at the same concurrency doing nothing else (bench/floor.mjs);
//   - the outputs: iou_results.csv, report.json, summary.md and the job summary are hashed and
//     compared with the hashes in bench/output-digests.json, which an earlier run recorded with
//     the commit of the code that wrote them. A difference fails the bench and writes nothing (an
//     optimisation must not change what users see) unless --accept-output-change is given, which
//     records the new hashes: for a change that alters outputs on purpose, run it once on that
//     change's commit. Hashes for parameters not seen before are recorded.
// and writes bench/results.md (sections after the "kept" marker are left as they are).
//
//   npm run bench [-- --scenario every-shape,boxes --k 1,5,20 --rows 1000 --objects 10
//                     --latency 20 --seed 7 --runs 3 --no-write --accept-output-change]
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
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
import { SCENARIOS } from './scenarios.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'every-shape,boxes' },
    k: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'accept-output-change': { type: 'boolean', default: false },
    rows: { type: 'string', default: '1000' },
    objects: { type: 'string', default: '10' },
    latency: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
    concurrency: { type: 'string', default: '8' },
    'no-write': { type: 'boolean', default: false }
  }
})
const scenarioNames = flags.scenario.split(',')
for (const name of scenarioNames)
  if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}: use ${Object.keys(SCENARIOS)}`)
const runs = Number(flags.runs)
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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const sha256 = async (file) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex')

async function measure(k, dataset, key, work, scenarioOptions) {
  const training = dataset.training.slice(0, k)
  const scenario = toScenario(
    { ...dataset, training },
    {
      users: [{ email: 'bench@example.com', publicKeyHex: key.publicKeyHex }],
      serialiseLabels: true
    }
  )
  const fake = await startFakeEncord({ scenario, latencyMs, gzip: scenarioOptions.gzip })
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
    const floorRequests = fake.stats().requests

    const walls = []
    const peaks = []
    let stats
    let digests
    let csvRows
    for (let attempt = 0; attempt < runs; attempt += 1) {
      fake.resetStats()
      const out = path.join(work.dir, `out-${k}-${attempt}`)
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
      walls.push(action.ms)
      peaks.push(Number(await readFile(rssFile, 'utf8')))
      stats = fake.stats()
      // The floor is worth comparing with only if it made the very requests the action made.
      if (stats.requests !== floorRequests)
        throw new Error(
          `K = ${k}: the action made ${stats.requests} requests, the floor ${floorRequests}: bench/floor.mjs no longer makes the action's requests`
        )
      const runDigests = {
        csv: await sha256(path.join(out, 'iou_results.csv')),
        report: await sha256(path.join(out, 'report.json')),
        summary: await sha256(path.join(out, 'summary.md')),
        stepSummary: await sha256(env.GITHUB_STEP_SUMMARY)
      }
      if (digests && JSON.stringify(digests) !== JSON.stringify(runDigests))
        throw new Error(`K = ${k}: two runs of the same build wrote different outputs`)
      digests = runDigests
      csvRows = (await readFile(path.join(out, 'iou_results.csv'), 'utf8')).split('\n').length - 2
      await rm(out, { recursive: true, force: true })
    }

    const evalRun = await run(
      process.execPath,
      ['bench/evaluate-only.mjs', fake.url, work.keyFile, STAGE, ...projects],
      { cwd: root }
    )
    if (evalRun.code !== 0) throw new Error(`evaluate-only failed: ${evalRun.stderr}`)
    const evaluation = JSON.parse(evalRun.stdout)

    return {
      k,
      wallMs: median(walls),
      wallsMs: walls,
      floorMs: floor.ms,
      evaluationMs: evaluation.evaluationMs,
      requests: stats.requests,
      bytes: stats.bytesSent,
      peakRss: median(peaks),
      maxPeakRss: Math.max(...peaks),
      csvRows,
      digests
    }
  } finally {
    await fake.close()
  }
}

const fmt = (ms) => (ms / 1000).toFixed(2)
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0)

const DIGESTS_FILE = path.join(root, 'bench', 'output-digests.json')
/**
 * The commit of the measured code: the bundle in dist/ (with "+ changes" when dist/ differs from
 * that commit; a change in src/ alone does not count, the bench runs dist/).
 */
async function codeVersion() {
  const git = (...args) => run('git', args, { cwd: root }).then((r) => r.stdout.trim())
  const commit = await git('rev-parse', '--short', 'HEAD')
  const changed = await git('status', '--porcelain', '--untracked-files=no', '--', 'dist')
  return changed === '' ? commit : `${commit} + changes in dist/`
}
const sameOutputs = (a, b) => OUTPUT_FILES.every((file) => a[file] === b[file])
const OUTPUT_FILES = ['csv', 'report', 'summary', 'stepSummary']
const KEPT_MARKER = '<!-- kept: the sections below are not rewritten by npm run bench -->'

const work = { dir: await mkdtemp(path.join(os.tmpdir(), 'bench-')) }
try {
  const key = generateKeyPair(Buffer.alloc(32, 7))
  work.keyFile = path.join(work.dir, 'key')
  await writeFile(work.keyFile, key.privateKeyOpenSsh)
  const storedDigests = JSON.parse(await readFile(DIGESTS_FILE, 'utf8').catch(() => '{}'))
  const version = await codeVersion()
  const outputChecks = []
  const sections = []
  let changedOutputs = 0

  for (const name of scenarioNames) {
    const options = SCENARIOS[name]
    const ks = flags.k ? flags.k.split(',').map(Number) : options.ks
    const maxK = Math.max(...ks)
    say(
      `${name}: generating ${maxK + 1} projects of ${rows} rows × ${objectsPerRow} objects (seed ${flags.seed})…`
    )
    const started = performance.now()
    const dataset = generateDataset({
      seed: Number(flags.seed),
      rows,
      objectsPerRow,
      videoShare: options.videoShare,
      videoFrames: 8,
      shapeShares: options.shapeShares,
      annotators: Array.from({ length: maxK }, (_, i) => annotator(i))
    })
    say(`  done in ${fmt(performance.now() - started)} s`)

    const results = []
    for (const k of ks) {
      say(`${name}, K = ${k}: floor, action (${runs} runs), evaluation…`)
      const result = await measure(k, dataset, key, work, options)
      results.push(result)
      say(
        `  wall ${fmt(result.wallMs)} s (runs: ${result.wallsMs.map(fmt).join(', ')}) · floor ${fmt(result.floorMs)} s · ` +
          `evaluation ${fmt(result.evaluationMs)} s · ${result.requests} requests · ${mb(result.bytes)} MB · ` +
          `peak RSS ${mb(result.peakRss)} MB (max ${mb(result.maxPeakRss)}) · ${result.csvRows} CSV rows`
      )
      // The digests are keyed by everything that shapes the outputs, so a smaller run made while
      // iterating is compared with the same smaller run of the previous code.
      const id = `${name} seed=${flags.seed} rows=${rows} objects=${objectsPerRow} k=${k}`
      const stored = storedDigests[id]
      if (!stored) {
        storedDigests[id] = { code: version, ...result.digests }
        outputChecks.push(`- ${id}: no stored outputs to compare with; recorded`)
      } else if (sameOutputs(stored, result.digests)) {
        outputChecks.push(
          `- ${id}: iou_results.csv, report.json, summary.md and the job summary byte-identical to those of ${stored.code}`
        )
      } else {
        const differing = OUTPUT_FILES.filter((file) => stored[file] !== result.digests[file])
        changedOutputs += 1
        outputChecks.push(`- ${id}: DIFFERENT from ${stored.code}: ${differing.join(', ')}`)
        if (flags['accept-output-change']) storedDigests[id] = { code: version, ...result.digests }
      }
    }
    sections.push(scenarioSection(name, options, results))
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const text = [
    '# Benchmark results',
    '',
    `Measured with \`npm run bench\` on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; the machine is shared and noisy: compare runs made back to back.`,
    `Each scenario: seed ${flags.seed}; K training projects and one benchmark of ${rows} label rows × ${objectsPerRow} objects; ${latencyMs} ms of latency per request; concurrency ${concurrency}.`,
    '',
    `- **wall**: \`node dist/index.js\` as a process, from spawn to exit (start-up, fetching, parsing, scoring, writing the CSV, report.json and summary); the median of ${runs} run(s).`,
    "- **floor**: the same requests (preflight's included; the bench checks the count) through the same transport at the same concurrency, each sent as soon as the answers it needs are in, doing nothing else (`bench/floor.mjs`).",
    '- **evaluation**: `evaluateProject` alone, in process, summed over the training projects (`bench/evaluate-only.mjs`).',
    '- **received**: bytes on the wire, as counted by the fake server; **peak RSS**: the action process, from the kernel (median of the runs).',
    '',
    ...sections,
    '## Identical outputs',
    '',
    `Measured code: ${version}. Compared with \`bench/output-digests.json\` (SHA-256 of each output and the code that wrote it):`,
    '',
    ...outputChecks,
    ''
  ].join('\n')
  process.stdout.write(`\n${text}`)
  const acceptedOrNew = changedOutputs === 0 || flags['accept-output-change']
  if (!flags['no-write'] && acceptedOrNew) {
    await writeFile(DIGESTS_FILE, `${JSON.stringify(storedDigests, null, 2)}\n`)
    const previous = await readFile(path.join(root, 'bench', 'results.md'), 'utf8').catch(() => '')
    const kept = previous.indexOf(KEPT_MARKER)
    await writeFile(
      path.join(root, 'bench', 'results.md'),
      `${text}\n${kept < 0 ? `${KEPT_MARKER}\n` : previous.slice(kept)}`
    )
    say('Wrote bench/results.md and bench/output-digests.json')
  }
  if (changedOutputs > 0 && !flags['accept-output-change']) {
    say(
      `${changedOutputs} run(s) wrote outputs different from the stored ones (see above); nothing written. ` +
        'If the code since the stored one changed outputs on purpose (a new column, a fix), run ' +
        'again with --accept-output-change; an optimisation never should.'
    )
    process.exitCode = 1
  }
} finally {
  await rm(work.dir, { recursive: true, force: true })
}

function scenarioSection(name, options, results) {
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
  const wallTarget = name === 'boxes' ? 1.5 : 3
  if (k20) {
    checks.push(
      `- K = 20 wall ≤ ${wallTarget} × floor: ${(k20.wallMs / k20.floorMs).toFixed(2)} × — ${k20.wallMs <= wallTarget * k20.floorMs ? 'met' : 'missed'}`
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
  return [`## Scenario ${name}: ${options.describe}`, '', ...table, '', ...checks, ''].join('\n')
}
