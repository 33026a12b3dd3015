/**
 * The benchmark audit: gold labels that are probably wrong, found from the training projects
 * alone. On each benchmark data unit that at least `minAnnotators` training projects completed
 * (`k` of them), with `q` the agreement share, a suspect is:
 *
 * 1. `spurious-object`: a benchmark object missed by at least q·k annotators;
 * 2. `wrong-class`: a benchmark object at least q·k annotators matched with the same other class
 *    (the class-agnostic pass of the matching);
 * 3. `missing-object`: a cluster of the annotators' unmatched objects drawn by at least q·k
 *    annotators (see `clusterExtras` for the rule);
 * 4. `wrong-attribute` / `wrong-classification`: an attribute of a matched pair, or a frame or
 *    global classification, answered the same different way by at least q·k annotators.
 *
 * A suspect found on several frames of the same benchmark object (same kind, same disagreement),
 * or the same classification answer on several frames, is one suspect listing its frames; its
 * count is the smallest over those frames. Each cluster of kind 3 is its own suspect. Pure: it reads the
 * projects' audit records (`audit-record.ts`) and returns data.
 */
import { addTallies, metricsOf, TALLY_FIELDS } from '../evaluate/metrics.js'
import { boundsOf, boundsOverlap, similarity, similarityBound } from '../evaluate/geometry/index.js'
import type { AuditOptions, Tally, UnitTallies } from '../evaluate/types.js'
import { labelEditorUrl, projectHashForLinks } from './editor-links.js'
import { bootstrapIntervals, bootstrapSeed } from './intervals.js'
import {
  OUTCOME,
  type AuditExtra,
  type AuditIndex,
  type ProjectAuditRecord
} from './audit-record.js'
import type { ProjectResult } from './run-result.js'

export const SUSPECT_KINDS = [
  'spurious-object',
  'wrong-class',
  'missing-object',
  'wrong-attribute',
  'wrong-classification'
] as const

export type SuspectKind = (typeof SUSPECT_KINDS)[number]

export const DEFAULT_AUDIT_MIN_ANNOTATORS = 3
export const DEFAULT_AUDIT_AGREEMENT = 0.67

export type AuditSettings = AuditOptions

export interface AuditContext extends AuditSettings {
  /** Similarity at which two annotators' extras are the same object (`iou-threshold`). */
  iouThreshold: number
  /** The label editor's origin, or null for no links. */
  editorOrigin: string | null
  /** The benchmark's id (hash online, export file name offline), for links. */
  benchmarkId: string
}

export interface Suspect {
  kind: SuspectKind
  dataHash: string
  dataTitle: string
  /** Frames it was found on, ascending (0 for an image; empty for a global classification). */
  frames: number[]
  /** The benchmark object's class, the class the annotators drew (kind 3) or the classification. */
  className: string
  /** The benchmark object's hash; null for kinds 3 and classifications. */
  benchmarkObject: string | null
  /** k: training projects that completed the unit. */
  annotators: number
  /** How many of them disagree this way (the smallest over `frames`). */
  disagreeing: number
  /** What the benchmark says, e.g. `Car`, `Colour: Red`; null when it has nothing (kind 3). */
  benchmarkSays: string | null
  /** What the annotators say instead, e.g. `missed`, `Truck`, `Colour: Blue`, `drew a Car`. */
  annotatorsSay: string
  /** The benchmark frame in Encord's label editor; null when the run has no links. */
  link: string | null
}

export interface BenchmarkAudit {
  /** `skipped` with `encord-script`, which has no one-to-one matching to read. */
  status: 'audited' | 'skipped'
  settings: AuditSettings
  /** Why nothing could be flagged (or why the audit was skipped); null when units were audited. */
  note: string | null
  /** Benchmark data units completed by at least `minAnnotators` training projects. */
  unitsAudited: number
  suspects: Suspect[]
  /** With `exclude-suspects`: benchmark objects (counted per frame) left out of every score. */
  excludedObjects: number | null
}

/** The audit of a run scored with `encord-script`: not run, and why. */
export function skippedAudit(settings: AuditSettings): BenchmarkAudit {
  return {
    status: 'skipped',
    settings,
    note: 'The audit reads the one-to-one matching; this run used encord-script, so it was not run.',
    unitsAudited: 0,
    suspects: [],
    excludedObjects: null
  }
}

