/**
 * A training project can only be scored against the benchmark if both use the same ontology:
 * otherwise feature hashes (classes, attributes, options) mean different things on each side.
 * Names may differ (renaming is harmless); hashes, shapes and attribute types may not.
 */
import { EvaluationError } from '../errors.js'
import type { Ontology, OntologyAttribute } from '../labels/model.js'

/** How many differences to spell out before summarising the rest. */
const DIFFERENCES_SHOWN = 5

/**
 * Throws an `EvaluationError` naming the project and what differs, if anything does.
 * `trainingProject` is how the message names the project; `projectHash` (default: the same)
 * goes in the error's `project` field.
 */
export function checkOntologyCompatible(
  benchmark: Ontology,
  training: Ontology,
  trainingProject: string,
  projectHash: string = trainingProject
): void {
  const differences = ontologyDifferences(benchmark, training)
  if (differences.length === 0) return
  const shown = differences.slice(0, DIFFERENCES_SHOWN).join('; ')
  const more = differences.length - DIFFERENCES_SHOWN
  throw new EvaluationError(
    `Training project ${trainingProject} does not use the benchmark's ontology, so it cannot be ` +
      `scored: ${shown}${more > 0 ? `; and ${more} more difference${more === 1 ? '' : 's'}` : ''}`,
    projectHash
  )
}

/** Human-readable differences; empty when the ontologies are the same (or structurally equal). */
export function ontologyDifferences(benchmark: Ontology, training: Ontology): string[] {
  if (benchmark.ontologyHash !== null && benchmark.ontologyHash === training.ontologyHash) return []
  const differences: string[] = []
  const trainingObjects = new Map(training.objects.map((o) => [o.featureHash, o]))
  for (const object of benchmark.objects) {
    const label = `object '${object.name}' (${object.featureHash})`
    const other = trainingObjects.get(object.featureHash)
    if (!other) {
      differences.push(`${label} is in the benchmark ontology but not in the training ontology`)
      continue
    }
    if (other.shape !== object.shape) {
      differences.push(
        `${label} is a ${other.shape} in the training ontology but a ${object.shape} in the benchmark`
      )
    }
    differences.push(...attributeListDifferences(label, object.attributes, other.attributes))
  }
  const benchmarkObjects = new Set(benchmark.objects.map((o) => o.featureHash))
  for (const object of training.objects) {
    if (!benchmarkObjects.has(object.featureHash)) {
      differences.push(
        `object '${object.name}' (${object.featureHash}) is in the training ontology but not in the benchmark's`
      )
    }
  }

  const trainingClassifications = new Map(training.classifications.map((c) => [c.featureHash, c]))
  for (const classification of benchmark.classifications) {
    const label = `classification '${classification.name}' (${classification.featureHash})`
    const other = trainingClassifications.get(classification.featureHash)
    if (!other) {
      differences.push(`${label} is in the benchmark ontology but not in the training ontology`)
      continue
    }
    differences.push(
      ...attributeListDifferences(label, [classification.attribute], [other.attribute])
    )
  }
  const benchmarkClassifications = new Set(benchmark.classifications.map((c) => c.featureHash))
  for (const classification of training.classifications) {
    if (!benchmarkClassifications.has(classification.featureHash)) {
      differences.push(
        `classification '${classification.name}' (${classification.featureHash}) is in the training ontology but not in the benchmark's`
      )
    }
  }
  return differences
}

function attributeListDifferences(
  owner: string,
  benchmark: OntologyAttribute[],
  training: OntologyAttribute[]
): string[] {
  const differences: string[] = []
  const trainingByHash = new Map(training.map((a) => [a.featureHash, a]))
  for (const attribute of benchmark) {
    const label = `attribute '${attribute.name}' (${attribute.featureHash}) of ${owner}`
    const other = trainingByHash.get(attribute.featureHash)
    if (!other) {
      differences.push(`${label} is missing from the training ontology`)
      continue
    }
    if (other.type !== attribute.type) {
      differences.push(
        `${label} is a ${other.type} in the training ontology but a ${attribute.type} in the benchmark`
      )
      continue
    }
    const trainingOptions = new Map(other.options.map((o) => [o.featureHash, o]))
    for (const option of attribute.options) {
      const optionLabel = `option '${option.label}' (${option.featureHash}) of ${label}`
      const otherOption = trainingOptions.get(option.featureHash)
      if (!otherOption) {
        differences.push(`${optionLabel} is missing from the training ontology`)
        continue
      }
      differences.push(
        ...attributeListDifferences(optionLabel, option.attributes, otherOption.attributes)
      )
    }
    const benchmarkOptions = new Set(attribute.options.map((o) => o.featureHash))
    for (const option of other.options) {
      if (!benchmarkOptions.has(option.featureHash)) {
        differences.push(
          `option '${option.label}' (${option.featureHash}) of ${label} is only in the training ontology`
        )
      }
    }
  }
  const benchmarkHashes = new Set(benchmark.map((a) => a.featureHash))
  for (const attribute of training) {
    if (!benchmarkHashes.has(attribute.featureHash)) {
      differences.push(
        `attribute '${attribute.name}' (${attribute.featureHash}) of ${owner} is only in the training ontology`
      )
    }
  }
  return differences
}
