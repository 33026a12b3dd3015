/**
 * Notes on the labels a comparison left out, so that an empty or thin row is never mistaken for
 * an annotator's miss. Each side is counted once: a benchmark row paired with several training
 * rows is one row, and the benchmark's and the training project's counts are given apart.
 */
import type { LabelRow, ObjectShape } from '../labels/model.js'
import type { RowPair } from './pairing.js'

interface SideCounts {
  objectsByShape: Map<ObjectShape, number>
  spaceObjects: number
  spaceClassifications: number
  /** Range classifications of audio and text rows: on neither a frame nor the whole row. */
  rangeClassifications: number
}

export function unscoredNotes(
  pairs: readonly RowPair[],
  /** False for `encord-script`, which compares no classification at all. */
  classificationsCompared: boolean
): string[] {
  const benchmark = countSide(pairs.map((p) => p.benchmark))
  const training = countSide(pairs.map((p) => p.training))
  const notes: string[] = []

  const benchmarkShapes = shapeBreakdown(benchmark.objectsByShape)
  const trainingShapes = shapeBreakdown(training.objectsByShape)
  if (benchmarkShapes.total + trainingShapes.total > 0) {
    notes.push(
      `Objects of shapes this tool does not score were left out (benchmark: ` +
        `${benchmarkShapes.text}; training: ${trainingShapes.text}): ` +
        whyShapesAreLeftOut([...benchmark.objectsByShape.keys(), ...training.objectsByShape.keys()])
    )
  }

  const spaceLabels = (side: SideCounts): number =>
    side.spaceObjects + (classificationsCompared ? side.spaceClassifications : 0)
  if (spaceLabels(benchmark) + spaceLabels(training) > 0) {
    const describe = (side: SideCounts): string =>
      classificationsCompared && side.spaceClassifications > 0
        ? `${count(side.spaceObjects, 'object')} and ${count(side.spaceClassifications, 'classification')}`
        : count(side.spaceObjects, 'object')
    notes.push(
      `Labels on the files of a data group (its spaces) were left out (benchmark: ` +
        `${describe(benchmark)}; training: ${describe(training)}): only a row's own labels are ` +
        "read, as the Encord SDK's list of a row's objects holds only those"
    )
  }

  const ranged = [benchmark.rangeClassifications, training.rangeClassifications]
  if (classificationsCompared && ranged.some((n) => n > 0)) {
    notes.push(
      `Range classifications of audio and text were left out (benchmark: ${ranged[0]}; training: ` +
        `${ranged[1]}): they hold on time or character ranges, which are not compared; ` +
        'classifications of the whole file are'
    )
  }
  return notes
}

function countSide(rows: readonly LabelRow[]): SideCounts {
  const counts: SideCounts = {
    objectsByShape: new Map(),
    spaceObjects: 0,
    spaceClassifications: 0,
    rangeClassifications: 0
  }
  for (const row of new Set(rows)) {
    for (const [shape, n] of Object.entries(row.unscored.objectsByShape) as [
      ObjectShape,
      number
    ][]) {
      counts.objectsByShape.set(shape, (counts.objectsByShape.get(shape) ?? 0) + n)
    }
    counts.spaceObjects += row.unscored.spaceObjects
    counts.spaceClassifications += row.unscored.spaceClassifications
    counts.rangeClassifications += row.classifications.filter(
      (c) => !c.global && c.frames.length === 0
    ).length
  }
  return counts
}

const RANGE_SHAPES: ReadonlySet<ObjectShape> = new Set<ObjectShape>(['audio', 'text'])

/** The reason for the shapes present, so that the note never explains a shape it did not meet. */
function whyShapesAreLeftOut(shapes: readonly ObjectShape[]): string {
  const present = [...new Set(shapes)].sort()
  const reasons: string[] = []
  if (present.some((shape) => RANGE_SHAPES.has(shape))) {
    reasons.push('audio and text objects mark time or character ranges, not shapes on a frame')
  }
  const others = present.filter((shape) => !RANGE_SHAPES.has(shape))
  if (others.length > 0) {
    reasons.push(`${others.join(', ')} objects have no similarity measure here`)
  }
  return reasons.join('; ')
}

interface Breakdown {
  total: number
  text: string
}

/** `3 (2 audio, 1 cuboid)`, shapes in descending count then by name. */
function shapeBreakdown(byShape: ReadonlyMap<ObjectShape, number>): Breakdown {
  const entries = [...byShape].filter(([, n]) => n > 0)
  const total = entries.reduce((sum, [, n]) => sum + n, 0)
  if (total === 0) return { total, text: '0' }
  entries.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
  return { total, text: `${total} (${entries.map(([shape, n]) => `${n} ${shape}`).join(', ')})` }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
