#!/usr/bin/env node
// What the confidence intervals cost: the bench scenario of bench/run.mjs (seed 7, 1000 rows ×
// 10 objects, 20 % videos of 8 frames) with K training projects is loaded through the real client
// and evaluated; the evaluation and the bootstrap alone (bootstrapIntervals, the default 2000
// resamples at 95 %, on each project's per-unit tallies) are timed one project after another on
// one thread, in CPU time (process.cpuUsage), so that other work on a shared machine does not
// count. Their ratio, times the evaluation's share of the wall in bench/results.md, is what the
// intervals add. Needs `tsc -p tsconfig.json` first (npm run bench does it).
//   node bench/bootstrap-only.mjs [--k 20] [--samples 2000]
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createEncordClient } from '../build/encord/client.js'
import { parsePrivateKey } from '../build/encord/keys.js'
import { evaluateProject } from '../build/evaluate/index.js'
import { bootstrapIntervals, bootstrapSeed } from '../build/results/intervals.js'
import { loadProjectFromEncord } from '../build/sources/encord-source.js'
import { startFakeEncord } from '../tools/fake-encord/server.mjs'
import { generateKeyPair } from '../tools/fake-encord/scenario.mjs'
import { generateDataset } from '../tools/generate/dataset.mjs'
import { toScenario } from '../tools/generate/to-scenario.mjs'
import { annotator } from './annotators.mjs'

const { values: flags } = parseArgs({
  options: {
    k: { type: 'string', default: '20' },
    samples: { type: 'string', default: '2000' }
  }
})
const k = Number(flags.k)
const options = { samples: Number(flags.samples), confidenceLevel: 0.95 }
const key = generateKeyPair(Buffer.alloc(32, 7))
const dataset = generateDataset({
  seed: 7,
  rows: 1000,
  objectsPerRow: 10,
  videoShare: 0.2,
  videoFrames: 8,
  annotators: Array.from({ length: k }, (_, i) => annotator(i))
})
const scenario = toScenario(dataset, {
  users: [{ email: 'bench@example.com', publicKeyHex: key.publicKeyHex }],
  serialiseLabels: true
})
const fake = await startFakeEncord({ scenario })
const work = await mkdtemp(path.join(os.tmpdir(), 'bench-bootstrap-'))
try {
  const keyFile = path.join(work, 'key')
  await writeFile(keyFile, key.privateKeyOpenSsh)
  const client = createEncordClient({
    key: parsePrivateKey(key.privateKeyOpenSsh),
    domain: fake.url,
    userAgent: 'encord-annotator-eval-bench'
  })
  const stage = 'Complete'
  const benchmarkHash = dataset.benchmark.projectHash
  const benchmark = await loadProjectFromEncord(client, benchmarkHash, stage, 'benchmark')
  let bootstrapMs = 0
  let evaluationMs = 0
  const cpuMs = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  let units = 0
  let entries = 0
  const perProject = []
  for (const { projectHash } of dataset.training) {
    const training = await loadProjectFromEncord(client, projectHash, stage, 'training')
    const evaluated = cpuMs()
    const evaluation = evaluateProject(benchmark, training, {
      method: 'one-to-one',
      iouThreshold: 0.5
    })
    evaluationMs += cpuMs() - evaluated
    const seed = bootstrapSeed(benchmarkHash, projectHash)
    const started = cpuMs()
    bootstrapIntervals(evaluation.units, evaluation.method, options, seed)
    const ms = cpuMs() - started
    bootstrapMs += ms
    perProject.push(Math.round(ms))
    units += evaluation.units.units
    entries += evaluation.units.entryClass.length
  }
  client.close()
  process.stdout.write(
    `${JSON.stringify({
      k,
      samples: options.samples,
      bootstrapCpuMs: Math.round(bootstrapMs),
      evaluationCpuMs: Math.round(evaluationMs),
      bootstrapPerEvaluation: Number((bootstrapMs / evaluationMs).toFixed(3)),
      units,
      entries,
      perProjectCpuMs: perProject
    })}\n`
  )
} finally {
  await fake.close()
  await rm(work, { recursive: true, force: true })
}
