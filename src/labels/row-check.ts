/**
 * A hand-written check of the label rows that make up nearly every project (images, image groups
 * and frame-keyed units: videos, DICOM, NIfTI, PDF, scenes), in one pass and without allocating.
 * `labelRowSchema` (zod) stays the contract: this check only ever *accepts* a row the schema
 * accepts, and it answers null for anything it is not sure of (a key it does not know the rules
 * for, a value outside the common case, audio and text rows, `spaces`), so that the schema reads
 * that row and reports what is wrong in its usual words. Property tests hold it to that
 * (`__tests__/labels/row-check.test.ts`).
 *
 * Why: zod checked each of the ~100,000 frame objects of a 1,000-row project key by key and
 * built a copy of each, about a tenth of a run's CPU on box-heavy projects. Accepted rows are
 * returned as they are: the converter reads only the keys the schema names, so the keys the
 * schema would have stripped are never seen.
 */
import type { LabelRowJson } from './schema.js'

type Json = Record<string, unknown>

/** The row itself, typed as the schema's output, when it surely passes the schema; else null. */
export function checkLabelRow(value: unknown): LabelRowJson | null {
  if (!isObject(value)) return null
  const imageRow = value.data_type === 'image' || value.data_type === 'img_group'
  const frameKeyedRow =
    value.data_type === 'video' ||
    value.data_type === 'dicom' ||
    value.data_type === 'nifti' ||
    value.data_type === 'pdf' ||
    value.data_type === 'scene'
  if (!imageRow && !frameKeyedRow) return null
  const ok =
    // Spaces have a fallback in the schema (read as none when malformed): any but none is zod's.
    (value.spaces === undefined || isEmptyObject(value.spaces)) &&
    isNullishString(value.label_hash) &&
    typeof value.data_hash === 'string' &&
    typeof value.data_title === 'string' &&
    everyValue(value.object_answers, isObjectAnswer) &&
    everyValue(value.classification_answers, isClassificationAnswer) &&
    everyValue(value.object_actions, isObjectAction) &&
    everyValue(value.data_units, imageRow ? isImageUnit : isFrameKeyedUnit)
  return ok ? (value as LabelRowJson) : null
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isEmptyObject(value: unknown): boolean {
  if (!isObject(value)) return false
  for (const key in value) if (key !== undefined) return false
  return true
}

/**
 * Every own value of a record passes `test`. A `__proto__` key is left to the schema: a copy of
 * the record made by assignment would not keep it as a key.
 */
function everyValue(value: unknown, test: (item: unknown) => boolean, keys?: RegExp): boolean {
  if (!isObject(value)) return false
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false
    if (key === '__proto__') return false
    if (keys !== undefined && !keys.test(key)) return false
    if (!test(value[key])) return false
  }
  return true
}

function everyItem(value: unknown, test: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) if (!test(value[i])) return false
  return true
}

const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value)
const isString = (value: unknown): boolean => typeof value === 'string'
const isNullish = (value: unknown): boolean => value === null || value === undefined
const isNullishString = (value: unknown): boolean => isNullish(value) || typeof value === 'string'
const isNullishNumber = (value: unknown): boolean => isNullish(value) || isNumber(value)
const isNullishBoolean = (value: unknown): boolean => isNullish(value) || typeof value === 'boolean'
/** A count (frame, pixel offset, size): a non-negative integer, kept well inside the safe range. */
const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2 ** 31
const isOptionalCount = (value: unknown): boolean => value === undefined || isCount(value)
const DIGITS = /^\d+$/

function isRanges(value: unknown): boolean {
  return everyItem(
    value,
    (range) => Array.isArray(range) && range.length === 2 && isCount(range[0]) && isCount(range[1])
  )
}

function isAttributeAnswer(value: unknown): boolean {
  if (!isObject(value) || typeof value.featureHash !== 'string') return false
  const { answers } = value
  const answersOk =
    answers === null ||
    typeof answers === 'string' ||
    isNumber(answers) ||
    everyItem(answers, (option) => isObject(option) && typeof option.featureHash === 'string')
  return answersOk && (isNullish(value.range) || isRanges(value.range))
}

const isOptionalAttributeAnswers = (value: unknown): boolean =>
  value === undefined || everyItem(value, isAttributeAnswer)

/** `spaces` inside an answer: any record (its values are not read), or nothing. */
const isNullishRecord = (value: unknown): boolean =>
  isNullish(value) || everyValue(value, () => true)

function isObjectAnswer(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.objectHash === undefined || typeof value.objectHash === 'string') &&
    isOptionalAttributeAnswers(value.classifications) &&
    isNullishRecord(value.spaces)
  )
}

function isClassificationAnswer(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.classificationHash === undefined || typeof value.classificationHash === 'string') &&
    (value.featureHash === undefined || typeof value.featureHash === 'string') &&
    isOptionalAttributeAnswers(value.classifications) &&
    isNullishRecord(value.spaces) &&
    isNullishString(value.createdBy) &&
    (isNullish(value.range) || isRanges(value.range))
  )
}

