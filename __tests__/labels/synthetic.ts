/**
 * A synthetic project: `rows` label rows of 10 objects each (boxes with attributes, polygons,
 * points), every fifth row a video of 8 frames whose objects are tracks over all frames.
 */
import type { RowMetadata } from '../../src/labels/convert.js'

const SHAPES = ['bounding_box', 'polygon', 'point'] as const
const FEATURE = { bounding_box: 'carFeat1', polygon: 'roadFeat', point: 'signFeat' } as const

export interface SyntheticRow {
  json: unknown
  meta: RowMetadata
}

export function syntheticProject(
  rows: number,
  objectsPerRow = 10,
  videoFrames = 8
): SyntheticRow[] {
  const result: SyntheticRow[] = []
  for (let r = 0; r < rows; r++) {
    const video = r % 5 === 4
    const dataHash = `data-${r}`
    const frames = video ? videoFrames : 1
    const frameObjects = (frame: number) =>
      Array.from({ length: objectsPerRow }, (_, o) => frameObject(r, o, frame))
    const unit = { data_hash: `du-${r}`, data_title: `item-${r}`, width: 1280, height: 720 }
    const data_units = video
      ? {
          [`du-${r}`]: {
            ...unit,
            data_sequence: 0,
            labels: Object.fromEntries(
              Array.from({ length: frames }, (_, f) => [
                String(f),
                { objects: frameObjects(f), classifications: [] }
              ])
            )
          }
        }
      : {
          [`du-${r}`]: {
            ...unit,
            data_sequence: 0,
            labels: { objects: frameObjects(0), classifications: [] }
          }
        }
    const object_answers = Object.fromEntries(
      Array.from({ length: objectsPerRow }, (_, o) => [
        `obj-${r}-${o}`,
        {
          objectHash: `obj-${r}-${o}`,
          classifications:
            o % 3 === 0
              ? [
                  { featureHash: 'colAttr1', answers: [{ featureHash: 'redOpt01' }] },
                  { featureHash: 'tagsAttr', answers: [{ featureHash: 'damgOpt1' }] }
                ]
              : []
        }
      ])
    )
    result.push({
      json: {
        label_hash: `label-${r}`,
        branch_name: 'main',
        created_at: null,
        last_edited_at: null,
        dataset_hash: 'ds',
        dataset_title: 'ds',
        data_hash: dataHash,
        data_title: `item-${r}`,
        data_type: video ? 'video' : 'image',
        label_status: 'LABELLED',
        data_units,
        object_answers,
        classification_answers: {},
        object_actions: {}
      },
      meta: {
        labelHash: `label-${r}`,
        dataHash,
        dataTitle: `item-${r}`,
        dataType: video ? 'video' : 'image',
        numberOfFrames: frames,
        width: 1280,
        height: 720
      }
    })
  }
  return result
}

function frameObject(row: number, object: number, frame: number) {
  const shape = SHAPES[object % SHAPES.length] ?? 'bounding_box'
  const x = ((row * 7 + object * 13 + frame) % 90) / 100
  const base = {
    objectHash: `obj-${row}-${object}`,
    featureHash: FEATURE[shape],
    name: 'n',
    value: 'v',
    color: '#000000',
    shape,
    createdAt: 'Thu, 09 Feb 2023 14:12:03 UTC',
    createdBy: `annotator${object % 3}@example.com`,
    lastEditedAt: 'Thu, 09 Feb 2023 14:12:03 UTC',
    lastEditedBy: 'annotator@example.com',
    confidence: 1,
    manualAnnotation: true
  }
  switch (shape) {
    case 'bounding_box':
      return { ...base, boundingBox: { x, y: 0.1, w: 0.05, h: 0.1 } }
    case 'polygon':
      return {
        ...base,
        polygon: { '0': { x, y: 0.1 }, '1': { x: x + 0.05, y: 0.1 }, '2': { x, y: 0.2 } },
        polygons: [[[x, 0.1, x + 0.05, 0.1, x, 0.2]]]
      }
    case 'point':
      return { ...base, point: { '0': { x, y: 0.5 } } }
  }
}
