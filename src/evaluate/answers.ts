/**
 * Attribute and classification answers: gathering them per attribute, comparing them, and
 * writing them out for reports.
 */
import type { Answer, AttributeAnswer } from '../labels/model.js'
import { attributeName, optionLabel, orderOf, type FeatureCatalogue } from './feature-catalogue.js'

/**
 * One answer per attribute. Later entries win, except that checklists are merged: Encord's web
 * UI may write one entry per ticked option (the SDK merges them the same way).
 */
export function answersByAttribute(
  answers: readonly AttributeAnswer[],
  into: Map<string, Answer> = new Map()
): Map<string, Answer> {
  for (const { attributeHash, answer } of answers) {
    const previous = into.get(attributeHash)
    if (previous?.type === 'checklist' && answer.type === 'checklist') {
      into.set(attributeHash, {
        type: 'checklist',
        options: [...new Set([...previous.options, ...answer.options])]
      })
    } else {
      into.set(attributeHash, answer)
    }
  }
  return into
}

/** Exact agreement, used for object attributes: same option, same set, same trimmed text, same number. */
export function answersEqual(a: Answer, b: Answer): boolean {
  return answerAgreement(a, b) === 1
}

/**
 * Graded agreement in [0, 1], used for classifications: radio 1/0, checklist Jaccard of the ticked
 * options (two empty lists agree), text 1/0 after trimming, numeric 1/0. Answers of different
 * types (impossible with one ontology) disagree.
 */
export function answerAgreement(a: Answer, b: Answer): number {
  switch (a.type) {
    case 'radio':
      return b.type === 'radio' && a.option === b.option ? 1 : 0
    case 'checklist':
      return b.type === 'checklist' ? jaccard(a.options, b.options) : 0
    case 'text':
      return b.type === 'text' && a.text.trim() === b.text.trim() ? 1 : 0
    case 'numeric':
      return b.type === 'numeric' && a.value === b.value ? 1 : 0
  }
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a)
  const right = new Set(b)
  const union = new Set([...left, ...right]).size
  if (union === 0) return 1
  let shared = 0
  for (const option of left) if (right.has(option)) shared += 1
  return shared / union
}

/** The attribute hashes answered on either side, in ontology order (unknown ones by hash). */
export function answeredEitherSide(
  index: FeatureCatalogue,
  a: ReadonlyMap<string, Answer>,
  b: ReadonlyMap<string, Answer>
): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort(
    (x, y) => orderOf(index, x) - orderOf(index, y) || (x < y ? -1 : x > y ? 1 : 0)
  )
}

/** A short readable form: option labels, checklist labels joined, text, number. */
export function formatAnswer(index: FeatureCatalogue, answer: Answer): string {
  switch (answer.type) {
    case 'radio':
      return optionLabel(index, answer.option)
    case 'checklist':
      return answer.options
        .map((o) => optionLabel(index, o))
        .sort()
        .join(', ')
    case 'text':
      return answer.text.trim()
    case 'numeric':
      return String(answer.value)
  }
}

/**
 * A classification's answers on one line: the top-level answer first, then nested ones as
 * `Name: answer`, separated by `; `.
 */
export function formatAnswers(
  index: FeatureCatalogue,
  topLevel: string,
  answers: ReadonlyMap<string, Answer>
): string {
  const ordered = [...answers.keys()].sort((x, y) => orderOf(index, x) - orderOf(index, y))
  return ordered
    .map((hash) => {
      const text = formatAnswer(index, answers.get(hash) as Answer)
      return hash === topLevel ? text : `${attributeName(index, hash)}: ${text}`
    })
    .join('; ')
}