/** Objects left out with `exclude-suspects`: index numbers of the object-frames of kinds 1 and 2. */
export interface AuditOutcome {
  audit: BenchmarkAudit
  excluded: Set<number>
}

export function auditBenchmark(
  index: AuditIndex,
  records: readonly ProjectAuditRecord[],
  context: AuditContext
): AuditOutcome {
  const settings: AuditSettings = {
    minAnnotators: context.minAnnotators,
    agreement: context.agreement,
    excludeSuspects: context.excludeSuspects
  }
  const completedBy = index.units.map((_, u) => records.filter((r) => r.completed[u] === 1))
  const audited = new Set<number>()
  for (const [u, list] of completedBy.entries()) {
    if (list.length >= context.minAnnotators) audited.add(u)
  }
  const found = new SuspectList(index, context)
  const excluded = new Set<number>()
  const enough = (count: number, k: number): boolean =>
    count > 0 && count >= context.agreement * k - 1e-9

  // Kinds 1 and 2, and the attributes of kind 4: per benchmark object and frame.
  for (let o = 0; o < index.objectHash.length; o += 1) {
    const u = index.objectUnit[o] as number
    if (!audited.has(u)) continue
    const k = (completedBy[u] as ProjectAuditRecord[]).length
    let missed = 0
    const otherClass = new Map<number, number>()
    for (const record of completedBy[u] as ProjectAuditRecord[]) {
      const outcome = record.outcome[o]
      if (outcome === OUTCOME.missed) missed += 1
      if (outcome === OUTCOME.wrongClass) {
        const c = record.trainingClass[o] as number
        otherClass.set(c, (otherClass.get(c) ?? 0) + 1)
      }
    }
    const className = index.className[o] as string
    if (enough(missed, k)) {
      found.add(o, 'spurious-object', missed, k, className, 'missed', '')
      excluded.add(o)
    }
    for (const [c, count] of otherClass) {
      if (!enough(count, k)) continue
      const other = index.classes[c - 1]?.name ?? 'another class'
      found.add(o, 'wrong-class', count, k, className, other, String(c))
      excluded.add(o)
    }
  }

  // Kind 4, attributes: the same different answer on matched pairs.
  const answers = new Map<
    string,
    { object: number; count: number; gold: string; given: string; attribute: string }
  >()
  for (const record of records) {
    const seen = new Set<string>()
    for (const item of record.attributes) {
      const key = `${item.object}\n${item.attributeHash}\n${item.trainingAnswer}`
      if (seen.has(key)) continue
      seen.add(key)
      const entry = answers.get(key)
      if (entry) entry.count += 1
      else
        answers.set(key, {
          object: item.object,
          count: 1,
          gold: item.benchmarkAnswer,
          given: item.trainingAnswer,
          attribute: item.attribute
        })
    }
  }
  for (const [key, entry] of answers) {
    const u = index.objectUnit[entry.object] as number
    if (!audited.has(u)) continue
    const k = (completedBy[u] as ProjectAuditRecord[]).length
    if (!enough(entry.count, k)) continue
    found.add(
      entry.object,
      'wrong-attribute',
      entry.count,
      k,
      index.className[entry.object] as string,
      `${entry.attribute}: ${entry.given}`,
      key.slice(key.indexOf('\n') + 1),
      `${entry.attribute}: ${entry.gold}`
    )
  }

  // Kind 4, classifications: per unit, frame (or row) and classification.
  const given = new Map<
    string,
    {
      unit: number
      frame: number | null
      name: string
      count: number
      gold: string | null
      answer: string | null
      feature: string
    }
  >()
  for (const record of records) {
    for (const item of record.classifications) {
      const key = `${item.unit}\n${item.frame ?? 'row'}\n${item.featureHash}\n${item.trainingAnswer ?? ''}`
      const entry = given.get(key)
      if (entry) entry.count += 1
      else
        given.set(key, {
          unit: item.unit,
          frame: item.frame,
          name: item.name,
          count: 1,
          gold: item.benchmarkAnswer,
          answer: item.trainingAnswer,
          feature: item.featureHash
        })
    }
  }
  for (const entry of given.values()) {
    if (!audited.has(entry.unit)) continue
    const k = (completedBy[entry.unit] as ProjectAuditRecord[]).length
    if (!enough(entry.count, k)) continue
    found.addUnit(entry.unit, entry.frame, {
      kind: 'wrong-classification',
      className: entry.name,
      disagreeing: entry.count,
      annotators: k,
      benchmarkSays: entry.gold === null ? '(not answered)' : `${entry.name}: ${entry.gold}`,
      annotatorsSay: entry.answer === null ? '(not answered)' : `${entry.name}: ${entry.answer}`,
      key: `${entry.feature}\n${entry.answer ?? ''}`
    })
  }

  // Kind 3: extras that agree with each other.
  const extrasByFrame = new Map<string, { unit: number; frame: number; lists: AuditExtra[][] }>()
  for (const record of records) {
    const mine = new Map<string, AuditExtra[]>()
    for (const extra of record.extras) {
      if (!audited.has(extra.unit)) continue
      const key = `${extra.unit}\n${extra.frame}`
      let list = mine.get(key)
      if (!list) mine.set(key, (list = []))
      list.push(extra)
    }
    for (const [key, list] of mine) {
      let place = extrasByFrame.get(key)
      if (!place) {
        const first = list[0] as AuditExtra
        extrasByFrame.set(key, (place = { unit: first.unit, frame: first.frame, lists: [] }))
      }
      place.lists.push(list)
    }
  }
  for (const place of extrasByFrame.values()) {
    const k = (completedBy[place.unit] as ProjectAuditRecord[]).length
    for (const cluster of clusterExtras(place.lists, context.iouThreshold)) {
      if (!enough(cluster.length, k)) continue
      const first = cluster[0] as AuditExtra
      found.addUnit(place.unit, place.frame, {
        kind: 'missing-object',
        className: first.className,
        disagreeing: cluster.length,
        annotators: k,
        benchmarkSays: null,
        annotatorsSay: `drew a ${first.className}`,
        // One suspect per cluster: two missing objects of one class on a frame are two suspects.
        // Clusters on different frames are not known to be the same object, so they stay apart.
        key: `${first.featureHash}\n${place.frame}\n${first.objectHash}`
      })
    }
  }

  const suspects = found.list()
  return {
    audit: {
      status: 'audited',
      settings,
      note:
        audited.size === 0
          ? `No benchmark data unit was completed by ${context.minAnnotators} or more training projects (audit-min-annotators), so nothing could be flagged.`
          : null,
      unitsAudited: audited.size,
      suspects,
      excludedObjects: context.excludeSuspects ? excluded.size : null
    },
    excluded
  }
}

