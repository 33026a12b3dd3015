import { describe, expect, it } from '@jest/globals'
import { mergeHistory, sparkline, type HistoryPoint } from '../../src/results/history.js'
import {
  buildOutputs,
  renderHtmlReport,
  renderComment,
  renderReportJson,
  renderSummary
} from '../../src/report/index.js'
import { NO_EARLIER_RUNS, renderProgressText, trendText } from '../../src/report/history-section.js'
import type { RunResult } from '../../src/results/run-result.js'
import { evaluated, metrics, runResult } from './builders.js'

function point(run: string, digest: string, f1: number): HistoryPoint {
  return {
    run,
    projectHash: 'project-a',
    annotator: 'alice@example.com',
    labelsDigest: digest,
    scores: { f1 }
  }
}

function withHistory(f1s: number[]): RunResult {
  const result = runResult({
    projects: [
      evaluated({ labelsDigest: `sha256:${f1s.length}`, overall: metrics({ f1: f1s.at(-1)! }) })
    ]
  })
  const earlier = f1s.slice(0, -1).map((f1, index) => ({
    run: String(index + 1),
    points: [point(String(index + 1), `sha256:${index}`, f1)]
  }))
  return { ...result, history: mergeHistory(result, earlier, String(f1s.length)) }
}

describe('progress', () => {
  it('shows the trend with its change since the last attempt and a sparkline', () => {
    const result = withHistory([0.6, 0.7, 0.781, 0.842])
    expect(renderSummary(result)).toContain(
      `F1 0.842 ▲ +0.061 since last attempt · 4 attempts ${sparkline([0.6, 0.7, 0.781, 0.842])}`
    )
    expect(renderProgressText(result)).toContain('alice@example.com: F1 0.842 ▲ +0.061')
  })

  it('draws a Mermaid line chart beside the table in the comment only', () => {
    const result = withHistory([0.6, 0.5])
    const comment = renderComment(result, { marker: '<!-- m -->' })
    expect(comment).toContain('| Annotator | Trend |')
    expect(comment).toContain('F1 0.500 ▼ −0.100 since last attempt · 2 attempts')
    expect(comment).toMatch(/```mermaid\nxychart-beta\n[^`]*line \[0\.600, 0\.500\]/)
    expect(renderSummary(result)).not.toContain('mermaid')
  })

  it('says no earlier runs were found on the first run', () => {
    const result = withHistory([0.8])
    expect(renderSummary(result)).toContain(NO_EARLIER_RUNS)
    expect(renderSummary(result)).not.toContain('attempts')
  })

  it('says nothing about progress when history was not read', () => {
    const result = runResult()
    expect(renderSummary(result)).not.toContain('Progress')
    expect(JSON.parse(buildOutputs(result).results)[0]).not.toHaveProperty('attempts')
  })

  it('adds previous and attempts to the results output and a history block to report.json', () => {
    const result = withHistory([0.7, 0.8])
    const [entry] = JSON.parse(buildOutputs(result).results)
    expect(entry.attempts).toBe(2)
    expect(entry.previous.f1).toBe(0.7)
    const json = JSON.parse(renderReportJson(result))
    expect(json.history.projects[0].attempts.map((a: { run: string }) => a.run)).toEqual(['1', '2'])
    expect(json.projects[0].evaluation.labelsDigest).toBe('sha256:2')
  })

  it('draws a line chart per annotator in the HTML report', () => {
    const page = renderHtmlReport(withHistory([0.5, 1]))
    expect(page).toContain('id="progress"')
    // Two attempts, 0.5 then 1, across a 240 × 80 box with 6 of padding.
    expect(page).toContain('points="6.0,40.0 234.0,6.0"')
    expect(page).toContain('F1 1.000 ▲ +0.500 since last attempt · 2 attempts')
    expect(renderHtmlReport(withHistory([0.8]))).toContain(NO_EARLIER_RUNS)
    expect(renderHtmlReport(runResult())).not.toContain('id="progress"')
  })

  it('writes a first attempt without an arrow', () => {
    expect(
      trendText(
        { metric: 'f1', current: 0.5, delta: null, attempts: 1, series: [0.5] },
        'one-to-one'
      )
    ).toBe('F1 0.500 · first attempt')
  })
})
