/**
 * One label-row JSON (`docs/encord-api.md` §7), read with the project's ontology → one `LabelRow`.
 *
 * Order matters (the `encord-script` method depends on it): objects keep their first appearance,
 * data units in the JSON's order, then frames in key order, then each frame's object list. One
 * deviation from the SDK, which iterates Python dicts in insertion order: JavaScript iterates
 * integer-like keys (frame keys, skeleton node keys) in ascending numeric order whatever their
 * order in the text. Servers emit frames ascending, so the orders agree on real payloads.
 *
 * Not scored, as the SDK does not return them either: labels at the root of `group` rows, and
 * objects and classifications on spaces (counted in `unscored`). `audio` and `plain_text` objects
 * have ranges, not geometry: they are counted, not kept. `dicom_study` rows cannot be read
 * (neither can the SDK).
 */
import { ClassificationCollector } from './classifications.js'
import { FrameSizes } from './frame-sizes.js'
import { NOTHING_UNSCORED, type DataType, type LabelRow, type Ontology } from './model.js'
import { ObjectCollector } from './objects.js'
import { featureResolverFor } from './feature-resolver.js'
import {
  rowProblem,
  rowSchemaProblem,
  type ConversionContext,
  type JsonPath,
  type RowScope
} from './problems.js'
import { checkLabelRow } from './row-check.js'
import { labelRowSchema, type LabelRowJson } from './schema.js'
import { countSpaceLabels } from './spaces.js'

export type { ConversionContext } from './problems.js'

/** What the label-row listing says about a row (`labelrowmetadata`), before its labels are read. */
export interface RowMetadata {
  labelHash: string | null
  dataHash: string
  dataTitle: string
  dataType: DataType
  numberOfFrames: number
  width: number | null
  height: number | null
}

/** A row that has never been labelled (`label_hash` null): no objects. We never create it. */
export function emptyLabelRow(meta: RowMetadata): LabelRow {
  return {
    labelHash: meta.labelHash,
    dataHash: meta.dataHash,
    dataTitle: meta.dataTitle,
    dataType: meta.dataType,
    numberOfFrames: meta.numberOfFrames,
    frameSizes: new Map(),
    objects: [],
    classifications: [],
    unscored: NOTHING_UNSCORED
  }
}

/**
 * `check` is the hand-written check tried before the schema (`row-check.ts`); tests pass one
 * that answers null, to read a row with the schema alone and compare.
 */
export function toLabelRow(
  json: unknown,
  meta: RowMetadata,
  ontology: Ontology,
  context: ConversionContext,
  check: (json: unknown) => LabelRowJson | null = checkLabelRow
): LabelRow {
  const raw = isRecord(json) ? json : {}
  const scope: RowScope = {
    project: context.project,
    source: context.source,
    dataTitle: typeof raw.data_title === 'string' ? raw.data_title : meta.dataTitle
  }
  if (raw.data_type === 'dicom_study') {
    throw rowProblem(
      scope,
      'DICOM study rows (data_type "dicom_study") are not supported; the Encord SDK cannot read their labels either',
      { path: ['data_type'] }
    )
  }
  return readRow(parseLabelRow(json, scope, check), meta, ontology, scope)
}

/**
 * The row as the schema reads it: most rows pass the hand-written check (`row-check.ts`) and are
 * used as they are; the rest, and every row with a mistake, go through the schema, which names
 * the mistake.
 */
function parseLabelRow(
  json: unknown,
  scope: RowScope,
  check: (json: unknown) => LabelRowJson | null
): LabelRowJson {
  const checked = check(json)
  if (checked !== null) return checked
  const parsed = labelRowSchema.safeParse(json)
  if (!parsed.success) throw rowSchemaProblem(scope, json, parsed.error)
  return parsed.data
}

