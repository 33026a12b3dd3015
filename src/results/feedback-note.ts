/**
 * A note for each annotator, one per evaluated training project: their scores against the bar,
 * what went well, their most frequent kinds of error, any systematic geometry bias, and their
 * worst items with links. This builds the note's data; `report/feedback-note.ts` renders it as
 * markdown (`output-dir/feedback/<file name>`), and the HTML report shows the same data.
 * Nothing here changes a score.
 */
import type { Method } from '../evaluate/types.js'
import type { ErrorCount, ErrorKind } from './error-kinds.js'
import type { Interval } from './intervals.js'
import type { BiasEstimate } from './geometry-bias.js'
import {
  labelsUnder,
  meetsThreshold,
  metricsComputedBy,
  scoreOf,
  type MetricName
} from './metrics.js'
import type { ProjectResult, RunResult } from './run-result.js'
import { balancedWorstItems, type WorstItem } from './worst-items.js'

/** Items a note lists; the HTML report shows every kept item. */
export const NOTE_WORST_ITEMS = 10
/** Kinds of error a note leads with. */
export const NOTE_TOP_ERRORS = 3

export interface NoteScore {
  name: MetricName
  label: string
  value: number | null
  /** The score's confidence interval; null when intervals are off or it has none. */
  interval: Interval | null
  /** The bar set for this score, or null when none is set. */
  threshold: number | null
  /** Whether the score meets its bar; null when there is no bar. */
  meets: boolean | null
}

export interface NoteError extends ErrorCount {
  /** One plain-text line, e.g. `"Pedestrian" labelled as "Cyclist": 5 times`. */
  text: string
}

export interface NoteBias {
  estimate: BiasEstimate
  /** One plain-text line, e.g. `Your boxes are 6.0 % too wide, mostly on the right edge.` */
  text: string
}

export interface FeedbackNote {
  /** The note's file name under `feedback/`: unique in the run, safe on any file system. */
  fileName: string
  annotator: string | null
  projectHash: string
  projectTitle: string
  benchmarkTitle: string
  method: Method
  scores: NoteScore[]
  /** Plain-text lines; empty when nothing stood out. */
  wentWell: string[]
  /** Errors of each kind. */
  errorTotals: Record<ErrorKind, number>
  /** The most frequent kinds of error (by kind and what they are about), most first. */
  topErrors: NoteError[]
  /** Only biases whose 95 % interval excludes 0. */
  bias: NoteBias[]
  /** The `low-iou` that low-overlap errors were counted against. */
  lowIou: number
  worstItems: WorstItem[]
}

/** One note per evaluated training project, in input order, with unique file names. */
export function feedbackNotes(result: RunResult): FeedbackNote[] {
  const projects = result.projects.flatMap((outcome) =>
    outcome.status === 'evaluated' ? [outcome.evaluation] : []
  )
  const names = noteFileNames(projects)
  return projects.map((project, index) => feedbackNote(result, project, names[index]!))
}

export function feedbackNote(
  result: RunResult,
  project: ProjectResult,
  fileName: string
): FeedbackNote {
  const { feedback } = project
  return {
    fileName,
    annotator: project.annotator,
    projectHash: project.projectHash,
    projectTitle: project.projectTitle,
    benchmarkTitle: result.benchmark.title,
    method: project.method,
    scores: noteScores(result, project),
    wentWell: wentWell(result, project),
    errorTotals: feedback.errors.totals,
    topErrors: feedback.errors.counts
      .slice(0, NOTE_TOP_ERRORS)
      .map((count) => ({ ...count, text: errorText(count, feedback.lowIou) })),
    bias: biasLines(feedback.bias),
    lowIou: feedback.lowIou,
    worstItems: balancedWorstItems(project.worstItems, NOTE_WORST_ITEMS)
  }
}

