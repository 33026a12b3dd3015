/**
 * The frame matcher skips pairs whose `similarityBound` is below the IoU threshold. That must not
 * change any result: `evaluateProject` with the bound (the default) and without it (a `geometry`
 * override with the real `similarity`, which `src/evaluate/index.ts` takes as "no bound") must
 * agree on every object's status and IoU and on every count, on a noisy project of polygons
 * (convex, concave, with holes, in several parts), rotated boxes and boxes.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluateProjectWith } from '../../src/evaluate/engine.js'
import type { GeometryFunctions } from '../../src/evaluate/geometry-port.js'
import {
  boundsOf,
  boundsOverlap,
  similarity,
  similarityBound
} from '../../src/evaluate/geometry/index.js'
import { evaluateProject } from '../../src/evaluate/index.js'
import type { EvaluationOptions, ProjectEvaluation } from '../../src/evaluate/types.js'
import type {
  Annotation,
  FrameSize,
  Geometry,
  LabelRow,
  ObjectInstance,
  ProjectLabels
} from '../../src/labels/model.js'
import { obj, project, row } from './builders.js'
import { FULL_HD, thinStripPair } from './geometry/bound-gaps.js'

/** mulberry32, as tools/generate/random.mjs: the same seed always gives the same project. */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    between: (min: number, max: number): number => min + (max - min) * next(),
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    chance: (probability: number): boolean => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    normal: (): number => {
      const u = Math.max(next(), 1e-12)
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next())
    }
  }
}

type Random = ReturnType<typeof createRandom>

/** A shape before it is written as a geometry: enough to redraw it with noise. */
type Shape =
  | { kind: 'box'; cx: number; cy: number; w: number; h: number }
  | { kind: 'rotatedBox'; cx: number; cy: number; w: number; h: number; theta: number }
  | {
      kind: 'polygon'
      parts: { cx: number; cy: number; radii: number[]; phase: number }[]
      hole: number
    }

const CLASS_OF_KIND = { box: 'carF', rotatedBox: 'signF', polygon: 'personF' } as const

function randomShape(random: Random, cx: number, cy: number): Shape {
  const size = random.between(0.02, 0.12)
  const roll = random.next()
  if (roll < 0.15) {
    return {
      kind: 'box',
      cx,
      cy,
      w: size * random.between(0.5, 2),
      h: size * random.between(0.5, 2)
    }
  }
  if (roll < 0.55) {
    const theta = random.chance(0.15) ? random.pick([0, 90, 180, 270]) : random.between(-180, 180)
    return {
      kind: 'rotatedBox',
      cx,
      cy,
      w: size * random.between(0.5, 2),
      h: size * random.between(0.5, 2),
      theta
    }
  }
  const part = (x: number, y: number, radius: number) => {
    const convex = random.chance(0.4)
    const vertices = random.int(3, 12)
    return {
      cx: x,
      cy: y,
      phase: random.between(0, 2 * Math.PI),
      radii: Array.from({ length: vertices }, () => radius * (convex ? 1 : random.between(0.35, 1)))
    }
  }
  const parts = [part(cx, cy, size)]
  // Now and then a second part beside the first (a multi-polygon), or a hole in the middle.
  if (random.chance(0.12))
    parts.push(part(cx + size * 2.5, cy + random.normal() * size, size * 0.6))
  const hole = parts.length === 1 && random.chance(0.12) ? random.between(0.15, 0.3) : 0
  return { kind: 'polygon', parts, hole }
}

