/**
 * Lookups by featureHash, as the SDK does them (`docs/encord-api.md` §8, last paragraph): a
 * depth-first search over each object then its attribute tree (attributes → options → nested
 * attributes…), then each classification and its tree; the first element with the hash wins and
 * must be of the expected kind. Attribute answers are looked up inside the tree of the object or
 * classification they belong to, and options among the options of their attribute.
 */
import type {
  Ontology,
  OntologyAttribute,
  OntologyClassification,
  OntologyObject,
  OntologyOption
} from './model.js'

export type OntologyEntry =
  | { kind: 'object'; object: OntologyObject }
  | { kind: 'classification'; classification: OntologyClassification }
  | { kind: 'attribute'; attribute: OntologyAttribute }
  | { kind: 'option'; option: OntologyOption }

export type OntologyKind = OntologyEntry['kind']

/** A lookup either finds the item or says why not, in words fit for an error message. */
export type Lookup<T> = { found: T } | { problem: string }

export class FeatureResolver {
  private readonly entries = new Map<string, OntologyEntry>()
  /** Attributes anywhere in the tree of an object or classification, by owner featureHash. */
  private readonly attributesByOwner = new Map<string, Map<string, OntologyAttribute>>()
  private readonly optionsByAttribute = new Map<OntologyAttribute, Map<string, OntologyOption>>()

  constructor(readonly ontology: Ontology) {
    for (const object of ontology.objects) {
      this.add({ kind: 'object', object }, object.featureHash)
      this.addTree(object.featureHash, object.attributes)
    }
    for (const classification of ontology.classifications) {
      this.add({ kind: 'classification', classification }, classification.featureHash)
      this.addTree(classification.featureHash, [classification.attribute])
    }
  }

  /** The first element of the ontology with this featureHash, of whatever kind. */
  entry(featureHash: string): OntologyEntry | undefined {
    return this.entries.get(featureHash)
  }

  object(featureHash: string): Lookup<OntologyObject> {
    const entry = this.entries.get(featureHash)
    if (entry?.kind === 'object') return { found: entry.object }
    return { problem: notA('an object', featureHash, entry) }
  }

  classification(featureHash: string): Lookup<OntologyClassification> {
    const entry = this.entries.get(featureHash)
    if (entry?.kind === 'classification') return { found: entry.classification }
    return { problem: notA('a classification', featureHash, entry) }
  }

  /** An attribute of the given object or classification (nested attributes included). */
  attribute(
    owner: OntologyObject | OntologyClassification,
    featureHash: string
  ): Lookup<OntologyAttribute> {
    const attribute = this.attributesByOwner.get(owner.featureHash)?.get(featureHash)
    if (attribute !== undefined) return { found: attribute }
    const entry = this.entries.get(featureHash)
    const ownerName = `"${owner.name}" (${owner.featureHash})`
    if (entry === undefined) {
      return {
        problem: `featureHash ${featureHash} is not an attribute of ${ownerName} in the project's ontology`
      }
    }
    return {
      problem:
        entry.kind === 'attribute'
          ? `attribute ${featureHash} ("${entry.attribute.name}") is not an attribute of ${ownerName} in the ontology`
          : `${notA('an attribute', featureHash, entry)} of ${ownerName}`
    }
  }

  /** An option of the given radio or checklist attribute. */
  option(attribute: OntologyAttribute, featureHash: string): Lookup<OntologyOption> {
    const option = this.optionsByAttribute.get(attribute)?.get(featureHash)
    if (option !== undefined) return { found: option }
    return {
      problem: `option ${featureHash} is not an option of attribute "${attribute.name}" (${attribute.featureHash}) in the ontology`
    }
  }

  private add(entry: OntologyEntry, featureHash: string): void {
    // First occurrence wins, as in the SDK's depth-first search.
    if (!this.entries.has(featureHash)) this.entries.set(featureHash, entry)
  }

  private addTree(ownerHash: string, attributes: OntologyAttribute[]): void {
    let owned = this.attributesByOwner.get(ownerHash)
    if (owned === undefined) {
      owned = new Map()
      this.attributesByOwner.set(ownerHash, owned)
    }
    for (const attribute of attributes) {
      this.add({ kind: 'attribute', attribute }, attribute.featureHash)
      if (!owned.has(attribute.featureHash)) owned.set(attribute.featureHash, attribute)
      const options = new Map<string, OntologyOption>()
      this.optionsByAttribute.set(attribute, options)
      for (const option of attribute.options) {
        this.add({ kind: 'option', option }, option.featureHash)
        if (!options.has(option.featureHash)) options.set(option.featureHash, option)
        this.addTree(ownerHash, option.attributes)
      }
    }
  }
}

const resolvers = new WeakMap<Ontology, FeatureResolver>()

/** The resolver of an ontology, built once per ontology object (a project converts many rows). */
export function featureResolverFor(ontology: Ontology): FeatureResolver {
  let resolver = resolvers.get(ontology)
  if (resolver === undefined) {
    resolver = new FeatureResolver(ontology)
    resolvers.set(ontology, resolver)
  }
  return resolver
}

function notA(kind: string, featureHash: string, entry: OntologyEntry | undefined): string {
  if (entry === undefined) return `featureHash ${featureHash} is not in the project's ontology`
  return `featureHash ${featureHash} is ${articled(entry.kind)} in the ontology, not ${kind}`
}

function articled(kind: OntologyKind): string {
  return kind === 'attribute' || kind === 'object' || kind === 'option' ? `an ${kind}` : `a ${kind}`
}
