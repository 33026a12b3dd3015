#!/usr/bin/env node
// Writes the bundled sample to samples/demo/ (deterministic; a test checks the committed files
// are what this script writes):
//   scenario.json        the fake Encord server's data
//   demo-key             a throwaway OpenSSH Ed25519 key registered only with the fake server
//   projects.json        the benchmark and training project hashes
//   ontology.json        the ontology, for offline mode
//   exports/<hash>.json  each project's label export (rows in the Complete stage), for offline mode
import { createHash } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateKeyPair } from '../fake-encord/scenario.mjs'
import { toExport, toScenario } from '../generate/to-scenario.mjs'
import { SAMPLE_STAGE, sampleDataset } from './sample.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SAMPLE_DIR = path.join(root, 'samples', 'demo')

/** Every file of the sample, as path (relative to samples/demo) → text. */
export function sampleFiles() {
  const dataset = sampleDataset()
  const seed = createHash('sha256').update('encord-annotator-eval demo key').digest()
  const key = generateKeyPair(seed, {
    comment: 'encord-annotator-eval demo key (fake server only)'
  })
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`
  // The label data is machine-written and large: one line keeps the repository small.
  const compact = (value) => `${JSON.stringify(value)}\n`
  const files = {
    'scenario.json': compact(
      toScenario(dataset, {
        users: [{ email: 'evaluator@example.com', publicKeyHex: key.publicKeyHex }]
      })
    ),
    'demo-key': key.privateKeyOpenSsh,
    'projects.json': json({
      benchmarkProject: dataset.benchmark.projectHash,
      trainingProjects: dataset.training.map((project) => project.projectHash),
      workflowStage: SAMPLE_STAGE
    }),
    'ontology.json': json({
      ontologyUuid: dataset.ontology.ontologyHash,
      title: dataset.ontology.title,
      editor: dataset.ontology.editor
    })
  }
  for (const project of [dataset.benchmark, ...dataset.training]) {
    files[`exports/${project.projectHash}.json`] = compact(toExport(project, SAMPLE_STAGE))
  }
  return files
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await rm(SAMPLE_DIR, { recursive: true, force: true })
  for (const [name, text] of Object.entries(sampleFiles())) {
    const file = path.join(SAMPLE_DIR, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, text)
  }
  console.log(`Wrote the sample to ${path.relative(process.cwd(), SAMPLE_DIR) || '.'}`)
}
