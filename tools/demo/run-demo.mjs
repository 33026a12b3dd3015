#!/usr/bin/env node
// `npm start`: the product's main job on the bundled sample, through the real code path.
// A fake Encord API (127.0.0.1, real signature checks) serves samples/demo/; the CLI built in
// dist/ fetches, scores and reports exactly as it would against api.encord.com.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeEncord } from '../fake-encord/server.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sample = path.join(root, 'samples', 'demo')
const cli = path.join(root, 'dist', 'cli.js')
/** The demo's quality bar: Alice and Bob clear it, Carol does not. */
const GATE = ['--min-f1', '0.7', '--min-mean-iou', '0.7']

const say = (text) => process.stdout.write(`${text}\n`)

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm ci` (dist/ is committed) or `npm run build`.')
  process.exit(2)
}
const projects = JSON.parse(await readFile(path.join(sample, 'projects.json'), 'utf8'))
const scenario = JSON.parse(await readFile(path.join(sample, 'scenario.json'), 'utf8'))

say('encord-annotator-eval demo')
say('  A fake Encord API on 127.0.0.1 serves the bundled sample: an expert benchmark and three')
say(
  '  annotators (Alice, Bob, Carol) on images and videos, with boxes, polygons, points, an object'
)
say(
  '  attribute and a radio classification. The real client, evaluation and reports run against it.'
)
say('')
const fake = await startFakeEncord({ scenario })
const args = [
  cli,
  '--encord-domain',
  fake.url,
  '--benchmark-project',
  projects.benchmarkProject,
  '--training-projects',
  projects.trainingProjects.join(','),
  '--ssh-private-key-file',
  path.join(sample, 'demo-key'),
  ...GATE
]
say(
  `$ encord-annotator-eval --benchmark-project ${projects.benchmarkProject.slice(0, 8)}… --training-projects (3 projects) ${GATE.join(' ')}`
)
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' }
  })
  child.on('exit', (exitCode) => resolve(exitCode ?? 1))
})
const stats = fake.stats()
await fake.close()

say('')
say(
  `The CLI made ${stats.requests} signed requests to the fake Encord API and exited with code ${code}.`
)
if (code === 1) {
  say(
    'Exit code 1 is the gate at work: Carol is below --min-f1 0.7, so in CI this step would fail.'
  )
  say('Open encord-annotator-eval/summary.md to see the job summary GitHub would show,')
  say('and encord-annotator-eval/report.html in a browser for the whole report.')
  process.exit(0)
}
if (code === 0) {
  say('Everyone passed the gate.')
  process.exit(0)
}
say('The demo did not run as expected; see the error above.')
process.exit(code)
