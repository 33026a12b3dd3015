#!/usr/bin/env node
// Peak memory of an offline run (`--benchmark-export` / `--training-export`) against the size of
// the export files, as a process: `node --import bench/rss-probe.mjs dist/cli.js …`. Three cases,
// each on generated data (every shape, 20 % videos, realistic noise):
//   - training: a large training export against a benchmark export of a twentieth of its rows;
//   - benchmark: a large benchmark export against a training export of a twentieth of its rows;
//   - both: both exports large.
// Prints, for each case, the file sizes, the peak RSS and the RSS per MB of the large export(s).
// Not a test: figures depend on the machine; bench/results.md records them.
//
//   npm run build && node bench/export-memory.mjs [--mb 200] [--cli dist/cli.js]
//       [--cases training,benchmark,both] [--keep DIR]
//
// --keep DIR writes the exports and each case's outputs under DIR (and reuses exports found there),
// so that the outputs of two builds can be compared byte for byte.
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateDataset } from '../tools/generate/dataset.mjs'
import { toExport } from '../tools/generate/to-scenario.mjs'
import { annotator } from './annotators.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    cli: { type: 'string', default: path.join(root, 'dist', 'cli.js') },
    cases: { type: 'string', default: 'training,benchmark,both' },
    seed: { type: 'string', default: '7' },
    keep: { type: 'string' }
  }
})
const STAGE = 'Complete'
const MB = 1024 * 1024
// Measured on this generator: one row of 10 objects is about 13.7 kB of export JSON.
const BYTES_PER_ROW = 13_700

const work = flags.keep
  ? path.resolve(flags.keep)
  : await mkdtemp(path.join(os.tmpdir(), 'export-memory-'))
await mkdir(work, { recursive: true })
try {
  const files = await exportsFor(Number(flags.mb))
  const cases = {
    training: [files.benchmarkSmall, files.training],
    benchmark: [files.benchmark, files.trainingSmall],
    both: [files.benchmark, files.training]
  }
  console.log(`cli: ${path.relative(process.cwd(), path.resolve(flags.cli))}`)
  for (const name of flags.cases.split(',')) {
    const [benchmark, training] = cases[name]
    const out = path.join(work, `out-${name}`)
    const rss = await peakRss([
      '--benchmark-export',
      benchmark,
      '--training-export',
      training,
      '--ontology',
      files.ontology,
      '--output-dir',
      out
    ])
    const bMb = (await stat(benchmark)).size / MB
    const tMb = (await stat(training)).size / MB
    const large = name === 'training' ? tMb : name === 'benchmark' ? bMb : bMb + tMb
    console.log(
      `${name.padEnd(9)} benchmark ${bMb.toFixed(0).padStart(4)} MB, training ${tMb.toFixed(0).padStart(4)} MB: ` +
        `peak RSS ${(rss / MB).toFixed(0)} MB = ${(rss / MB / large).toFixed(2)} MB per MB of the large export(s)`
    )
  }
} finally {
  if (!flags.keep) await rm(work, { recursive: true, force: true })
}

/** The four exports and the ontology, written once (reused from --keep DIR when there). */
async function exportsFor(megabytes) {
  const files = {
    benchmark: path.join(work, 'benchmark.json'),
    benchmarkSmall: path.join(work, 'benchmark-small.json'),
    training: path.join(work, 'training.json'),
    trainingSmall: path.join(work, 'training-small.json'),
    ontology: path.join(work, 'ontology.json')
  }
  const present = await stat(files.ontology).then(
    () => true,
    () => false
  )
  if (present) return files
  const rows = Math.max(20, Math.round((megabytes * MB) / BYTES_PER_ROW))
  const dataset = generateDataset({
    seed: Number(flags.seed),
    rows,
    objectsPerRow: 10,
    annotators: [annotator(1)],
    stage: STAGE
  })
  const benchmark = toExport(dataset.benchmark, STAGE)
  const training = toExport(dataset.training[0], STAGE)
  await writeRows(files.benchmark, benchmark)
  await writeRows(files.benchmarkSmall, benchmark.slice(0, Math.ceil(benchmark.length / 20)))
  await writeRows(files.training, training)
  await writeRows(files.trainingSmall, training.slice(0, Math.ceil(training.length / 20)))
  await writeFile(
    files.ontology,
    JSON.stringify({ ontologyUuid: dataset.ontology.ontologyHash, editor: dataset.ontology.editor })
  )
  return files
}

/** A JSON list written row by row: one string of the whole export would not fit in V8. */
async function writeRows(file, rows) {
  const stream = createWriteStream(file)
  const write = (text) =>
    stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', resolve))
  await write('[')
  for (const [i, row] of rows.entries()) await write((i === 0 ? '' : ',') + JSON.stringify(row))
  await write(']\n')
  await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())))
}

/** Runs the CLI with the RSS probe; its peak resident set size in bytes. */
async function peakRss(args) {
  const rssFile = path.join(work, 'rss')
  const child = spawn(
    process.execPath,
    ['--import', path.join(root, 'bench', 'rss-probe.mjs'), path.resolve(flags.cli), ...args],
    { env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  const code = await new Promise((resolve) => child.on('exit', resolve))
  // 1 is an annotator below the gate or a project not scored; neither makes the figure wrong.
  if (code !== 0 && code !== 1) throw new Error(`the CLI exited with code ${code}`)
  return Number(await readFile(rssFile, 'utf8'))
}
