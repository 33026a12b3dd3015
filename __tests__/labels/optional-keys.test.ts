/**
 * One test per key the label-row schema accepts as absent (docs/label-rows.md), each from a
 * payload of our own in the shape Encord's SDK reads, showing what the converter makes of the gap.
 */
import { describe, expect, it } from '@jest/globals'
import { toLabelRow } from '../../src/labels/convert.js'
import type { DataType, LabelRow } from '../../src/labels/model.js'
import { CONTEXT, metadata, ontology } from './fixtures.js'

type Json = Record<string, unknown>

const BOX = { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }

/** A frame object as the web app writes it; `createdAt` is there because the SDK needs it. */
function car(extra: Json = {}): Json {
  return {
    objectHash: 'carObj01',
    featureHash: 'carFeat1',
    shape: 'bounding_box',
    name: 'Car',
    value: 'car',
    color: '#D33115',
    createdAt: 'Thu, 09 Feb 2023 14:12:03 UTC',
    createdBy: 'ann@example.com',
    confidence: 1,
    manualAnnotation: true,
    boundingBox: BOX,
    ...extra
  }
}

/** A frame classification: the frame entry names the feature, its answers live elsewhere. */
function sceneOnFrame(extra: Json = {}): Json {
  return {
    classificationHash: 'sceneC01',
    featureHash: 'sceneCls',
    name: 'Scene tags',
    value: 'scene_tags',
    createdAt: 'Thu, 09 Feb 2023 14:12:03 UTC',
    createdBy: 'ann@example.com',
    confidence: 1,
    manualAnnotation: true,
    ...extra
  }
}

/** The answers of `sceneC01` as Encord often sends them: no `featureHash`, no `createdBy`. */
function sceneAnswers(extra: Json = {}): Json {
  return {
    classificationHash: 'sceneC01',
    spaces: {},
    classifications: [
      {
        name: 'Scene tags',
        value: 'scene_tags',
        featureHash: 'sceneAtt',
        answers: [{ featureHash: 'urbanOpt' }]
      }
    ],
    ...extra
  }
}

/** A global classification that stands alone in `classification_answers`. */
function weatherAnswers(extra: Json = {}): Json {
  return {
    classificationHash: 'weathr01',
    featureHash: 'weatherC',
    spaces: {},
    createdBy: 'expert@example.com',
    createdAt: 'Thu, 09 Feb 2023 14:12:03 UTC',
    range: [],
    classifications: [{ featureHash: 'weathAtt', answers: [{ featureHash: 'sunnyOpt' }] }],
    ...extra
  }
}

function imageRow(unit: Json, rest: Json = {}): Json {
  return {
    label_hash: 'lbl-1',
    data_hash: 'data-1',
    data_title: 'street.jpg',
    data_type: 'image',
    data_units: {
      'du-1': {
        data_hash: 'du-1',
        data_title: 'street.jpg',
        data_type: 'image/jpeg',
        data_sequence: '0',
        width: 1280,
        height: 720,
        ...unit
      }
    },
    object_answers: {},
    classification_answers: {},
    object_actions: {},
    ...rest
  }
}

function videoRow(frames: Json | undefined, rest: Json = {}): Json {
  const unit: Json = {
    data_hash: 'du-v',
    data_title: 'drive.mp4',
    data_type: 'video/mp4',
    data_sequence: 0
  }
  if (frames !== undefined) unit.labels = frames
  return {
    label_hash: 'lbl-v',
    data_hash: 'data-v',
    data_title: 'drive.mp4',
    data_type: 'video',
    data_units: { 'du-v': unit },
    object_answers: {},
    classification_answers: {},
    object_actions: {},
    ...rest
  }
}

function convert(json: Json, dataType: DataType = 'image'): LabelRow {
  return toLabelRow(
    json,
    metadata({ dataType, numberOfFrames: 4, width: 640, height: 480 }),
    ontology,
    CONTEXT
  )
}

