import { describe, expect, it } from '@jest/globals'
import { LabelDataError } from '../../src/errors.js'
import { toLabelRow } from '../../src/labels/convert.js'
import type { DataType } from '../../src/labels/model.js'
import { CONTEXT, fixture, metadata, ontology } from './fixtures.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are mutated as plain JSON */
type Json = any

/** Converts a mutated fixture and returns the LabelDataError it must raise. */
function failure(name: string, mutate: (json: Json) => void, dataType?: DataType): LabelDataError {
  const json = fixture(name)
  mutate(json)
  const type = dataType ?? (json.data_type as DataType)
  try {
    toLabelRow(json, metadata({ dataType: type }), ontology, CONTEXT)
  } catch (error) {
    if (error instanceof LabelDataError) return error
    throw error
  }
  throw new Error('expected a LabelDataError')
}

const imageObject = (json: Json, i: number): Json => json.data_units['du-image-1'].labels.objects[i]
const head = 'Project proj-1111: cannot read the labels of data unit "street.jpg"'

describe('toLabelRow rejects labels that do not fit the ontology', () => {
  it('an unknown object featureHash', () => {
    const error = failure('image', (json) => {
      imageObject(json, 0).featureHash = 'nope1234'
    })
    expect(error.message).toBe(
      `${head}, object carObj01: featureHash nope1234 is not in the project's ontology (at data_units.du-image-1.labels.objects[0].featureHash; labelrow GET)`
    )
    expect(error.where).toEqual({
      project: 'proj-1111',
      dataUnit: 'street.jpg',
      object: 'carObj01'
    })
  })

  it('a featureHash that names something other than an object', () => {
    const error = failure('image', (json) => {
      imageObject(json, 1).featureHash = 'weatherC'
    })
    expect(error.message).toBe(
      `${head}, object pedObj01: featureHash weatherC is a classification in the ontology, not an object (at data_units.du-image-1.labels.objects[1].featureHash; labelrow GET)`
    )
  })

  it("a shape that disagrees with the ontology object's shape", () => {
    const error = failure('image', (json) => {
      imageObject(json, 0).shape = 'polygon'
    })
    expect(error.message).toBe(
      `${head}, object carObj01: its shape "polygon" does not match the shape "bounding_box" of class "Car" (carFeat1) in the ontology (at data_units.du-image-1.labels.objects[0].shape; labelrow GET)`
    )
  })

  it('an unknown attribute', () => {
    const error = failure('image', (json) => {
      json.object_answers.carObj01.classifications[3].featureHash = 'attrGone'
    })
    expect(error.message).toBe(
      `${head}, object carObj01: featureHash attrGone is not an attribute of "Car" (carFeat1) in the project's ontology (at object_answers.carObj01.classifications[3].featureHash; labelrow GET)`
    )
    expect(error.where.object).toBe('carObj01')
  })

  it('an unknown option', () => {
    const error = failure('image', (json) => {
      json.object_answers.carObj01.classifications[0].answers[0].featureHash = 'greenOpt'
    })
    expect(error.message).toBe(
      `${head}, object carObj01: option greenOpt is not an option of attribute "Colour" (colAttr1) in the ontology (at object_answers.carObj01.classifications[0].answers[0].featureHash; labelrow GET)`
    )
  })

  it('an unknown option in a classification answer, naming the classification', () => {
    const error = failure('image', (json) => {
      json.classification_answers.sceneC01.classifications[1].answers[0].featureHash = 'dayOpt01'
    })
    expect(error.message).toBe(
      `${head}, classification sceneC01: option dayOpt01 is not an option of attribute "Scene tags" (sceneAtt) in the ontology (at classification_answers.sceneC01.classifications[1].answers[0].featureHash; labelrow GET)`
    )
    expect(error.where).toEqual({
      project: 'proj-1111',
      dataUnit: 'street.jpg',
      object: 'sceneC01'
    })
  })

  it('an unknown classification featureHash on a frame', () => {
    const error = failure('image', (json) => {
      json.data_units['du-image-1'].labels.classifications[0].featureHash = 'clsGone1'
    })
    expect(error.message).toBe(
      `${head}, classification sceneC01: featureHash clsGone1 is not in the project's ontology (at data_units.du-image-1.labels.classifications[0].featureHash; labelrow GET)`
    )
  })

  it('an answer of the wrong type for its attribute', () => {
    const text = failure('image', (json) => {
      json.object_answers.carObj01.classifications[4].answers = 12
    })
    expect(text.message).toBe(
      `${head}, object carObj01: attribute "Plate" is text, so its answer must be a string (at object_answers.carObj01.classifications[4].answers; labelrow GET)`
    )
    const numeric = failure('image', (json) => {
      json.classification_answers.weathr01.classifications[1].answers = 'bright'
    })
    expect(numeric.message).toContain(
      'classification weathr01: attribute "Brightness" is numeric, so its answer must be a number'
    )
  })

  it('a dynamic attribute answer without a range', () => {
    const error = failure('video', (json) => {
      delete json.object_actions.carTrk01.actions[1].range
    })
    expect(error.message).toBe(
      'Project proj-1111: cannot read the labels of data unit "drive.mp4", object carTrk01: attribute "Moving" is dynamic, so its answer needs a "range" (at object_actions.carTrk01.actions[1].range; labelrow GET)'
    )
  })
})

