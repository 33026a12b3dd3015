import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { boundsOf, boundsOverlap, similarity } from '../../../src/evaluate/geometry/index.js'
import type { Geometry } from '../../../src/labels/model.js'
import { frameSize, geometryPair, solidGeometry } from './arbitraries.js'

const RUNS = { numRuns: 300 }

describe('similarity properties, over every shape family', () => {
  it('lies in [0, 1] and is symmetric to the last bit', () => {
    fc.assert(
      fc.property(geometryPair, frameSize, ([a, b], size) => {
        const forward = similarity(a, b, size)
        expect(forward).toBeGreaterThanOrEqual(0)
        expect(forward).toBeLessThanOrEqual(1)
        expect(similarity(b, a, size)).toBe(forward)
      }),
      RUNS
    )
  })

  it('scores identical non-degenerate shapes 1 (within 1e-9)', () => {
    fc.assert(
      fc.property(solidGeometry, frameSize, (a, size) => {
        expect(Math.abs(similarity(a, structuredClone(a), size) - 1)).toBeLessThanOrEqual(1e-9)
      }),
      RUNS
    )
  })

  it('scores shapes with disjoint bounds 0', () => {
    let disjointPairs = 0
    fc.assert(
      fc.property(geometryPair, frameSize, ([a, b], size) => {
        if (boundsOverlap(boundsOf(a, size), boundsOf(b, size))) return
        disjointPairs++
        expect(similarity(a, b, size)).toBe(0)
      }),
      RUNS
    )
    // The generators must actually produce such pairs for this to mean anything.
    expect(disjointPairs).toBeGreaterThan(20)
  })

  it('never scores more than 0 when bounds are disjoint, even for shapes just out of reach', () => {
    // Move a copy just beyond the shape's own bounds width, where the reach matters most.
    fc.assert(
      fc.property(
        solidGeometry,
        frameSize,
        fc.double({ min: 1.0001, max: 1.2, noNaN: true }),
        (a, size, factor) => {
          const bounds = boundsOf(a, size)
          const scaleX = size === undefined ? 1 : size.width
          const shift = ((bounds.maxX - bounds.minX) * factor) / scaleX
          const moved = translate(a, shift)
          if (boundsOverlap(bounds, boundsOf(moved, size))) return
          expect(similarity(a, moved, size)).toBe(0)
        }
      ),
      RUNS
    )
  })
})

/** A copy moved right by dx (normalised); bitmasks move by whole pixels. */
function translate(g: Geometry, dx: number): Geometry {
  const copy = structuredClone(g)
  switch (copy.type) {
    case 'box':
    case 'rotatedBox':
    case 'point':
      copy.x += dx
      break
    case 'polygon':
      copy.polygons = copy.polygons.map((rings) =>
        rings.map((ring) => ring.map((v, k) => (k % 2 === 0 ? v + dx : v)))
      )
      break
    case 'polyline':
      copy.points = copy.points.map((p) => ({ ...p, x: p.x + dx }))
      break
    case 'skeleton':
      copy.nodes = copy.nodes.map((node) => ({ ...node, x: node.x + dx }))
      break
    case 'bitmask':
      copy.left += Math.round(dx * copy.width)
      break
  }
  return copy
}