function without(json: Json, key: string): Json {
  const { [key]: _dropped, ...rest } = json
  return rest
}

describe('optional keys of the row', () => {
  it('label_hash absent or null: the listing’s label hash is kept', () => {
    expect(convert(without(imageRow({}), 'label_hash')).labelHash).toBe('listed-label-hash')
    expect(convert(imageRow({}, { label_hash: null })).labelHash).toBe('listed-label-hash')
    expect(convert(imageRow({})).labelHash).toBe('lbl-1')
  })

  it('spaces absent: nothing is counted on spaces', () => {
    const row = convert(imageRow({ labels: { objects: [car()] } }))
    expect(row.objects.map((o) => o.objectHash)).toEqual(['carObj01'])
    expect(row.unscored.spaceObjects).toBe(0)
  })
})

describe('optional keys of a data unit', () => {
  it('labels absent (image): the row has no objects and no classifications', () => {
    const row = convert(imageRow({}))
    expect(row.objects).toEqual([])
    expect(row.classifications).toEqual([])
  })

  it('labels.objects absent (image): its classifications are still read', () => {
    const row = convert(
      imageRow(
        { labels: { classifications: [sceneOnFrame()] } },
        { classification_answers: { sceneC01: sceneAnswers() } }
      )
    )
    expect(row.objects).toEqual([])
    expect(row.classifications.map((c) => [c.classificationHash, c.frames])).toEqual([
      ['sceneC01', [0]]
    ])
  })

  it('labels.classifications absent (image): its objects are still read', () => {
    const row = convert(imageRow({ labels: { objects: [car()] } }))
    expect(row.objects.map((o) => o.annotations[0]?.geometry)).toEqual([{ type: 'box', ...BOX }])
    expect(row.classifications).toEqual([])
  })

  it('labels absent (video): no frame is read', () => {
    const row = convert(videoRow(undefined), 'video')
    expect(row.objects).toEqual([])
    expect(row.frameSizes).toEqual(new Map())
  })

  it('width and height absent: the listing’s size is used for the frame', () => {
    const json = imageRow({ labels: { objects: [car()] } }) as { data_units: Record<string, Json> }
    const unit = json.data_units['du-1'] ?? {}
    delete unit.width
    delete unit.height
    expect(convert(json).frameSizes).toEqual(new Map([[0, { width: 640, height: 480 }]]))
  })

  it('frame metadata absent (video): the frame takes the unit’s or the listing’s size', () => {
    const row = convert(videoRow({ '2': { objects: [car()], classifications: [] } }), 'video')
    expect(row.frameSizes.get(2)).toEqual({ width: 640, height: 480 })
    const sized = convert(
      videoRow({
        '2': { objects: [car()], classifications: [], metadata: { width: 512, height: 256 } }
      }),
      'video'
    )
    expect(sized.frameSizes.get(2)).toEqual({ width: 512, height: 256 })
  })
})

describe('optional keys of frame entries', () => {
  it('createdBy absent on a frame object: the annotation has no creator', () => {
    const row = convert(imageRow({ labels: { objects: [without(car(), 'createdBy')] } }))
    expect(row.objects[0]?.annotations[0]?.createdBy).toBeNull()
  })

  it('createdBy absent on a frame classification: the instance has no creator', () => {
    const row = convert(
      imageRow(
        { labels: { classifications: [without(sceneOnFrame(), 'createdBy')] } },
        { classification_answers: { sceneC01: sceneAnswers() } }
      )
    )
    expect(row.classifications[0]?.createdBy).toBeNull()
  })

  it('polygon absent where polygons is given: the polygons are read', () => {
    const road = {
      ...without(
        car({ objectHash: 'roadObj1', featureHash: 'roadFeat', shape: 'polygon' }),
        'boundingBox'
      ),
      polygons: [[[0, 0, 0.5, 0, 0.5, 0.5]]]
    }
    const row = convert(imageRow({ labels: { objects: [road] } }))
    expect(row.objects[0]?.annotations[0]?.geometry).toEqual({
      type: 'polygon',
      polygons: [[[0, 0, 0.5, 0, 0.5, 0.5]]]
    })
  })

  it('bitmask absent where its fields sit on the object (old rows): those fields are read', () => {
    const sky = {
      ...without(
        car({ objectHash: 'skyObj01', featureHash: 'skyFeat1', shape: 'bitmask' }),
        'boundingBox'
      ),
      ...{ top: 0, left: 0, width: 4, height: 3, rleString: '22104' }
    }
    const row = convert(imageRow({ labels: { objects: [sky] } }))
    expect(row.objects[0]?.annotations[0]?.geometry).toEqual({
      type: 'bitmask',
      top: 0,
      left: 0,
      width: 4,
      height: 3,
      rle: '22104'
    })
  })
})