/**
 * Clusters one frame's extras, one list per annotator, greedily: annotators in input order, each
 * annotator's extras in object-hash order; an extra joins the cluster of its class that has no
 * object of its annotator yet and whose every member it overlaps with similarity ≥ `threshold`
 * (the one with the highest mean similarity; the earliest on a tie), or starts a new cluster.
 * So a cluster holds at most one object per annotator and only objects that all agree pairwise.
 */
export function clusterExtras(
  lists: readonly (readonly AuditExtra[])[],
  threshold: number
): AuditExtra[][] {
  const clusters: { members: AuditExtra[]; annotators: Set<number> }[] = []
  for (const [annotator, list] of lists.entries()) {
    const sorted = [...list].sort((a, b) =>
      a.objectHash < b.objectHash ? -1 : a.objectHash > b.objectHash ? 1 : 0
    )
    for (const extra of sorted) {
      const size = extra.size ?? undefined
      const reach = boundsOf(extra.geometry, size)
      let best: { members: AuditExtra[]; annotators: Set<number> } | null = null
      let bestMean = -1
      for (const cluster of clusters) {
        if (cluster.annotators.has(annotator)) continue
        if ((cluster.members[0] as AuditExtra).featureHash !== extra.featureHash) continue
        let total = 0
        let agrees = true
        for (const member of cluster.members) {
          // As the matcher does: shapes whose reaches are apart score 0, and a pair whose cheap
          // upper bound is under the threshold cannot agree; either way the exact similarity
          // (polyline buffers, polygon clipping: most of the audit's time) is not needed.
          if (
            !boundsOverlap(boundsOf(member.geometry, size), reach) ||
            similarityBound(member.geometry, extra.geometry, size) < threshold
          ) {
            agrees = false
            break
          }
          const value = similarity(member.geometry, extra.geometry, size)
          if (!(value > 0 && value >= threshold)) {
            agrees = false
            break
          }
          total += value
        }
        const mean = total / cluster.members.length
        if (agrees && mean > bestMean) {
          best = cluster
          bestMean = mean
        }
      }
      if (best === null) clusters.push({ members: [extra], annotators: new Set([annotator]) })
      else {
        best.members.push(extra)
        best.annotators.add(annotator)
      }
    }
  }
  return clusters.map((cluster) => cluster.members)
}

