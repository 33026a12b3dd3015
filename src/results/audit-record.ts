/**
 * What the benchmark audit (`audit.ts`) keeps of one scored training project: per benchmark
 * object and frame, how the annotator's matching ended (matched, matched as another class, missed)
 * and, per frame, the annotator's unmatched objects. Built where the project is scored (on a
 * scoring worker, while its labels are still in memory) and sent back; the labels are then
 * dropped, and the audit runs over every project's record at the end of the run.
 *
 * Compact on purpose: benchmark objects are numbered once, the same way in every thread, by
 * `auditIndexOf` (the benchmark's objects by data hash, frame and object hash), so a record is a
 * few typed arrays of one entry per benchmark object and frame (16 bytes each) plus short lists
 * of what disagrees (attribute answers, classification answers) and of the annotator's extras
 * with their geometry, which the audit needs to cluster them.
 */
import { answeredEitherSide, answersEqual, formatAnswer } from '../evaluate/answers.js'
import { answersOnFrame } from '../evaluate/attributes.js'
import {
  attributeName,
  catalogueFeatures,
  type FeatureCatalogue
} from '../evaluate/feature-catalogue.js'
import { frameSizeOf, objectsByFrame } from '../evaluate/frames.js'
import type { ProjectEvaluation, UnitTallies } from '../evaluate/types.js'
import type {
  FrameSize,
  Geometry,
  LabelRow,
  ObjectInstance,
  ProjectLabels
} from '../labels/model.js'

/** Every benchmark object on every frame, numbered; the same in every thread for one benchmark. */
export interface AuditIndex {
  /** Data hashes of the benchmark's units, sorted (the last row listed for a hash is the one scored). */
  units: string[]
  unitTitles: string[]
  /** Per numbered object: its unit (index into `units`), frame, object hash and class. */
  objectUnit: Uint32Array
  objectFrame: Uint32Array
  objectHash: string[]
  featureHash: string[]
  className: string[]
  /** Object classes of the ontology, in ontology order: `trainingClass` counts from 1 in it. */
  classes: { featureHash: string; name: string }[]
  /**
   * Per unit (as in `units`): object hash → frame → number. Nested maps rather than one map on a
   * joined key: a key built per lookup cost more than the rest of the record.
   */
  lookup: Map<string, Map<number, number>>[]
}

/** How one benchmark object on one frame ended for one annotator. */
export const OUTCOME = { notScored: 0, matched: 1, wrongClass: 2, missed: 3 } as const

/** An attribute answered differently on a matched pair. */
export interface AttributeDisagreement {
  /** The benchmark object's number in the index. */
  object: number
  attributeHash: string
  attribute: string
  /** Readable answers; '(none)' when that side did not answer. */
  benchmarkAnswer: string
  trainingAnswer: string
}

/** A classification answered differently (score below 1) on a unit, per frame or for the row. */
export interface ClassificationDisagreement {
  unit: number
  /** null for a global (row-level) classification. */
  frame: number | null
  featureHash: string
  name: string
  benchmarkAnswer: string | null
  trainingAnswer: string | null
}

/** A training object no benchmark object was matched with, with what clustering needs. */
export interface AuditExtra {
  unit: number
  frame: number
  objectHash: string
  featureHash: string
  className: string
  geometry: Geometry
  size: FrameSize | null
}

export interface ProjectAuditRecord {
  projectHash: string
  annotator: string | null
  /** 1 where the annotator completed the unit (it was scored), per index unit. */
  completed: Uint8Array
  /** `OUTCOME` per index object. */
  outcome: Uint8Array
  /** The paired training object's class, 1 + its place in `AuditIndex.classes`; 0 when none. */
  trainingClass: Uint16Array
  /** Similarity of the pair; 0 when not paired. */
  similarity: Float64Array
  /** Attribute comparisons on a true positive: agreeing and compared. */
  attributesAgreeing: Uint16Array
  attributesCompared: Uint16Array
  attributes: AttributeDisagreement[]
  classifications: ClassificationDisagreement[]
  extras: AuditExtra[]
  /**
   * The project's per-unit tallies, kept only when `exclude-suspects` may need to recompute its
   * intervals without the suspects; null otherwise.
   */
  unitTallies: UnitTallies | null
}

