/**
 * The `encord-script` method: Encord's documented evaluation script, row for row (see
 * docs/encord-script.md §2). Bounding boxes only, frame 0 only; for each training box the benchmark
 * box with the strictly greatest IoU (the first maximum wins), and a class score of that best
 * match.
 *
 * One deliberate difference: a box with no annotation on frame 0 crashes the script; here it is
 * skipped and counted in the notes.
 *
 * Summaries follow the script's own reading of its columns: a row with class_score 1 counts as a
 * true positive and one with 0 as a wrong class ("created using the wrong class"), per training
 * class; meanIou is the mean iou_score. The confusion matrix pairs each training box's class with
 * its best match's class (none when no box overlapped it).
 */
import type { Annotation, LabelRow, ObjectInstance } from '../../labels/model.js'
import { ClassTallies } from '../tallies.js'
import type { ConfusionEntry } from '../confusion.js'
import type { FeatureCatalogue } from '../feature-catalogue.js'
import type { RowPair } from '../pairing.js'
import { plural } from '../pairing.js'
import type { ClassMetrics, Metrics, ObjectRef, ScriptRow, Tally, UnitTallies } from '../types.js'
import { scriptIou, type ScriptBox } from './script-iou.js'

export interface ScriptResults {
  rows: ScriptRow[]
  overall: Metrics
  perClass: ClassMetrics[]
  units: UnitTallies
  confusion: ConfusionEntry[]
  notes: string[]
}

interface FrameZeroBox {
  object: ObjectInstance
  annotation: Annotation
  box: ScriptBox
}

export function evaluateEncordScript(
  pairs: readonly RowPair[],
  index: FeatureCatalogue
): ScriptResults {
  const rows: ScriptRow[] = []
  const confusion: ConfusionEntry[] = []
  const classes = new ClassTallies()
  const skipped = { training: 0, benchmark: 0 }
  let unscored = 0

  for (const { benchmark, training } of pairs) {
    // The unit is the benchmark's data unit: a training row listed twice adds to the same one.
    const unit = benchmark.dataHash
    classes.addUnit(unit)
    const given = frameZeroBoxes(training)
    const gold = frameZeroBoxes(benchmark)
    skipped.training += given.withoutFrameZero
    skipped.benchmark += gold.withoutFrameZero
    unscored += given.otherShapes
    for (const { object } of gold.boxes)
      classes.add(object.featureHash, object.className, unit, 'benchmarkObjects', 1)

    for (const prod of given.boxes) {
      let bestIou = 0
      let bestMatch: ObjectInstance | null = null
      for (const bm of gold.boxes) {
        const iou = scriptIou(prod.box, bm.box)
        if (iou > bestIou) {
          bestIou = iou
          bestMatch = bm.object
        }
      }
      const classScore =
        bestMatch !== null && bestMatch.featureHash === prod.object.featureHash ? 1 : 0
      const trainingRef = refOf(prod.object)
      const bestRef = bestMatch ? refOf(bestMatch) : null
      rows.push({
        trainingEmail: prod.annotation.createdBy,
        dataUnitName: training.dataTitle,
        labelId: training.labelHash,
        iouScore: bestIou,
        classScore,
        dataHash: training.dataHash,
        training: trainingRef,
        bestMatch: bestRef
      })
      confusion.push({ benchmark: bestRef, training: trainingRef })
      // The script's own reading of class_score: 1 "created using the correct class", 0 "wrong".
      const count = (field: keyof Tally, amount: number): void =>
        classes.add(prod.object.featureHash, prod.object.className, unit, field, amount)
      count('trainingObjects', 1)
      count('iouSum', bestIou)
      count(classScore === 1 ? 'truePositives' : 'wrongClass', 1)
    }
  }

  const { overall, perClass, units } = classes.summarise(index, 'encord-script')
  return { rows, overall, perClass, units, confusion, notes: scriptNotes(skipped, unscored) }
}

/**
 * The row's objects the script scores, in first-appearance order: ontology shape
 * `bounding_box`, with an annotation on frame 0 (`data_sequence` 0 for images and image groups,
 * key "0" for videos).
 */
function frameZeroBoxes(row: LabelRow): {
  boxes: FrameZeroBox[]
  withoutFrameZero: number
  otherShapes: number
} {
  const boxes: FrameZeroBox[] = []
  let withoutFrameZero = 0
  // Shapes no method scores (audio, cuboid…) are in the run's general note, not in this count.
  let otherShapes = 0
  for (const object of row.objects) {
    if (object.shape !== 'bounding_box') {
      otherShapes += 1
      continue
    }
    const annotation = object.annotations.find((a) => a.frame === 0)
    const geometry = annotation?.geometry
    if (!annotation || geometry?.type !== 'box') {
      withoutFrameZero += 1
      continue
    }
    boxes.push({ object, annotation, box: geometry })
  }
  return { boxes, withoutFrameZero, otherShapes }
}

function refOf(object: ObjectInstance): ObjectRef {
  return {
    objectHash: object.objectHash,
    featureHash: object.featureHash,
    className: object.className
  }
}

function scriptNotes(skipped: { training: number; benchmark: number }, unscored: number): string[] {
  const notes: string[] = []
  const total = skipped.training + skipped.benchmark
  if (total > 0) {
    notes.push(
      `${total} box${total === 1 ? '' : 'es'} without a frame-0 annotation ${total === 1 ? 'was' : 'were'} ` +
        `skipped, as the script cannot score them (${skipped.training} training, ${skipped.benchmark} benchmark)`
    )
  }
  if (unscored > 0) {
    notes.push(
      `The encord-script method scores bounding boxes on frame 0 only: ${unscored} training ` +
        `object${plural(unscored)} of other shapes ${unscored === 1 ? 'was' : 'were'} not scored (the one-to-one method scores them)`
    )
  }
  return notes
}
