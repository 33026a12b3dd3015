// How verdicts and intervals read in the reports: the four marks, the interval of each gated
// score in the main table (and of every score and class in the details), the evidence a verdict
// rests on, borderline and inconclusive checks, the terminal's words, and the outputs.
import { describe, expect, it } from '@jest/globals'
import type { ProjectOutcome } from '../../src/results/run-result.js'
import { buildOutputs } from '../../src/report/outputs.js'
import { renderComment } from '../../src/report/comment.js'
import { renderSummary } from '../../src/report/summary.js'
import { renderTerminalTable } from '../../src/report/terminal.js'
import { classMetrics, evaluated, metrics, runResult } from './builders.js'

/** An evaluated project whose F1 (and car's recall) have the given intervals. */
function withIntervals(
  projectHash: string,
  annotator: string,
  f1: number,
  interval: { low: number; high: number },
  pairedRows = 48
): ProjectOutcome {
  const outcome = evaluated({
    projectHash,
    annotator,
    overall: metrics({ f1 }),
    perClass: [classMetrics('car')],
    coverage: {
      benchmarkRows: 50,
      trainingRows: pairedRows,
      pairedRows,
      notCompleted: 50 - pairedRows,
      unmatchedTrainingRows: 0
    }
  })
  if (outcome.status !== 'evaluated') throw new Error('expected an evaluated project')
  outcome.evaluation.intervals = {
    overall: { precision: { low: 0.7, high: 0.9 }, f1: interval, attributeAccuracy: null },
    perClass: [{ featureHash: 'feature-car', intervals: { recall: { low: 0.61, high: 0.93 } } }]
  }
  return outcome
}

const projects = [
  withIntervals('p-a', 'ann@example.com', 0.9, { low: 0.85, high: 0.95 }),
  withIntervals('p-b', 'ben@example.com', 0.6, { low: 0.55, high: 0.65 }),
  withIntervals('p-c', 'cat@example.com', 0.79, { low: 0.72, high: 0.86 }),
  withIntervals('p-d', 'dan@example.com', 0.9, { low: 0.85, high: 0.95 }, 6)
]
const result = (gateOn: 'estimate' | 'interval') =>
  runResult({
    projects,
    settings: { thresholds: { f1: 0.8 }, gateOn, bootstrapSamples: 2000, confidenceLevel: 0.95 }
  })

/** The summary's table rows, by annotator. */
function rowsOf(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>()
  for (const line of markdown.split('\n')) {
    const cells = line.split(' | ').map((cell) => cell.replace(/^\| |\s\|$/g, '').trim())
    if (line.startsWith('| ') && cells[1]?.endsWith('@example.com')) rows.set(cells[1], cells)
  }
  return rows
}

describe('the main table', () => {
  it('gated on the interval: four marks, the gated score with its interval, the evidence', () => {
    const rows = rowsOf(renderSummary(result('interval')))
    expect([...rows.values()].map((cells) => cells[0])).toEqual(['✅', '❌', '⚠️', '❔'])
    const cat = rows.get('cat@example.com') ?? []
    expect(cat).toContain('0.790 (0.720–0.860)')
    expect(cat).toContain('⚠️ 0.720–0.860 straddles 0.800')
    expect(cat).toContain('48/50 units · 10 objects')
    // Ungated scores stay bare in the table: precision has an interval but no threshold.
    expect(cat).toContain('0.800')
    expect(cat.join(' ')).not.toContain('(0.700–0.900)')
    expect(rows.get('ben@example.com')).toContain('❌ 0.550–0.650 < 0.800')
    expect(rows.get('dan@example.com')).toContain('6/50 units · 10 objects')
  })

  it('gated on the estimate: a straddling interval is a borderline result', () => {
    const rows = rowsOf(renderSummary(result('estimate')))
    expect(rows.get('cat@example.com')).toContain('❌ 0.790 < 0.800 (borderline)')
    expect(rows.get('ann@example.com')).toContain('✅ 0.900 ≥ 0.800')
  })

  it('the comment has the same marks and intervals', () => {
    const rows = rowsOf(renderComment(result('interval'), { marker: '<!-- x -->' }))
    expect(rows.get('cat@example.com')?.[0]).toBe('⚠️')
    expect(rows.get('cat@example.com')).toContain('0.790 (0.720–0.860)')
  })
})

describe('the details', () => {
  it('give every score’s interval, per-class intervals and what the verdict rests on', () => {
    const markdown = renderSummary(result('interval'))
    expect(markdown).toContain(
      'Verdict: ⚠️ inconclusive, on 48 data units and 10 benchmark objects.'
    )
    expect(markdown).toContain('Verdict: ❔ insufficient evidence, on 6 data units')
    expect(markdown).toContain('Precision 0.800 (0.700–0.900)')
    expect(markdown).toContain('Attribute accuracy 0.750 (—)')
    expect(markdown).toContain('0.800 (0.610–0.930)')
    expect(markdown).toContain(
      'Intervals: 95 %, cluster bootstrap of 2000 resamples over data units'
    )
  })

  it('say nothing of intervals when they are off', () => {
    const off = runResult({ projects: [evaluated()], settings: { thresholds: { f1: 0.5 } } })
    const markdown = renderSummary(off)
    expect(markdown).not.toContain('Scores with confidence intervals')
    expect(markdown).toContain('Intervals: off')
  })
})

describe('the terminal', () => {
  it('words for the four verdicts and a WARNING line when nobody failed', () => {
    const text = renderTerminalTable(result('interval'))
    for (const word of ['PASS', 'FAIL', 'INCONCLUSIVE', 'INSUFFICIENT'])
      expect(text).toContain(word)
    expect(text).toContain('inconclusive 0.720-0.860 vs 0.800')
    expect(text).toMatch(/FAILED: 1 of 4 annotators failed/)
    const unsettled = runResult({
      projects: [projects[0] as ProjectOutcome, projects[2] as ProjectOutcome],
      settings: { thresholds: { f1: 0.8 }, gateOn: 'interval', bootstrapSamples: 2000 }
    })
    expect(renderTerminalTable(unsettled)).toMatch(
      /WARNING: 1 of 2 annotators passed, 1 inconclusive/
    )
  })
})

describe('the outputs', () => {
  it('give each verdict and interval, and list the unsettled annotators', () => {
    const outputs = buildOutputs(result('interval'))
    const results = JSON.parse(outputs.results) as { verdict: string; intervals: unknown }[]
    expect(results.map((entry) => entry.verdict)).toEqual([
      'pass',
      'fail',
      'inconclusive',
      'insufficient-evidence'
    ])
    expect(results[2]?.intervals).toMatchObject({ f1: { low: 0.72, high: 0.86 } })
    expect(JSON.parse(outputs['inconclusive-annotators'])).toEqual([
      {
        project: 'p-c',
        title: 'Training A',
        annotator: 'cat@example.com',
        verdict: 'inconclusive',
        thresholds: ['min-f1']
      },
      {
        project: 'p-d',
        title: 'Training A',
        annotator: 'dan@example.com',
        verdict: 'insufficient-evidence',
        dataUnits: 6,
        minDataUnits: 10
      }
    ])
    expect(outputs.passed).toBe('false')
  })
})
