/**
 * Scoring one training project against the benchmark, with the geometry functions passed in.
 * `index.ts` binds the real geometry layer; tests may bind functions whose values are known.
 */
import { EvaluationError } from '../errors.js'
import { labelsDigest } from '../labels/digest.js'
import type { ProjectLabels } from '../labels/model.js'
import { confusionMatrix } from './confusion.js'
import { annotatorOf, contributorsOf } from './contributors.js'
import { degenerateNotes, scriptDegenerateNotes } from './degenerate.js'
import type { GeometryFunctions } from './geometry-port.js'
import { evaluateOneToOne } from './one-to-one.js'
import { checkOntologyCompatible } from './ontology-compat.js'
import { catalogueFeatures } from './feature-catalogue.js'
import { assertSomethingToCompare, pairRows } from './pairing.js'
import { evaluateEncordScript } from './script/encord-script.js'
import { tallyResults } from './tallies.js'
import { attachTracking, trackingMetrics } from './tracking/index.js'
import type { EvaluationOptions, ProjectEvaluation } from './types.js'
import { unscoredNotes } from './unscored-notes.js'

export function evaluateProjectWith(
  benchmark: ProjectLabels,
  training: ProjectLabels,
  options: EvaluationOptions,
  geometry: GeometryFunctions
): ProjectEvaluation {
  checkOptions(options)
  checkOntologyCompatible(
    benchmark.ontology,
    training.ontology,
    `'${training.title}' (${training.projectHash})`,
    training.projectHash
  )
  const pairing = pairRows(
    benchmark,
    training,
    options.method === 'encord-script' ? 'score-each-row' : 'last-row-wins'
  )
  assertSomethingToCompare(pairing, benchmark, training)

  // Labels are read through the benchmark's ontology: it is the reference, and equal to the
  // training one in everything that matters once the check above has passed.
  const index = catalogueFeatures(benchmark.ontology)
  const contributors = contributorsOf(training)
  const common = {
    projectHash: training.projectHash,
    projectTitle: training.title,
    method: options.method,
    annotator: annotatorOf(contributors),
    contributors,
    coverage: pairing.coverage,
    labelsDigest: labelsDigest(pairing.pairs.map((pair) => pair.training))
  }

  if (options.method === 'encord-script') {
    const script = evaluateEncordScript(pairing.pairs, index)
    return {
      ...common,
      overall: script.overall,
      perClass: script.perClass,
      units: script.units,
      confusion: confusionMatrix(index, script.confusion),
      objects: [],
      scriptRows: script.rows,
      classifications: [],
      notes: [
        ...pairing.notes,
        ...script.notes,
        ...unscoredNotes(pairing.pairs, false),
        ...scriptDegenerateNotes(pairing.pairs)
      ]
    }
  }

  const { objects, classifications, degenerate, tracked } = evaluateOneToOne(
    pairing.pairs,
    index,
    geometry,
    options.iouThreshold
  )
  const tallied = tallyResults(
    index,
    objects,
    classifications,
    pairing.pairs.map((pair) => pair.benchmark.dataHash)
  )
  const tracking = trackingMetrics(tracked, tallied.perClass)
  const { overall, perClass } = attachTracking(tallied.overall, tallied.perClass, tracking)
  const results = objects.map(({ result }) => result)
  return {
    ...common,
    overall,
    perClass,
    confusion: confusionMatrix(index, results),
    objects: results,
    scriptRows: [],
    ...(tracking === null ? {} : { trackEvents: tracking.events }),
    classifications,
    units: tallied.units,
    notes: [...pairing.notes, ...unscoredNotes(pairing.pairs, true), ...degenerateNotes(degenerate)]
  }
}

function checkOptions(options: EvaluationOptions): void {
  const { method, iouThreshold } = options
  if (method !== 'one-to-one' && method !== 'encord-script') {
    throw new EvaluationError(`Unknown evaluation method '${String(method)}'`)
  }
  if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
    throw new EvaluationError(`The IoU threshold must be between 0 and 1, got ${iouThreshold}`)
  }
}
