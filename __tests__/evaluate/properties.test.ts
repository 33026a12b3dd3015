import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { evaluateProject } from '../../src/evaluate/index.js'
import { degeneracyOf } from '../../src/evaluate/degenerate.js'
import { similarity } from '../../src/evaluate/geometry/index.js'
import type { ProjectEvaluation } from '../../src/evaluate/types.js'
import type {
  Annotation,
  ClassificationInstance,
  Geometry,
  LabelRow,
  ObjectInstance,
  ProjectLabels
} from '../../src/labels/model.js'
import { classification, obj, project, radio, rectPolygon, row } from './builders.js'

// Random projects on the real geometry layer. Coordinates sit on a coarse grid so that ties,
// identical shapes and exact-threshold pairs are common: that is where order could leak in.
const grid = fc.integer({ min: 0, max: 8 }).map((i) => i / 10)
const extent = fc.integer({ min: 0, max: 4 }).map((i) => i / 10)

const geometryOf = (cls: string): fc.Arbitrary<Geometry> => {
  switch (cls) {
    case 'personF':
      return fc.tuple(grid, grid, extent, extent).map(([x, y, w, h]) => rectPolygon(x, y, w, h))
    case 'eyeF':
      return fc.tuple(grid, grid).map(([x, y]): Geometry => ({ type: 'point', x, y }))
    default:
      return fc
        .tuple(grid, grid, extent, extent)
        .map(([x, y, w, h]): Geometry => ({ type: 'box', x, y, w, h }))
  }
}

const objectArb = (hash: string, frames: number): fc.Arbitrary<ObjectInstance> =>
  fc.constantFrom('carF', 'truckF', 'personF', 'eyeF').chain((cls) =>
    fc
      .tuple(
        fc.subarray(
          Array.from({ length: frames }, (_, f) => f),
          { minLength: 1 }
        ),
        fc.array(geometryOf(cls), { minLength: frames, maxLength: frames }),
        fc.constantFrom('a@x.io', 'b@x.io', null),
        fc.option(fc.constantFrom('redO', 'blueO'), { nil: undefined })
      )
      .map(([onFrames, geometries, createdBy, colour]) =>
        obj(
          hash,
          cls,
          onFrames.map((f): Annotation => ({
            frame: f,
            geometry: geometries[f] as Geometry,
            createdBy
          })),
          { static: colour && cls === 'carF' ? [radio('colourA', colour)] : [] }
        )
      )
  )

const classificationsArb = (
  prefix: string,
  frames: number
): fc.Arbitrary<ClassificationInstance[]> =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: frames - 1 }), fc.constantFrom('sunnyO', 'rainO')), {
      maxLength: 3
    })
    .map((list) =>
      list.map(([frame, option], i) =>
        classification(`${prefix}${i}`, 'weatherC', [frame], [radio('weatherA', option)])
      )
    )

const rowArb = (
  side: string,
  dataHash: string,
  frames: number,
  sized: boolean
): fc.Arbitrary<LabelRow> =>
  fc.integer({ min: 0, max: 5 }).chain((count) =>
    fc
      .tuple(
        fc.tuple(...Array.from({ length: count }, (_, i) => objectArb(`${side}${i}`, frames))),
        classificationsArb(side, frames)
      )
      .map(([objects, classifications]) =>
        row(dataHash, {
          dataType: frames > 1 ? 'video' : 'image',
          frames,
          objects,
          classifications,
          // Both sides show the same data, so they know the same size (or both do not).
          sizes: sized ? [[0, { width: 640, height: 480 }]] : []
        })
      )
  )

const pairArb: fc.Arbitrary<[ProjectLabels, ProjectLabels]> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 3 })
  .chain((data) =>
    fc
      .tuple(
        fc.tuple(...data.map(([frames, sized], r) => rowArb('b', `d${r}`, frames, sized))),
        fc.tuple(...data.map(([frames, sized], r) => rowArb('t', `d${r}`, frames, sized)))
      )
      .map(([gold, given]): [ProjectLabels, ProjectLabels] => [
        project('bench', gold),
        project('train', given)
      ])
  )