interface UnitSuspect {
  kind: SuspectKind
  className: string
  disagreeing: number
  annotators: number
  benchmarkSays: string | null
  annotatorsSay: string
  /** What must be equal for two frames' findings to be one suspect. */
  key: string
}

/** Suspects merged over the frames of one object (or, without one, of one unit and disagreement). */
class SuspectList {
  private readonly byKey = new Map<string, Suspect>()

  constructor(
    private readonly index: AuditIndex,
    private readonly context: AuditContext
  ) {}

  add(
    object: number,
    kind: SuspectKind,
    disagreeing: number,
    annotators: number,
    className: string,
    annotatorsSay: string,
    key: string,
    benchmarkSays: string = className
  ): void {
    const unit = this.index.objectUnit[object] as number
    this.merge(
      `${kind}\n${unit}\n${this.index.objectHash[object]}\n${key}`,
      unit,
      this.index.objectFrame[object] as number,
      {
        kind,
        className,
        disagreeing,
        annotators,
        benchmarkSays,
        annotatorsSay,
        key
      },
      this.index.objectHash[object] as string
    )
  }

  addUnit(unit: number, frame: number | null, found: UnitSuspect): void {
    this.merge(`${found.kind}\n${unit}\n\n${found.key}`, unit, frame, found, null)
  }

  list(): Suspect[] {
    const order = (kind: SuspectKind): number => SUSPECT_KINDS.indexOf(kind)
    return [...this.byKey.values()].sort(
      (a, b) =>
        order(a.kind) - order(b.kind) ||
        b.disagreeing / b.annotators - a.disagreeing / a.annotators ||
        compare(a.dataTitle, b.dataTitle) ||
        (a.frames[0] ?? -1) - (b.frames[0] ?? -1) ||
        compare(a.className, b.className) ||
        compare(a.annotatorsSay, b.annotatorsSay)
    )
  }

  private merge(
    key: string,
    unit: number,
    frame: number | null,
    found: UnitSuspect,
    benchmarkObject: string | null
  ): void {
    const existing = this.byKey.get(key)
    if (existing) {
      if (frame !== null && !existing.frames.includes(frame)) {
        existing.frames.push(frame)
        existing.frames.sort((a, b) => a - b)
      }
      existing.disagreeing = Math.min(existing.disagreeing, found.disagreeing)
      existing.annotators = Math.max(existing.annotators, found.annotators)
      return
    }
    const dataHash = this.index.units[unit] as string
    this.byKey.set(key, {
      kind: found.kind,
      dataHash,
      dataTitle: this.index.unitTitles[unit] ?? dataHash,
      frames: frame === null ? [] : [frame],
      className: found.className,
      benchmarkObject,
      annotators: found.annotators,
      disagreeing: found.disagreeing,
      benchmarkSays: found.benchmarkSays,
      annotatorsSay: found.annotatorsSay,
      link: this.linkTo(dataHash, frame ?? 0)
    })
  }

