#!/usr/bin/env node
// Size of report.html for the bench scenario (K = 20 training projects of 1000 rows × 10 objects,
// seed 7, as `npm run bench`): the bundled CLI scores it against the fake Encord API with editor
// links to the public app (every worst item then carries two URLs, the largest case) and the
// default `report-items` (200 per project). Prints the file's size, gzipped size and rows, and
// with --write puts them in bench/results.md under "## HTML report size" (kept by `npm run bench`,
// which keeps every section after its own).
//
//   npm run build && node bench/html-report-size.mjs [--k 20] [--rows 1000] [--cli dist/cli.js] [--write]
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { startFakeEncord } from '../tools/fake-encord/server.mjs'
import { generateKeyPair } from '../tools/fake-encord/scenario.mjs'
import { generateDataset } from '../tools/generate/dataset.mjs'
import { toScenario } from '../tools/generate/to-scenario.mjs'
import { annotator } from './annotators.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    k: { type: 'string', default: '20' },
    rows: { type: 'string', default: '1000' },
    objects: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    cli: { type: 'string', default: path.join(root, 'dist', 'cli.js') },
    write: { type: 'boolean', default: false }
  }
})
const k = Number(flags.k)
const rows = Number(flags.rows)
const LIMIT_BYTES = 5 * 1000 * 1000
const SECTION = '## HTML report size'

const work = await mkdtemp(path.join(os.tmpdir(), 'bench-html-'))
try {
  const key = generateKeyPair(Buffer.alloc(32, 7))
  const keyFile = path.join(work, 'key')
  await writeFile(keyFile, key.privateKeyOpenSsh)
  const dataset = generateDataset({
    seed: Number(flags.seed),
    rows,
    objectsPerRow: Number(flags.objects),
    videoShare: 0.2,
    videoFrames: 8,
    annotators: Array.from({ length: k }, (_, i) => annotator(i))
  })
  const scenario = toScenario(dataset, {
    users: [{ email: 'bench@example.com', publicKeyHex: key.publicKeyHex }],
    serialiseLabels: true
  })
  const fake = await startFakeEncord({ scenario })
  const out = path.join(work, 'out')
  const code = await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        flags.cli,
        '--encord-domain',
        fake.url,
        '--encord-app-url',
        'https://app.encord.com',
        '--benchmark-project',
        dataset.benchmark.projectHash,
        '--training-projects',
        dataset.training.map((project) => project.projectHash).join(','),
        '--ssh-private-key-file',
        keyFile,
        '--output-dir',
        out
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } }
    )
    child.on('error', reject)
    child.on('exit', resolve)
  }).finally(() => fake.close())
  if (code !== 0 && code !== 1) throw new Error(`the CLI failed (exit ${code})`)
  const page = await readFile(path.join(out, 'report.html'))
  const text = page.toString('utf8')
  const items = (text.match(/<tr data-kind=/g) ?? []).length
  const links = (text.match(/href="https:\/\/app\.encord\.com\/label_editor\//g) ?? []).length
  const mb = (bytes) => (bytes / 1e6).toFixed(2)
  const line =
    `K = ${k} × ${rows} rows (seed ${flags.seed}), report-items 200, links on: report.html is ` +
    `${mb(page.length)} MB (${page.length.toLocaleString('en')} bytes; ${mb(gzipSync(page).length)} MB gzipped), ` +
    `${items} worst items with ${links} editor links; limit 5 MB — ${page.length <= LIMIT_BYTES ? 'met' : 'missed'}`
  process.stdout.write(`${line}\n`)
  if (flags.write) {
    const file = path.join(root, 'bench', 'results.md')
    const previous = await readFile(file, 'utf8')
    const start = previous.indexOf(`\n${SECTION}`)
    const next = start < 0 ? -1 : previous.indexOf('\n## ', start + 1)
    const section =
      `\n${SECTION}\n\nMeasured with \`node bench/html-report-size.mjs --write\` (the bundled CLI on the ` +
      `bench's data, against the fake API) on the machine above.\n\n- ${line}\n`
    const kept = start < 0 ? previous.trimEnd() + '\n' : previous.slice(0, start)
    const after = next < 0 ? '' : previous.slice(next)
    await writeFile(file, `${kept}${section}${after}`)
    process.stderr.write('Wrote bench/results.md\n')
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
