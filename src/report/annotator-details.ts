/**
 * The collapsible detail for one annotator in the job summary: who labelled, coverage, notes,
 * the per-class table, the confusion matrix and (when the budget allows) the worst items.
 *
 * Written as `<details>` with markdown inside (a blank line after `<summary>` lets GitHub parse
 * the tables). Every user string goes through `escapeMarkdown`.
 */
import type { ClassMetrics, Method, Tally } from '../evaluate/types.js'
import {
  labelsUnder,
  metricFacts,
  metricsComputedBy,
  scoreOf,
  type MetricName
} from '../results/metrics.js'
import type { ProjectResult } from '../results/run-result.js'
import type { EvaluatedStanding } from '../results/standings.js'
import type { WorstItem } from '../results/worst-items.js'
import { annotatorName } from './annotator-table.js'
import { confusionMarkdown } from './confusion.js'
import { formatMetric, formatScore, plural } from './format.js'
import { escapeMarkdown } from './markdown-escape.js'
import { table, type Column } from './markdown-table.js'
import { trackingTable } from './tracking-table.js'
import { scoreWithInterval, VERDICT_MARK, VERDICT_PHRASE } from './verdict-marks.js'
import { worstItemsTable } from './worst-items-table.js'

const MAX_CLASS_ROWS = 50
const MAX_CONTRIBUTORS = 5
const MAX_NOTES = 10

/** `worst` is null when the worst items are left out to save room. */
export function annotatorDetails(
  standing: EvaluatedStanding,
  worst: readonly WorstItem[] | null
): string {
  const { evaluation } = standing
  const mark = VERDICT_MARK[standing.verdict]
  const summary = `${mark} ${annotatorName(evaluation.annotator)} · ${escapeMarkdown(evaluation.projectTitle)}`
  const parts = [
    `<details>\n<summary>${summary}</summary>\n\n`,
    overview(evaluation),
    verdictLine(standing),
    scoresLine(evaluation),
    notes(evaluation.notes),
    `**Per class**\n\n${perClassTable(evaluation, objectClasses(evaluation.perClass))}\n`,
    trackingTable(evaluation.overall, evaluation.perClass),
    classificationTable(evaluation.perClass),
    `**Confusion matrix** (benchmark class down, training class across)\n\n`,
    `${confusionMarkdown(
      evaluation.confusion,
      objectClasses(evaluation.perClass).map((metrics) => metrics.className)
    )}\n`,
    worst === null ? '' : worstItemsSection(worst),
    '</details>\n\n'
  ]
  return parts.join('')
}

function overview(evaluation: ProjectResult): string {
  const { coverage } = evaluation
  const contributors = evaluation.contributors
    .slice(0, MAX_CONTRIBUTORS)
    .map((contributor) => `${escapeMarkdown(contributor.email)} (${contributor.annotations})`)
  const moreContributors = evaluation.contributors.length - contributors.length
  const labelledBy =
    contributors.length === 0
      ? 'no creator recorded'
      : contributors.join(', ') + (moreContributors > 0 ? `, and ${moreContributors} more` : '')
  return (
    `Labelled by: ${labelledBy}.<br>\n` +
    `Data units scored: ${coverage.pairedRows} of ${coverage.benchmarkRows} in the benchmark; ` +
    `${coverage.notCompleted} not completed by the annotator (not counted as missed); ` +
    `${plural(coverage.unmatchedTrainingRows, 'training row')} not in the benchmark.\n\n`
  )
}

/** `Verdict: ⚠️ inconclusive, on 48 data units and 412 benchmark objects.` */
function verdictLine(standing: EvaluatedStanding): string {
  const { verdict, dataUnits, benchmarkObjects } = standing
  return (
    `Verdict: ${VERDICT_MARK[verdict]} ${VERDICT_PHRASE[verdict]}, on ` +
    `${plural(dataUnits, 'data unit')} and ${plural(benchmarkObjects, 'benchmark object')}.\n\n`
  )
}

