import { describe, expect, it } from '@jest/globals'
import { evaluateProjectWith } from '../../src/evaluate/engine.js'
import type { DataType, Geometry } from '../../src/labels/model.js'
import { at, box, img, obj, project, rectPolygon, row, tableGeometry } from './builders.js'

const OPTIONS = { method: 'one-to-one', iouThreshold: 0.5 } as const

// One geometry per shape on each side. How similar two shapes are is the geometry layer's
// business (and its tests'); here each pair is given a similarity and we check what the engine
// does with it.
const g = {
  box: [box(0, 0, 0.1, 0.1), box(0, 0, 0.1, 0.1)],
  rotated: [
    { type: 'rotatedBox', x: 0.2, y: 0.2, w: 0.1, h: 0.1, theta: 30 },
    { type: 'rotatedBox', x: 0.2, y: 0.2, w: 0.1, h: 0.1, theta: 35 }
  ],
  polygon: [rectPolygon(0.4, 0.4, 0.1, 0.1), rectPolygon(0.41, 0.4, 0.1, 0.1)],
  polyline: [
    {
      type: 'polyline',
      points: [
        { x: 0, y: 0.9 },
        { x: 1, y: 0.9 }
      ]
    },
    {
      type: 'polyline',
      points: [
        { x: 0, y: 0.91 },
        { x: 1, y: 0.91 }
      ]
    }
  ],
  point: [
    { type: 'point', x: 0.6, y: 0.6 },
    { type: 'point', x: 0.61, y: 0.6 }
  ],
  bitmask: [
    { type: 'bitmask', top: 0, left: 0, width: 4, height: 3, rle: '22104' },
    { type: 'bitmask', top: 0, left: 0, width: 4, height: 3, rle: '22104' }
  ],
  skeleton: [
    {
      type: 'skeleton',
      nodes: [{ name: 'nose', featureHash: 'n', x: 0.7, y: 0.7, visibility: 'visible' }]
    },
    {
      type: 'skeleton',
      nodes: [{ name: 'nose', featureHash: 'n', x: 0.8, y: 0.8, visibility: 'visible' }]
    }
  ]
} satisfies Record<string, [Geometry, Geometry]>

const SHAPES: [keyof typeof g, string, number][] = [
  ['box', 'carF', 0.8],
  ['rotated', 'signF', 0.6],
  ['polygon', 'personF', 0.4],
  ['polyline', 'laneF', 0.7],
  ['point', 'eyeF', 0.9],
  ['bitmask', 'roadF', 0.55],
  ['skeleton', 'poseF', 0.3]
]

describe('every scored shape', () => {
  const geometry = tableGeometry(SHAPES.map(([shape, , s]) => [g[shape][0], g[shape][1], s]))
  const benchmark = [row('d1', { objects: SHAPES.map(([s, f]) => img(`b-${s}`, f, g[s][0])) })]
  const training = [row('d1', { objects: SHAPES.map(([s, f]) => img(`t-${s}`, f, g[s][1])) })]
  const result = evaluateProjectWith(
    project('b', benchmark),
    project('t', training),
    OPTIONS,
    geometry
  )

  it('matches each shape at or above the threshold and splits the rest into missed and extra', () => {
    const byClass = Object.fromEntries(
      result.perClass.map((c) => [c.className, [c.truePositives, c.missed, c.extra, c.iouSum]])
    )
    expect(byClass).toEqual({
      Car: [1, 0, 0, 0.8],
      Sign: [1, 0, 0, 0.6],
      Person: [0, 1, 1, 0],
      Lane: [1, 0, 0, 0.7],
      Eye: [1, 0, 0, 0.9],
      Road: [1, 0, 0, 0.55],
      Pose: [0, 1, 1, 0]
    })
    expect(result.overall).toMatchObject({ truePositives: 5, wrongClass: 0, missed: 2, extra: 2 })
    expect(result.overall.meanIou).toBeCloseTo((0.8 + 0.6 + 0.7 + 0.9 + 0.55) / 5, 12)
  })

  it('reports the ontology shape of each result', () => {
    const shapes = new Set(result.objects.map((r) => r.shape))
    expect(shapes).toEqual(
      new Set([
        'bounding_box',
        'rotatable_bounding_box',
        'polygon',
        'polyline',
        'point',
        'bitmask',
        'skeleton'
      ])
    )
  })
})

describe('frame-keyed data types', () => {
  const frameKeyed: DataType[] = ['video', 'dicom', 'nifti', 'pdf', 'scene']

  it.each(frameKeyed)('%s: scores each frame (page, slice) on its own', (dataType) => {
    // Frames 0 and 5 agree, frame 9 has the benchmark object only.
    const gold = box(0.1, 0.1, 0.2, 0.2)
    const benchmark = [
      row('m1', {
        dataType,
        frames: 10,
        objects: [obj('B', 'carF', [at(0, gold), at(5, gold), at(9, gold)])]
      })
    ]
    const training = [
      row('m1', { dataType, frames: 10, objects: [obj('T', 'carF', [at(0, gold), at(5, gold)])] })
    ]
    const geometry = tableGeometry([[gold, gold, 1]])
    const result = evaluateProjectWith(
      project('b', benchmark),
      project('t', training),
      OPTIONS,
      geometry
    )
    expect(result.objects.map((r) => [r.frame, r.status])).toEqual([
      [0, 'matched'],
      [5, 'matched'],
      [9, 'missed']
    ])
  })

  it("passes a video's single recorded size to every frame", () => {
    const sizes: (number | undefined)[] = []
    const gold = box(0.1, 0.1, 0.2, 0.2)
    const make = (hash: string): ReturnType<typeof row> =>
      row('v1', {
        dataType: 'video',
        frames: 3,
        sizes: [[0, { width: 1920, height: 1080 }]],
        objects: [obj(hash, 'carF', [at(0, gold), at(2, gold)])]
      })
    evaluateProjectWith(project('b', [make('B')]), project('t', [make('T')]), OPTIONS, {
      ...tableGeometry([[gold, gold, 1]]),
      similarity: (_a, _b, size) => {
        sizes.push(size?.width)
        return 1
      }
    })
    expect(sizes).toEqual([1920, 1920])
  })
})
