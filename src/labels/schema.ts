/**
 * Zod schemas for the two Encord payloads this layer reads: the label-row JSON and the ontology
 * structure (the `editor` / `editorOntology` object). `docs/label-rows.md` lists, key by key, what
 * the label-row schema requires and why; keep the two in step.
 *
 * Rules of thumb, in order:
 * - Unknown keys are ignored (`z.object` strips them without looking at them, which is also the
 *   cheapest mode: only the keys named here are read).
 * - Keys we read are required where Encord's SDK reads them with a hard lookup, optional where it
 *   defaults them. Keys we never read (timestamps, colours, `branch_name`…) are not checked: a
 *   payload is not rejected for a field that cannot change a score.
 * - A key the SDK needs only in some entries (the `featureHash` of a classification answer) is
 *   optional here; the converter asks for it where it is needed and says why.
 * - Shapes stay flat: a frame object lists every coordinate key as optional instead of being a
 *   union over shapes; the converter picks the key its ontology shape names. The only union over
 *   objects is the row itself, discriminated by `data_type` (a map lookup, not trial parsing).
 */
import * as z from 'zod'

// ---------------------------------------------------------------------------------------------
// Label row (docs/encord-api.md §7)
// ---------------------------------------------------------------------------------------------

const count = z.number().int().nonnegative()

/** Inclusive `[start, end]` frame (or millisecond, or character) ranges. */
const ranges = z.array(z.tuple([count, count]))

const xy = z.object({ x: z.number(), y: z.number() })

/**
 * Legacy point lists: an object keyed `"0"`, `"1"`, … (sorted numerically later) or an array.
 * Keyed objects use `catchall` rather than `z.record`: it reads the same and measures ~40% faster,
 * which counts at thousands of polygons per project.
 */
const keyedPoints = z.object({}).catchall(xy)
const pointList = z.union([z.array(xy), keyedPoints], {
  error: 'expected a list of {x, y} points or an object keyed "0", "1", …'
})

const skeletonNode = z.object({
  x: z.number(),
  y: z.number(),
  name: z.string(),
  featureHash: z.string().nullish(),
  visibility: z.enum(['visible', 'invisible', 'occluded', 'selfOccluded']).nullish(),
  // Legacy flags written before `visibility` existed.
  invisible: z.boolean().nullish(),
  occluded: z.boolean().nullish(),
  selfOccluded: z.boolean().nullish(),
  visible: z.boolean().nullish()
})

const bitmaskFields = {
  top: count,
  left: count,
  width: count,
  height: count,
  rleString: z.string()
}

/** One object on one frame (§7.3, §7.5). */
const frameObject = z.object({
  objectHash: z.string(),
  featureHash: z.string(),
  shape: z.string(),
  createdBy: z.string().nullish(),
  boundingBox: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).optional(),
  rotatableBoundingBox: z
    .object({ x: z.number(), y: z.number(), w: z.number(), h: z.number(), theta: z.number() })
    .optional(),
  polygon: pointList.nullish(),
  polygons: z.array(z.array(z.array(z.number()))).nullish(),
  polyline: pointList.optional(),
  point: z.object({ '0': xy }).optional(),
  bitmask: z.object(bitmaskFields).optional(),
  // Very old bitmask labels carry the mask fields on the object itself (the SDK falls back to them).
  ...partial(bitmaskFields),
  skeleton: z.object({}).catchall(skeletonNode).optional()
})

/** A classification placed on a frame (§7.4); its answers live in `classification_answers`. */
const frameClassification = z.object({
  classificationHash: z.string(),
  featureHash: z.string(),
  createdBy: z.string().nullish()
})

/** The blob of an image or of one image of an image group: both keys may be missing. */
const imageBlob = z.object({
  objects: z.array(frameObject).optional(),
  classifications: z.array(frameClassification).optional()
})

