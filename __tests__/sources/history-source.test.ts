import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  appendHistoryFile,
  earlierRunFromReport,
  historyFileRuns,
  readHistoryFile,
  readHistoryPaths
} from '../../src/sources/history-source.js'
import { renderReportJson } from '../../src/report/index.js'
import type { HistoryPoint } from '../../src/results/history.js'
import { evaluated, metrics, runResult } from '../report/builders.js'

const point = (run: string, f1: number): HistoryPoint => ({
  run,
  projectHash: 'project-a',
  annotator: 'alice@example.com',
  labelsDigest: `sha256:${run}`,
  scores: { f1 }
})

describe('history file', () => {
  it('skips a malformed line with a warning naming it, and keeps the others', () => {
    const warnings: string[] = []
    const good = JSON.stringify({ ...point('1', 0.5), at: '2026-01-01T00:00:00.000Z' })
    const runs = historyFileRuns(`${good}\n{"run": "2", oops\n\n`, 'h.jsonl', (w) =>
      warnings.push(w)
    )
    expect(runs).toEqual([{ run: '1', points: [point('1', 0.5)] }])
    expect(warnings).toEqual(['h.jsonl line 2 is not a history entry; skipped it'])
  })

  it('appends one line per annotator and never truncates what is there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'history-file-'))
    const file = path.join(dir, 'nested', 'history.jsonl')
    await appendHistoryFile(file, [point('1', 0.5)], new Date('2026-01-01T00:00:00Z'))
    // A hand-edited last line without a line break must not run into ours.
    await writeFile(file, `${await readFile(file, 'utf8')}not json`)
    await appendHistoryFile(file, [point('2', 0.6)], new Date('2026-01-02T00:00:00Z'))
    const lines = (await readFile(file, 'utf8')).split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toBe('not json')
    const warnings: string[] = []
    const runs = await readHistoryFile(file, (w) => warnings.push(w))
    expect(runs.map((run) => run.run)).toEqual(['1', '2'])
    expect(warnings).toHaveLength(1)
  })

  it('reads a missing file as no history', async () => {
    expect(await readHistoryFile('/nonexistent/history.jsonl', () => {})).toEqual([])
  })
})

describe('report.json as history', () => {
  const report = renderReportJson(
    runResult({
      projects: [evaluated({ labelsDigest: 'sha256:x', overall: metrics({ f1: 0.7 }) })]
    })
  )

  it("reads each evaluated project's digest and scores", () => {
    const run = earlierRunFromReport(report, 'r1')
    expect(run.points).toEqual([
      expect.objectContaining({
        projectHash: 'project-a',
        labelsDigest: 'sha256:x',
        scores: expect.objectContaining({ f1: 0.7 })
      })
    ])
  })

  it('reads a folder of reports in path order, and a history file, for --history', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'history-paths-'))
    for (const name of ['b', 'a']) {
      await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, name)))
      await writeFile(path.join(dir, name, 'report.json'), report)
    }
    const file = path.join(dir, 'h.jsonl')
    await writeFile(file, `${JSON.stringify(point('9', 0.9))}\n`)
    const runs = await readHistoryPaths([dir, file], () => {})
    expect(runs.map((run) => run.run)).toEqual([
      path.join(dir, 'a', 'report.json'),
      path.join(dir, 'b', 'report.json'),
      '9'
    ])
  })
})
