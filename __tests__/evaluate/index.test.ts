import { describe, expect, it } from '@jest/globals'
import { DEFAULT_IOU_THRESHOLD, evaluateProject } from '../../src/evaluate/index.js'
import { box, img, project, rectPolygon, row } from './builders.js'

describe('evaluateProject with the real geometry layer', () => {
  it('scores boxes and rectangle polygons by area IoU, worked out by hand', () => {
    // Car: (0.1,0.1,0.2,0.2) vs (0.1,0.1,0.2,0.15): 0.03 / 0.04 = 0.75.
    // Person: rectangle (0.5,0.5,0.2,0.2) vs (0.5,0.55,0.2,0.2): 0.03 / 0.05 = 0.6.
    const benchmark = [
      row('d1', {
        sizes: [[0, { width: 640, height: 480 }]],
        objects: [
          img('B1', 'carF', box(0.1, 0.1, 0.2, 0.2)),
          img('B2', 'personF', rectPolygon(0.5, 0.5, 0.2, 0.2))
        ]
      })
    ]
    const training = [
      row('d1', {
        sizes: [[0, { width: 640, height: 480 }]],
        objects: [
          img('T1', 'carF', box(0.1, 0.1, 0.2, 0.15)),
          img('T2', 'personF', rectPolygon(0.5, 0.55, 0.2, 0.2))
        ]
      })
    ]
    const result = evaluateProject(project('b', benchmark), project('t', training), {
      method: 'one-to-one',
      iouThreshold: DEFAULT_IOU_THRESHOLD
    })
    expect(result.objects.map((r) => r.status)).toEqual(['matched', 'matched'])
    expect(result.objects[0]?.iou).toBeCloseTo(0.75, 9)
    expect(result.objects[1]?.iou).toBeCloseTo(0.6, 9)
    expect(result.overall.f1).toBe(1)
  })
})