describe('optional keys of object_answers and object_actions', () => {
  it('objectHash absent in object_answers: the entry’s key names the object', () => {
    const answers = {
      classifications: [{ featureHash: 'colAttr1', answers: [{ featureHash: 'redOpt01' }] }]
    }
    const row = convert(
      imageRow({ labels: { objects: [car()] } }, { object_answers: { carObj01: answers } })
    )
    expect(row.objects[0]?.staticAnswers).toEqual([
      { attributeHash: 'colAttr1', answer: { type: 'radio', option: 'redOpt01' } }
    ])
  })

  it('classifications absent in object_answers: the object has no attribute answers', () => {
    const row = convert(
      imageRow(
        { labels: { objects: [car()] } },
        { object_answers: { carObj01: { objectHash: 'carObj01', spaces: {} } } }
      )
    )
    expect(row.objects[0]?.staticAnswers).toEqual([])
  })

  it('range absent on an audio object: it is still counted as not scored', () => {
    const json = {
      label_hash: 'lbl-a',
      data_hash: 'data-a',
      data_title: 'talk.mp3',
      data_type: 'audio',
      data_units: {
        'du-a': {
          data_hash: 'du-a',
          data_title: 'talk.mp3',
          data_type: 'audio/mpeg',
          data_sequence: 0
        }
      },
      object_answers: {
        spch0001: { objectHash: 'spch0001', featureHash: 'speeFeat', classifications: [] }
      },
      classification_answers: {},
      object_actions: {}
    }
    expect(convert(json, 'audio').unscored.objectsByShape).toEqual({ audio: 1 })
  })

  it('objectHash absent in object_actions: the entry’s key names the object', () => {
    const actions = {
      actions: [
        {
          featureHash: 'movAttr1',
          answers: [{ featureHash: 'movYes01' }],
          range: [[0, 1]],
          trackHash: 't1'
        }
      ]
    }
    const row = convert(
      videoRow(
        {
          '0': { objects: [car()], classifications: [] },
          '1': { objects: [car()], classifications: [] }
        },
        {
          object_actions: { carObj01: actions }
        }
      ),
      'video'
    )
    expect(row.objects[0]?.dynamicAnswers).toEqual([
      { attributeHash: 'movAttr1', answer: { type: 'radio', option: 'movYes01' }, ranges: [[0, 1]] }
    ])
  })
})

