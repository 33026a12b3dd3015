/**
 * Classification agreement on one row pair: per frame for frame classifications, once per row for
 * global ones, per ontology classification.
 *
 * A classification's score is the mean agreement over every attribute answered on either side —
 * its top-level question and any nested questions (flattened) — so a right top-level answer with a
 * wrong nested one scores 0.5. An attribute answered on one side only scores 0. A classification
 * present on one side only scores 0; absent on both, it is not compared.
 */
import type { Answer, ClassificationInstance, LabelRow } from '../labels/model.js'
import {
  answeredEitherSide,
  answerAgreement,
  answersByAttribute,
  formatAnswers
} from './answers.js'
import { orderOf, type FeatureCatalogue } from './feature-catalogue.js'
import type { RowPair } from './pairing.js'
import type { ClassificationResult } from './types.js'

/** Frame → classification feature hash → merged answers. `null` is the row (global) level. */
type AnswersByPlace = Map<number | null, Map<string, Map<string, Answer>>>

export function compareClassifications(
  index: FeatureCatalogue,
  pair: RowPair
): ClassificationResult[] {
  const gold = answersByPlace(pair.benchmark)
  const given = answersByPlace(pair.training)
  const places = [...new Set([...gold.keys(), ...given.keys()])].sort(byPlace)
  const results: ClassificationResult[] = []
  for (const place of places) {
    const goldHere = gold.get(place) ?? new Map<string, Map<string, Answer>>()
    const givenHere = given.get(place) ?? new Map<string, Map<string, Answer>>()
    const features = [...new Set([...goldHere.keys(), ...givenHere.keys()])].sort(
      (a, b) => orderOf(index, a) - orderOf(index, b) || (a < b ? -1 : a > b ? 1 : 0)
    )
    for (const featureHash of features) {
      const a = goldHere.get(featureHash)
      const b = givenHere.get(featureHash)
      const ontology = index.classifications.get(featureHash)
      const topLevel = ontology?.attribute.featureHash ?? ''
      results.push({
        dataHash: pair.training.dataHash,
        dataTitle: pair.training.dataTitle,
        frame: place,
        featureHash,
        name: ontology?.name ?? nameFromRows(pair, featureHash),
        score: a && b ? classificationAgreement(index, a, b) : 0,
        benchmarkAnswer: a ? formatAnswers(index, topLevel, a) : null,
        trainingAnswer: b ? formatAnswers(index, topLevel, b) : null
      })
    }
  }
  return results
}

/** Mean agreement over attributes answered on either side; 1 when neither answered anything. */
function classificationAgreement(
  index: FeatureCatalogue,
  gold: Map<string, Answer>,
  given: Map<string, Answer>
): number {
  const attributes = answeredEitherSide(index, gold, given)
  if (attributes.length === 0) return 1
  let total = 0
  for (const hash of attributes) {
    const a = gold.get(hash)
    const b = given.get(hash)
    total += a && b ? answerAgreement(a, b) : 0
  }
  return total / attributes.length
}

function answersByPlace(row: LabelRow): AnswersByPlace {
  const places: AnswersByPlace = new Map()
  const add = (place: number | null, instance: ClassificationInstance): void => {
    let features = places.get(place)
    if (!features) places.set(place, (features = new Map()))
    // Two instances of one classification on one frame are read as one merged answer.
    features.set(
      instance.featureHash,
      answersByAttribute(instance.answers, features.get(instance.featureHash))
    )
  }
  // Hash order, so that merging two instances never depends on the order they were listed in.
  const instances = [...row.classifications].sort((a, b) =>
    a.classificationHash < b.classificationHash
      ? -1
      : a.classificationHash > b.classificationHash
        ? 1
        : 0
  )
  for (const instance of instances) {
    if (instance.global) add(null, instance)
    else for (const frame of new Set(instance.frames)) add(frame, instance)
  }
  return places
}

/** Global (null) first, then frames ascending. */
function byPlace(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : -1
  if (b === null) return 1
  return a - b
}

function nameFromRows(pair: RowPair, featureHash: string): string {
  const find = (row: LabelRow): string | undefined =>
    row.classifications.find((c) => c.featureHash === featureHash)?.name
  return find(pair.benchmark) ?? find(pair.training) ?? featureHash
}