function isObjectAction(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.objectHash === undefined || typeof value.objectHash === 'string') &&
    everyItem(value.actions, isAttributeAnswer)
  )
}

function isUnitBase(unit: Json): boolean {
  return (
    typeof unit.data_hash === 'string' &&
    typeof unit.data_title === 'string' &&
    isNullishNumber(unit.width) &&
    isNullishNumber(unit.height)
  )
}

function isImageUnit(value: unknown): boolean {
  if (!isObject(value) || !isUnitBase(value)) return false
  const sequence = value.data_sequence
  if (!isCount(sequence) && !(typeof sequence === 'string' && DIGITS.test(sequence))) return false
  const labels = value.labels
  if (labels === undefined) return true
  return (
    isObject(labels) &&
    (labels.objects === undefined || everyItem(labels.objects, isFrameObject)) &&
    (labels.classifications === undefined ||
      everyItem(labels.classifications, isFrameClassification))
  )
}

function isFrameKeyedUnit(value: unknown): boolean {
  if (!isObject(value) || !isUnitBase(value)) return false
  return value.labels === undefined || everyValue(value.labels, isFrameBlob, DIGITS)
}

function isFrameBlob(value: unknown): boolean {
  if (!isObject(value)) return false
  const metadata = value.metadata
  return (
    everyItem(value.objects, isFrameObject) &&
    everyItem(value.classifications, isFrameClassification) &&
    (isNullish(metadata) ||
      (isObject(metadata) && isNullishNumber(metadata.width) && isNullishNumber(metadata.height)))
  )
}

function isFrameClassification(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.classificationHash === 'string' &&
    typeof value.featureHash === 'string' &&
    isNullishString(value.createdBy)
  )
}

function isXy(value: unknown): boolean {
  return isObject(value) && isNumber(value.x) && isNumber(value.y)
}

function isBox(value: unknown): boolean {
  return (
    isObject(value) &&
    isNumber(value.x) &&
    isNumber(value.y) &&
    isNumber(value.w) &&
    isNumber(value.h)
  )
}

function isPointList(value: unknown): boolean {
  return Array.isArray(value) ? everyItem(value, isXy) : everyValue(value, isXy)
}

function isFlatRings(value: unknown): boolean {
  return everyItem(value, (polygon) => everyItem(polygon, (ring) => everyItem(ring, isNumber)))
}

const VISIBILITIES = new Set(['visible', 'invisible', 'occluded', 'selfOccluded'])

function isSkeletonNode(value: unknown): boolean {
  return (
    isObject(value) &&
    isNumber(value.x) &&
    isNumber(value.y) &&
    typeof value.name === 'string' &&
    isNullishString(value.featureHash) &&
    (isNullish(value.visibility) || VISIBILITIES.has(value.visibility as string)) &&
    isNullishBoolean(value.invisible) &&
    isNullishBoolean(value.occluded) &&
    isNullishBoolean(value.selfOccluded) &&
    isNullishBoolean(value.visible)
  )
}

function isFrameObject(value: unknown): boolean {
  if (!isObject(value)) return false
  if (
    typeof value.objectHash !== 'string' ||
    typeof value.featureHash !== 'string' ||
    typeof value.shape !== 'string' ||
    !isNullishString(value.createdBy)
  )
    return false
  // The common shapes first, each a few reads; every other key the schema names is checked too.
  if (value.boundingBox !== undefined && !isBox(value.boundingBox)) return false
  const rotated = value.rotatableBoundingBox
  if (rotated !== undefined && !(isBox(rotated) && isNumber((rotated as Json).theta))) return false
  if (!isNullish(value.polygon) && !isPointList(value.polygon)) return false
  if (!isNullish(value.polygons) && !isFlatRings(value.polygons)) return false
  if (value.polyline !== undefined && !isPointList(value.polyline)) return false
  if (value.point !== undefined && !(isObject(value.point) && isXy(value.point['0']))) return false
  const bitmask = value.bitmask
  if (bitmask !== undefined && !(isObject(bitmask) && isBitmask(bitmask))) return false
  if (!isOptionalBitmaskFields(value)) return false
  if (value.skeleton !== undefined && !everyValue(value.skeleton, isSkeletonNode)) return false
  return true
}

function isBitmask(value: Json): boolean {
  return (
    isCount(value.top) &&
    isCount(value.left) &&
    isCount(value.width) &&
    isCount(value.height) &&
    typeof value.rleString === 'string'
  )
}

/** Very old bitmasks carry the mask fields on the object itself: each optional there. */
function isOptionalBitmaskFields(value: Json): boolean {
  return (
    isOptionalCount(value.top) &&
    isOptionalCount(value.left) &&
    isOptionalCount(value.width) &&
    isOptionalCount(value.height) &&
    (value.rleString === undefined || isString(value.rleString))
  )
}
