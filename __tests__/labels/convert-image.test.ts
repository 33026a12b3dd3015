import { describe, expect, it } from '@jest/globals'
import { toLabelRow } from '../../src/labels/convert.js'
import { CONTEXT, fixture, metadata, ontology } from './fixtures.js'

describe('toLabelRow: an image with every shape', () => {
  const row = toLabelRow(fixture('image'), metadata({ dataType: 'image' }), ontology, CONTEXT)
  const byHash = new Map(row.objects.map((object) => [object.objectHash, object]))

  it("takes the row's identity from the label JSON and the frame count from the listing", () => {
    expect(row).toMatchObject({
      labelHash: 'lbl-image-0001',
      dataHash: 'data-image-0001',
      dataTitle: 'street.jpg',
      dataType: 'image',
      numberOfFrames: 1
    })
    expect(row.frameSizes).toEqual(new Map([[0, { width: 1280, height: 720 }]]))
  })

  it('keeps the scored objects in the order of the JSON and counts the cuboid as unscored', () => {
    expect(
      row.objects.map((object) => [object.objectHash, object.className, object.shape])
    ).toEqual([
      ['carObj01', 'Car', 'bounding_box'],
      ['pedObj01', 'Pedestrian', 'rotatable_bounding_box'],
      ['roadObj1', 'Road', 'polygon'],
      ['roadObj2', 'Road', 'polygon'],
      ['laneObj1', 'Lane', 'polyline'],
      ['signObj1', 'Sign', 'point'],
      ['skyObj01', 'Sky', 'bitmask'],
      ['persObj1', 'Person', 'skeleton']
    ])
    expect(row.unscored.objectsByShape).toEqual({ cuboid: 1 })
  })

  it('reads a bounding box on frame 0 (the data_sequence) with its creator', () => {
    expect(byHash.get('carObj01')?.annotations).toEqual([
      {
        frame: 0,
        geometry: { type: 'box', x: 0.1, y: 0.2, w: 0.3, h: 0.4 },
        createdBy: 'ann@example.com'
      }
    ])
    expect(byHash.get('carObj01')?.featureHash).toBe('carFeat1')
  })

  it('keeps theta of a rotatable box as given', () => {
    expect(byHash.get('pedObj01')?.annotations[0]?.geometry).toEqual({
      type: 'rotatedBox',
      x: 0.5,
      y: 0.5,
      w: 0.1,
      h: 0.2,
      theta: 30
    })
  })

  it('sorts legacy polygon points by their numeric key (0, 1, 2, 10) into one ring', () => {
    expect(byHash.get('roadObj1')?.annotations[0]).toEqual({
      frame: 0,
      geometry: { type: 'polygon', polygons: [[[0.1, 0.1, 0.9, 0.1, 0.9, 0.9, 0.1, 0.9]]] },
      createdBy: null
    })
  })

  it('prefers non-empty `polygons` (with holes and several parts) over the legacy points', () => {
    expect(byHash.get('roadObj2')?.annotations[0]?.geometry).toEqual({
      type: 'polygon',
      polygons: [
        [
          [0, 0, 0.5, 0, 0.5, 0.5, 0, 0.5],
          [0.1, 0.1, 0.2, 0.1, 0.2, 0.2]
        ],
        [[0.6, 0.6, 0.9, 0.6, 0.9, 0.9]]
      ]
    })
  })

  it('reads a polyline, a point and a bitmask (the RLE string kept for decoding later)', () => {
    expect(byHash.get('laneObj1')?.annotations[0]?.geometry).toEqual({
      type: 'polyline',
      points: [
        { x: 0, y: 0 },
        { x: 0.5, y: 0.5 },
        { x: 1, y: 0.25 }
      ]
    })
    expect(byHash.get('signObj1')?.annotations[0]?.geometry).toEqual({
      type: 'point',
      x: 0.25,
      y: 0.75
    })
    expect(byHash.get('skyObj01')?.annotations[0]?.geometry).toEqual({
      type: 'bitmask',
      top: 0,
      left: 0,
      width: 4,
      height: 3,
      rle: '22104'
    })
  })

  it('reads skeleton nodes in key order with visibility from the field or the legacy flags', () => {
    expect(byHash.get('persObj1')?.annotations[0]?.geometry).toEqual({
      type: 'skeleton',
      nodes: [
        { name: 'head', featureHash: 'headNode', x: 0.5, y: 0.1, visibility: 'visible' },
        { name: 'left hand', featureHash: 'lhandNod', x: 0.2, y: 0.5, visibility: 'occluded' },
        { name: 'right hand', featureHash: null, x: 0.8, y: 0.5, visibility: 'visible' },
        // A legacy flag wins over `visibility`, in the SDK's order.
        { name: 'feet', featureHash: null, x: 0.5, y: 0.9, visibility: 'invisible' }
      ]
    })
  })

  it('reads static attributes, nested ones flattened and checklist dicts merged', () => {
    expect(byHash.get('carObj01')?.staticAnswers).toEqual([
      { attributeHash: 'colAttr1', answer: { type: 'radio', option: 'redOpt01' } },
      { attributeHash: 'shadeAt1', answer: { type: 'radio', option: 'darkOpt1' } },
      {
        attributeHash: 'tagsAttr',
        answer: { type: 'checklist', options: ['damgOpt1', 'parkOpt1'] }
      },
      { attributeHash: 'plateAtt', answer: { type: 'text', text: 'AB-123' } }
    ])
    expect(byHash.get('carObj01')?.dynamicAnswers).toEqual([])
    expect(byHash.get('pedObj01')?.staticAnswers).toEqual([])
  })

  it('reads the global classification first, then frame ones; drops one without answers', () => {
    expect(row.classifications).toEqual([
      {
        classificationHash: 'weathr01',
        featureHash: 'weatherC',
        name: 'Weather',
        global: true,
        frames: [],
        answers: [
          { attributeHash: 'weathAtt', answer: { type: 'radio', option: 'sunnyOpt' } },
          { attributeHash: 'brightAt', answer: { type: 'numeric', value: 0.8 } }
        ],
        createdBy: 'expert@example.com'
      },
      {
        classificationHash: 'sceneC01',
        featureHash: 'sceneCls',
        name: 'Scene tags',
        global: false,
        frames: [0],
        answers: [
          {
            attributeHash: 'sceneAtt',
            answer: { type: 'checklist', options: ['urbanOpt', 'nightOpt'] }
          }
        ],
        createdBy: 'ann@example.com'
      }
    ])
  })

  it('falls back to the listing size when the data unit has none', () => {
    const json = fixture('image') as { data_units: Record<string, Record<string, unknown>> }
    const unit = json.data_units['du-image-1'] ?? {}
    delete unit.width
    unit.height = 0
    const withListed = toLabelRow(
      json,
      metadata({ dataType: 'image', width: 800, height: 600 }),
      ontology,
      CONTEXT
    )
    expect(withListed.frameSizes).toEqual(new Map([[0, { width: 800, height: 600 }]]))
    const unknown = toLabelRow(json, metadata({ dataType: 'image' }), ontology, CONTEXT)
    expect(unknown.frameSizes.size).toBe(0)
  })

  it("uses the listing's label hash when the JSON has none", () => {
    const json = fixture('image')
    json.label_hash = null
    expect(toLabelRow(json, metadata({ dataType: 'image' }), ontology, CONTEXT).labelHash).toBe(
      'listed-label-hash'
    )
  })
})