describe('toLabelRow rejects malformed geometry', () => {
  it('an empty polygon (no points and no polygons)', () => {
    const error = failure('image', (json) => {
      imageObject(json, 2).polygon = {}
    })
    expect(error.message).toBe(
      `${head}, object roadObj1: the polygon has no points (both "polygon" and "polygons" are empty) (at data_units.du-image-1.labels.objects[2].polygon; labelrow GET)`
    )
  })

  it('an empty polygon whose `polygons` is null and `polygon` absent', () => {
    const error = failure('image', (json) => {
      delete imageObject(json, 2).polygon
      imageObject(json, 2).polygons = null
    })
    expect(error.message).toContain('object roadObj1: the polygon has no points')
  })

  it('a ring with an odd count of numbers', () => {
    const error = failure('image', (json) => {
      imageObject(json, 3).polygons[1][0].push(0.5)
    })
    expect(error.message).toBe(
      `${head}, object roadObj2: a ring must list x, y pairs, but has 7 numbers (at data_units.du-image-1.labels.objects[3].polygons[1][0]; labelrow GET)`
    )
  })

  it('a coordinate of the wrong type', () => {
    const error = failure('image', (json) => {
      imageObject(json, 0).boundingBox.w = '0.3'
    })
    expect(error.message).toBe(
      `${head}, object carObj01: "w" should be a finite number, not the text "0.3" (at data_units.du-image-1.labels.objects[0].boundingBox.w; labelrow GET)`
    )
    expect(error.where).toEqual({
      project: 'proj-1111',
      dataUnit: 'street.jpg',
      object: 'carObj01'
    })
  })

  it('a missing coordinate key', () => {
    const error = failure('image', (json) => {
      delete imageObject(json, 0).boundingBox
    })
    expect(error.message).toBe(
      `${head}, object carObj01: a bounding_box label needs a "boundingBox" field (at data_units.du-image-1.labels.objects[0].boundingBox; labelrow GET)`
    )
  })

  it('a point without key "0" and legacy points keyed by something other than numbers', () => {
    const point = failure('image', (json) => {
      imageObject(json, 5).point = { '1': { x: 0, y: 0 } }
    })
    expect(point.message).toContain(
      'object signObj1: "0" is missing (at data_units.du-image-1.labels.objects[5].point.0;'
    )
    const keys = failure('image', (json) => {
      imageObject(json, 2).polygon = { a: { x: 0, y: 0 } }
    })
    expect(keys.message).toContain(
      'object roadObj1: point keys must be numbers "0", "1", …, not "a" (at data_units.du-image-1.labels.objects[2].polygon.a;'
    )
  })

  it('an unknown skeleton visibility', () => {
    const error = failure('image', (json) => {
      imageObject(json, 7).skeleton['0'].visibility = 'hidden'
    })
    expect(error.message).toContain('object persObj1: "visibility" should be "visible" or')
    expect(error.message).toContain(
      '(at data_units.du-image-1.labels.objects[7].skeleton.0.visibility;'
    )
  })

  it('an object twice on one frame', () => {
    const error = failure('image', (json) => {
      json.data_units['du-image-1'].labels.objects.push(imageObject(json, 0))
    })
    expect(error.message).toBe(
      `${head}, object carObj01: the object appears twice on frame 0 (at data_units.du-image-1.labels.objects[9]; labelrow GET)`
    )
  })

  it('names the image of an image group the problem sits on', () => {
    const error = failure('image-group', (json) => {
      json.data_units['img-b'].labels.objects[0].featureHash = 'nope1234'
    })
    expect(error.message).toBe(
      `Project proj-1111: cannot read the labels of data unit "crossing (3 images)", image "b.jpg", object carB0001: featureHash nope1234 is not in the project's ontology (at data_units.img-b.labels.objects[0].featureHash; labelrow GET)`
    )
    expect(error.where.dataUnit).toBe('crossing (3 images)')
  })
})