function geometryOf(shape: Shape): Geometry {
  switch (shape.kind) {
    case 'box':
      return {
        type: 'box',
        x: shape.cx - shape.w / 2,
        y: shape.cy - shape.h / 2,
        w: shape.w,
        h: shape.h
      }
    case 'rotatedBox':
      return {
        type: 'rotatedBox',
        x: shape.cx - shape.w / 2,
        y: shape.cy - shape.h / 2,
        w: shape.w,
        h: shape.h,
        theta: shape.theta
      }
    case 'polygon': {
      const ring = (part: (typeof shape.parts)[number], scale: number): number[] =>
        part.radii.flatMap((r, k) => {
          const turn = part.phase + (2 * Math.PI * k) / part.radii.length
          return [part.cx + r * scale * Math.cos(turn), part.cy + r * scale * Math.sin(turn)]
        })
      return {
        type: 'polygon',
        polygons: shape.parts.map((part) =>
          shape.hole > 0 ? [ring(part, 1), ring(part, shape.hole)] : [ring(part, 1)]
        )
      }
    }
  }
}

/** The shape as an annotator might redraw it: moved, resized, turned and its vertices jittered. */
function redrawn(random: Random, shape: Shape, noise: number): Shape {
  const move = () => random.normal() * noise
  const grow = () => Math.max(0.3, 1 + random.normal() * noise * 4)
  switch (shape.kind) {
    case 'box':
      return {
        ...shape,
        cx: shape.cx + move(),
        cy: shape.cy + move(),
        w: shape.w * grow(),
        h: shape.h * grow()
      }
    case 'rotatedBox':
      return {
        ...shape,
        cx: shape.cx + move(),
        cy: shape.cy + move(),
        w: shape.w * grow(),
        h: shape.h * grow(),
        // A box drawn upright stays upright now and then: compared as boxes then.
        theta: random.chance(0.2) ? shape.theta : shape.theta + random.normal() * noise * 300
      }
    case 'polygon': {
      const dx = move()
      const dy = move()
      return {
        ...shape,
        parts: shape.parts.map((part) => ({
          ...part,
          cx: part.cx + dx,
          cy: part.cy + dy,
          radii: part.radii.map((r) => r * grow())
        }))
      }
    }
  }
}

/** Which frames each object is on: the whole clip, or a stretch of it. */
function framesOf(random: Random, frames: number): number[] {
  const first = random.int(0, frames - 1)
  const last = random.int(first, frames - 1)
  return Array.from({ length: last - first + 1 }, (_, k) => first + k)
}

/** A shape drifting across the frames of a track. */
function track(shape: Shape, frame: number): Shape {
  const step = 0.01 * frame
  if (shape.kind === 'polygon') {
    return {
      ...shape,
      parts: shape.parts.map((p) => ({ ...p, cx: p.cx + step, cy: p.cy + step / 2 }))
    }
  }
  return { ...shape, cx: shape.cx + step, cy: shape.cy + step / 2 }
}

const SIZES: (FrameSize | null)[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 640, height: 480 },
  { width: 1080, height: 1920 },
  null
]

