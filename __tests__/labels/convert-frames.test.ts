import { describe, expect, it } from '@jest/globals'
import { emptyLabelRow, toLabelRow } from '../../src/labels/convert.js'
import { CONTEXT, fixture, metadata, ontology } from './fixtures.js'

describe('toLabelRow: an image group', () => {
  const row = toLabelRow(
    fixture('image-group'),
    metadata({ dataType: 'img_group', numberOfFrames: 3, width: 800, height: 600 }),
    ontology,
    CONTEXT
  )

  it('makes one object of an objectHash that spans two images, frame = data_sequence', () => {
    expect(row.objects.map((object) => object.objectHash)).toEqual(['carSpan1', 'carB0001'])
    expect(row.objects[0]?.annotations).toEqual([
      {
        frame: 0,
        geometry: { type: 'box', x: 0.1, y: 0.1, w: 0.2, h: 0.2 },
        createdBy: 'ann@example.com'
      },
      {
        frame: 1,
        geometry: { type: 'box', x: 0.15, y: 0.1, w: 0.2, h: 0.2 },
        createdBy: 'bob@example.com'
      }
    ])
    expect(row.objects[0]?.staticAnswers).toEqual([
      { attributeHash: 'colAttr1', answer: { type: 'radio', option: 'blueOpt1' } }
    ])
    expect(row.objects[1]?.annotations.map((a) => a.frame)).toEqual([1])
  })

  it('keeps the size of each image, and the listing size for an image without one', () => {
    expect(row.frameSizes).toEqual(
      new Map([
        [0, { width: 640, height: 480 }],
        [1, { width: 1024, height: 768 }],
        [2, { width: 800, height: 600 }]
      ])
    )
  })

  it('places a frame classification on the frame of its image', () => {
    expect(row.classifications).toMatchObject([
      { classificationHash: 'sceneG01', global: false, frames: [1], createdBy: 'bob@example.com' }
    ])
  })

  it('accepts an integer data_sequence as well as a string', () => {
    const json = fixture('image-group') as { data_units: Record<string, Record<string, unknown>> }
    const unit = json.data_units['img-b'] ?? {}
    unit.data_sequence = 1
    const again = toLabelRow(json, metadata({ dataType: 'img_group' }), ontology, CONTEXT)
    expect(again.objects[1]?.annotations[0]?.frame).toBe(1)
  })
})

describe('toLabelRow: a video', () => {
  const row = toLabelRow(
    fixture('video'),
    metadata({ dataType: 'video', numberOfFrames: 8 }),
    ontology,
    CONTEXT
  )
  const car = row.objects[0]

  it('makes a track of an object on frames 0, 3 and 7, with each frame’s creator', () => {
    expect(row.objects.map((object) => object.objectHash)).toEqual(['carTrk01', 'pedTrk01'])
    expect(car?.annotations).toEqual([
      {
        frame: 0,
        geometry: { type: 'box', x: 0.1, y: 0.1, w: 0.2, h: 0.2 },
        createdBy: 'ann@example.com'
      },
      {
        frame: 3,
        geometry: { type: 'box', x: 0.2, y: 0.1, w: 0.2, h: 0.2 },
        createdBy: 'bob@example.com'
      },
      { frame: 7, geometry: { type: 'box', x: 0.4, y: 0.1, w: 0.2, h: 0.2 }, createdBy: null }
    ])
    expect(row.objects[1]?.annotations[0]?.geometry).toEqual({
      type: 'rotatedBox',
      x: 0.6,
      y: 0.4,
      w: 0.05,
      h: 0.2,
      theta: -15.5
    })
  })

  it('reads static and dynamic attributes; overlapping dynamic checklists are merged', () => {
    expect(car?.staticAnswers).toEqual([
      { attributeHash: 'colAttr1', answer: { type: 'radio', option: 'blueOpt1' } }
    ])
    // Lights: Front on 0–5 and Rear on 3–7 → Front alone on 0–2, both on 3–5, Rear alone on 6–7.
    expect(car?.dynamicAnswers).toEqual([
      {
        attributeHash: 'movAttr1',
        answer: { type: 'radio', option: 'movYes01' },
        ranges: [[0, 3]]
      },
      {
        attributeHash: 'movAttr1',
        answer: { type: 'radio', option: 'movNo001' },
        ranges: [[4, 7]]
      },
      {
        attributeHash: 'lightsAt',
        answer: { type: 'checklist', options: ['frontOpt'] },
        ranges: [[0, 2]]
      },
      {
        attributeHash: 'lightsAt',
        answer: { type: 'checklist', options: ['frontOpt', 'rearOpt1'] },
        ranges: [[3, 5]]
      },
      {
        attributeHash: 'lightsAt',
        answer: { type: 'checklist', options: ['rearOpt1'] },
        ranges: [[6, 7]]
      }
    ])
  })

  it('makes one classification of a hash on frames 2 to 5, created by its first frame’s author', () => {
    expect(row.classifications).toEqual([
      {
        classificationHash: 'capt0001',
        featureHash: 'captCls1',
        name: 'Caption',
        global: false,
        frames: [2, 3, 4, 5],
        answers: [{ attributeHash: 'captAttr', answer: { type: 'text', text: 'two cars' } }],
        createdBy: 'ann@example.com'
      }
    ])
  })

  it('gives every labelled frame the video’s size', () => {
    const size = { width: 1920, height: 1080 }
    expect(row.frameSizes).toEqual(new Map([0, 2, 3, 4, 5, 7].map((frame) => [frame, size])))
    expect(row.unscored).toEqual({ objectsByShape: {}, spaceObjects: 0, spaceClassifications: 0 })
  })

  it('iterates frame keys in ascending numeric order whatever their order in the text', () => {
    // JavaScript orders integer-like keys numerically; Python would keep "7" first. Servers emit
    // frames ascending, where both agree.
    const json = JSON.parse(`{
      "data_hash": "d", "data_title": "t", "data_type": "video",
      "data_units": { "u": { "data_hash": "u", "data_title": "t", "labels": {
        "7": { "objects": [{ "objectHash": "late", "featureHash": "signFeat", "shape": "point", "point": { "0": { "x": 0, "y": 0 } } }], "classifications": [] },
        "0": { "objects": [{ "objectHash": "early", "featureHash": "signFeat", "shape": "point", "point": { "0": { "x": 1, "y": 1 } } }], "classifications": [] }
      } } },
      "object_answers": {}, "classification_answers": {}, "object_actions": {}
    }`) as unknown
    const ordered = toLabelRow(json, metadata({ dataType: 'video' }), ontology, CONTEXT)
    expect(ordered.objects.map((object) => object.objectHash)).toEqual(['early', 'late'])
  })
})

