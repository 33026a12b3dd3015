/**
 * The hand-written label-row check (`src/labels/row-check.ts`) against the zod schema it stands in
 * for. The check may only accept a row the schema accepts, and a row it accepts must convert to
 * the same `LabelRow` as the schema's output does; a row it leaves (null) goes to the schema. So
 * a whole conversion, check first, must give exactly what the schema alone gives: the same row,
 * or the same error. Random rows are the fixtures with one random change each (a value replaced,
 * a key dropped or added), from fast-check with a fixed seed.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { toLabelRow } from '../../src/labels/convert.js'
import type { DataType, LabelRow } from '../../src/labels/model.js'
import { checkLabelRow } from '../../src/labels/row-check.js'
import { labelRowSchema } from '../../src/labels/schema.js'
import { CONTEXT, fixture, metadata, ontology } from './fixtures.js'
import { syntheticProject } from './synthetic.js'

const schemaOnly = (): null => null

type Outcome = { row: LabelRow } | { error: string }

function convert(json: unknown, dataType: DataType, check?: typeof schemaOnly): Outcome {
  try {
    return { row: toLabelRow(json, metadata({ dataType }), ontology, CONTEXT, check) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

const CHECKED = [
  ['image', 'image'],
  ['image-group', 'img_group'],
  ['video', 'video'],
  ['dicom', 'dicom']
] as const

describe('checkLabelRow on well-formed rows', () => {
  it.each(CHECKED)('accepts the %s fixture, which converts as through the schema', (name, type) => {
    const json = fixture(name)
    expect(labelRowSchema.safeParse(json).success).toBe(true)
    expect(checkLabelRow(json)).toBe(json)
    const viaCheck = convert(json, type)
    expect('row' in viaCheck).toBe(true)
    expect(viaCheck).toEqual(convert(fixture(name), type, schemaOnly))
  })

  it('accepts every row of a synthetic project of boxes, polygons and points', () => {
    for (const { json } of syntheticProject(20)) expect(checkLabelRow(json)).toBe(json)
  })

  it.each(['audio', 'group'])('leaves %s rows to the schema', (name) => {
    expect(checkLabelRow(fixture(name))).toBeNull()
  })

  it('leaves rows with spaces to the schema (it reads malformed spaces as none)', () => {
    expect(checkLabelRow({ ...fixture('image'), spaces: { s: 'not an object' } })).toBeNull()
    expect(checkLabelRow({ ...fixture('image'), spaces: { s: {} } })).toBeNull()
  })
})

describe('checkLabelRow on rows with a mistake', () => {
  it.each([
    ['a coordinate as text', ['boundingBox', 'x'], '0.1'],
    ['a coordinate null', ['boundingBox', 'x'], null],
    ['a box without its height', ['boundingBox', 'h'], undefined],
    ['an infinite coordinate', ['boundingBox', 'y'], Infinity],
    ['a shape that is not text', ['shape'], 3]
  ])('leaves %s to the schema, which rejects it', (_, path, value) => {
    const json = fixture('image')
    const object = firstFrameObject(json)
    setAt(object, path, value)
    expect(checkLabelRow(json)).toBeNull()
    expect(labelRowSchema.safeParse(json).success).toBe(false)
  })
})

/** Every path into a JSON value: objects' keys and arrays' indices, the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])])
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key])
    ])
  return []
}

function parentOf(root: unknown, path: (string | number)[]): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  return node
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  const parent = parentOf(root, path)
  const key = path[path.length - 1] as string | number
  if (value === undefined && !Array.isArray(parent)) delete parent[key]
  else parent[key] = value
}

function firstFrameObject(row: Record<string, unknown>): Record<string, unknown> {
  const units = Object.values(row.data_units as Record<string, { labels: { objects: unknown[] } }>)
  return (units[0] as { labels: { objects: unknown[] } }).labels.objects[0] as Record<
    string,
    unknown
  >
}

/** Values a change may put anywhere: right and wrong types, edge numbers, odd keys. */
const anyValue = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  -1,
  1.5,
  2 ** 40,
  Number.NaN,
  Infinity,
  '',
  '12',
  'x',
  'visible',
  true,
  [],
  {},
  [0, 1],
  [[0, 1]],
  { x: 1, y: 2 },
  { featureHash: 'f' },
  JSON.parse('{"__proto__": {"x": 1, "y": 2}}') as unknown
)

const anyKey = fc.constantFrom('extra', '__proto__', '0', '12', 'x', 'spaces', 'range')

describe('checkLabelRow against the schema, on changed rows', () => {
  it.each(CHECKED)(
    '%s: the check accepts only what the schema accepts, and conversion gives the same',
    (name, type) => {
      const paths = pathsOf(fixture(name))
      const change = fc.oneof(
        fc.record({
          kind: fc.constant('set' as const),
          path: fc.constantFrom(...paths),
          value: anyValue
        }),
        fc.record({
          kind: fc.constant('add' as const),
          path: fc.constantFrom([] as (string | number)[], ...paths),
          key: anyKey,
          value: anyValue
        })
      )
      let accepted = 0
      let rejected = 0
      fc.assert(
        fc.property(change, (c) => {
          const json = fixture(name)
          if (c.kind === 'set') setAt(json, c.path, c.value)
          else {
            const target = c.path.length === 0 ? json : parentOf(json, [...c.path, 'leaf'])
            if (typeof target !== 'object' || target === null || Array.isArray(target)) return
            Object.defineProperty(target, c.key, {
              value: c.value,
              enumerable: true,
              configurable: true,
              writable: true
            })
          }
          const checked = checkLabelRow(json)
          const schema = labelRowSchema.safeParse(json)
          if (checked !== null) {
            accepted += 1
            expect(schema.success).toBe(true)
          } else if (!schema.success) rejected += 1
          expect(convert(json, type)).toEqual(convert(json, type, schemaOnly))
        }),
        { seed: 18, numRuns: 400 }
      )
      // Both branches are exercised: the check is neither "accept all" nor "leave all".
      expect(accepted).toBeGreaterThan(20)
      expect(rejected).toBeGreaterThan(20)
    }
  )

  it('accepts no arbitrary value the schema rejects', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (checkLabelRow(value) !== null)
          expect(labelRowSchema.safeParse(value).success).toBe(true)
      }),
      { seed: 18, numRuns: 300 }
    )
  })
})