/** One frame of a frame-keyed data unit: both lists are required keys there. */
const frameBlob = z.object({
  objects: z.array(frameObject),
  classifications: z.array(frameClassification),
  // DICOM slices carry their own pixel size.
  metadata: z.object({ width: z.number().nullish(), height: z.number().nullish() }).nullish()
})

const frameKey = z.string().regex(/^\d+$/, 'frame keys must be decimal numbers')

/** `data_sequence`: an integer or a numeric string (the SDK applies `int()`). */
const frameNumberMessage = 'expected a frame number (an integer or a string of digits)'
const dataSequence = z.union([count, z.string().regex(/^\d+$/, frameNumberMessage)], {
  error: frameNumberMessage
})

const unitBase = {
  data_hash: z.string(),
  data_title: z.string(),
  width: z.number().nullish(),
  height: z.number().nullish()
}

const imageUnit = z.object({
  ...unitBase,
  data_sequence: dataSequence,
  labels: imageBlob.optional()
})
const frameKeyedUnit = z.object({ ...unitBase, labels: z.record(frameKey, frameBlob).optional() })
/** Audio, text, data groups: root `labels` are not read. */
const unlabelledUnit = z.object(unitBase)

/** One attribute answer (§7.8), static or dynamic (§7.9, then with `range`). */
const attributeAnswer = z.object({
  featureHash: z.string(),
  answers: z
    .union([z.string(), z.number(), z.array(z.object({ featureHash: z.string() }))], {
      error: 'expected a text, a number or a list of {featureHash} options'
    })
    .nullable(),
  range: ranges.nullish()
})

const spacesMap = z.record(z.string(), z.unknown()).nullish()

const objectAnswer = z.object({
  objectHash: z.string().optional(),
  classifications: z.array(attributeAnswer).optional(),
  spaces: spacesMap
})

/** Audio and text objects exist only here, with their ontology feature and ranges inline. */
const rangedObjectAnswer = objectAnswer.extend({ featureHash: z.string(), range: ranges.nullish() })

const objectAction = z.object({
  objectHash: z.string().optional(),
  actions: z.array(attributeAnswer)
})

/**
 * One entry of `classification_answers`. An entry carrying `createdBy` (even null) describes a
 * global or range-based instance by itself, so it needs its `featureHash` and its list of answers.
 * An entry without it holds only the answers of a frame classification: the frame entry names the
 * feature, and Encord leaves `featureHash` out of many such entries. Which keys an entry needs
 * thus depends on how it is used, so the converter checks them (`classifications.ts`).
 */
const classificationAnswer = z.object({
  classificationHash: z.string().optional(),
  featureHash: z.string().optional(),
  classifications: z.array(attributeAnswer).optional(),
  spaces: spacesMap,
  createdBy: z.string().nullish(),
  range: ranges.nullish()
})

/**
 * Labels on spaces (data groups, multi-file items) are not scored; they are only counted. A space
 * layout we do not recognise counts as nothing rather than failing a row we would not score.
 */
const spacesForCounting = z
  .record(
    z.string(),
    z.object({
      labels: z
        .record(
          z.string(),
          z.object({
            objects: z.array(z.object({ objectHash: z.string() })).optional(),
            classifications: z.array(z.object({ classificationHash: z.string() })).optional()
          })
        )
        .optional()
    })
  )
  .optional()
  .catch(undefined)

const rowBase = {
  label_hash: z.string().nullish(),
  data_hash: z.string(),
  data_title: z.string(),
  object_answers: z.record(z.string(), objectAnswer),
  classification_answers: z.record(z.string(), classificationAnswer),
  object_actions: z.record(z.string(), objectAction),
  spaces: spacesForCounting
}

export const IMAGE_TYPES = ['image', 'img_group'] as const
export const FRAME_KEYED_TYPES = ['video', 'dicom', 'nifti', 'pdf', 'scene'] as const
export const RANGED_TYPES = ['audio', 'plain_text'] as const
export const UNLABELLED_ROOT_TYPES = ['group', 'dicom_study'] as const