describe('toLabelRow rejects rows that do not fit their layout', () => {
  it('a frame key that is not a number', () => {
    const error = failure('video', (json) => {
      const labels = json.data_units['du-video-1'].labels
      labels.first = labels['0']
    })
    expect(error.message).toBe(
      'Project proj-1111: cannot read the labels of data unit "drive.mp4": frame keys must be decimal numbers (at data_units.du-video-1.labels.first; labelrow GET)'
    )
  })

  it('a video frame without its required `classifications` list', () => {
    const error = failure('video', (json) => {
      delete json.data_units['du-video-1'].labels['7'].classifications
    })
    expect(error.message).toContain(
      'data unit "drive.mp4": "classifications" is missing (at data_units.du-video-1.labels.7.classifications;'
    )
  })

  it('a data_sequence that is not a frame number', () => {
    const error = failure('image-group', (json) => {
      json.data_units['img-a'].data_sequence = 'first'
    })
    expect(error.message).toContain(
      'data unit "crossing (3 images)", image "a.jpg": expected a frame number (an integer or a string of digits) (at data_units.img-a.data_sequence; labelrow GET)'
    )
  })

  it('a missing top-level map', () => {
    const error = failure('image', (json) => {
      delete json.object_actions
    })
    expect(error.message).toBe(
      `${head}: "object_actions" is missing (at object_actions; labelrow GET)`
    )
  })

  it('an unknown data_type', () => {
    const error = failure(
      'image',
      (json) => {
        json.data_type = 'hologram'
      },
      'image'
    )
    expect(error.message).toBe(
      `${head}: Invalid discriminator value. Expected 'image' | 'img_group' | 'video' | 'dicom' | 'nifti' | 'pdf' | 'scene' | 'audio' | 'plain_text' | 'group' | 'dicom_study' (at data_type; labelrow GET)`
    )
  })

  it('a DICOM study, which neither we nor the SDK can read', () => {
    const error = failure('dicom', (json) => {
      json.data_type = 'dicom_study'
    })
    expect(error.message).toBe(
      'Project proj-1111: cannot read the labels of data unit "chest series": DICOM study rows (data_type "dicom_study") are not supported; the Encord SDK cannot read their labels either (at data_type; labelrow GET)'
    )
  })

  it('an audio object whose feature is not in the ontology', () => {
    const error = failure('audio', (json) => {
      json.object_answers.Kq2bT9zz.featureHash = 'gone0001'
    })
    expect(error.message).toBe(
      `Project proj-1111: cannot read the labels of data unit "call.mp3", object Kq2bT9zz: featureHash gone0001 is not in the project's ontology (at object_answers.Kq2bT9zz.featureHash; labelrow GET)`
    )
  })

  it('something that is not a label row, named by the listing title', () => {
    expect(() => toLabelRow(null, metadata({ dataType: 'image' }), ontology, CONTEXT)).toThrow(
      'Project proj-1111: cannot read the labels of data unit "listed title": the value should be an object, not null (at (top level); labelrow GET)'
    )
  })
})
