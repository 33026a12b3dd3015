#!/usr/bin/env node
// CPU per phase and idle share per thread, from the .cpuprofile files that `node --cpu-prof` writes
// (one per thread: the main thread and each scoring worker). Profile the tsc build, not the
// bundle, so that each function keeps its source file:
//   npx tsc -p tsconfig.json
//   node bench/serve.mjs --k 5 --scenario boxes --state /tmp/state.json &
//   node bench/profile.mjs --k 5 --state /tmp/state.json --entry build/index.js -- \
//     --cpu-prof --cpu-prof-dir=/tmp/prof
//   node bench/profile-phases.mjs /tmp/prof [CPU seconds]
// Each sample's time goes to the innermost frame that names a phase (so zod's time is "zod", not
// "label conversion" that called it); samples with no such frame are "other".
// Samples are taken on each thread's wall clock: on a loaded machine a thread that waits for a
// core is still sampled, so the seconds overstate CPU while the shares stay right. Given the
// process's CPU time (bench/profile.mjs prints it), the table also shows each phase's share of it.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/** [phase, test on a call frame]; the first that matches the innermost frame wins. */
const PHASES = [
  ['idle', (f) => f.functionName === '(idle)'],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['clipper-lib (polygon clipping)', (f) => f.url.includes('clipper-lib')],
  ['zod', (f) => f.url.includes('/zod/')],
  ['JSON.parse', (f) => f.url === '' && f.functionName === 'parse'],
  // A row's JSON.parse is inlined into the reader that calls it.
  [
    'JSON.parse of label rows',
    (f) => f.url.includes('/encord/client') && f.functionName === 'json'
  ],
  ['bundle splitting', (f) => f.url.includes('/encord/label-row-bundle')],
  ['CSV', (f) => /\/report\/csv|csv-stringify/.test(f.url)],
  ['evaluation', (f) => f.url.includes('/evaluate/')],
  ['results and reports', (f) => /\/(results|report)\//.test(f.url)],
  ['label conversion', (f) => /\/(labels|sources)\//.test(f.url)],
  [
    'network (client, transport, signing, gunzip)',
    (f) => /\/encord\/|node:(internal\/)?(http|net|zlib|tls|stream|_http)|undici/.test(f.url)
  ],
  ['thread messages (structured clone)', (f) => /worker|messageport/i.test(f.url)],
  ['(program)', (f) => f.functionName === '(program)']
]

function phasesOf(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const phaseOfNode = new Map()
  const phaseOf = (id) => {
    if (phaseOfNode.has(id)) return phaseOfNode.get(id)
    const frame = byId.get(id).callFrame
    const own = PHASES.find(([, test]) => test(frame))?.[0]
    const up = parent.get(id)
    const phase = own ?? (up === undefined ? 'other' : phaseOf(up))
    phaseOfNode.set(id, phase)
    return phase
  }
  const totals = new Map()
  const deltas = profile.timeDeltas
  for (let i = 0; i < profile.samples.length; i += 1) {
    // timeDeltas[i] is the time before sample i; the time after it is the next delta.
    const ms = (deltas[i + 1] ?? 0) / 1000
    const phase = phaseOf(profile.samples[i])
    totals.set(phase, (totals.get(phase) ?? 0) + ms)
  }
  return { totals, spanMs: (profile.endTime - profile.startTime) / 1000 }
}

const [dir, cpuText] = process.argv.slice(2)
if (!dir) throw new Error('usage: node bench/profile-phases.mjs <dir of .cpuprofile files> [CPU s]')
const processCpu = cpuText === undefined ? null : Number(cpuText) * 1000
const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile')).sort()
const all = new Map()
const threads = []
for (const file of files) {
  const { totals, spanMs } = phasesOf(JSON.parse(await readFile(path.join(dir, file), 'utf8')))
  const idle = totals.get('idle') ?? 0
  threads.push({ file, spanMs, idle })
  for (const [phase, ms] of totals) all.set(phase, (all.get(phase) ?? 0) + ms)
}
const s = (ms) => (ms / 1000).toFixed(2)
const lines = ['| thread | profiled (s) | idle (s) | idle share |', '| --- | --: | --: | --: |']
for (const [i, t] of threads.entries())
  lines.push(
    `| ${i === 0 ? 'main' : `worker ${i}`} | ${s(t.spanMs)} | ${s(t.idle)} | ${((100 * t.idle) / t.spanMs).toFixed(0)} % |`
  )
const busy = [...all].filter(([phase]) => phase !== 'idle').sort((a, b) => b[1] - a[1])
const cpu = busy.reduce((sum, [, ms]) => sum + ms, 0)
const scaled = processCpu === null ? '' : ' CPU scaled to the process (s) |'
lines.push(
  '',
  `| phase (all threads) | samples (s) | share |${scaled}`,
  `| --- | --: | --: |${processCpu === null ? '' : ' --: |'}`
)
const share = (ms) => ms / cpu
for (const [phase, ms] of busy)
  lines.push(
    `| ${phase} | ${s(ms)} | ${(100 * share(ms)).toFixed(0)} % |${processCpu === null ? '' : ` ${s(share(ms) * processCpu)} |`}`
  )
lines.push(`| **total** | **${s(cpu)}** | |${processCpu === null ? '' : ` **${s(processCpu)}** |`}`)
process.stdout.write(`${lines.join('\n')}\n`)