function noteScores(result: RunResult, project: ProjectResult): NoteScore[] {
  return metricsComputedBy(project.method).map((metric) => {
    const value = scoreOf(project.overall, metric.name)
    const threshold =
      metric.threshold === null
        ? null
        : (result.settings.thresholds[metric.name as keyof typeof result.settings.thresholds] ??
          null)
    return {
      name: metric.name,
      label: labelsUnder(metric, project.method).label,
      value,
      interval: project.intervals?.overall[metric.name] ?? null,
      threshold,
      meets: threshold === null ? null : meetsThreshold(metric.direction, value, threshold)
    }
  })
}

/** Bars met, the classes done best, and the kinds of mistake never made. */
function wentWell(result: RunResult, project: ProjectResult): string[] {
  const lines: string[] = []
  for (const score of noteScores(result, project)) {
    if (score.meets === true && score.value !== null) {
      lines.push(`${score.label} ${score.value.toFixed(3)} meets the bar of ${score.threshold}.`)
    }
  }
  if (project.method === 'one-to-one') {
    const best = project.perClass
      .filter((metrics) => metrics.f1 !== null && metrics.f1 >= 0.8 && metrics.benchmarkObjects > 0)
      .sort((a, b) => (b.f1 ?? 0) - (a.f1 ?? 0) || b.benchmarkObjects - a.benchmarkObjects)
      .slice(0, 3)
    for (const metrics of best) {
      lines.push(
        `“${metrics.className}”: F1 ${(metrics.f1 ?? 0).toFixed(3)} over ${metrics.benchmarkObjects} expert objects.`
      )
    }
    const { totals } = project.feedback.errors
    const { overall } = project
    if (overall.benchmarkObjects > 0 && totals.missed === 0) lines.push('No object missed.')
    if (overall.trainingObjects > 0 && totals.extra === 0) {
      lines.push('No object drawn where the expert has none.')
    }
    if (overall.truePositives + overall.wrongClass > 0 && totals['wrong-class'] === 0) {
      lines.push('Every object found got the right class.')
    }
  }
  return lines
}

/** One line per kind of error, as the README defines them. */
export function errorText(count: ErrorCount, lowIou: number): string {
  const times = `${count.count} ${count.count === 1 ? 'time' : 'times'}`
  switch (count.kind) {
    case 'missed':
      return `“${count.subject}” missed: ${times}`
    case 'extra':
      return `“${count.subject}” drawn where the expert has nothing: ${times}`
    case 'wrong-class':
      return `“${count.subject}” labelled as “${count.given ?? ''}”: ${times}`
    case 'low-overlap':
      return `“${count.subject}” drawn with overlap (IoU) below ${lowIou}: ${times}`
    case 'attribute':
      return `attribute “${count.subject}” answered differently: ${times}`
    case 'classification':
      return `question “${count.subject}” answered differently: ${times}`
  }
}

/**
 * Plain sentences for the clear biases: size first ("6.0 % too wide, mostly on the right edge"),
 * a shift when both edges of an axis move the same way, then any other edge that is clearly off.
 */
