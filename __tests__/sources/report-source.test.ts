import { describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { csvHeader, renderReportJson } from '../../src/report/index.js'
import { applyGate } from '../../src/results/gate.js'
import type { RunResult } from '../../src/results/run-result.js'
import { findLegReports, mergeLegReports } from '../../src/sources/report-source.js'
import { evaluated, failed, metrics, runResult } from '../report/builders.js'

async function writeLeg(
  dir: string,
  name: string,
  result: RunResult,
  rows: string
): Promise<string> {
  const leg = path.join(dir, name)
  await mkdir(leg, { recursive: true })
  await writeFile(path.join(leg, 'report.json'), renderReportJson(result))
  await writeFile(path.join(leg, 'iou_results.csv'), csvHeader() + rows)
  return path.join(leg, 'report.json')
}

const settings = { thresholds: { f1: 0.75 } }
const alice = evaluated({ projectHash: 'p-alice', overall: metrics({ f1: 0.8 }) })
const bob = evaluated({
  projectHash: 'p-bob',
  annotator: 'bob@example.com',
  overall: metrics({ f1: 0.6 })
})

describe('mergeLegReports', () => {
  it('concatenates projects and CSV rows in leg order and gates over all of them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'merge-'))
    await writeLeg(dir, 'leg-1', runResult({ projects: [alice], settings }), 'a,1\n')
    await writeLeg(dir, 'leg-2', runResult({ projects: [bob, failed()], settings }), 'b,2\n')
    const files = await findLegReports(`${dir}/*/report.json`)
    const merged = await mergeLegReports(files, 2)
    const single = runResult({ projects: [alice, bob, failed()], settings })
    expect(merged.csvRows).toBe('a,1\nb,2\n')
    expect(merged.result.gate).toEqual(applyGate(single.projects, { ...single.settings }))
    expect(merged.result.gate.passed).toBe(false)
    expect(renderReportJson(merged.result)).toBe(renderReportJson(single))
  })

  it('names the legs and the setting when the legs were run differently', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'merge-'))
    const one = await writeLeg(dir, 'leg-1', runResult({ projects: [alice] }), '')
    const two = await writeLeg(
      dir,
      'leg-2',
      runResult({ projects: [bob], settings: { iouThreshold: 0.7 } }),
      ''
    )
    await expect(mergeLegReports([one, two], null)).rejects.toThrow(
      `Legs ${one} and ${two} were run with a different iou-threshold (0.5 and 0.7)`
    )
  })

  it('is an error when fewer legs than expected-legs are found', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'merge-'))
    const one = await writeLeg(dir, 'leg-1', runResult({ projects: [alice] }), '')
    await expect(mergeLegReports([one], 3)).rejects.toThrow(
      /^Expected 3 legs but found 1 report\.json/
    )
  })
})
