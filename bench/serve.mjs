#!/usr/bin/env node
// For profiling: serves the bench scenario (the same dataset as bench/run.mjs) on the fake Encord
// API until killed, and writes what bench/profile.mjs needs to reach it to --state.
//   node bench/serve.mjs --k 20 [--scenario boxes] --state /tmp/bench-state.json
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { startFakeEncord } from '../tools/fake-encord/server.mjs'
import { generateKeyPair } from '../tools/fake-encord/scenario.mjs'
import { generateDataset } from '../tools/generate/dataset.mjs'
import { toScenario } from '../tools/generate/to-scenario.mjs'
import { annotator } from './annotators.mjs'
import { SCENARIOS } from './scenarios.mjs'

const { values: flags } = parseArgs({
  options: {
    k: { type: 'string', default: '20' },
    scenario: { type: 'string', default: 'every-shape' },
    rows: { type: 'string', default: '1000' },
    objects: { type: 'string', default: '10' },
    latency: { type: 'string', default: '20' },
    seed: { type: 'string', default: '7' },
    state: { type: 'string', default: 'bench-state.json' }
  }
})
const k = Number(flags.k)
const options = SCENARIOS[flags.scenario]
if (!options) throw new Error(`unknown scenario ${flags.scenario}`)
const key = generateKeyPair(Buffer.alloc(32, 7))
const dataset = generateDataset({
  seed: Number(flags.seed),
  rows: Number(flags.rows),
  objectsPerRow: Number(flags.objects),
  videoShare: options.videoShare,
  shapeShares: options.shapeShares,
  videoFrames: 8,
  annotators: Array.from({ length: k }, (_, i) => annotator(i))
})
const scenario = toScenario(dataset, {
  users: [{ email: 'bench@example.com', publicKeyHex: key.publicKeyHex }],
  serialiseLabels: true
})
const fake = await startFakeEncord({
  scenario,
  latencyMs: Number(flags.latency),
  gzip: options.gzip
})
await writeFile(
  flags.state,
  JSON.stringify({
    url: fake.url,
    privateKey: key.privateKeyOpenSsh,
    benchmark: dataset.benchmark.projectHash,
    training: dataset.training.map((p) => p.projectHash)
  })
)
process.stderr.write(`Serving ${k} training projects at ${fake.url}; state in ${flags.state}\n`)
