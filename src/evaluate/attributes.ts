/**
 * Attribute agreement on a true positive: every attribute either side answered on this frame is
 * compared exactly. An attribute answered on one side only disagrees. Nested attributes are
 * compared like top-level ones (they are flattened in the label model).
 */
import type { Answer, ObjectInstance } from '../labels/model.js'
import { answeredEitherSide, answersByAttribute, answersEqual } from './answers.js'
import { attributeName, type FeatureCatalogue } from './feature-catalogue.js'

export interface AttributeComparison {
  compared: number
  agreeing: number
  /** Names of the attributes that disagree, in ontology order. */
  mismatches: string[]
}

export function compareAttributes(
  index: FeatureCatalogue,
  benchmark: ObjectInstance,
  training: ObjectInstance,
  frame: number
): AttributeComparison {
  const result: AttributeComparison = { compared: 0, agreeing: 0, mismatches: [] }
  if (!hasAnswers(benchmark) && !hasAnswers(training)) return result
  const gold = answersOnFrame(benchmark, frame)
  const given = answersOnFrame(training, frame)
  for (const hash of answeredEitherSide(index, gold, given)) {
    const a = gold.get(hash)
    const b = given.get(hash)
    result.compared += 1
    if (a && b && answersEqual(a, b)) result.agreeing += 1
    else result.mismatches.push(attributeName(index, hash))
  }
  return result
}

function hasAnswers(object: ObjectInstance): boolean {
  return object.staticAnswers.length > 0 || object.dynamicAnswers.length > 0
}

/** Static answers, overridden by the dynamic answers whose ranges cover this frame. */
export function answersOnFrame(object: ObjectInstance, frame: number): Map<string, Answer> {
  const answers = answersByAttribute(object.staticAnswers)
  if (object.dynamicAnswers.length === 0) return answers
  const covering = object.dynamicAnswers.filter((answer) =>
    answer.ranges.some(([start, end]) => start <= frame && frame <= end)
  )
  // A dynamic answer replaces any static one for its attribute on this frame.
  for (const { attributeHash } of covering) answers.delete(attributeHash)
  return answersByAttribute(covering, answers)
}
