// Benchmark: check a 500,000-item registration file (the per-file item limit) and report time and
// peak memory. The issue asks for under 5 s with bounded memory; this is a measurement, not a test.
//
//   npx tsc -p tsconfig.json && node bench/registration-check.mjs [items]
//
// The file is generated deterministically into a temporary directory and deleted afterwards.
// The check runs in a child process so that its peak RSS is not the generator's.
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const runModule = pathToFileURL(path.join(here, '..', 'build', 'registration', 'run.js')).href

if (process.argv[2] === '--check') {
  const { checkRegistrationFiles } = await import(runModule)
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const [report] = await checkRegistrationFiles([process.argv[3]])
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const rules = {}
  for (const d of report.diagnostics) rules[d.rule] = (rules[d.rule] ?? 0) + 1
  process.stdout.write(
    JSON.stringify({
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      items: report.items,
      urls: report.urls,
      rules
    })
  )
} else {
  const items = Number(process.argv[2] ?? 500_000)
  const dir = await mkdtemp(path.join(tmpdir(), 'registration-bench-'))
  const file = path.join(dir, 'images.json')
  try {
    await generate(file, items)
    const { size } = await stat(file)
    const result = JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--check', file], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024
      })
    )
    console.log(
      `file:      ${(size / 1024 / 1024).toFixed(1)} MiB, ${result.items} items, ${result.urls} URLs`
    )
    console.log(
      `read+check: ${result.seconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU (all threads, GC included)`
    )
    console.log(`peak RSS:  ${result.peakRssMiB.toFixed(0)} MiB (whole checking process)`)
    console.log(`diagnostics by rule: ${JSON.stringify(result.rules)}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Images with objectUrl and title, pretty-printed as people write them; URLs all distinct. */
async function generate(file, items) {
  const out = createWriteStream(file)
  const write = (chunk) =>
    out.write(chunk) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve))
  await write('{\n  "images": [\n')
  let chunk = ''
  for (let i = 0; i < items; i++) {
    const id = String(i).padStart(7, '0')
    const folder = String(i % 1000).padStart(4, '0')
    chunk += `    {\n      "objectUrl": "https://training-data.s3.eu-west-2.amazonaws.com/annotator-training/batch-${folder}/image-${id}.jpg",\n      "title": "image-${id}.jpg"\n    }${i < items - 1 ? ',' : ''}\n`
    if (chunk.length > 1 << 20) {
      await write(chunk)
      chunk = ''
    }
  }
  await write(`${chunk}  ],\n  "skip_duplicate_urls": true\n}\n`)
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())))
}