/** A benchmark and a noisy training project over the same rows. */
function noisyProjects(seed: number): [ProjectLabels, ProjectLabels] {
  const random = createRandom(seed)
  const gold: LabelRow[] = []
  const given: LabelRow[] = []
  for (let r = 0; r < 10; r++) {
    const frames = r % 4 === 3 ? 3 : 1
    const size = random.pick(SIZES)
    const sizes: [number, FrameSize][] =
      size === null ? [] : Array.from({ length: frames }, (_, f): [number, FrameSize] => [f, size])
    const content = {
      dataType: frames > 1 ? ('video' as const) : ('image' as const),
      frames,
      sizes
    }
    // Objects crowd round a few spots, so that many pairs overlap and the bound has work.
    const spots = Array.from({ length: random.int(1, 3) }, () => [
      random.between(0.25, 0.75),
      random.between(0.25, 0.75)
    ])
    const goldObjects: ObjectInstance[] = []
    const givenObjects: ObjectInstance[] = []
    const annotations = (shape: Shape, on: number[], by: string | null): Annotation[] =>
      on.map((frame) => ({ frame, geometry: geometryOf(track(shape, frame)), createdBy: by }))
    const count = random.int(5, 12)
    for (let i = 0; i < count; i++) {
      const [sx, sy] = random.pick(spots) as number[]
      const shape = randomShape(
        random,
        (sx as number) + random.normal() * 0.06,
        (sy as number) + random.normal() * 0.06
      )
      const on = framesOf(random, frames)
      const cls = CLASS_OF_KIND[shape.kind]
      goldObjects.push(obj(`g${r}-${i}`, cls, annotations(shape, on, 'gold@x.io')))
      if (random.chance(0.08)) continue // missed
      const copies = random.chance(0.06) ? 2 : 1 // now and then drawn twice
      for (let c = 0; c < copies; c++) {
        const noise = random.pick([0.002, 0.008, 0.02, 0.04])
        // Now and then the wrong class: the same kind of shape, labelled as another.
        const givenClass = random.chance(0.1) ? random.pick(['carF', 'signF', 'personF']) : cls
        givenObjects.push(
          obj(
            `t${r}-${i}-${c}`,
            givenClass,
            annotations(redrawn(random, shape, noise), on, 'ann@x.io')
          )
        )
      }
    }
    for (let e = random.int(0, 3); e > 0; e--) {
      const [sx, sy] = random.pick(spots) as number[]
      const shape = randomShape(
        random,
        (sx as number) + random.normal() * 0.1,
        (sy as number) + random.normal() * 0.1
      )
      givenObjects.push(
        obj(
          `x${r}-${e}`,
          CLASS_OF_KIND[shape.kind],
          annotations(shape, framesOf(random, frames), 'ann@x.io')
        )
      )
    }
    gold.push(row(`d${r}`, { ...content, objects: goldObjects }))
    given.push(row(`d${r}`, { ...content, objects: givenObjects }))
  }
  return [project('bench', gold), project('train', given)]
}

const THRESHOLDS = [0.3, 0.5, 0.75]
const SEEDS = [1, 20240611, 987654321]

const options = (iouThreshold: number): EvaluationOptions => ({
  method: 'one-to-one',
  iouThreshold
})

/** What a report reads of an evaluation, for error messages that say where they differ. */
function summary(e: ProjectEvaluation) {
  return {
    objects: e.objects.map((o) => [
      o.dataHash,
      o.frame,
      o.benchmark?.objectHash ?? null,
      o.training?.objectHash ?? null,
      o.status,
      o.iou
    ]),
    perClass: e.perClass,
    overall: e.overall,
    confusion: e.confusion
  }
}

/** The real geometry, counting calls, and with the bound recording what it prunes. */
function instrumented(threshold: number) {
  const seen = {
    similarityCalls: 0,
    pruned: 0,
    prunedOverlapping: 0,
    prunedNonZero: 0,
    closestPruned: 0,
    prunedMatchable: 0
  }
  const geometry: GeometryFunctions = {
    boundsOf,
    similarity: (a, b, size) => {
      seen.similarityCalls++
      return similarity(a, b, size)
    },
    similarityBound: (a, b, size) => {
      const bound = similarityBound(a, b, size)
      if (bound < threshold) {
        seen.pruned++
        if (boundsOverlap(boundsOf(a, size), boundsOf(b, size))) seen.prunedOverlapping++
        const exact = similarity(a, b, size)
        if (exact > 0) seen.prunedNonZero++
        seen.closestPruned = Math.max(seen.closestPruned, exact)
        if (exact >= threshold) seen.prunedMatchable++
      }
      return bound
    }
  }
  return { geometry, seen }
}

