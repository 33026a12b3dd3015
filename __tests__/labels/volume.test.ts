import { describe, expect, it } from '@jest/globals'
import { toLabelRow } from '../../src/labels/convert.js'
import { CONTEXT, ontology } from './fixtures.js'
import { syntheticProject } from './synthetic.js'

describe('converting a whole synthetic project', () => {
  it('reads 1,000 rows (20% videos of 8 frames) into 10,000 objects and 24,000 annotations', () => {
    const rows = syntheticProject(1000).map(({ json, meta }) =>
      toLabelRow(json, meta, ontology, CONTEXT)
    )
    const objects = rows.flatMap((row) => row.objects)
    // 800 images × 10 objects × 1 frame + 200 videos × 10 tracks × 8 frames.
    expect(objects).toHaveLength(10_000)
    expect(objects.reduce((sum, object) => sum + object.annotations.length, 0)).toBe(24_000)
    expect(rows[4]?.objects[0]?.annotations.map((a) => a.frame)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(rows[4]?.frameSizes.size).toBe(8)
    expect(objects.filter((object) => object.staticAnswers.length === 2)).toHaveLength(4000)
  })
})
