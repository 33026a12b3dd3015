/**
 * The `one-to-one` method: every frame of every paired row is matched (see `frame-matching.ts`),
 * attributes are compared on true positives and classifications per frame and per row.
 *
 * Results come in a fixed order that does not depend on how labels were listed: rows in the
 * training listing order, frames ascending, and on each frame the paired benchmark objects
 * (matched or wrong class) and the missed ones in object-hash order, then the extras.
 */
import type { LabelRow, ObjectInstance } from '../labels/model.js'
import { compareAttributes } from './attributes.js'
import { compareClassifications } from './classifications.js'
import { degeneracyOf, type DegenerateAnnotation } from './degenerate.js'
import { matchFrame, type FramePair } from './frame-matching.js'
import { frameSizeOf, objectsByFrame, type FrameObject } from './frames.js'
import type { GeometryFunctions } from './geometry-port.js'
import type { FeatureCatalogue } from './feature-catalogue.js'
import { hasTracks, TrackRecorder, type TrackedUnit } from './tracking/index.js'
import type { RowPair } from './pairing.js'
import type { ClassificationResult, ObjectRef, ObjectResult } from './types.js'

/** An object result with the attribute counts behind its agreement ratio (for tallies). */
export interface ScoredObject {
  result: ObjectResult
  attributesAgreeing: number
  attributesCompared: number
}

export interface OneToOneResults {
  objects: ScoredObject[]
  classifications: ClassificationResult[]
  /** Annotations left out of matching because their geometry is degenerate (`degenerate.ts`). */
  degenerate: DegenerateAnnotation[]
  /** The per-frame matches of every video row, for the track metrics (`tracking/`). */
  tracked: TrackedUnit[]
}

export function evaluateOneToOne(
  pairs: readonly RowPair[],
  index: FeatureCatalogue,
  geometry: GeometryFunctions,
  threshold: number
): OneToOneResults {
  const objects: ScoredObject[] = []
  const classifications: ClassificationResult[] = []
  const degenerate: DegenerateAnnotation[] = []
  const tracked: TrackedUnit[] = []
  const recorder = new TrackRecorder()
  for (const pair of pairs) {
    const video: TrackedUnit | null = hasTracks(pair.benchmark.dataType)
      ? { dataHash: pair.benchmark.dataHash, dataTitle: pair.benchmark.dataTitle, frames: [] }
      : null
    const gold = scorableByFrame(pair.benchmark, 'benchmark', degenerate)
    const given = scorableByFrame(pair.training, 'training', degenerate)
    const frames = [...new Set([...gold.keys(), ...given.keys()])].sort((a, b) => a - b)
    for (const frame of frames) {
      const size = frameSizeOf(pair.benchmark, frame) ?? frameSizeOf(pair.training, frame)
      const match = matchFrame(
        gold.get(frame) ?? [],
        given.get(frame) ?? [],
        geometry,
        size,
        threshold,
        video !== null
      )
      video?.frames.push(recorder.frame(frame, match))
      const row = { pair, frame }
      for (const matched of match.pairs) objects.push(pairedResult(row, matched, index))
      for (const missed of match.missed) objects.push(unpairedResult(row, 'missed', missed))
      for (const extra of match.extra) objects.push(unpairedResult(row, 'extra', extra))
    }
    classifications.push(...compareClassifications(index, pair))
    if (video !== null) tracked.push(video)
  }
  return { objects, classifications, degenerate, tracked }
}

/** The row's objects by frame, without degenerate annotations (which go to `degenerate`). */
function scorableByFrame(
  row: LabelRow,
  side: DegenerateAnnotation['side'],
  degenerate: DegenerateAnnotation[]
): Map<number, FrameObject[]> {
  const frames = objectsByFrame(row)
  for (const [frame, list] of frames) {
    const kept = list.filter((item) => {
      const reason = degeneracyOf(item.annotation.geometry)
      if (reason === null) return true
      degenerate.push({ side, dataTitle: row.dataTitle, frame, object: item.object, reason })
      return false
    })
    if (kept.length === list.length) continue
    if (kept.length === 0) frames.delete(frame)
    else frames.set(frame, kept)
  }
  return frames
}

interface Place {
  pair: RowPair
  frame: number
}

// Results are written out field by field in one order, so that every ObjectResult has the same
// hidden class: tens of thousands are made per project.
function pairedResult(place: Place, matched: FramePair, index: FeatureCatalogue): ScoredObject {
  // Attributes of different classes are different questions: only true positives compare them.
  const attributes = matched.sameClass
    ? compareAttributes(index, matched.benchmark.object, matched.training.object, place.frame)
    : null
  const result: ObjectResult = {
    dataHash: place.pair.training.dataHash,
    dataTitle: place.pair.training.dataTitle,
    labelHash: place.pair.training.labelHash,
    frame: place.frame,
    status: matched.sameClass ? 'matched' : 'wrong-class',
    iou: matched.similarity,
    shape: matched.benchmark.object.shape,
    training: trainingRef(matched.training),
    benchmark: refOf(matched.benchmark.object),
    attributeAgreement:
      attributes && attributes.compared > 0 ? attributes.agreeing / attributes.compared : null,
    attributeMismatches: attributes ? attributes.mismatches : [],
    pairGeometry: {
      benchmark: matched.benchmark.annotation.geometry,
      training: matched.training.annotation.geometry
    }
  }
  return {
    result,
    attributesAgreeing: attributes ? attributes.agreeing : 0,
    attributesCompared: attributes ? attributes.compared : 0
  }
}

function unpairedResult(place: Place, status: 'missed' | 'extra', item: FrameObject): ScoredObject {
  const result: ObjectResult = {
    dataHash: place.pair.training.dataHash,
    dataTitle: place.pair.training.dataTitle,
    labelHash: place.pair.training.labelHash,
    frame: place.frame,
    status,
    iou: null,
    shape: item.object.shape,
    training: status === 'extra' ? trainingRef(item) : null,
    benchmark: status === 'missed' ? refOf(item.object) : null,
    attributeAgreement: null,
    attributeMismatches: [],
    pairGeometry: null
  }
  return { result, attributesAgreeing: 0, attributesCompared: 0 }
}

function refOf(object: ObjectInstance): ObjectRef {
  return {
    objectHash: object.objectHash,
    featureHash: object.featureHash,
    className: object.className
  }
}

function trainingRef(item: FrameObject): ObjectRef & { createdBy: string | null } {
  const { object } = item
  return {
    objectHash: object.objectHash,
    featureHash: object.featureHash,
    className: object.className,
    createdBy: item.annotation.createdBy
  }
}