/** Fisher–Yates driven by a seeded generator: deterministic for a given seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items]
  let state = seed >>> 0 || 1
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    const j = state % (i + 1)
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

function shuffleProject(labels: ProjectLabels, seed: number): ProjectLabels {
  return {
    ...labels,
    rows: labels.rows.map((r, i) => ({
      ...r,
      objects: shuffled(r.objects, seed + i).map((o, j) => ({
        ...o,
        annotations: shuffled(o.annotations, seed * 7 + j)
      })),
      classifications: shuffled(r.classifications, seed * 13 + i)
    }))
  }
}

const OPTIONS = { method: 'one-to-one', iouThreshold: 0.5 } as const

function metricsOnly(e: ProjectEvaluation): unknown {
  return { overall: e.overall, perClass: e.perClass, confusion: e.confusion }
}

describe('one-to-one properties (real geometry)', () => {
  it('no metric changes when objects, annotations and classifications are listed in another order', () => {
    fc.assert(
      fc.property(pairArb, fc.integer({ min: 1, max: 1_000_000 }), ([gold, given], seed) => {
        const before = evaluateProject(gold, given, OPTIONS)
        const after = evaluateProject(
          shuffleProject(gold, seed),
          shuffleProject(given, seed + 1),
          OPTIONS
        )
        expect(metricsOnly(after)).toEqual(metricsOnly(before))
        expect(after.objects).toEqual(before.objects)
        expect(after.classifications).toEqual(before.classifications)
      }),
      { numRuns: 200 }
    )
  })

  it('reports similarities in [0, 1], at or above the threshold, and the same either way round', () => {
    fc.assert(
      fc.property(pairArb, fc.constantFrom(0, 0.3, 0.5, 0.9), ([gold, given], iouThreshold) => {
        const result = evaluateProject(gold, given, { method: 'one-to-one', iouThreshold })
        const geometry = (
          labels: ProjectLabels,
          dataHash: string,
          objectHash: string,
          frame: number
        ): Geometry => {
          const r = labels.rows.find((x) => x.dataHash === dataHash)
          const o = r?.objects.find((x) => x.objectHash === objectHash)
          const a = o?.annotations.find((x) => x.frame === frame)
          if (!a) throw new Error('annotation not found')
          return a.geometry
        }
        for (const r of result.objects) {
          if (r.iou === null) continue
          expect(r.iou).toBeGreaterThanOrEqual(Math.max(iouThreshold, Number.MIN_VALUE))
          expect(r.iou).toBeLessThanOrEqual(1)
          const a = geometry(gold, r.dataHash, r.benchmark?.objectHash ?? '', r.frame)
          const b = geometry(given, r.dataHash, r.training?.objectHash ?? '', r.frame)
          const size = gold.rows.find((x) => x.dataHash === r.dataHash)?.frameSizes.get(0)
          expect(Object.is(similarity(b, a, size), r.iou)).toBe(true)
        }
      }),
      { numRuns: 200 }
    )
  })

  it('accounts for every annotation exactly once', () => {
    fc.assert(
      fc.property(pairArb, ([gold, given]) => {
        const o = evaluateProject(gold, given, OPTIONS).overall
        // Degenerate geometry (a zero-size box, say) is never matched and counted apart.
        const scorable = (x: ProjectLabels['rows'][number]['objects'][number]): number =>
          x.annotations.filter((a) => degeneracyOf(a.geometry) === null).length
        const count = (p: ProjectLabels): number =>
          p.rows.reduce((n, r) => n + r.objects.reduce((m, x) => m + scorable(x), 0), 0)
        expect(o.truePositives + o.wrongClass + o.missed).toBe(count(gold))
        expect(o.truePositives + o.wrongClass + o.extra).toBe(count(given))
        expect(o.benchmarkObjects).toBe(count(gold))
        expect(o.trainingObjects).toBe(count(given))
      }),
      { numRuns: 100 }
    )
  })
})