function readRow(
  row: LabelRowJson,
  meta: RowMetadata,
  ontology: Ontology,
  scope: RowScope
): LabelRow {
  const index = featureResolverFor(ontology)
  // For image groups, name the image a problem sits on as well as the row.
  const imageTitle = (path: JsonPath): string | undefined =>
    row.data_type === 'img_group' && path[0] === 'data_units'
      ? row.data_units[String(path[1])]?.data_title
      : undefined
  const objects = new ObjectCollector(index, (problem, objectHash, path) => {
    throw rowProblem(scope, problem, { path, objectHash, imageTitle: imageTitle(path) })
  })
  const rangesAreFrames = row.data_type !== 'audio' && row.data_type !== 'plain_text'
  const classifications = new ClassificationCollector(
    index,
    row.classification_answers,
    rangesAreFrames,
    (problem, classificationHash, path) => {
      throw rowProblem(scope, problem, { path, classificationHash, imageTitle: imageTitle(path) })
    }
  )
  const sizes = new FrameSizes(meta.width, meta.height)

  classifications.addFromAnswers()
  readRootLabels(row, objects, classifications, sizes)

  for (const [key, answer] of Object.entries(row.object_answers)) {
    const path = ['object_answers', key, 'classifications']
    objects.addAnswers(answer.objectHash ?? key, answer.classifications ?? [], path)
  }
  for (const [key, action] of Object.entries(row.object_actions)) {
    objects.addAnswers(action.objectHash ?? key, action.actions, ['object_actions', key, 'actions'])
  }

  return {
    // The SDK replaces the listing's values with the label JSON's once it has fetched the row.
    labelHash: row.label_hash ?? meta.labelHash,
    dataHash: row.data_hash,
    dataTitle: row.data_title,
    dataType: row.data_type,
    numberOfFrames: meta.numberOfFrames,
    frameSizes: sizes.sizes,
    objects: objects.result(),
    classifications: classifications.result(),
    unscored: {
      objectsByShape: objects.unscoredByShape(),
      ...countSpaceLabels(row, (hash) => objects.has(hash))
    }
  }
}

/** Walks the labels at the root of the row, frame by frame, in first-appearance order. */
function readRootLabels(
  row: LabelRowJson,
  objects: ObjectCollector,
  classifications: ClassificationCollector,
  sizes: FrameSizes
): void {
  switch (row.data_type) {
    case 'image':
    case 'img_group':
      // The frame of an image is its data unit's `data_sequence`.
      for (const [key, unit] of Object.entries(row.data_units)) {
        const frame = Number(unit.data_sequence)
        const path = ['data_units', key, 'labels']
        sizes.set(frame, unit)
        unit.labels?.objects?.forEach((label, i) =>
          objects.add(label, frame, [...path, 'objects', i])
        )
        const frameClassifications = unit.labels?.classifications ?? []
        classifications.addFrame(frameClassifications, frame, (i) => [
          ...path,
          'classifications',
          i
        ])
      }
      break
    case 'video':
    case 'dicom':
    case 'nifti':
    case 'pdf':
    case 'scene':
      for (const [key, unit] of Object.entries(row.data_units)) {
        for (const [frameKey, blob] of Object.entries(unit.labels ?? {})) {
          const frame = Number(frameKey)
          const path = ['data_units', key, 'labels', frameKey]
          sizes.set(frame, unit, blob.metadata)
          blob.objects.forEach((label, i) => objects.add(label, frame, [...path, 'objects', i]))
          classifications.addFrame(blob.classifications, frame, (i) => [
            ...path,
            'classifications',
            i
          ])
        }
      }
      break
    case 'audio':
    case 'plain_text':
      // No geometry: these objects exist only in `object_answers`, with ranges.
      for (const [key, answer] of Object.entries(row.object_answers)) {
        objects.addRangedObject(answer.objectHash ?? key, answer.featureHash, [
          'object_answers',
          key
        ])
      }
      break
    case 'group':
    case 'dicom_study':
      // Root labels of data groups are ignored: their labels live on spaces (only counted).
      break
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