  private linkTo(dataHash: string, frame: number): string | null {
    const { editorOrigin, benchmarkId } = this.context
    const project = projectHashForLinks(benchmarkId)
    if (editorOrigin === null || project === null) return null
    return labelEditorUrl(editorOrigin, project, dataHash, frame)
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A project's result without the excluded benchmark objects (kinds 1 and 2): each excluded
 * object-frame is taken out of its class's tally as evaluation counted it (benchmark object, true
 * positive / wrong class / miss, similarity, attribute comparisons) and, when it was paired, the
 * training object paired with it is taken out too (neither credit nor blame). Overall and per-class
 * scores are recomputed from the tallies; intervals are recomputed from the per-unit tallies when
 * the record kept them. Worst items and feedback notes stay as scored.
 */
export function withoutExcluded(
  result: ProjectResult,
  record: ProjectAuditRecord,
  index: AuditIndex,
  excluded: ReadonlySet<number>,
  intervals: { samples: number; confidenceLevel: number; benchmarkHash: string } | null
): { result: ProjectResult; left: number } {
  const byClass = new Map(result.perClass.map((c) => [c.featureHash, tallyOf(c)]))
  const units = record.unitTallies ? copyUnitTallies(record.unitTallies) : null
  const scoredUnits = index.units.filter((_, u) => record.completed[u] === 1)
  const unitNumber = new Map(scoredUnits.map((hash, i) => [hash, i]))
  let left = 0
  for (const o of excluded) {
    const outcome = record.outcome[o] as number
    if (outcome === OUTCOME.notScored) continue
    const gold = index.featureHash[o] as string
    const trainingClass = record.trainingClass[o] as number
    const given = trainingClass > 0 ? index.classes[trainingClass - 1]?.featureHash : undefined
    const changes: [string, keyof Tally, number][] = [[gold, 'benchmarkObjects', -1]]
    if (outcome === OUTCOME.missed) changes.push([gold, 'missed', -1])
    else {
      changes.push([gold, outcome === OUTCOME.matched ? 'truePositives' : 'wrongClass', -1])
      changes.push([gold, 'iouSum', -(record.similarity[o] as number)])
      changes.push([gold, 'attributesAgreeing', -(record.attributesAgreeing[o] as number)])
      changes.push([gold, 'attributesCompared', -(record.attributesCompared[o] as number)])
      if (given !== undefined) changes.push([given, 'trainingObjects', -1])
    }
    const unit = unitNumber.get(index.units[index.objectUnit[o] as number] as string)
    for (const [feature, field, amount] of changes) {
      const tally = byClass.get(feature)
      if (tally) tally[field] += amount
      if (units && unit !== undefined) addToUnit(units, unit, feature, field, amount)
    }
    left += 1
  }
  if (left === 0) return { result, left }
  const method = result.method
  const perClass = result.perClass.map((c) => ({
    featureHash: c.featureHash,
    className: c.className,
    ...metricsOf(byClass.get(c.featureHash) ?? tallyOf(c), method)
  }))
  const overall = metricsOf(addTallies(...perClass.map(tallyOf)), method)
  const recomputed =
    units !== null && intervals !== null && intervals.samples > 0
      ? bootstrapIntervals(
          units,
          method,
          intervals,
          bootstrapSeed(intervals.benchmarkHash, result.projectHash)
        )
      : result.intervals
  return { result: { ...result, overall, perClass, intervals: recomputed }, left }
}

function tallyOf(metrics: Tally): Tally {
  const tally = {} as Tally
  for (const field of TALLY_FIELDS) tally[field] = metrics[field]
  return tally
}

function copyUnitTallies(units: UnitTallies): UnitTallies {
  return {
    classes: [...units.classes],
    units: units.units,
    entryStart: Uint32Array.from(units.entryStart),
    entryClass: Uint32Array.from(units.entryClass),
    values: Float64Array.from(units.values)
  }
}

function addToUnit(
  units: UnitTallies,
  unit: number,
  featureHash: string,
  field: keyof Tally,
  amount: number
): void {
  const c = units.classes.indexOf(featureHash)
  if (c < 0) return
  const start = units.entryStart[unit] as number
  const end = units.entryStart[unit + 1] as number
  for (let e = start; e < end; e += 1) {
    if (units.entryClass[e] !== c) continue
    const at = e * TALLY_FIELDS.length + TALLY_FIELDS.indexOf(field)
    units.values[at] = (units.values[at] as number) + amount
    return
  }
}
