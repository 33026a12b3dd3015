/**
 * How two ontology structures (docs/encord-api.md §8) differ, in words a lead can act on. Labels
 * refer to the ontology by feature hash, so two ontologies with different hashes still score
 * alike when every feature hash means the same thing in both: same kind, name and shape or type.
 * Each element is keyed by its feature hash and compared on what scoring reads.
 */

interface Feature {
  /** e.g. `object "Car"`, `attribute "Colour" of "Car"`. */
  label: string
  /** What must agree: shape of an object, type of an attribute, name or label. */
  signature: string
}

/** The differences of `other` from `reference`, one short phrase each; empty when they agree. */
export function ontologyDifferences(reference: unknown, other: unknown): string[] {
  const expected = features(reference)
  const found = features(other)
  const differences: string[] = []
  for (const [hash, feature] of expected) {
    const counterpart = found.get(hash)
    if (counterpart === undefined) differences.push(`${feature.label} is missing`)
    else if (counterpart.signature !== feature.signature) {
      differences.push(
        `${feature.label} is ${counterpart.signature} here, ${feature.signature} in the benchmark`
      )
    }
  }
  for (const [hash, feature] of found) {
    if (!expected.has(hash)) differences.push(`${feature.label} is extra`)
  }
  return differences
}

/** Every element with a feature hash, depth first, as the SDK walks it. */
function features(structure: unknown): Map<string, Feature> {
  const found = new Map<string, Feature>()
  const add = (hash: unknown, feature: Feature): void => {
    if (typeof hash === 'string' && !found.has(hash)) found.set(hash, feature)
  }
  const root = asRecord(structure)
  for (const object of asArray(root.objects)) {
    const name = text(object.name)
    add(object.featureNodeHash, {
      label: `object ${quote(name)}`,
      signature: `a ${text(object.shape)} named ${quote(name)}`
    })
    walkAttributes(object.attributes, name, add)
  }
  for (const classification of asArray(root.classifications)) {
    const question = asArray(classification.attributes)[0]
    const name = text(question?.name)
    add(classification.featureNodeHash, {
      label: `classification ${quote(name)}`,
      signature: `a ${text(question?.type)} question ${quote(name)}`
    })
    walkAttributes(classification.attributes, name, add)
  }
  return found
}

function walkAttributes(
  attributes: unknown,
  owner: string,
  add: (hash: unknown, feature: Feature) => void
): void {
  for (const attribute of asArray(attributes)) {
    const name = text(attribute.name)
    add(attribute.featureNodeHash, {
      label: `attribute ${quote(name)} of ${quote(owner)}`,
      signature: `a ${text(attribute.type)} attribute ${quote(name)}`
    })
    for (const option of asArray(attribute.options)) {
      const label = text(option.label)
      add(option.featureNodeHash, {
        label: `option ${quote(label)} of ${quote(name)}`,
        signature: `option ${quote(label)}`
      })
      // A radio option's nested attributes sit under a key also called `options`.
      walkAttributes(option.options, label, add)
    }
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function asArray(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(asRecord) : []
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '?'
}

function quote(name: string): string {
  return JSON.stringify(name)
}
