#!/usr/bin/env node
// The cost of the track metrics (issue 15) on the K = 20 bench's data, in process: every training
// project is evaluated twice on the same label model, once as loaded (its video rows are scored
// for tracks: candidate pairs recorded per frame, switches, fragmentations and IDF1 computed) and
// once with those rows marked as image groups, which the per-frame matching scores identically but
// the tracking skips. The difference is what tracking costs. Arms alternate, best of `--repeat`.
//   npx tsc -p tsconfig.json && node bench/tracking-cost.mjs [--k 20] [--repeat 3]
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { evaluateProject } from '../build/evaluate/index.js'
import { loadOntologyFile, loadProjectFromExport } from '../build/sources/export-source.js'
import { generateDataset } from '../tools/generate/dataset.mjs'
import { toExport } from '../tools/generate/to-scenario.mjs'
import { annotator } from './annotators.mjs'

const { values: flags } = parseArgs({
  options: {
    k: { type: 'string', default: '20' },
    rows: { type: 'string', default: '1000' },
    objects: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    repeat: { type: 'string', default: '3' }
  }
})
const k = Number(flags.k)
const dataset = generateDataset({
  seed: Number(flags.seed),
  rows: Number(flags.rows),
  objectsPerRow: Number(flags.objects),
  videoShare: 0.2,
  videoFrames: 8,
  annotators: Array.from({ length: k }, (_, i) => annotator(i))
})
const dir = await mkdtemp(path.join(tmpdir(), 'tracking-cost-'))
const stage = 'Complete'
try {
  const ontologyFile = path.join(dir, 'ontology.json')
  await writeFile(ontologyFile, JSON.stringify(dataset.ontology))
  const ontology = await loadOntologyFile(ontologyFile)
  const write = async (project) => {
    const file = path.join(dir, `${project.projectHash}.json`)
    await writeFile(file, JSON.stringify(toExport(project, stage)))
    return file
  }
  const benchmark = await loadProjectFromExport(
    await write(dataset.benchmark),
    ontology,
    stage,
    'benchmark-export'
  )
  const asImageGroups = (labels) => ({
    ...labels,
    rows: labels.rows.map((row) =>
      row.dataType === 'video' ? { ...row, dataType: 'img_group' } : row
    )
  })
  const benchmarkWithout = asImageGroups(benchmark)
  const options = { method: 'one-to-one', iouThreshold: 0.5 }
  const cpuMs = (run) => {
    const started = process.cpuUsage()
    const result = run()
    const used = process.cpuUsage(started)
    return { ms: (used.user + used.system) / 1000, result }
  }
  let withMs = 0
  let withoutMs = 0
  let switches = 0
  let videoInstances = 0
  for (const project of dataset.training) {
    const training = await loadProjectFromExport(
      await write(project),
      ontology,
      stage,
      'training-exports'
    )
    const trainingWithout = asImageGroups(training)
    let bestWith = Infinity
    let bestWithout = Infinity
    for (let round = 0; round < Number(flags.repeat); round++) {
      const on = cpuMs(() => evaluateProject(benchmark, training, options))
      const off = cpuMs(() => evaluateProject(benchmarkWithout, trainingWithout, options))
      if (on.result.overall.f1 !== off.result.overall.f1) throw new Error('the arms differ in F1')
      if (off.result.overall.tracking !== undefined) throw new Error('tracking ran without video')
      bestWith = Math.min(bestWith, on.ms)
      bestWithout = Math.min(bestWithout, off.ms)
      if (round === 0) {
        switches += on.result.overall.tracking?.idSwitches ?? 0
        videoInstances += on.result.overall.tracking?.benchmarkInstances ?? 0
      }
    }
    withMs += bestWith
    withoutMs += bestWithout
  }
  const result = {
    k,
    evaluationWithTrackingMs: Math.round(withMs),
    evaluationWithoutTrackingMs: Math.round(withoutMs),
    trackingMs: Math.round(withMs - withoutMs),
    trackingShareOfEvaluation: (withMs - withoutMs) / withoutMs,
    videoBenchmarkInstances: videoInstances,
    idSwitches: switches
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
