#!/usr/bin/env node
// Evaluation time alone, in process: loads the benchmark and the training projects through the
// real client and label model (not timed), then times evaluateProject for each training project.
//   node bench/evaluate-only.mjs <domain> <key-file> <stage> <benchmark> <training>...
import { readFile } from 'node:fs/promises'
import { createEncordClient } from '../build/encord/client.js'
import { parsePrivateKey } from '../build/encord/keys.js'
import { evaluateProject } from '../build/evaluate/index.js'
import { loadProjectFromEncord } from '../build/sources/encord-source.js'

const [domain, keyFile, stage, benchmarkHash, ...trainingHashes] = process.argv.slice(2)
const client = createEncordClient({
  key: parsePrivateKey(await readFile(keyFile, 'utf8')),
  domain,
  userAgent: 'encord-annotator-eval-bench'
})
const options = { method: 'one-to-one', iouThreshold: 0.5 }
const benchmark = await loadProjectFromEncord(client, benchmarkHash, stage, 'benchmark')
let evaluationMs = 0
let objects = 0
for (const hash of trainingHashes) {
  const training = await loadProjectFromEncord(client, hash, stage, 'training')
  const started = performance.now()
  const evaluation = evaluateProject(benchmark, training, options)
  evaluationMs += performance.now() - started
  objects += evaluation.objects.length
}
client.close()
process.stdout.write(`${JSON.stringify({ evaluationMs, objects })}\n`)