describe('optional keys of classification_answers', () => {
  it('featureHash absent on a frame classification’s answers: the frame names the feature', () => {
    const row = convert(
      videoRow(
        {
          '1': { objects: [], classifications: [sceneOnFrame()] },
          '3': { objects: [], classifications: [sceneOnFrame()] }
        },
        { classification_answers: { sceneC01: sceneAnswers() } }
      ),
      'video'
    )
    expect(row.classifications).toEqual([
      {
        classificationHash: 'sceneC01',
        featureHash: 'sceneCls',
        name: 'Scene tags',
        global: false,
        frames: [1, 3],
        answers: [
          { attributeHash: 'sceneAtt', answer: { type: 'checklist', options: ['urbanOpt'] } }
        ],
        createdBy: 'ann@example.com'
      }
    ])
  })

  it('featureHash absent where createdBy is present: one clear line naming the key', () => {
    const json = imageRow(
      {},
      { classification_answers: { weathr01: without(weatherAnswers(), 'featureHash') } }
    )
    expect(() => convert(json)).toThrow(
      'Project proj-1111: cannot read the labels of data unit "street.jpg", classification weathr01: its answer entry has "createdBy", so it is a global or range classification and needs a "featureHash" (at classification_answers.weathr01.featureHash; labelrow GET)'
    )
  })

  it('classificationHash absent: the entry’s key names the classification', () => {
    const standalone = convert(
      imageRow(
        {},
        { classification_answers: { weathr01: without(weatherAnswers(), 'classificationHash') } }
      )
    )
    expect(standalone.classifications.map((c) => [c.classificationHash, c.global])).toEqual([
      ['weathr01', true]
    ])
    const onFrame = convert(
      imageRow(
        { labels: { classifications: [sceneOnFrame()] } },
        { classification_answers: { sceneC01: without(sceneAnswers(), 'classificationHash') } }
      )
    )
    expect(onFrame.classifications.map((c) => c.classificationHash)).toEqual(['sceneC01'])
  })

  it('classifications absent: ignored in an entry nothing uses, one clear line in one that is used', () => {
    const unused = convert(
      imageRow(
        {},
        { classification_answers: { sceneC01: without(sceneAnswers(), 'classifications') } }
      )
    )
    expect(unused.classifications).toEqual([])
    const used = imageRow(
      { labels: { classifications: [sceneOnFrame()] } },
      { classification_answers: { sceneC01: without(sceneAnswers(), 'classifications') } }
    )
    expect(() => convert(used)).toThrow(
      'classification sceneC01: its answer entry has no "classifications" list (at classification_answers.sceneC01.classifications; labelrow GET)'
    )
  })

  it('spaces absent: the entry belongs to the row itself', () => {
    const row = convert(
      imageRow({}, { classification_answers: { weathr01: without(weatherAnswers(), 'spaces') } })
    )
    expect(row.classifications.map((c) => c.classificationHash)).toEqual(['weathr01'])
  })

  it('range absent or null where createdBy is present: the classification holds for the whole row', () => {
    for (const entry of [without(weatherAnswers(), 'range'), weatherAnswers({ range: null })]) {
      const row = convert(videoRow({}, { classification_answers: { weathr01: entry } }), 'video')
      expect(row.classifications.map((c) => [c.global, c.frames])).toEqual([[true, []]])
    }
  })

  it('createdBy absent: an entry no frame names is no classification at all', () => {
    const row = convert(
      imageRow({}, { classification_answers: { weathr01: without(weatherAnswers(), 'createdBy') } })
    )
    expect(row.classifications).toEqual([])
  })
})

describe('optional keys of an attribute answer', () => {
  it('range absent on a static answer: the answer holds for the object', () => {
    const answers = {
      objectHash: 'carObj01',
      classifications: [{ featureHash: 'plateAtt', answers: 'AB 123' }]
    }
    const row = convert(
      imageRow({ labels: { objects: [car()] } }, { object_answers: { carObj01: answers } })
    )
    expect(row.objects[0]?.staticAnswers).toEqual([
      { attributeHash: 'plateAtt', answer: { type: 'text', text: 'AB 123' } }
    ])
  })

  it('answers null: the attribute counts as unanswered', () => {
    const answers = {
      objectHash: 'carObj01',
      classifications: [{ featureHash: 'plateAtt', answers: null }]
    }
    const row = convert(
      imageRow({ labels: { objects: [car()] } }, { object_answers: { carObj01: answers } })
    )
    expect(row.objects[0]?.staticAnswers).toEqual([])
  })
})
