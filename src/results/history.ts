/**
 * History: this run's scores merged with the scores of earlier runs, per training project, into
 * attempts. An annotator is followed by training project hash; an attempt is a run whose scored
 * labels (their digest) differ from the previous run's, so re-running over unchanged labels does
 * not add one. Pure: the earlier runs are read elsewhere (`sources/history-source.ts`).
 */
import type { Method, Scores } from '../evaluate/types.js'
import { GATE_METRICS, METRICS, metricFacts, type MetricName, type Thresholds } from './metrics.js'
import type { RunResult } from './run-result.js'

/** The scores history keeps: the METRICS table's, by name. */
export type HistoryScores = Partial<Record<MetricName, number | null>>

/** One run's scores of one training project, as history keeps them. */
export interface HistoryPoint {
  /** Which run: the workflow run id, or where the report was read from. */
  run: string
  projectHash: string
  annotator: string | null
  /** Null when the run's report predates digests: such a run is an attempt of its own. */
  labelsDigest: string | null
  scores: HistoryScores
}

/** An earlier run: its points, one per training project it evaluated. */
export interface EarlierRun {
  run: string
  points: HistoryPoint[]
}

export interface Attempt {
  /** The latest run over these labels. */
  run: string
  labelsDigest: string | null
  scores: HistoryScores
}

export interface ProjectHistory {
  projectHash: string
  /** Oldest first; the last one is this run's. */
  attempts: Attempt[]
  /** The attempt before this run's; null when this is the first. */
  previous: Attempt | null
}

export interface RunHistory {
  /** Earlier runs read (0: the first run, or history off). */
  earlierRuns: number
  /** One per evaluated training project of this run, in input order. */
  projects: ProjectHistory[]
}

/** Scores → what history keeps of them (every METRICS score, null when not computed). */
export function historyScores(scores: Scores): HistoryScores {
  const kept: HistoryScores = {}
  for (const metric of METRICS) kept[metric.name] = scores[metric.name]
  return kept
}

/** This run's points: one per evaluated project, in input order. */
export function currentPoints(result: RunResult, run: string): HistoryPoint[] {
  return result.projects.flatMap((outcome) =>
    outcome.status === 'evaluated'
      ? [
          {
            run,
            projectHash: outcome.evaluation.projectHash,
            annotator: outcome.evaluation.annotator,
            labelsDigest: outcome.evaluation.labelsDigest ?? null,
            scores: historyScores(outcome.evaluation.overall)
          }
        ]
      : []
  )
}

/**
 * Merges earlier runs (oldest first) with this run. A run listed twice (read from an artifact and
 * from a history file) counts once, and this run's own id is not an earlier run.
 */
export function mergeHistory(
  result: RunResult,
  earlier: readonly EarlierRun[],
  currentRun: string
): RunHistory {
  const seen = new Set<string>([currentRun])
  const runs: EarlierRun[] = []
  for (const run of earlier) {
    if (seen.has(run.run)) continue
    seen.add(run.run)
    runs.push(run)
  }
  const projects = currentPoints(result, currentRun).map((point) => {
    const earlierPoints = runs.flatMap((run) =>
      run.points.filter((candidate) => candidate.projectHash === point.projectHash)
    )
    const attempts = toAttempts([...earlierPoints, point])
    return {
      projectHash: point.projectHash,
      attempts,
      previous: attempts.length >= 2 ? attempts[attempts.length - 2]! : null
    }
  })
  return { earlierRuns: runs.length, projects }
}

/** Consecutive points with the same digest are one attempt, with the latest run's scores. */
export function toAttempts(points: readonly HistoryPoint[]): Attempt[] {
  const attempts: Attempt[] = []
  for (const point of points) {
    const last = attempts[attempts.length - 1]
    const attempt = { run: point.run, labelsDigest: point.labelsDigest, scores: point.scores }
    if (
      last !== undefined &&
      last.labelsDigest !== null &&
      last.labelsDigest === point.labelsDigest
    ) {
      attempts[attempts.length - 1] = attempt
    } else {
      attempts.push(attempt)
    }
  }
  return attempts
}

/**
 * The scores a trend is shown for: the gated ones the method computes, or its headline score (F1,
 * or mean IoU under encord-script) when nothing is gated.
 */
export function trendMetrics(settings: { method: Method; thresholds: Thresholds }): MetricName[] {
  const gated = GATE_METRICS.filter(
    (name) =>
      settings.thresholds[name] !== undefined &&
      (metricFacts(name).methods as readonly Method[]).includes(settings.method)
  )
  if (gated.length > 0) return gated
  return [settings.method === 'encord-script' ? 'meanIou' : 'f1']
}

export interface Trend {
  metric: MetricName
  current: number | null
  /** Current minus the previous attempt's; null without a previous attempt or either score. */
  delta: number | null
  attempts: number
  /** The score over attempts, oldest first (null where it was not computed). */
  series: (number | null)[]
}

export function trendOf(history: ProjectHistory, metric: MetricName): Trend {
  const series = history.attempts.map((attempt) => attempt.scores[metric] ?? null)
  const current = series[series.length - 1] ?? null
  const before = history.previous?.scores[metric] ?? null
  return {
    metric,
    current,
    delta: current === null || before === null ? null : current - before,
    attempts: history.attempts.length,
    series
  }
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const

/**
 * A Unicode sparkline over the series, scaled from its lowest to its highest value (a flat series
 * is a row of middle bars); a missing value is a space.
 */
export function sparkline(series: readonly (number | null)[]): string {
  const values = series.filter((value): value is number => value !== null)
  if (values.length === 0) return ''
  const low = Math.min(...values)
  const high = Math.max(...values)
  return series
    .map((value) => {
      if (value === null) return ' '
      if (high === low) return BARS[3]
      const step = Math.round(((value - low) / (high - low)) * (BARS.length - 1))
      return BARS[step]
    })
    .join('')
}