export const labelRowSchema = z.discriminatedUnion('data_type', [
  z.object({
    ...rowBase,
    data_type: z.enum(IMAGE_TYPES),
    data_units: z.record(z.string(), imageUnit)
  }),
  z.object({
    ...rowBase,
    data_type: z.enum(FRAME_KEYED_TYPES),
    data_units: z.record(z.string(), frameKeyedUnit)
  }),
  z.object({
    ...rowBase,
    data_type: z.enum(RANGED_TYPES),
    data_units: z.record(z.string(), unlabelledUnit),
    object_answers: z.record(z.string(), rangedObjectAnswer)
  }),
  z.object({
    ...rowBase,
    data_type: z.enum(UNLABELLED_ROOT_TYPES),
    data_units: z.record(z.string(), unlabelledUnit)
  })
])

export type LabelRowJson = z.infer<typeof labelRowSchema>
export type FrameObjectJson = z.infer<typeof frameObject>
export type FrameClassificationJson = z.infer<typeof frameClassification>
export type AttributeAnswerJson = z.infer<typeof attributeAnswer>
export type ClassificationAnswerJson = z.infer<typeof classificationAnswer>
export type SkeletonNodeJson = z.infer<typeof skeletonNode>
export type PointListJson = z.infer<typeof pointList>

// ---------------------------------------------------------------------------------------------
// Ontology structure (§8)
// ---------------------------------------------------------------------------------------------

export const OBJECT_SHAPES = [
  'bounding_box',
  'rotatable_bounding_box',
  'polygon',
  'polyline',
  'point',
  'bitmask',
  'skeleton',
  'audio',
  'text',
  'cuboid',
  'cuboid_2d',
  'segmentation'
] as const

export interface OntologyAttributeJson {
  featureNodeHash: string
  name: string
  type: 'radio' | 'checklist' | 'text' | 'numeric'
  dynamic?: boolean | null | undefined
  options?: OntologyOptionJson[] | null | undefined
}

export interface OntologyOptionJson {
  featureNodeHash: string
  label: string
  value: string
  /** Nested attributes: only radio options have them (the key name is Encord's). */
  options?: OntologyAttributeJson[] | null | undefined
}

const ontologyAttribute: z.ZodType<OntologyAttributeJson> = z.object({
  featureNodeHash: z.string(),
  name: z.string(),
  type: z.enum(['radio', 'checklist', 'text', 'numeric']),
  dynamic: z.boolean().nullish(),
  get options() {
    return z.array(ontologyOption).nullish()
  }
})

const ontologyOption: z.ZodType<OntologyOptionJson> = z.object({
  featureNodeHash: z.string(),
  label: z.string(),
  value: z.string(),
  get options() {
    return z.array(ontologyAttribute).nullish()
  }
})

const skeletonTemplate = z.object({
  name: z.string(),
  skeleton: z.record(z.string(), z.object({ name: z.string(), featureHash: z.string().nullish() })),
  feature_node_hash: z.string().nullish()
})

export const ontologyStructureSchema = z.object({
  objects: z.array(
    z.object({
      featureNodeHash: z.string(),
      name: z.string(),
      shape: z.enum(OBJECT_SHAPES),
      attributes: z.array(ontologyAttribute).nullish()
    })
  ),
  classifications: z.array(
    z.object({
      featureNodeHash: z.string(),
      level: z.string().nullish(),
      attributes: z.array(ontologyAttribute)
    })
  ),
  skeleton_templates: z.array(z.object({ template: skeletonTemplate })).nullish()
})

export type OntologyJson = z.infer<typeof ontologyStructureSchema>

/** Marks every field of a plain zod shape optional (for the legacy bitmask fallback). */
function partial<T extends Record<string, z.ZodType>>(
  shape: T
): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema.optional()])
  ) as { [K in keyof T]: z.ZodOptional<T[K]> }
}