/** Every score with its interval (the main table shows intervals of gated scores only). */
function scoresLine(evaluation: ProjectResult): string {
  const { intervals } = evaluation
  if (intervals === null) return ''
  const scores = metricsComputedBy(evaluation.method).map((metric) => {
    const label = labelsUnder(metric, evaluation.method).label
    const value = scoreOf(evaluation.overall, metric.name)
    return `${label} ${scoreWithInterval(value, intervals.overall[metric.name] ?? null, true)}`
  })
  return `Scores with confidence intervals: ${scores.join(' · ')}\n\n`
}

function notes(list: readonly string[]): string {
  if (list.length === 0) return ''
  const shown = list.slice(0, MAX_NOTES).map((note) => `- ${escapeMarkdown(note, 300)}\n`)
  const more = list.length > MAX_NOTES ? `- …and ${list.length - MAX_NOTES} more notes\n` : ''
  return `**Notes**\n\n${shown.join('')}${more}\n`
}

function perClassTable(evaluation: ProjectResult, perClass: readonly ClassMetrics[]): string {
  const { method } = evaluation
  const intervalsOf = new Map(
    (evaluation.intervals?.perClass ?? []).map((entry) => [entry.featureHash, entry.intervals])
  )
  if (perClass.length === 0) return '_No classes scored._\n'
  const shown = perClass.slice(0, MAX_CLASS_ROWS)
  const more =
    perClass.length > shown.length
      ? `\n_${perClass.length - shown.length} more classes are in report.json._\n`
      : ''
  const right = (header: string): Column => ({ header, align: 'right' })
  const scores = PER_CLASS_SCORES[method].map(metricFacts)
  const counts = PER_CLASS_COUNTS[method]
  const columns = [
    { header: 'Class' },
    ...counts.map(([header]) => right(header)),
    ...scores.map((metric) => right(labelsUnder(metric, method).label))
  ]
  const rows = shown.map((metrics) => [
    escapeMarkdown(metrics.className, 80),
    ...counts.map(([, count]) => String(metrics[count])),
    ...scores.map((metric) =>
      evaluation.intervals === null
        ? formatMetric(metric.format, scoreOf(metrics, metric.name))
        : scoreWithInterval(
            scoreOf(metrics, metric.name),
            intervalsOf.get(metrics.featureHash)?.[metric.name] ?? null,
            true
          )
    )
  ])
  return table(columns, rows) + more
}

/**
 * The scores of the per-class table. With one-to-one a wrong class has its own count column, so
 * class accuracy is left out; the script's class score is one of its two scores. Classification
 * accuracy has its own table.
 */
const PER_CLASS_SCORES: Record<Method, MetricName[]> = {
  'one-to-one': ['precision', 'recall', 'f1', 'meanIou', 'attributeAccuracy'],
  'encord-script': ['meanIou', 'classAccuracy']
}

const PER_CLASS_COUNTS: Record<Method, [string, keyof Tally][]> = {
  'one-to-one': [
    ['Benchmark', 'benchmarkObjects'],
    ['Training', 'trainingObjects'],
    ['Matched', 'truePositives'],
    ['Wrong class', 'wrongClass'],
    ['Missed', 'missed'],
    ['Extra', 'extra']
  ],
  'encord-script': [['Training boxes', 'trainingObjects']]
}

/** Classes with objects on either side; classification questions have their own table. */
function objectClasses(perClass: readonly ClassMetrics[]): ClassMetrics[] {
  return perClass.filter((metrics) => metrics.benchmarkObjects + metrics.trainingObjects > 0)
}

function classificationTable(perClass: readonly ClassMetrics[]): string {
  const questions = perClass.filter((metrics) => metrics.classificationsCompared > 0)
  if (questions.length === 0) return ''
  const columns: Column[] = [
    { header: 'Classification' },
    { header: 'Compared', align: 'right' },
    { header: 'Agreement', align: 'right' }
  ]
  const rows = questions
    .slice(0, MAX_CLASS_ROWS)
    .map((metrics) => [
      escapeMarkdown(metrics.className, 80),
      String(metrics.classificationsCompared),
      formatScore(metrics.classificationAccuracy)
    ])
  return `**Classifications** (per frame, or per row when global)\n\n${table(columns, rows)}\n`
}

function worstItemsSection(items: readonly WorstItem[]): string {
  if (items.length === 0)
    return '**Worst items**\n\n_Nothing to show: no misses, extras or wrong classes._\n\n'
  return `**Worst items**\n\n${worstItemsTable(items)}\n`
}
