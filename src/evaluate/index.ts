/**
 * The evaluation: pure functions from label models to results (no I/O, no clock).
 */
import type { ProjectLabels } from '../labels/model.js'
import { evaluateProjectWith } from './engine.js'
import type { GeometryFunctions } from './geometry-port.js'
import { boundsOf, similarity, similarityBound } from './geometry/index.js'
import type { EvaluationOptions, ProjectEvaluation } from './types.js'

const realGeometry: GeometryFunctions = { similarity, boundsOf, similarityBound }

/**
 * Scores one training project against the benchmark. Throws `EvaluationError` when the project
 * cannot be scored: its ontology differs from the benchmark's, or it shares no row with it.
 * `geometry` replaces the similarity functions (tests); by default the geometry layer's are used.
 */
export function evaluateProject(
  benchmark: ProjectLabels,
  training: ProjectLabels,
  options: EvaluationOptions,
  geometry: Partial<GeometryFunctions> = {}
): ProjectEvaluation {
  // The real bound holds only for the real similarity: with another one, there is none.
  const bound = geometry.similarity === undefined ? { similarityBound } : {}
  const { similarityBound: _real, ...exact } = realGeometry
  return evaluateProjectWith(benchmark, training, options, { ...exact, ...bound, ...geometry })
}

export { checkOntologyCompatible, ontologyDifferences } from './ontology-compat.js'
export { addTallies, emptyTally, metricsOf, scoresOf } from './metrics.js'
export { maxWeightAssignment } from './matching.js'
export { scriptIou } from './script/script-iou.js'
export type { GeometryFunctions } from './geometry-port.js'
export * from './types.js'
