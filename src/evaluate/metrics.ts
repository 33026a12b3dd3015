/**
 * Scores are derived from raw counts (a `Tally`) rather than averaged, so that reports can add
 * tallies across classes, annotators or runs and derive the same scores again.
 */
import type { Method, Metrics, Scores, Tally } from './types.js'

export function emptyTally(): Tally {
  return {
    benchmarkObjects: 0,
    trainingObjects: 0,
    truePositives: 0,
    wrongClass: 0,
    missed: 0,
    extra: 0,
    iouSum: 0,
    attributesAgreeing: 0,
    attributesCompared: 0,
    classificationScore: 0,
    classificationsCompared: 0
  }
}

/**
 * Every field of a `Tally`, in one fixed order: the layout of the per-unit count vectors
 * (`UnitTallies`) that the bootstrap resamples.
 */
export const TALLY_FIELDS = Object.keys(emptyTally()) as readonly (keyof Tally)[]

/**
 * The fields `scoresOf` reads: every score is a ratio of these. (`missed` and `extra` are
 * `benchmarkObjects` or `trainingObjects` less the pairs, so no score needs them.) The bootstrap
 * sums only these, unit by unit; a test checks that no other field moves a score.
 */
export const SCORED_FIELDS: readonly (keyof Tally)[] = [
  'benchmarkObjects',
  'trainingObjects',
  'truePositives',
  'wrongClass',
  'iouSum',
  'attributesAgreeing',
  'attributesCompared',
  'classificationScore',
  'classificationsCompared'
]

/** Sum of tallies (field by field). */
export function addTallies(...tallies: Tally[]): Tally {
  const total = emptyTally()
  for (const tally of tallies) {
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key]
  }
  return total
}

/**
 * Scores from counts; a score whose denominator is 0 is null (nothing to measure), never 0.
 *
 * - precision = TP / training objects; recall = TP / benchmark objects;
 *   F1 = 2·TP / (benchmark + training objects), i.e. the harmonic mean of the two;
 * - meanIou = similarity summed over paired objects / paired objects (TP + wrong class);
 * - classAccuracy = TP / (TP + wrong class);
 * - attributeAccuracy = agreeing / compared attributes on true positives;
 * - classificationAccuracy = classification score / classifications compared.
 *
 * Under `encord-script` the script knows neither misses nor extras, so precision, recall and F1
 * are null there (its tally counts class_score 1 rows as TP and class_score 0 rows as wrong class).
 */
export function scoresOf(tally: Tally, method: Method = 'one-to-one'): Scores {
  const paired = tally.truePositives + tally.wrongClass
  const countsDetections = method === 'one-to-one'
  const precision = countsDetections ? ratio(tally.truePositives, tally.trainingObjects) : null
  const recall = countsDetections ? ratio(tally.truePositives, tally.benchmarkObjects) : null
  const f1 =
    precision === null || recall === null
      ? null
      : ratio(2 * tally.truePositives, tally.benchmarkObjects + tally.trainingObjects)
  return {
    precision,
    recall,
    f1,
    meanIou: ratio(tally.iouSum, paired),
    classAccuracy: ratio(tally.truePositives, paired),
    attributeAccuracy: ratio(tally.attributesAgreeing, tally.attributesCompared),
    classificationAccuracy: ratio(tally.classificationScore, tally.classificationsCompared)
  }
}

export function metricsOf(tally: Tally, method: Method = 'one-to-one'): Metrics {
  return { ...tally, ...scoresOf(tally, method) }
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null
}
