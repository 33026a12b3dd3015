import { describe, expect, it } from '@jest/globals'
import { boundsOf, similarity } from '../../../src/evaluate/geometry/index.js'
import { FRAME_1000, point, skeleton, type NodeSpec } from './shapes.js'

// Benchmark: three visible nodes spanning 100×100 px (area 10 000, so s = 0.1 · 100 = 10 px) and a
// fourth node, `tail`, that varies per test.
const visible: NodeSpec[] = [
  { name: 'head', x: 100, y: 100, featureHash: 'h-head' },
  { name: 'hand', x: 200, y: 100, featureHash: 'h-hand' },
  { name: 'foot', x: 100, y: 200, featureHash: 'h-foot' }
]
// Training: head 10 px off (exp(−100/200) = e^−0.5), hand exact (1), foot 20 px off
// (exp(−400/200) = e^−2). Its own box is 100×80, smaller, so the benchmark's area is used.
const placed: NodeSpec[] = [
  { name: 'head', x: 100, y: 110, featureHash: 'h-head' },
  { name: 'hand', x: 200, y: 100, featureHash: 'h-hand' },
  { name: 'foot', x: 100, y: 180, featureHash: 'h-foot' }
]
const threeScores = 1 + Math.exp(-0.5) + Math.exp(-2)

describe('skeleton OKS', () => {
  it('a node hidden on both sides is not counted: mean of 3', () => {
    const benchmark = skeleton(
      [
        ...visible,
        { name: 'tail', x: 900, y: 900, visibility: 'invisible', featureHash: 'h-tail' }
      ],
      FRAME_1000
    )
    const training = skeleton(
      [...placed, { name: 'tail', x: 0, y: 0, visibility: 'invisible', featureHash: 'h-tail' }],
      FRAME_1000
    )
    expect(similarity(benchmark, training, FRAME_1000)).toBeCloseTo(threeScores / 3, 12)
    expect(threeScores / 3).toBeCloseTo(0.580622, 6)
  })

  it('a node labelled on one side only scores 0: mean of 4, whichever side hid it', () => {
    const labelledTail: NodeSpec = { name: 'tail', x: 150, y: 150, featureHash: 'h-tail' }
    const hiddenTail: NodeSpec = { ...labelledTail, visibility: 'invisible' }
    const benchmark = skeleton([...visible, labelledTail], FRAME_1000)
    const training = skeleton([...placed, hiddenTail], FRAME_1000)
    expect(similarity(benchmark, training, FRAME_1000)).toBeCloseTo(threeScores / 4, 12)
    expect(similarity(training, benchmark, FRAME_1000)).toBe(
      similarity(benchmark, training, FRAME_1000)
    )
    // A node missing from the list altogether counts as hidden.
    expect(similarity(benchmark, skeleton(placed, FRAME_1000), FRAME_1000)).toBeCloseTo(
      threeScores / 4,
      12
    )
  })

  it('occluded nodes have a position and count', () => {
    const occluded = visible.map((node): NodeSpec => ({ ...node, visibility: 'occluded' }))
    const selfOccluded = placed.map((node): NodeSpec => ({ ...node, visibility: 'selfOccluded' }))
    expect(
      similarity(skeleton(occluded, FRAME_1000), skeleton(selfOccluded, FRAME_1000), FRAME_1000)
    ).toBeCloseTo(threeScores / 3, 12)
  })

  it('pairs nodes by featureHash, whatever their order and names', () => {
    const renamed = [...placed]
      .reverse()
      .map((node, k): NodeSpec => ({ ...node, name: `node ${k}` }))
    expect(
      similarity(skeleton(visible, FRAME_1000), skeleton(renamed, FRAME_1000), FRAME_1000)
    ).toBeCloseTo(threeScores / 3, 12)
  })

  it('pairs nodes by name when hashes are missing', () => {
    const noHashes = (nodes: NodeSpec[]) => nodes.map((node) => ({ ...node, featureHash: null }))
    const reversed = noHashes([...placed].reverse())
    expect(
      similarity(
        skeleton(noHashes(visible), FRAME_1000),
        skeleton(reversed, FRAME_1000),
        FRAME_1000
      )
    ).toBeCloseTo(threeScores / 3, 12)
  })

  it('pairs nodes by position when names repeat', () => {
    const anonymous = (nodes: NodeSpec[]) =>
      nodes.map((node) => ({ ...node, name: 'joint', featureHash: null }))
    expect(
      similarity(
        skeleton(anonymous(visible), FRAME_1000),
        skeleton(anonymous(placed), FRAME_1000),
        FRAME_1000
      )
    ).toBeCloseTo(threeScores / 3, 12)
  })

  it('identical skeletons score 1', () => {
    const benchmark = skeleton(visible, FRAME_1000)
    expect(similarity(benchmark, structuredClone(benchmark), FRAME_1000)).toBe(1)
  })

  it('a single node is scaled by the floor, a 50×50 px box: 5 px away is e^−0.5', () => {
    // floor = (0.05 · 1000)² = 2500 px², s = 0.1 · 50 = 5 px.
    const lone = skeleton([{ name: 'nose', x: 300, y: 300 }], FRAME_1000)
    const moved = skeleton([{ name: 'nose', x: 303, y: 304 }], FRAME_1000)
    expect(similarity(lone, moved, FRAME_1000)).toBeCloseTo(Math.exp(-0.5), 12)
  })

  it('a collinear skeleton 400 px long is scaled like a 400×100 box', () => {
    // area = 400² / 4 = 40 000, s = 0.1 · 200 = 20 px; every node 20 px off scores e^−0.5.
    const line = (dy: number) =>
      skeleton(
        [
          { name: 'a', x: 100, y: 100 + dy },
          { name: 'b', x: 300, y: 100 + dy },
          { name: 'c', x: 500, y: 100 + dy }
        ],
        FRAME_1000
      )
    expect(similarity(line(0), line(20), FRAME_1000)).toBeCloseTo(Math.exp(-0.5), 12)
  })

  it('skeletons with no labelled node score 0 and have empty bounds', () => {
    const hidden = skeleton([{ name: 'a', x: 1, y: 1, visibility: 'invisible' }], FRAME_1000)
    expect(similarity(hidden, structuredClone(hidden), FRAME_1000)).toBe(0)
    const bounds = boundsOf(hidden, FRAME_1000)
    expect(bounds.minX > bounds.maxX).toBe(true)
  })

  it('bounds are the labelled extent grown by 4 · k · sqrt(area)', () => {
    // 100×100 box: grown by 4 · 0.1 · 100 = 40 px.
    const bounds = boundsOf(skeleton(visible, FRAME_1000), FRAME_1000)
    expect(bounds.minX).toBeCloseTo(60, 6)
    expect(bounds.maxX).toBeCloseTo(240, 6)
    expect(bounds.minY).toBeCloseTo(60, 6)
    expect(bounds.maxY).toBeCloseTo(240, 6)
  })

  it('a skeleton against a point scores 0', () => {
    expect(similarity(skeleton(visible, FRAME_1000), point(100, 100, FRAME_1000), FRAME_1000)).toBe(
      0
    )
  })
})
