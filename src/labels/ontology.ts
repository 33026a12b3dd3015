/**
 * The ontology structure (`editor` / `editorOntology`, `docs/encord-api.md` §8) → our `Ontology`.
 */
import type {
  Ontology,
  OntologyAttribute,
  OntologyClassification,
  OntologyObject,
  OntologyOption,
  SkeletonTemplate
} from './model.js'
import { issueMessage, ontologyProblem, type ConversionContext } from './problems.js'
import {
  ontologyStructureSchema,
  type OntologyAttributeJson,
  type OntologyJson,
  type OntologyOptionJson
} from './schema.js'

export type OntologyContext = ConversionContext & { ontologyHash?: string | null }

export function parseOntology(json: unknown, context: OntologyContext): Ontology {
  const parsed = ontologyStructureSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw ontologyProblem(
      context,
      issue === undefined ? 'it does not fit its schema' : issueMessage(issue, json),
      issue?.path
    )
  }
  const structure = parsed.data
  const objects = structure.objects.map((object): OntologyObject => ({
    featureHash: object.featureNodeHash,
    name: object.name,
    shape: object.shape,
    attributes: (object.attributes ?? []).map(toAttribute)
  }))
  const classifications = structure.classifications.map((classification, index) =>
    toClassification(classification, index, context)
  )
  return {
    ontologyHash: context.ontologyHash ?? null,
    objects,
    classifications,
    skeletonTemplates: toSkeletonTemplates(structure, objects)
  }
}

function toClassification(
  classification: OntologyJson['classifications'][number],
  index: number,
  context: OntologyContext
): OntologyClassification {
  const [attribute, ...others] = classification.attributes
  // Encord gives every classification exactly one top-level attribute (its question); the model
  // has room for one, so anything else would be silently lost.
  if (attribute === undefined || others.length > 0) {
    throw ontologyProblem(
      context,
      `classification ${classification.featureNodeHash} has ${classification.attributes.length} top-level attributes; Encord classifications have exactly one`,
      ['classifications', index, 'attributes']
    )
  }
  return {
    featureHash: classification.featureNodeHash,
    name: attribute.name,
    attribute: toAttribute(attribute),
    global: classification.level === 'global'
  }
}

function toAttribute(attribute: OntologyAttributeJson): OntologyAttribute {
  const hasOptions = attribute.type === 'radio' || attribute.type === 'checklist'
  return {
    featureHash: attribute.featureNodeHash,
    name: attribute.name,
    type: attribute.type,
    dynamic: attribute.dynamic ?? false,
    options: hasOptions
      ? (attribute.options ?? []).map((option) => toOption(option, attribute.type === 'radio'))
      : []
  }
}

function toOption(option: OntologyOptionJson, nestable: boolean): OntologyOption {
  return {
    featureHash: option.featureNodeHash,
    label: option.label,
    value: option.value,
    // Only radio options nest attributes; the SDK ignores anything under a checklist option.
    attributes: nestable ? (option.options ?? []).map(toAttribute) : []
  }
}

/**
 * Templates name the object that uses them with `feature_node_hash`. Older templates may lack it;
 * the SDK keys templates by name, so we fall back to the skeleton object of the same name and drop
 * a template no object uses (it could not be applied to any label anyway).
 */
function toSkeletonTemplates(
  structure: OntologyJson,
  objects: OntologyObject[]
): SkeletonTemplate[] {
  const templates: SkeletonTemplate[] = []
  for (const { template } of structure.skeleton_templates ?? []) {
    const objectFeatureHash =
      template.feature_node_hash ??
      objects.find((object) => object.shape === 'skeleton' && object.name === template.name)
        ?.featureHash
    if (objectFeatureHash === undefined) continue
    templates.push({
      objectFeatureHash,
      nodes: Object.values(template.skeleton).map((node) => ({
        name: node.name,
        featureHash: node.featureHash ?? null
      }))
    })
  }
  return templates
}
