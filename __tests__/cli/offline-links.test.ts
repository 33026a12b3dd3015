// Offline links: with encord-app-url, an export file whose name carries a project hash gets links;
// one whose name does not gets none, and neither does any project when the benchmark's has none.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/run.js'
import { capture, tempDir } from './support.js'
import { readCsv } from '../report/csv-reader.js'

const DEMO = path.resolve('samples/demo')
const GOLD_HASH = '3c543539-4b09-402f-af24-ee1e8faf932c'
const ALICE_HASH = 'eabd1b42-29fa-4309-a552-225619f4c7c4'
const BOB_HASH = 'ffa5da8e-2392-4d84-a28b-fe0daf6029fb'
const APP = 'https://encord.corp.example'

let temp: { dir: string; remove(): Promise<void> }

beforeAll(async () => {
  temp = await tempDir('offline-links-')
  const exports = path.join(DEMO, 'exports')
  await copyFile(
    path.join(exports, `${GOLD_HASH}.json`),
    path.join(temp.dir, `gold-${GOLD_HASH}.json`)
  )
  await copyFile(path.join(exports, `${GOLD_HASH}.json`), path.join(temp.dir, 'gold.json'))
  await copyFile(
    path.join(exports, `${ALICE_HASH}.json`),
    path.join(temp.dir, `alice-${ALICE_HASH}.json`)
  )
  await copyFile(path.join(exports, `${BOB_HASH}.json`), path.join(temp.dir, 'bob.json'))
})

afterAll(async () => {
  await temp.remove()
})

async function run(benchmark: string, extra: string[] = []): Promise<Record<string, string>[]> {
  const out = path.join(temp.dir, `out-${benchmark}-${extra.length}`)
  const argv = [
    '--benchmark-export',
    path.join(temp.dir, benchmark),
    '--training-export',
    path.join(temp.dir, `alice-${ALICE_HASH}.json`),
    '--training-export',
    path.join(temp.dir, 'bob.json'),
    '--ontology',
    path.join(DEMO, 'ontology.json'),
    '--output-dir',
    out,
    ...extra
  ]
  const io = capture()
  expect([EXIT.pass, EXIT.fail]).toContain(await runCli(argv, {}, io.io))
  expect(await readdir(path.join(out, 'feedback'))).toHaveLength(2)
  const [header = [], ...records] = readCsv(
    await readFile(path.join(out, 'iou_results.csv'), 'utf8')
  )
  return records.map((record) =>
    Object.fromEntries(header.map((cell, index) => [cell.value, record[index]?.value ?? '']))
  )
}

describe('offline links', () => {
  it('come from the hashes in the export file names, with encord-app-url', async () => {
    const rows = await run(`gold-${GOLD_HASH}.json`, ['--encord-app-url', APP])
    const alice = rows.filter((row) => row.training_project_hash === `alice-${ALICE_HASH}`)
    const bob = rows.filter((row) => row.training_project_hash === 'bob')
    expect(alice.length).toBeGreaterThan(0)
    expect(bob.length).toBeGreaterThan(0)
    for (const row of alice) {
      expect(row.training_url).toBe(
        `${APP}/label_editor/${ALICE_HASH}/${row.data_hash}/${row.frame}`
      )
      expect(row.benchmark_url).toBe(
        `${APP}/label_editor/${GOLD_HASH}/${row.data_hash}/${row.frame}`
      )
    }
    // bob.json names no project hash: no links for bob.
    expect(bob.every((row) => row.training_url === '' && row.benchmark_url === '')).toBe(true)
  })

  it('are absent without encord-app-url, or when the benchmark file names no hash', async () => {
    const without = await run(`gold-${GOLD_HASH}.json`)
    expect(without.every((row) => row.training_url === '' && row.benchmark_url === '')).toBe(true)
    const unnamed = await run('gold.json', ['--encord-app-url', APP])
    expect(unnamed.every((row) => row.training_url === '' && row.benchmark_url === '')).toBe(true)
  })
})
