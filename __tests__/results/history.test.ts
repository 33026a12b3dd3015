import { describe, expect, it } from '@jest/globals'
import {
  mergeHistory,
  sparkline,
  toAttempts,
  trendMetrics,
  trendOf,
  type EarlierRun,
  type HistoryPoint
} from '../../src/results/history.js'
import { evaluated, metrics, runResult } from '../report/builders.js'

function point(
  run: string,
  digest: string | null,
  f1: number,
  projectHash = 'project-a'
): HistoryPoint {
  return { run, projectHash, annotator: 'alice@example.com', labelsDigest: digest, scores: { f1 } }
}

function earlier(run: string, ...points: HistoryPoint[]): EarlierRun {
  return { run, points }
}

describe('toAttempts', () => {
  it('counts a run as a new attempt only when the scored labels changed', () => {
    const attempts = toAttempts([
      point('1', 'sha256:a', 0.5),
      point('2', 'sha256:a', 0.5),
      point('3', 'sha256:b', 0.6),
      point('4', 'sha256:c', 0.7)
    ])
    expect(attempts.map((attempt) => attempt.run)).toEqual(['2', '3', '4'])
  })

  it('takes a run without a digest (an older report) as an attempt of its own', () => {
    expect(toAttempts([point('1', null, 0.5), point('2', null, 0.5)])).toHaveLength(2)
  })
})

describe('mergeHistory', () => {
  const current = (digest: string, f1: number) =>
    runResult({ projects: [evaluated({ labelsDigest: digest, overall: metrics({ f1 }) })] })

  it('gives the previous attempt and every attempt, this run last', () => {
    const history = mergeHistory(
      current('sha256:c', 0.842),
      [earlier('1', point('1', 'sha256:a', 0.7)), earlier('2', point('2', 'sha256:b', 0.781))],
      '3'
    )
    expect(history.earlierRuns).toBe(2)
    const [project] = history.projects
    expect(project?.attempts.map((attempt) => attempt.scores.f1)).toEqual([0.7, 0.781, 0.842])
    expect(project?.previous?.scores.f1).toBe(0.781)
    const trend = trendOf(project!, 'f1')
    expect(trend.delta).toBeCloseTo(0.061, 10)
    expect(trend.attempts).toBe(3)
  })

  it('does not add an attempt when the labels are unchanged since the last run', () => {
    const history = mergeHistory(
      current('sha256:b', 0.781),
      [earlier('1', point('1', 'sha256:a', 0.7)), earlier('2', point('2', 'sha256:b', 0.781))],
      '3'
    )
    const [project] = history.projects
    expect(project?.attempts).toHaveLength(2)
    expect(project?.previous?.scores.f1).toBe(0.7)
  })

  it('counts a run read twice once, and never this run as an earlier one', () => {
    const run1 = earlier('1', point('1', 'sha256:a', 0.7))
    const history = mergeHistory(
      current('sha256:b', 0.8),
      [run1, run1, earlier('9', point('9', 'sha256:z', 0.1))],
      '9'
    )
    expect(history.earlierRuns).toBe(1)
    expect(history.projects[0]?.attempts).toHaveLength(2)
  })

  it('follows each annotator by training project hash', () => {
    const history = mergeHistory(
      current('sha256:b', 0.8),
      [earlier('1', point('1', 'sha256:x', 0.1, 'project-other'))],
      '2'
    )
    expect(history.projects[0]?.attempts).toHaveLength(1)
    expect(history.projects[0]?.previous).toBeNull()
  })
})

describe('trendMetrics', () => {
  it('is the gated scores the method computes, else its headline score', () => {
    expect(trendMetrics({ method: 'one-to-one', thresholds: { f1: 0.8, meanIou: 0.7 } })).toEqual(
      expect.arrayContaining(['f1', 'meanIou'])
    )
    expect(trendMetrics({ method: 'one-to-one', thresholds: {} })).toEqual(['f1'])
    expect(trendMetrics({ method: 'encord-script', thresholds: {} })).toEqual(['meanIou'])
    expect(trendMetrics({ method: 'encord-script', thresholds: { f1: 0.8 } })).toEqual(['meanIou'])
  })
})

describe('sparkline', () => {
  it('scales from the lowest to the highest value', () => {
    // Steps of 1/7 of the range: 0, 2.33 → 2, 4.67 → 5, 7.
    expect(sparkline([0.1, 0.4, 0.7, 1])).toBe('▁▃▆█')
  })
  it('draws a flat series as middle bars and a missing value as a space', () => {
    expect(sparkline([0.5, null, 0.5])).toBe('▄ ▄')
    expect(sparkline([])).toBe('')
  })
})