export function biasLines(estimates: readonly BiasEstimate[]): NoteBias[] {
  const clear = new Map(
    estimates.filter((estimate) => estimate.clear).map((estimate) => [estimate.measure, estimate])
  )
  const lines: NoteBias[] = []
  const told = new Set<string>()
  const axes = [
    { size: 'width', low: 'left', high: 'right', more: 'wide', less: 'narrow', of: 'width' },
    { size: 'height', low: 'top', high: 'bottom', more: 'tall', less: 'short', of: 'height' }
  ] as const
  for (const axis of axes) {
    const size = clear.get(axis.size)
    const low = clear.get(axis.low)
    const high = clear.get(axis.high)
    if (size !== undefined) {
      const mostly = [low, high]
        .filter((edge) => edge !== undefined && Math.sign(edge.mean) === Math.sign(size.mean))
        .sort((a, b) => Math.abs(b!.mean) - Math.abs(a!.mean))[0]
      const where = mostly === undefined ? '' : `, mostly on the ${mostly.measure} edge`
      lines.push({
        estimate: size,
        text: `Your boxes are ${percent(size.mean)} too ${size.mean > 0 ? axis.more : axis.less}${where} ${interval(size)}.`
      })
      told.add(axis.low).add(axis.high)
    } else if (
      low !== undefined &&
      high !== undefined &&
      Math.sign(low.mean) !== Math.sign(high.mean)
    ) {
      // One edge in, the other out: the box sits off to one side.
      const towards = high.mean > 0 ? axis.high : axis.low
      lines.push({
        estimate: high,
        text: `Your boxes sit ${percent((high.mean - low.mean) / 2)} of the box’s ${axis.of} too far ${axis.of === 'width' ? towards : towards === 'top' ? 'up' : 'down'} ${interval(high)}.`
      })
      told.add(axis.low).add(axis.high)
    }
  }
  for (const edge of ['left', 'right', 'top', 'bottom'] as const) {
    const estimate = clear.get(edge)
    if (estimate === undefined || told.has(edge)) continue
    const of = edge === 'left' || edge === 'right' ? 'width' : 'height'
    lines.push({
      estimate,
      text: `Your ${edge} edges lie ${percent(estimate.mean)} of the box’s ${of} ${estimate.mean > 0 ? 'outside' : 'inside'} the expert’s ${interval(estimate)}.`
    })
  }
  const area = clear.get('polygon-area')
  if (area !== undefined) {
    lines.push({
      estimate: area,
      text: `Your polygons are ${percent(area.mean)} ${area.mean > 0 ? 'larger' : 'smaller'} than the expert’s ${interval(area)}.`
    })
  }
  return lines
}

function percent(fraction: number): string {
  return `${(Math.abs(fraction) * 100).toFixed(1)} %`
}

function interval(estimate: BiasEstimate): string {
  const signed = (value: number | null): string => {
    if (value === null) return '?'
    const percentage = value * 100
    // A bound that rounds to 0.0 would read as touching 0, which a clear claim's never does.
    const digits =
      percentage !== 0 && Math.abs(percentage) < 0.05
        ? percentage.toPrecision(1)
        : percentage.toFixed(1)
    return `${value > 0 ? '+' : ''}${digits} %`
  }
  return `(95 % interval ${signed(estimate.low)} to ${signed(estimate.high)}, ${estimate.pairs} pairs)`
}

const MAX_NAME = 80

/**
 * File names for the notes, in project order: the annotator's e-mail made safe (lower case;
 * anything but letters, digits, `.`, `_`, `+`, `@` and `-` becomes `_`; at most 80 characters;
 * `unknown-annotator` when none is recorded) plus `.md`. Names that would collide (one annotator
 * with several projects, or e-mails that differ only in case or unsafe characters) each get the
 * first 8 characters of their project's hash; a name that still collides gets `-2`, `-3`… in
 * project order.
 */
export function noteFileNames(
  projects: readonly Pick<ProjectResult, 'annotator' | 'projectHash'>[]
): string[] {
  const bases = projects.map((project) => safeBase(project.annotator))
  const uses = new Map<string, number>()
  for (const base of bases) uses.set(base, (uses.get(base) ?? 0) + 1)
  const withHash = bases.map((base, index) =>
    (uses.get(base) ?? 0) > 1
      ? `${base}-${safeBase(projects[index]!.projectHash).slice(0, 8)}`
      : base
  )
  const taken = new Set<string>()
  return withHash.map((name) => {
    let unique = name
    for (let n = 2; taken.has(unique); n++) unique = `${name}-${n}`
    taken.add(unique)
    return `${unique}.md`
  })
}

function safeBase(text: string | null): string {
  const cleaned = (text ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9._+@-]/g, '_')
    .replace(/^[.]+/, '_')
    .slice(0, MAX_NAME)
  return cleaned === '' ? 'unknown-annotator' : cleaned
}
