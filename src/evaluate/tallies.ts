/**
 * Counting `one-to-one` results into tallies: overall and per class. A class's benchmark-side
 * counts (TP, wrong class, missed, similarity) go to the benchmark object's class; its training
 * objects are counted by the training object's class, so per-class precision is "of the objects
 * the annotator labelled as this class, how many were right". Extras go to the training class.
 * Classifications are tallied under their own ontology classification.
 */
import { addTallies, emptyTally, metricsOf, TALLY_FIELDS } from './metrics.js'
import { orderOf, type FeatureCatalogue } from './feature-catalogue.js'
import type { ScoredObject } from './one-to-one.js'
import type { ClassificationResult, ClassMetrics, Metrics, Tally, UnitTallies } from './types.js'

export interface Tallied {
  overall: Metrics
  perClass: ClassMetrics[]
  units: UnitTallies
}

/** `units`: the data hash of every scored pair, so that a unit with nothing on it still counts. */
export function tallyResults(
  index: FeatureCatalogue,
  objects: readonly ScoredObject[],
  classifications: readonly ClassificationResult[],
  units: Iterable<string>
): Tallied {
  const classes = new ClassTallies()
  for (const unit of units) classes.addUnit(unit)
  for (const { result, attributesAgreeing, attributesCompared } of objects) {
    const { benchmark, training, dataHash } = result
    if (benchmark)
      classes.add(benchmark.featureHash, benchmark.className, dataHash, 'benchmarkObjects', 1)
    if (training)
      classes.add(training.featureHash, training.className, dataHash, 'trainingObjects', 1)
    switch (result.status) {
      case 'matched':
      case 'wrong-class': {
        if (!benchmark) break
        const count = (field: keyof Tally, amount: number): void =>
          classes.add(benchmark.featureHash, benchmark.className, dataHash, field, amount)
        count(result.status === 'matched' ? 'truePositives' : 'wrongClass', 1)
        count('iouSum', result.iou ?? 0)
        count('attributesAgreeing', attributesAgreeing)
        count('attributesCompared', attributesCompared)
        break
      }
      case 'missed':
        if (benchmark)
          classes.add(benchmark.featureHash, benchmark.className, dataHash, 'missed', 1)
        break
      case 'extra':
        if (training) classes.add(training.featureHash, training.className, dataHash, 'extra', 1)
        break
    }
  }
  for (const result of classifications) {
    classes.add(
      result.featureHash,
      result.name,
      result.dataHash,
      'classificationScore',
      result.score
    )
    classes.add(result.featureHash, result.name, result.dataHash, 'classificationsCompared', 1)
  }
  return classes.summarise(index, 'one-to-one')
}

/**
 * Tallies keyed by feature hash, remembering a name for each, and the same per data unit.
 *
 * A class's total is added up in the order things were counted, as it always was (so the
 * script's mean IoU stays its sum in row order, bit for bit), not as the sum of its units.
 */
export class ClassTallies {
  private readonly tallies = new Map<string, { name: string; tally: Tally }>()
  private readonly units = new Map<string, Map<string, Tally>>()

  /** Counts a data unit as scored, whether or not anything is counted on it. */
  addUnit(dataHash: string): void {
    if (!this.units.has(dataHash)) this.units.set(dataHash, new Map())
  }

  add(
    featureHash: string,
    name: string,
    dataHash: string,
    field: keyof Tally,
    amount: number
  ): void {
    let entry = this.tallies.get(featureHash)
    if (!entry) this.tallies.set(featureHash, (entry = { name, tally: emptyTally() }))
    entry.tally[field] += amount
    let unit = this.units.get(dataHash)
    if (!unit) this.units.set(dataHash, (unit = new Map()))
    let unitTally = unit.get(featureHash)
    if (!unitTally) unit.set(featureHash, (unitTally = emptyTally()))
    unitTally[field] += amount
  }

  /** Overall metrics, per-class metrics in ontology order (names from the ontology), per-unit tallies. */
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
      })),
      units: this.unitTallies(entries.map(([featureHash]) => featureHash))
    }
  }

  private unitTallies(classes: string[]): UnitTallies {
    const dataHashes = [...this.units.keys()].sort()
    const entryStart = new Uint32Array(dataHashes.length + 1)
    const entryClass: number[] = []
    const values: number[] = []
    for (const [u, dataHash] of dataHashes.entries()) {
      const unit = this.units.get(dataHash) ?? new Map<string, Tally>()
      for (const [c, featureHash] of classes.entries()) {
        const tally = unit.get(featureHash)
        if (tally === undefined) continue
        entryClass.push(c)
        for (const field of TALLY_FIELDS) values.push(tally[field])
      }
      entryStart[u + 1] = entryClass.length
    }
    return {
      classes,
      units: dataHashes.length,
      entryStart,
      entryClass: Uint32Array.from(entryClass),
      values: Float64Array.from(values)
    }
  }
}
