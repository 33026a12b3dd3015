import { describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/run.js'
import { csvHeader, renderReportJson } from '../../src/report/index.js'
import { evaluated, metrics, runResult } from '../report/builders.js'

describe('encord-annotator-eval merge', () => {
  it('writes one CSV and report from the legs and exits with the gate over all annotators', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cli-merge-'))
    const settings = { thresholds: { f1: 0.75 } }
    const legs = [
      ['leg-b', evaluated({ projectHash: 'p-b', overall: metrics({ f1: 0.9 }) }), 'b,1\n'],
      ['leg-a', evaluated({ projectHash: 'p-a', overall: metrics({ f1: 0.5 }) }), 'a,1\n']
    ] as const
    const files: string[] = []
    for (const [name, project, rows] of legs) {
      await mkdir(path.join(dir, name))
      await writeFile(
        path.join(dir, name, 'report.json'),
        renderReportJson(runResult({ projects: [project], settings }))
      )
      await writeFile(path.join(dir, name, 'iou_results.csv'), csvHeader() + rows)
      files.push(path.join(dir, name, 'report.json'))
    }
    const out: string[] = []
    const err: string[] = []
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }
    const outputDir = path.join(dir, 'merged')
    const code = await runCli(['merge', ...files, '--output-dir', outputDir], {}, io)
    expect(code).toBe(1)
    expect(await readFile(path.join(outputDir, 'iou_results.csv'), 'utf8')).toBe(
      `${csvHeader()}b,1\na,1\n`
    )
    const report = JSON.parse(await readFile(path.join(outputDir, 'report.json'), 'utf8'))
    expect(
      report.projects.map((p: { evaluation: { projectHash: string } }) => p.evaluation.projectHash)
    ).toEqual(['p-b', 'p-a'])
    expect(err.join('')).toContain('Merged 2 leg report(s)')
  })

  it('says which leg is missing when --expected-legs is more than given', async () => {
    const err: string[] = []
    const code = await runCli(
      ['merge', '/nonexistent/report.json', '--expected-legs', '2'],
      {},
      {
        stdout: () => {},
        stderr: (t) => void err.push(t)
      }
    )
    expect(code).toBe(2)
    expect(err.join('')).toMatch(/^error: Expected 2 legs but found 1 report\.json/)
  })
})
