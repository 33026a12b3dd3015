/**
 * Builders for hand-made label models, and a box-only similarity whose values are easy to work
 * out by hand. Tests build the model directly: converting Encord JSON is another layer's job.
 */
import type {
  Annotation,
  Answer,
  AttributeAnswer,
  ClassificationInstance,
  DataType,
  DynamicAttributeAnswer,
  FrameSize,
  Geometry,
  LabelRow,
  ObjectInstance,
  Ontology,
  ProjectLabels,
  UnscoredLabels
} from '../../src/labels/model.js'
import type { GeometryFunctions } from '../../src/evaluate/geometry-port.js'

/** Ontology used by most tests. Hashes are readable on purpose. */
export const ONTOLOGY: Ontology = {
  ontologyHash: 'onto-1',
  objects: [
    {
      featureHash: 'carF',
      name: 'Car',
      shape: 'bounding_box',
      attributes: [
        {
          featureHash: 'colourA',
          name: 'Colour',
          type: 'radio',
          dynamic: false,
          options: [
            { featureHash: 'redO', label: 'Red', value: 'red', attributes: [] },
            { featureHash: 'blueO', label: 'Blue', value: 'blue', attributes: [] }
          ]
        },
        {
          featureHash: 'movingA',
          name: 'Moving',
          type: 'radio',
          dynamic: true,
          options: [
            { featureHash: 'yesO', label: 'Yes', value: 'yes', attributes: [] },
            { featureHash: 'noO', label: 'No', value: 'no', attributes: [] }
          ]
        },
        {
          featureHash: 'damageA',
          name: 'Damage',
          type: 'checklist',
          dynamic: false,
          options: [
            { featureHash: 'dentO', label: 'Dent', value: 'dent', attributes: [] },
            { featureHash: 'scratchO', label: 'Scratch', value: 'scratch', attributes: [] }
          ]
        },
        { featureHash: 'plateA', name: 'Plate', type: 'text', dynamic: false, options: [] },
        { featureHash: 'seatsA', name: 'Seats', type: 'numeric', dynamic: false, options: [] }
      ]
    },
    { featureHash: 'truckF', name: 'Truck', shape: 'bounding_box', attributes: [] },
    { featureHash: 'personF', name: 'Person', shape: 'polygon', attributes: [] },
    { featureHash: 'laneF', name: 'Lane', shape: 'polyline', attributes: [] },
    { featureHash: 'signF', name: 'Sign', shape: 'rotatable_bounding_box', attributes: [] },
    { featureHash: 'eyeF', name: 'Eye', shape: 'point', attributes: [] },
    { featureHash: 'roadF', name: 'Road', shape: 'bitmask', attributes: [] },
    { featureHash: 'poseF', name: 'Pose', shape: 'skeleton', attributes: [] }
  ],
  classifications: [
    {
      featureHash: 'weatherC',
      name: 'Weather',
      attribute: {
        featureHash: 'weatherA',
        name: 'Weather',
        type: 'radio',
        dynamic: false,
        options: [
          { featureHash: 'sunnyO', label: 'Sunny', value: 'sunny', attributes: [] },
          {
            featureHash: 'rainO',
            label: 'Rain',
            value: 'rain',
            attributes: [
              {
                featureHash: 'intensityA',
                name: 'Intensity',
                type: 'radio',
                dynamic: false,
                options: [
                  { featureHash: 'lightO', label: 'Light', value: 'light', attributes: [] },
                  { featureHash: 'heavyO', label: 'Heavy', value: 'heavy', attributes: [] }
                ]
              }
            ]
          }
        ]
      }
    },
    {
      featureHash: 'tagsC',
      name: 'Tags',
      attribute: {
        featureHash: 'tagsA',
        name: 'Tags',
        type: 'checklist',
        dynamic: false,
        options: [
          { featureHash: 'aO', label: 'A', value: 'a', attributes: [] },
          { featureHash: 'bO', label: 'B', value: 'b', attributes: [] },
          { featureHash: 'cO', label: 'C', value: 'c', attributes: [] }
        ]
      }
    },
    {
      featureHash: 'captionC',
      name: 'Caption',
      attribute: {
        featureHash: 'captionA',
        name: 'Caption',
        type: 'text',
        dynamic: false,
        options: []
      }
    },
    {
      featureHash: 'countC',
      name: 'Count',
      attribute: {
        featureHash: 'countA',
        name: 'Count',
        type: 'numeric',
        dynamic: false,
        options: []
      }
    }
  ],
  skeletonTemplates: []
}

const CLASS_OF: Record<string, { name: string; shape: ObjectInstance['shape'] }> =
  Object.fromEntries(ONTOLOGY.objects.map((o) => [o.featureHash, { name: o.name, shape: o.shape }]))

export function box(x: number, y: number, w: number, h: number): Geometry {
  return { type: 'box', x, y, w, h }
}

/** An axis-aligned rectangle as a polygon, so that its IoU is worked out like a box's. */
export function rectPolygon(x: number, y: number, w: number, h: number): Geometry {
  return { type: 'polygon', polygons: [[[x, y, x + w, y, x + w, y + h, x, y + h]]] }
}

export function at(
  frame: number,
  geometry: Geometry,
  createdBy: string | null = 'ann@x.io'
): Annotation {
  return { frame, geometry, createdBy }
}

