/**
 * Which rows are compared. Rows arrive filtered to the workflow stage, in listing order. They are
 * paired by data hash as Encord's script pairs them: for the benchmark the last row listed for a
 * data hash wins, and pairs follow the order of the training rows.
 *
 * A data unit listed more than once in the training stage (label branches, a unit reached twice)
 * is one task, not several: under `one-to-one` the last row listed wins, as for the benchmark, so
 * that a repeated unit neither counts its objects twice nor moves the scores. `encord-script`
 * keeps the script's behaviour, which scores every row it is given, so that its CSV stays the
 * script's row for row.
 */
import { EvaluationError } from '../errors.js'
import type { LabelRow, ProjectLabels } from '../labels/model.js'
import type { Coverage } from './types.js'

export interface RowPair {
  benchmark: LabelRow
  training: LabelRow
}

export interface Pairing {
  pairs: RowPair[]
  coverage: Coverage
  notes: string[]
}

/** What to do with a data unit the training stage lists more than once. */
export type TrainingDuplicates = 'last-row-wins' | 'score-each-row'

export function pairRows(
  benchmark: ProjectLabels,
  training: ProjectLabels,
  trainingDuplicates: TrainingDuplicates = 'last-row-wins'
): Pairing {
  const benchmarkByData = new Map<string, LabelRow>()
  for (const row of benchmark.rows) benchmarkByData.set(row.dataHash, row)

  const trainingRows =
    trainingDuplicates === 'last-row-wins' ? lastRowPerData(training.rows) : training.rows
  const pairs: RowPair[] = []
  let unmatchedTrainingRows = 0
  for (const row of trainingRows) {
    const gold = benchmarkByData.get(row.dataHash)
    if (gold) pairs.push({ benchmark: gold, training: row })
    else unmatchedTrainingRows += 1
  }

  // Coverage is counted in benchmark data units, each once: a unit the benchmark lists twice is
  // one unit (its last row is the one scored), and so is a unit scored from two training rows.
  const trainingData = new Set(training.rows.map((row) => row.dataHash))
  let pairedRows = 0
  for (const dataHash of benchmarkByData.keys()) if (trainingData.has(dataHash)) pairedRows += 1

  const coverage: Coverage = {
    benchmarkRows: benchmarkByData.size,
    trainingRows: training.rows.length,
    pairedRows,
    notCompleted: benchmarkByData.size - pairedRows,
    unmatchedTrainingRows
  }
  return { pairs, coverage, notes: pairingNotes(benchmark, training, pairs, trainingDuplicates) }
}

/** The rows with no later row for the same data, in listing order. */
function lastRowPerData(rows: readonly LabelRow[]): LabelRow[] {
  const last = new Map<string, LabelRow>()
  for (const row of rows) last.set(row.dataHash, row)
  return rows.filter((row) => last.get(row.dataHash) === row)
}

/**
 * An empty comparison must never look like a score of 0: the annotator has done nothing we can
 * compare, which is a different problem (wrong stage, wrong project, unfinished tasks).
 */
export function assertSomethingToCompare(
  pairing: Pairing,
  benchmark: ProjectLabels,
  training: ProjectLabels
): void {
  if (pairing.pairs.length > 0) return
  const { benchmarkRows, trainingRows } = pairing.coverage
  const project = `'${training.title}' (${training.projectHash})`
  const message =
    benchmarkRows === 0
      ? `Training project ${project} cannot be scored: the benchmark project '${benchmark.title}' ` +
        `(${benchmark.projectHash}) has no rows in its '${benchmark.stageTitle}' stage`
      : `Training project ${project} has no completed task on the benchmark's data: ` +
        `0 of ${benchmarkRows} benchmark rows are in its '${training.stageTitle}' stage` +
        (trainingRows > 0
          ? ` (its ${trainingRows} row${plural(trainingRows)} there are on other data; are both projects on the same dataset?)`
          : '')
  throw new EvaluationError(message, training.projectHash)
}

function pairingNotes(
  benchmark: ProjectLabels,
  training: ProjectLabels,
  pairs: RowPair[],
  trainingDuplicates: TrainingDuplicates
): string[] {
  const notes: string[] = []
  const benchmarkDuplicates =
    benchmark.rows.length - new Set(benchmark.rows.map((r) => r.dataHash)).size
  if (benchmarkDuplicates > 0) {
    notes.push(
      `The benchmark lists ${benchmarkDuplicates} extra row${plural(benchmarkDuplicates)} for data ` +
        `it already has; for each data unit the last row listed is used, as the script does`
    )
  }
  const extraTrainingRows =
    training.rows.length - new Set(training.rows.map((r) => r.dataHash)).size
  if (extraTrainingRows > 0) {
    const extra = `The training project lists ${extraTrainingRows} extra row${plural(extraTrainingRows)} for data it already has`
    notes.push(
      trainingDuplicates === 'last-row-wins'
        ? `${extra}; for each data unit the last row listed is scored and the ${extraTrainingRows} ` +
            `earlier one${plural(extraTrainingRows)} ${extraTrainingRows === 1 ? 'was' : 'were'} dropped`
        : `${extra}; each row is scored, as the script does`
    )
  }
  const neverLabelled = pairs.filter((p) => p.training.labelHash === null).length
  if (neverLabelled > 0) {
    notes.push(
      `${neverLabelled} training row${plural(neverLabelled)} in the stage ${neverLabelled === 1 ? 'was' : 'were'} never labelled and ${neverLabelled === 1 ? 'counts' : 'count'} as empty`
    )
  }
  return notes
}

export function plural(count: number): string {
  return count === 1 ? '' : 's'
}