describe('toLabelRow: DICOM', () => {
  const row = toLabelRow(
    fixture('dicom'),
    metadata({ dataType: 'dicom', numberOfFrames: 3 }),
    ontology,
    CONTEXT
  )

  it("lets a slice's metadata size override the series size; a zero size does not", () => {
    expect(row.frameSizes).toEqual(
      new Map([
        [0, { width: 256, height: 320 }],
        [1, { width: 512, height: 512 }],
        [2, { width: 512, height: 512 }]
      ])
    )
  })

  it('makes one polygon track over two slices, from legacy array points', () => {
    expect(row.objects).toHaveLength(1)
    expect(row.objects[0]?.annotations).toEqual([
      {
        frame: 0,
        geometry: { type: 'polygon', polygons: [[[0.1, 0.1, 0.3, 0.1, 0.2, 0.3]]] },
        createdBy: 'rad@example.com'
      },
      {
        frame: 1,
        geometry: { type: 'polygon', polygons: [[[0.1, 0.1, 0.35, 0.1, 0.2, 0.3]]] },
        createdBy: 'rad@example.com'
      }
    ])
  })
})

describe('toLabelRow: rows without scored geometry', () => {
  it('counts audio objects as unscored and keeps their classifications without frames', () => {
    const row = toLabelRow(fixture('audio'), metadata({ dataType: 'audio' }), ontology, CONTEXT)
    expect(row.objects).toEqual([])
    expect(row.unscored.objectsByShape).toEqual({ audio: 2 })
    expect(row.frameSizes.size).toBe(0)
    expect(row.classifications).toEqual([
      {
        classificationHash: 'weathAud',
        featureHash: 'weatherC',
        name: 'Weather',
        global: true,
        frames: [],
        answers: [{ attributeHash: 'weathAtt', answer: { type: 'radio', option: 'rainyOpt' } }],
        createdBy: 'ann@example.com'
      },
      {
        // Audio ranges are milliseconds, not frames: the instance keeps no frames.
        classificationHash: 'captAud1',
        featureHash: 'captCls1',
        name: 'Caption',
        global: false,
        frames: [],
        answers: [{ attributeHash: 'captAttr', answer: { type: 'text', text: 'greeting' } }],
        createdBy: 'bob@example.com'
      }
    ])
  })

  it('ignores the root labels of a data group and counts the objects on its spaces', () => {
    const row = toLabelRow(fixture('group'), metadata({ dataType: 'group' }), ontology, CONTEXT)
    expect(row.objects).toEqual([])
    expect(row.unscored).toEqual({ objectsByShape: {}, spaceObjects: 3, spaceClassifications: 0 })
    expect(row.classifications.map((c) => [c.classificationHash, c.global])).toEqual([
      ['weathGrp', true]
    ])
  })

  it('counts the classifications on spaces once each, whether in space labels or answers', () => {
    const json = fixture('group') as {
      spaces: Record<string, { labels: Record<string, { classifications: unknown[] }> }>
      classification_answers: Record<string, unknown>
    }
    const onFrame = { classificationHash: 'spCls001', featureHash: 'sceneCls' }
    json.spaces['space-right']?.labels['0']?.classifications.push(onFrame)
    json.spaces['space-right']?.labels['1']?.classifications.push(onFrame)
    const spaces = { 'space-right': { type: 'frame', range: [[0, 1]] } }
    json.classification_answers.spCls001 = {
      classificationHash: 'spCls001',
      spaces,
      classifications: []
    }
    json.classification_answers.spCls002 = {
      classificationHash: 'spCls002',
      featureHash: 'weatherC',
      createdBy: 'ann@example.com',
      spaces: { 'space-audio': { type: 'frame', range: [] } },
      classifications: []
    }
    const row = toLabelRow(json, metadata({ dataType: 'group' }), ontology, CONTEXT)
    expect(row.unscored.spaceClassifications).toBe(2)
    expect(row.classifications.map((c) => c.classificationHash)).toEqual(['weathGrp'])
  })

  it('counts nothing for spaces laid out in a way it does not know, rather than failing', () => {
    const json = fixture('group')
    json.spaces = { odd: { labels: ['not', 'frames'] } }
    const row = toLabelRow(json, metadata({ dataType: 'group' }), ontology, CONTEXT)
    expect(row.unscored.spaceObjects).toBe(2)
  })

  it('expands the frame range of a range-based video classification', () => {
    const json = fixture('video') as { classification_answers: Record<string, unknown> }
    json.classification_answers.rng00001 = {
      classificationHash: 'rng00001',
      featureHash: 'sceneCls',
      spaces: {},
      createdBy: null,
      range: [
        [1, 2],
        [6, 6]
      ],
      classifications: [{ featureHash: 'sceneAtt', answers: [] }]
    }
    const row = toLabelRow(json, metadata({ dataType: 'video' }), ontology, CONTEXT)
    expect(row.classifications[0]).toEqual({
      classificationHash: 'rng00001',
      featureHash: 'sceneCls',
      name: 'Scene tags',
      global: false,
      frames: [1, 2, 6],
      answers: [{ attributeHash: 'sceneAtt', answer: { type: 'checklist', options: [] } }],
      createdBy: null
    })
  })
})