export function obj(
  objectHash: string,
  featureHash: string,
  annotations: Annotation[],
  answers: { static?: AttributeAnswer[]; dynamic?: DynamicAttributeAnswer[] } = {}
): ObjectInstance {
  const cls = CLASS_OF[featureHash] ?? { name: featureHash, shape: 'bounding_box' as const }
  return {
    objectHash,
    featureHash,
    className: cls.name,
    shape: cls.shape,
    annotations,
    staticAnswers: answers.static ?? [],
    dynamicAnswers: answers.dynamic ?? []
  }
}

/** A single-image object: one annotation on frame 0. */
export function img(
  objectHash: string,
  featureHash: string,
  geometry: Geometry,
  createdBy: string | null = 'ann@x.io'
): ObjectInstance {
  return obj(objectHash, featureHash, [at(0, geometry, createdBy)])
}

export const radio = (attributeHash: string, option: string): AttributeAnswer => ({
  attributeHash,
  answer: { type: 'radio', option }
})
export const checklist = (attributeHash: string, ...options: string[]): AttributeAnswer => ({
  attributeHash,
  answer: { type: 'checklist', options }
})
export const text = (attributeHash: string, value: string): AttributeAnswer => ({
  attributeHash,
  answer: { type: 'text', text: value }
})
export const numeric = (attributeHash: string, value: number): AttributeAnswer => ({
  attributeHash,
  answer: { type: 'numeric', value }
})
export const during = (
  answer: AttributeAnswer,
  ...ranges: [number, number][]
): DynamicAttributeAnswer => ({ ...answer, ranges })

export function classification(
  classificationHash: string,
  featureHash: string,
  where: number[] | 'global',
  answers: AttributeAnswer[],
  createdBy: string | null = 'ann@x.io'
): ClassificationInstance {
  const name = ONTOLOGY.classifications.find((c) => c.featureHash === featureHash)?.name ?? '?'
  return {
    classificationHash,
    featureHash,
    name,
    global: where === 'global',
    frames: where === 'global' ? [] : where,
    answers,
    createdBy
  }
}

export function row(
  dataHash: string,
  content: {
    objects?: ObjectInstance[]
    classifications?: ClassificationInstance[]
    dataType?: DataType
    title?: string
    labelHash?: string | null
    frames?: number
    sizes?: [number, FrameSize][]
    unscored?: Partial<UnscoredLabels>
  } = {}
): LabelRow {
  return {
    labelHash: content.labelHash === undefined ? `label-${dataHash}` : content.labelHash,
    dataHash,
    dataTitle: content.title ?? `${dataHash}.jpg`,
    dataType: content.dataType ?? 'image',
    numberOfFrames: content.frames ?? 1,
    frameSizes: new Map(content.sizes ?? []),
    objects: content.objects ?? [],
    classifications: content.classifications ?? [],
    unscored: { objectsByShape: {}, spaceObjects: 0, spaceClassifications: 0, ...content.unscored }
  }
}

export function project(
  projectHash: string,
  rows: LabelRow[],
  extra: Partial<ProjectLabels> = {}
): ProjectLabels {
  return {
    projectHash,
    title: `Project ${projectHash}`,
    ontology: ONTOLOGY,
    rows,
    stageTitle: 'Complete',
    ...extra
  }
}

/** Box IoU by the textbook formula, 0 for anything else: values tests can work out by hand. */
export function boxIou(a: Geometry, b: Geometry): number {
  const ra = rectOf(a)
  const rb = rectOf(b)
  if (!ra || !rb || ra.kind !== rb.kind) return 0
  const iw = Math.max(0, Math.min(ra.x + ra.w, rb.x + rb.w) - Math.max(ra.x, rb.x))
  const ih = Math.max(0, Math.min(ra.y + ra.h, rb.y + rb.h) - Math.max(ra.y, rb.y))
  const inter = iw * ih
  const union = ra.w * ra.h + rb.w * rb.h - inter
  return union > 0 ? inter / union : 0
}

function rectOf(g: Geometry): { kind: string; x: number; y: number; w: number; h: number } | null {
  if (g.type === 'box') return { kind: 'area', x: g.x, y: g.y, w: g.w, h: g.h }
  if (g.type === 'polygon') {
    const ring = g.polygons[0]?.[0] ?? []
    const xs = ring.filter((_, i) => i % 2 === 0)
    const ys = ring.filter((_, i) => i % 2 === 1)
    const x = Math.min(...xs)
    const y = Math.min(...ys)
    return { kind: 'area', x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
  }
  return null
}

/** Geometry functions for tests: box (and rectangle-polygon) IoU, with matching bounds. */
export const BOX_GEOMETRY: GeometryFunctions = {
  similarity: (a, b) => boxIou(a, b),
  boundsOf: (g) => {
    const r = rectOf(g)
    return r
      ? { minX: r.x, minY: r.y, maxX: r.x + r.w, maxY: r.y + r.h }
      : { minX: 0, minY: 0, maxX: 1, maxY: 1 }
  }
}

/**
 * Similarity given by a table keyed by the two objects' hashes (read through the geometry's
 * identity): for shapes whose real similarity is the geometry layer's business.
 */
export function tableGeometry(entries: [Geometry, Geometry, number][]): GeometryFunctions {
  return {
    similarity: (a, b) => {
      for (const [x, y, s] of entries) if ((x === a && y === b) || (x === b && y === a)) return s
      return 0
    },
    boundsOf: () => ({ minX: 0, minY: 0, maxX: 1, maxY: 1 })
  }
}

export type { Answer }
