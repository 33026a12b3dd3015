// Builders for scenario rows: the docs/encord-api.md §6.3 metadata and the §7 label JSON of an
// image or video data unit with bounding boxes, or a never-labelled row. Used by tests and by the
// demo and benchmark data generators, which make thousands of rows, so these stay plain object
// literals.

const PLACEHOLDER_TIMESTAMP = 'Wed, 01 Jan 2025 00:00:00 UTC'

/**
 * @typedef {import('./scenario-types.mjs').ScenarioRow} ScenarioRow
 * @typedef {{ [key: string]: import('./scenario-types.mjs').Json }} FrameObject
 */

/**
 * A bounding-box frame object (§7.3), coordinates normalised to [0, 1].
 * @param {{
 *   objectHash: string, featureHash: string, name: string, x: number, y: number, w: number, h: number,
 *   createdBy?: string | null, createdAt?: string, color?: string, confidence?: number
 * }} box
 * @returns {FrameObject}
 */
export function boundingBox({
  objectHash,
  featureHash,
  name,
  x,
  y,
  w,
  h,
  createdBy = null,
  createdAt = PLACEHOLDER_TIMESTAMP,
  color = '#D33115',
  confidence = 1
}) {
  return {
    objectHash,
    featureHash,
    name,
    value: name.toLowerCase().replace(/ /g, '_'),
    color,
    shape: 'bounding_box',
    createdAt,
    createdBy,
    lastEditedAt: createdAt,
    lastEditedBy: createdBy,
    confidence,
    manualAnnotation: true,
    boundingBox: { h, w, x, y }
  }
}

/**
 * @typedef {{
 *   dataHash: string, dataTitle: string, labelHash: string, stage?: string,
 *   width?: number, height?: number, datasetHash?: string, datasetTitle?: string,
 *   createdAt?: string, lastEditedAt?: string
 * }} RowBase
 */

/**
 * A labelled single image.
 * @param {RowBase & { objects?: FrameObject[] }} row
 * @returns {ScenarioRow}
 */
export function imageRow({ objects = [], width = 1920, height = 1080, ...base }) {
  const unit = {
    ...dataUnit(base, 'image/jpeg', width, height),
    labels: { objects, classifications: [] }
  }
  return labelledRow(
    base,
    { data_type: 'IMAGE', number_of_frames: 1, width, height },
    unit,
    objects
  )
}

/**
 * A labelled video; `frames` maps a frame number to the objects on it.
 * @param {RowBase & { numberOfFrames: number, fps?: number, frames?: Record<number, FrameObject[]> }} row
 * @returns {ScenarioRow}
 */
export function videoRow({
  frames = {},
  numberOfFrames,
  fps = 25,
  width = 1920,
  height = 1080,
  ...base
}) {
  /** @type {Record<string, { objects: FrameObject[], classifications: [] }>} */
  const labels = {}
  for (const [frame, objects] of Object.entries(frames)) {
    labels[String(frame)] = { objects, classifications: [] }
  }
  const duration = numberOfFrames / fps
  const unit = {
    ...dataUnit(base, 'video/mp4', width, height),
    data_fps: fps,
    data_duration: duration,
    labels
  }
  const metadata = {
    data_type: 'VIDEO',
    number_of_frames: numberOfFrames,
    frames_per_second: fps,
    duration,
    width,
    height
  }
  return labelledRow(base, metadata, unit, Object.values(frames).flat())
}

/**
 * A data unit that was never labelled: listed with `label_hash: null`, nothing to fetch.
 * @param {{
 *   dataHash: string, dataTitle: string, stage?: string, dataType?: string,
 *   numberOfFrames?: number, width?: number, height?: number, datasetHash?: string, datasetTitle?: string
 * }} row
 * @returns {ScenarioRow}
 */
export function uninitialisedRow({
  dataHash,
  dataTitle,
  stage,
  dataType = 'IMAGE',
  numberOfFrames = 1,
  width = 1920,
  height = 1080,
  ...dataset
}) {
  return {
    ...(stage === undefined ? {} : { stage }),
    metadata: {
      label_hash: null,
      data_hash: dataHash,
      data_title: dataTitle,
      data_type: dataType,
      number_of_frames: numberOfFrames,
      width,
      height,
      ...datasetKeys(dataset)
    },
    labels: null
  }
}

/**
 * @param {RowBase} base
 * @param {Record<string, import('./scenario-types.mjs').Json>} metadata type-specific §6.3 keys
 * @param {Record<string, unknown>} unit the one data unit
 * @param {FrameObject[]} objects every frame object, to list each instance in object_answers
 * @returns {ScenarioRow}
 */
function labelledRow(base, metadata, unit, objects) {
  const { dataHash, dataTitle, labelHash, stage } = base
  const createdAt = base.createdAt ?? PLACEHOLDER_TIMESTAMP
  /** @type {Record<string, { objectHash: string, classifications: [] }>} */
  const objectAnswers = {}
  for (const object of objects) {
    const objectHash = String(object.objectHash)
    objectAnswers[objectHash] = { objectHash, classifications: [] }
  }
  return /** @type {ScenarioRow} */ ({
    ...(stage === undefined ? {} : { stage }),
    metadata: {
      label_hash: labelHash,
      data_hash: dataHash,
      data_title: dataTitle,
      ...metadata,
      ...datasetKeys(base)
    },
    labels: {
      label_hash: labelHash,
      created_at: createdAt,
      last_edited_at: base.lastEditedAt ?? createdAt,
      data_units: { [dataHash]: unit },
      object_answers: objectAnswers,
      classification_answers: {},
      object_actions: {}
    }
  })
}

/**
 * @param {RowBase} base
 * @param {string} mimeType
 * @param {number} width
 * @param {number} height
 */
function dataUnit({ dataHash, dataTitle }, mimeType, width, height) {
  return {
    data_hash: dataHash,
    data_title: dataTitle,
    data_type: mimeType,
    data_sequence: 0,
    data_link: null,
    width,
    height
  }
}

/** @param {{ datasetHash?: string, datasetTitle?: string }} dataset */
function datasetKeys({ datasetHash, datasetTitle }) {
  return {
    ...(datasetHash === undefined ? {} : { dataset_hash: datasetHash }),
    ...(datasetTitle === undefined ? {} : { dataset_title: datasetTitle })
  }
}