describe('emptyLabelRow', () => {
  it('describes a never-labelled row from its listing alone', () => {
    const meta = metadata({ dataType: 'video', labelHash: null, numberOfFrames: 120 })
    expect(emptyLabelRow(meta)).toEqual({
      labelHash: null,
      dataHash: 'listed-data-hash',
      dataTitle: 'listed title',
      dataType: 'video',
      numberOfFrames: 120,
      frameSizes: new Map(),
      objects: [],
      classifications: [],
      unscored: { objectsByShape: {}, spaceObjects: 0, spaceClassifications: 0 }
    })
  })
})

describe('toLabelRow: classifications described by their answer entry', () => {
  function withAnswerEntry(featureHash: string, frames: number[]) {
    const json = fixture('video') as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    json.classification_answers.entry001 = {
      classificationHash: 'entry001',
      featureHash,
      spaces: {},
      createdBy: 'ann@example.com',
      range: [],
      classifications: []
    }
    for (const frame of frames) {
      json.data_units['du-video-1'].labels[String(frame)].classifications.push({
        classificationHash: 'entry001',
        featureHash,
        createdBy: 'bob@example.com'
      })
    }
    const row = toLabelRow(json, metadata({ dataType: 'video' }), ontology, CONTEXT)
    return row.classifications.find((c) => c.classificationHash === 'entry001')
  }

  it('is global when its range is empty and no frame names it', () => {
    expect(withAnswerEntry('captCls1', [])).toMatchObject({ global: true, frames: [] })
  })

  it('is placed on the frames that name it unless the ontology makes it global', () => {
    expect(withAnswerEntry('captCls1', [3, 0])).toMatchObject({
      global: false,
      frames: [0, 3],
      createdBy: 'ann@example.com'
    })
    expect(withAnswerEntry('weatherC', [3, 0])).toMatchObject({ global: true, frames: [] })
  })
})