const indexCache = new WeakMap<ProjectLabels, AuditIndex>()

/** The benchmark's numbering of objects and frames (computed once per benchmark and thread). */
export function auditIndexOf(benchmark: ProjectLabels): AuditIndex {
  const cached = indexCache.get(benchmark)
  if (cached !== undefined) return cached
  const rows = lastRowPerUnit(benchmark)
  const units = [...rows.keys()].sort()
  const index: AuditIndex = {
    units,
    unitTitles: units.map((hash) => rows.get(hash)?.dataTitle ?? hash),
    objectUnit: new Uint32Array(0),
    objectFrame: new Uint32Array(0),
    objectHash: [],
    featureHash: [],
    className: [],
    classes: benchmark.ontology.objects.map((o) => ({ featureHash: o.featureHash, name: o.name })),
    lookup: units.map(() => new Map())
  }
  const unitOf: number[] = []
  const frameOf: number[] = []
  for (const [u, dataHash] of units.entries()) {
    const row = rows.get(dataHash) as LabelRow
    const frames = [...objectsByFrame(row)].sort(([a], [b]) => a - b)
    const objects = index.lookup[u] as Map<string, Map<number, number>>
    for (const [frame, list] of frames) {
      for (const { object } of list) {
        let byFrame = objects.get(object.objectHash)
        if (byFrame === undefined) {
          byFrame = new Map()
          objects.set(object.objectHash, byFrame)
        }
        byFrame.set(frame, unitOf.length)
        unitOf.push(u)
        frameOf.push(frame)
        index.objectHash.push(object.objectHash)
        index.featureHash.push(object.featureHash)
        index.className.push(object.className)
      }
    }
  }
  index.objectUnit = Uint32Array.from(unitOf)
  index.objectFrame = Uint32Array.from(frameOf)
  indexCache.set(benchmark, index)
  return index
}

/**
 * The audit record of one `one-to-one` evaluation. `keepUnitTallies`: keep the per-unit tallies
 * (for `exclude-suspects`).
 */
export function auditRecordOf(
  evaluation: ProjectEvaluation,
  benchmark: ProjectLabels,
  training: ProjectLabels,
  keepUnitTallies: boolean
): ProjectAuditRecord {
  const index = auditIndexOf(benchmark)
  const catalogue = catalogueFeatures(benchmark.ontology)
  const n = index.objectHash.length
  const record: ProjectAuditRecord = {
    projectHash: evaluation.projectHash,
    annotator: evaluation.annotator,
    completed: new Uint8Array(index.units.length),
    outcome: new Uint8Array(n),
    trainingClass: new Uint16Array(n),
    similarity: new Float64Array(n),
    attributesAgreeing: new Uint16Array(n),
    attributesCompared: new Uint16Array(n),
    attributes: [],
    classifications: [],
    extras: [],
    unitTallies: keepUnitTallies ? evaluation.units : null
  }
  const unitNumber = new Map(index.units.map((hash, u) => [hash, u]))
  const benchmarkRows = lastRowPerUnit(benchmark)
  const trainingRows = lastRowPerUnit(training)
  for (const dataHash of trainingRows.keys()) {
    const u = unitNumber.get(dataHash)
    if (u !== undefined) record.completed[u] = 1
  }
  const classNumber = new Map(index.classes.map((c, i) => [c.featureHash, i + 1]))

  for (const result of evaluation.objects) {
    const u = unitNumber.get(result.dataHash)
    if (u === undefined) continue
    if (result.status === 'extra') {
      const extra =
        result.training &&
        trainingAnnotation(trainingRows, result.dataHash, result.training.objectHash, result.frame)
      if (!result.training || !extra) continue
      const row = benchmarkRows.get(result.dataHash)
      record.extras.push({
        unit: u,
        frame: result.frame,
        objectHash: result.training.objectHash,
        featureHash: result.training.featureHash,
        className: result.training.className,
        geometry: extra.geometry,
        size:
          (row && frameSizeOf(row, result.frame)) ?? frameSizeOf(extra.row, result.frame) ?? null
      })
      continue
    }
    if (!result.benchmark) continue
    const o = index.lookup[u]?.get(result.benchmark.objectHash)?.get(result.frame)
    if (o === undefined) continue
    if (result.status === 'missed') {
      record.outcome[o] = OUTCOME.missed
      continue
    }
    record.outcome[o] = result.status === 'matched' ? OUTCOME.matched : OUTCOME.wrongClass
    record.similarity[o] = result.iou ?? 0
    record.trainingClass[o] = result.training
      ? (classNumber.get(result.training.featureHash) ?? 0)
      : 0
    if (result.status !== 'matched' || !result.training) continue
    const gold = objectOf(benchmarkRows, result.dataHash, result.benchmark.objectHash)
    const given = objectOf(trainingRows, result.dataHash, result.training.objectHash)
    if (!gold || !given) continue
    const compared = attributeDisagreements(catalogue, gold, given, result.frame, o)
    record.attributesCompared[o] = compared.compared
    record.attributesAgreeing[o] = compared.compared - compared.disagreements.length
    record.attributes.push(...compared.disagreements)
  }

  for (const item of evaluation.classifications) {
    const u = unitNumber.get(item.dataHash)
    if (u === undefined || item.score >= 1) continue
    record.classifications.push({
      unit: u,
      frame: item.frame,
      featureHash: item.featureHash,
      name: item.name,
      benchmarkAnswer: item.benchmarkAnswer,
      trainingAnswer: item.trainingAnswer
    })
  }
  return record
}

