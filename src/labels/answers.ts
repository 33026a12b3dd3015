/**
 * Attribute answers (`docs/encord-api.md` §7.8, §7.9) of one object or classification → our
 * answers. Nested attributes arrive flattened in the same list and stay flattened.
 */
import type {
  Answer,
  AttributeAnswer,
  DynamicAttributeAnswer,
  OntologyAttribute,
  OntologyClassification,
  OntologyObject
} from './model.js'
import type { FeatureResolver } from './feature-resolver.js'
import type { JsonPath } from './problems.js'
import type { AttributeAnswerJson } from './schema.js'

/** Raises the caller's error for a problem at `field`, relative to the answer list. */
export type Fail = (problem: string, field: JsonPath) => never

type Range = [number, number]

/**
 * Collects the answers of one owner across one or more lists (`object_answers` then
 * `object_actions` for objects). The ontology decides whether an attribute is dynamic, as in the
 * SDK, whichever list its answer came from.
 */
export class AnswerCollector {
  private readonly staticAnswers = new Map<string, Answer>()
  private readonly dynamicAnswers: DynamicAttributeAnswer[] = []
  /** Dynamic checklists are merged per attribute, in first-answer order. */
  private readonly dynamicChecklists = new Map<string, { ranges: Range[]; options: string[] }[]>()

  constructor(
    private readonly index: FeatureResolver,
    private readonly owner: OntologyObject | OntologyClassification,
    /** Classifications have no dynamic attributes: their answers are all static. */
    private readonly allowDynamic: boolean
  ) {}

  add(list: readonly AttributeAnswerJson[], fail: Fail): void {
    list.forEach((entry, i) => {
      const lookup = this.index.attribute(this.owner, entry.featureHash)
      if ('problem' in lookup) fail(lookup.problem, [i, 'featureHash'])
      const attribute = lookup.found
      const dynamic = this.allowDynamic && attribute.dynamic
      const answer = this.readAnswer(attribute, entry, (problem, field) =>
        fail(problem, [i, ...field])
      )
      if (dynamic) this.addDynamic(attribute, entry, answer, i, fail)
      else if (answer !== undefined) this.addStatic(attribute, answer)
    })
  }

  result(): { staticAnswers: AttributeAnswer[]; dynamicAnswers: DynamicAttributeAnswer[] } {
    const staticAnswers = [...this.staticAnswers].map(([attributeHash, answer]) => ({
      attributeHash,
      answer
    }))
    const dynamicAnswers = [...this.dynamicAnswers]
    for (const [attributeHash, entries] of this.dynamicChecklists) {
      for (const { ranges, options } of mergeChecklistRanges(entries)) {
        dynamicAnswers.push({ attributeHash, answer: { type: 'checklist', options }, ranges })
      }
    }
    return { staticAnswers, dynamicAnswers }
  }

  private addStatic(attribute: OntologyAttribute, answer: Answer): void {
    const previous = this.staticAnswers.get(attribute.featureHash)
    // The web app writes one dict per ticked checklist option; the SDK merges them.
    if (answer.type === 'checklist' && previous?.type === 'checklist') {
      this.staticAnswers.set(attribute.featureHash, {
        type: 'checklist',
        options: unique([...previous.options, ...answer.options])
      })
    } else {
      this.staticAnswers.set(attribute.featureHash, answer)
    }
  }

  private addDynamic(
    attribute: OntologyAttribute,
    entry: AttributeAnswerJson,
    answer: Answer | undefined,
    i: number,
    fail: Fail
  ): void {
    if (entry.range === null || entry.range === undefined) {
      fail(`attribute "${attribute.name}" is dynamic, so its answer needs a "range"`, [i, 'range'])
    }
    entry.range.forEach(([start, end], r) => {
      if (end < start) fail(`range [${start}, ${end}] ends before it starts`, [i, 'range', r])
    })
    if (answer === undefined) return
    const ranges = entry.range.map(([start, end]): Range => [start, end])
    if (answer.type === 'checklist') {
      const entries = this.dynamicChecklists.get(attribute.featureHash) ?? []
      entries.push({ ranges, options: answer.options })
      this.dynamicChecklists.set(attribute.featureHash, entries)
    } else {
      // Where ranges of several answers overlap, the later answer holds (as the SDK overwrites).
      this.dynamicAnswers.push({ attributeHash: attribute.featureHash, answer, ranges })
    }
  }

  /** The answer of one entry, or undefined when it carries none (null, or a radio without one). */
  private readAnswer(
    attribute: OntologyAttribute,
    entry: AttributeAnswerJson,
    fail: Fail
  ): Answer | undefined {
    const answers = entry.answers
    if (answers === null) return undefined
    const name = `attribute "${attribute.name}" is ${attribute.type}, so its answer must be`
    switch (attribute.type) {
      case 'text':
        if (typeof answers !== 'string') fail(`${name} a string`, ['answers'])
        return { type: 'text', text: answers }
      case 'numeric':
        if (typeof answers !== 'number') fail(`${name} a number`, ['answers'])
        return { type: 'numeric', value: answers }
      case 'radio': {
        if (!Array.isArray(answers)) fail(`${name} a list of one option`, ['answers'])
        // The app keeps a radio with its answer removed as an empty list: no answer, as in the SDK.
        const [only] = answers
        if (answers.length !== 1 || only === undefined) return undefined
        return { type: 'radio', option: this.optionHash(attribute, only.featureHash, fail, 0) }
      }
      case 'checklist': {
        if (!Array.isArray(answers)) fail(`${name} a list of options`, ['answers'])
        return {
          type: 'checklist',
          options: unique(
            answers.map((option, j) => this.optionHash(attribute, option.featureHash, fail, j))
          )
        }
      }
    }
  }

  private optionHash(
    attribute: OntologyAttribute,
    featureHash: string,
    fail: Fail,
    j: number
  ): string {
    const lookup = this.index.option(attribute, featureHash)
    if ('problem' in lookup) fail(lookup.problem, ['answers', j, 'featureHash'])
    return lookup.found.featureHash
  }
}

/**
 * Dynamic checklist answers may come as several entries with overlapping ranges (one per ticked
 * option). Like the SDK, we cut them into non-overlapping pieces holding the union of the options
 * ticked there, then gather the pieces that hold the same options into one answer.
 */
export function mergeChecklistRanges(
  entries: readonly { ranges: readonly Range[]; options: readonly string[] }[]
): { ranges: Range[]; options: string[] }[] {
  const bounds = new Set<number>()
  for (const { ranges } of entries) {
    for (const [start, end] of ranges) bounds.add(start).add(end + 1)
  }
  const points = [...bounds].sort((a, b) => a - b)
  const bySet = new Map<string, { ranges: Range[]; options: string[] }>()
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k] as number
    const end = (points[k + 1] as number) - 1
    const options: string[] = []
    for (const entry of entries) {
      if (entry.ranges.some(([s, e]) => s <= start && end <= e)) options.push(...entry.options)
    }
    if (options.length === 0) continue
    const set = unique(options)
    const key = [...set].sort().join('\u0000')
    const group = bySet.get(key)
    const last = group?.ranges[group.ranges.length - 1]
    if (group === undefined) bySet.set(key, { ranges: [[start, end]], options: set })
    else if (last !== undefined && last[1] + 1 === start) last[1] = end
    else group.ranges.push([start, end])
  }
  return [...bySet.values()]
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
