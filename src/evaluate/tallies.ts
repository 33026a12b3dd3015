/**
 * Counting `one-to-one` results into tallies: overall and per class. A class's benchmark-side
 * counts (TP, wrong class, missed, similarity) go to the benchmark object's class; its training
 * objects are counted by the training object's class, so per-class precision is "of the objects
 * the annotator labelled as this class, how many were right". Extras go to the training class.
 * Classifications are tallied under their own ontology classification.
 */
import { addTallies, emptyTally, metricsOf } from './metrics.js'
import { orderOf, type FeatureCatalogue } from './feature-catalogue.js'
import type { ScoredObject } from './one-to-one.js'
import type { ClassificationResult, ClassMetrics, Metrics, Tally } from './types.js'

export interface Tallied {
  overall: Metrics
  perClass: ClassMetrics[]
}

export function tallyResults(
  index: FeatureCatalogue,
  objects: readonly ScoredObject[],
  classifications: readonly ClassificationResult[]
): Tallied {
  const classes = new ClassTallies()
  for (const { result, attributesAgreeing, attributesCompared } of objects) {
    const { benchmark, training } = result
    if (benchmark) classes.of(benchmark.featureHash, benchmark.className).benchmarkObjects += 1
    if (training) classes.of(training.featureHash, training.className).trainingObjects += 1
    switch (result.status) {
      case 'matched':
      case 'wrong-class': {
        if (!benchmark) break
        const tally = classes.of(benchmark.featureHash, benchmark.className)
        if (result.status === 'matched') tally.truePositives += 1
        else tally.wrongClass += 1
        tally.iouSum += result.iou ?? 0
        tally.attributesAgreeing += attributesAgreeing
        tally.attributesCompared += attributesCompared
        break
      }
      case 'missed':
        if (benchmark) classes.of(benchmark.featureHash, benchmark.className).missed += 1
        break
      case 'extra':
        if (training) classes.of(training.featureHash, training.className).extra += 1
        break
    }
  }
  for (const result of classifications) {
    const tally = classes.of(result.featureHash, result.name)
    tally.classificationScore += result.score
    tally.classificationsCompared += 1
  }
  return classes.summarise(index, 'one-to-one')
}

/** Tallies keyed by feature hash, remembering a name for each. */
export class ClassTallies {
  private readonly tallies = new Map<string, { name: string; tally: Tally }>()

  of(featureHash: string, name: string): Tally {
    let entry = this.tallies.get(featureHash)
    if (!entry) this.tallies.set(featureHash, (entry = { name, tally: emptyTally() }))
    return entry.tally
  }

  /** Overall metrics and per-class metrics in ontology order (names from the ontology). */
  summarise(index: FeatureCatalogue, method: 'one-to-one' | 'encord-script'): Tallied {
    const entries = [...this.tallies].sort(([a], [b]) => orderOf(index, a) - orderOf(index, b))
    return {
      overall: metricsOf(addTallies(...entries.map(([, e]) => e.tally)), method),
      perClass: entries.map(([featureHash, { name, tally }]) => ({
        featureHash,
        className:
          index.objects.get(featureHash)?.name ??
          index.classifications.get(featureHash)?.name ??
          name,
        ...metricsOf(tally, method)
      }))
    }
  }
}