/** Bytes a record holds, roughly (typed arrays exactly, lists by a fair estimate). */
export function auditRecordBytes(record: ProjectAuditRecord): number {
  const arrays =
    record.completed.byteLength +
    record.outcome.byteLength +
    record.trainingClass.byteLength +
    record.similarity.byteLength +
    record.attributesAgreeing.byteLength +
    record.attributesCompared.byteLength
  const tallies = record.unitTallies
    ? record.unitTallies.values.byteLength +
      record.unitTallies.entryClass.byteLength +
      record.unitTallies.entryStart.byteLength
    : 0
  const text = (value: unknown): number => JSON.stringify(value).length
  return (
    arrays + tallies + text(record.attributes) + text(record.classifications) + text(record.extras)
  )
}

function attributeDisagreements(
  catalogue: FeatureCatalogue,
  gold: ObjectInstance,
  given: ObjectInstance,
  frame: number,
  object: number
): { compared: number; disagreements: AttributeDisagreement[] } {
  const a = answersOnFrame(gold, frame)
  const b = answersOnFrame(given, frame)
  const hashes = answeredEitherSide(catalogue, a, b)
  const disagreements: AttributeDisagreement[] = []
  for (const hash of hashes) {
    const x = a.get(hash)
    const y = b.get(hash)
    if (x && y && answersEqual(x, y)) continue
    disagreements.push({
      object,
      attributeHash: hash,
      attribute: attributeName(catalogue, hash),
      benchmarkAnswer: x ? formatAnswer(catalogue, x) : '(none)',
      trainingAnswer: y ? formatAnswer(catalogue, y) : '(none)'
    })
  }
  return { compared: hashes.length, disagreements }
}

/** The row scored for each data hash: the last one listed, as pairing takes it. */
function lastRowPerUnit(project: ProjectLabels): Map<string, LabelRow> {
  const rows = new Map<string, LabelRow>()
  for (const row of project.rows) rows.set(row.dataHash, row)
  return rows
}

function objectOf(
  rows: Map<string, LabelRow>,
  dataHash: string,
  objectHash: string
): ObjectInstance | undefined {
  return rows.get(dataHash)?.objects.find((object) => object.objectHash === objectHash)
}

function trainingAnnotation(
  rows: Map<string, LabelRow>,
  dataHash: string,
  objectHash: string,
  frame: number
): { geometry: Geometry; row: LabelRow } | null {
  const row = rows.get(dataHash)
  const object = row && objectOf(rows, dataHash, objectHash)
  const annotation = object?.annotations.find((a) => a.frame === frame)
  return row && annotation ? { geometry: annotation.geometry, row } : null
}
