/**
 * Look-ups into one ontology by feature hash: names for reports, and a fixed order (the
 * ontology's) so that results never depend on the order labels were listed in.
 */
import type {
  Ontology,
  OntologyAttribute,
  OntologyClassification,
  OntologyObject
} from '../labels/model.js'

export interface FeatureCatalogue {
  objects: Map<string, OntologyObject>
  classifications: Map<string, OntologyClassification>
  attributes: Map<string, OntologyAttribute>
  optionLabels: Map<string, string>
  /** Position of every feature (object, classification, attribute) in depth-first order. */
  order: Map<string, number>
  /**
   * Class names that are unique within the ontology (objects and classifications share one name
   * space here): a name used twice gets its shape, or failing that its hash, appended.
   */
  classLabels: Map<string, string>
}

export function catalogueFeatures(ontology: Ontology): FeatureCatalogue {
  const index: FeatureCatalogue = {
    objects: new Map(),
    classifications: new Map(),
    attributes: new Map(),
    optionLabels: new Map(),
    order: new Map(),
    classLabels: new Map()
  }
  const visitAttribute = (attribute: OntologyAttribute): void => {
    index.attributes.set(attribute.featureHash, attribute)
    index.order.set(attribute.featureHash, index.order.size)
    for (const option of attribute.options) {
      index.optionLabels.set(option.featureHash, option.label)
      option.attributes.forEach(visitAttribute)
    }
  }
  for (const object of ontology.objects) {
    index.objects.set(object.featureHash, object)
    index.order.set(object.featureHash, index.order.size)
    object.attributes.forEach(visitAttribute)
  }
  for (const classification of ontology.classifications) {
    index.classifications.set(classification.featureHash, classification)
    index.order.set(classification.featureHash, index.order.size)
    visitAttribute(classification.attribute)
  }
  index.classLabels = uniqueClassLabels(ontology)
  return index
}

/** Position in the ontology; features it does not know sort last. */
export function orderOf(index: FeatureCatalogue, featureHash: string): number {
  return index.order.get(featureHash) ?? Number.MAX_SAFE_INTEGER
}

export function attributeName(index: FeatureCatalogue, attributeHash: string): string {
  return index.attributes.get(attributeHash)?.name ?? attributeHash
}

export function optionLabel(index: FeatureCatalogue, optionHash: string): string {
  return index.optionLabels.get(optionHash) ?? optionHash
}

export function classLabel(index: FeatureCatalogue, featureHash: string, fallback: string): string {
  return index.classLabels.get(featureHash) ?? fallback
}

function uniqueClassLabels(ontology: Ontology): Map<string, string> {
  const classes = [
    ...ontology.objects.map((o) => ({ hash: o.featureHash, name: o.name, kind: o.shape })),
    ...ontology.classifications.map((c) => ({
      hash: c.featureHash,
      name: c.name,
      kind: 'classification'
    }))
  ]
  const count = (key: (c: (typeof classes)[number]) => string, value: string): number =>
    classes.filter((c) => key(c) === value).length
  const labels = new Map<string, string>()
  for (const c of classes) {
    const withKind = `${c.name} (${c.kind})`
    const label =
      count((x) => x.name, c.name) === 1
        ? c.name
        : count((x) => `${x.name} (${x.kind})`, withKind) === 1
          ? withKind
          : `${c.name} (${c.hash})`
    labels.set(c.hash, label)
  }
  return labels
}