describe('evaluateProject with and without the similarity bound', () => {
  it.each(SEEDS.flatMap((seed) => THRESHOLDS.map((threshold) => [seed, threshold])))(
    'agrees on every status, IoU and count (seed %d, threshold %d)',
    (seed, threshold) => {
      const [gold, given] = noisyProjects(seed)
      const withBound = evaluateProject(gold, given, options(threshold))
      const withoutBound = evaluateProject(gold, given, options(threshold), { similarity })
      expect(summary(withBound)).toEqual(summary(withoutBound))
      expect(withBound).toEqual(withoutBound)
      // A project where every outcome occurs, so that the agreement means something.
      const statuses = new Set(withBound.objects.map((o) => o.status))
      expect([...statuses].sort()).toEqual(['extra', 'matched', 'missed', 'wrong-class'])
    }
  )

  it.each(THRESHOLDS)(
    'prunes pairs that overlap and score above 0, near the threshold too (threshold %d)',
    (threshold) => {
      const [gold, given] = noisyProjects(SEEDS[1] as number)
      const { geometry, seen } = instrumented(threshold)
      const pruning = evaluateProjectWith(gold, given, options(threshold), geometry)
      const { geometry: plain, seen: plainSeen } = instrumented(threshold)
      const { similarityBound: _bound, ...noBound } = plain
      const exhaustive = evaluateProjectWith(gold, given, options(threshold), noBound)
      expect(pruning).toEqual(exhaustive)
      expect(pruning).toEqual(evaluateProject(gold, given, options(threshold)))
      // The bound is what saves the work: fewer similarities computed, and some of those skipped
      // would have scored more than 0, the closest within 0.2 of the threshold.
      expect(seen.prunedOverlapping).toBeGreaterThan(20)
      expect(seen.prunedNonZero).toBeGreaterThan(10)
      expect(seen.closestPruned).toBeGreaterThan(threshold - 0.2)
      expect(seen.similarityCalls).toBeLessThan(plainSeen.similarityCalls)
      expect(seen.similarityCalls + seen.pruned).toBe(plainSeen.similarityCalls)
      // And no pair it skipped could have matched.
      expect(seen.prunedMatchable).toBe(0)
    }
  )

  it('takes a similarity override as "no bound": pairs the real bound rules out are still scored', () => {
    // 0.9 for every pair the real similarity scores above 0: with the real bound wired in, pairs
    // it rules out would go unmatched, so the results tell whether it was.
    const flat = (a: Geometry, b: Geometry, size: FrameSize | undefined): number =>
      similarity(a, b, size) > 0 ? 0.9 : 0
    const [gold, given] = noisyProjects(SEEDS[0] as number)
    const opts = options(0.5)
    const overridden = evaluateProject(gold, given, opts, { similarity: flat })
    const noBound = evaluateProjectWith(gold, given, opts, { similarity: flat, boundsOf })
    const realBound = evaluateProjectWith(gold, given, opts, {
      similarity: flat,
      boundsOf,
      similarityBound
    })
    expect(overridden).toEqual(noBound)
    expect(summary(realBound)).not.toEqual(summary(noBound))
  })

  it('agrees on a thin strip and its half (IoU 0.4999989, computed as 0.5000016) at threshold 0.5', () => {
    // A former gap (see geometry/bound-gaps.ts): a bound of the exact IoU with a fixed relative
    // slack, 0.4999997, was below what the library computes, so with it the pair was missed +
    // extra, and without it matched. The bound now allows for the library's grid.
    const [strip, half] = thinStripPair()
    const gold = project('bench', [
      row('d0', {
        sizes: [[0, FULL_HD]],
        objects: [obj('g', 'personF', [{ frame: 0, geometry: strip, createdBy: null }])]
      })
    ])
    const given = project('train', [
      row('d0', {
        sizes: [[0, FULL_HD]],
        objects: [obj('t', 'personF', [{ frame: 0, geometry: half, createdBy: 'ann@x.io' }])]
      })
    ])
    const withoutBound = evaluateProject(gold, given, options(0.5), { similarity })
    expect(withoutBound.objects.map((o) => o.status)).toEqual(['matched'])
    expect(summary(evaluateProject(gold, given, options(0.5)))).toEqual(summary(withoutBound))
  })
})
