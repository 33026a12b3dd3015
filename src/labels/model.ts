/**
 * Our own label model. Everything past the sources layer sees only these types, never Encord's
 * JSON. Coordinates stay normalised to [0, 1] as Encord stores them (x and widths are fractions of
 * the frame width, y and heights of the frame height); pixel sizes are kept per frame where known
 * so that similarity can be computed in pixels.
 */

/** Ontology object shapes Encord knows. Only the first seven are scored. */
export type ObjectShape =
  | 'bounding_box'
  | 'rotatable_bounding_box'
  | 'polygon'
  | 'polyline'
  | 'point'
  | 'bitmask'
  | 'skeleton'
  | 'audio'
  | 'text'
  | 'cuboid'
  | 'cuboid_2d'
  | 'segmentation'

export const SCORED_SHAPES: ReadonlySet<ObjectShape> = new Set<ObjectShape>([
  'bounding_box',
  'rotatable_bounding_box',
  'polygon',
  'polyline',
  'point',
  'bitmask',
  'skeleton'
])

export type AttributeType = 'radio' | 'checklist' | 'text' | 'numeric'

export interface OntologyOption {
  featureHash: string
  label: string
  value: string
  /** Nested attributes (radio options only). */
  attributes: OntologyAttribute[]
}

export interface OntologyAttribute {
  featureHash: string
  name: string
  type: AttributeType
  /** Dynamic attributes can change from frame to frame (video); their answers carry frame ranges. */
  dynamic: boolean
  options: OntologyOption[]
}

export interface OntologyObject {
  featureHash: string
  name: string
  shape: ObjectShape
  attributes: OntologyAttribute[]
}

export interface OntologyClassification {
  featureHash: string
  /** Display name: the name of its single top-level attribute. */
  name: string
  attribute: OntologyAttribute
  /**
   * True when the ontology marks it `level: "global"`: one answer for the whole row, never tied to
   * frames. Optional so that hand-built ontologies may leave it out (absent means frame-level).
   */
  global?: boolean
}

export interface SkeletonTemplate {
  /** featureNodeHash of the ontology object that uses this template. */
  objectFeatureHash: string
  nodes: { name: string; featureHash: string | null }[]
}

export interface Ontology {
  /** The ontology's own hash (uuid) when known. */
  ontologyHash: string | null
  objects: OntologyObject[]
  classifications: OntologyClassification[]
  skeletonTemplates: SkeletonTemplate[]
}

export interface Point {
  x: number
  y: number
}

export type SkeletonVisibility = 'visible' | 'invisible' | 'occluded' | 'selfOccluded'

export interface SkeletonNode {
  name: string
  featureHash: string | null
  x: number
  y: number
  visibility: SkeletonVisibility
}

/**
 * The geometry of one object on one frame.
 * - `box`: top-left corner and size.
 * - `rotatedBox`: as `box`, rotated by `theta` degrees about its centre (clockwise in image space).
 * - `polygon`: a multi-polygon; each polygon is a list of rings, each ring a flat list
 *   `[x1, y1, x2, y2, …]`; ring 0 is the outer boundary, further rings are holes.
 * - `bitmask`: row-major COCO-style compressed RLE over `height × width` pixels at `top`/`left`.
 */
export type Geometry =
  | { type: 'box'; x: number; y: number; w: number; h: number }
  | { type: 'rotatedBox'; x: number; y: number; w: number; h: number; theta: number }
  | { type: 'polygon'; polygons: number[][][] }
  | { type: 'polyline'; points: Point[] }
  | { type: 'point'; x: number; y: number }
  | { type: 'bitmask'; top: number; left: number; width: number; height: number; rle: string }
  | { type: 'skeleton'; nodes: SkeletonNode[] }

/** One object's annotation on one frame. */
export interface Annotation {
  frame: number
  geometry: Geometry
  /** `createdBy` of this frame's annotation; may be absent, a reviewer, or an opaque user id. */
  createdBy: string | null
}

export type Answer =
  | { type: 'radio'; option: string }
  | { type: 'checklist'; options: string[] }
  | { type: 'text'; text: string }
  | { type: 'numeric'; value: number }

/** An answer to one attribute (nested attributes are flattened into the same list). */
export interface AttributeAnswer {
  attributeHash: string
  answer: Answer
}

/** A dynamic attribute answer holds on the given inclusive frame ranges. */
export interface DynamicAttributeAnswer extends AttributeAnswer {
  ranges: [number, number][]
}

/** An object instance: one `objectHash`, possibly a track across several frames. */
export interface ObjectInstance {
  objectHash: string
  featureHash: string
  /** Ontology name of the class. */
  className: string
  shape: ObjectShape
  /** Per-frame annotations in first-appearance order (data units, then frame keys, then lists). */
  annotations: Annotation[]
  staticAnswers: AttributeAnswer[]
  dynamicAnswers: DynamicAttributeAnswer[]
}

/** A classification instance with its answers, either global or tied to frames. */
export interface ClassificationInstance {
  classificationHash: string
  featureHash: string
  name: string
  /** True for global (row-level) classifications; then `frames` is empty. */
  global: boolean
  /** Frames the classification is on, ascending. */
  frames: number[]
  answers: AttributeAnswer[]
  createdBy: string | null
}

export const DATA_TYPES = [
  'image',
  'img_group',
  'video',
  'dicom',
  'dicom_study',
  'nifti',
  'audio',
  'plain_text',
  'pdf',
  'group',
  'scene'
] as const

export type DataType = (typeof DATA_TYPES)[number]

/** Encord's data type names are lower-case in label JSON and upper-case in listings. */
export function toDataType(text: string): DataType | null {
  const lower = text.toLowerCase()
  return (DATA_TYPES as readonly string[]).includes(lower) ? (lower as DataType) : null
}

export interface FrameSize {
  width: number
  height: number
}

/** One label row (one data unit in one project) that sits in the selected workflow stage. */
export interface LabelRow {
  /** Null when the row has never been labelled: it is then empty (we never create it). */
  labelHash: string | null
  dataHash: string
  dataTitle: string
  dataType: DataType
  numberOfFrames: number
  /** Pixel size per frame, where known. A missing or zero size means "unknown". */
  frameSizes: Map<number, FrameSize>
  objects: ObjectInstance[]
  classifications: ClassificationInstance[]
  /** Labels this tool does not score: counted, not kept, so that reports can say what was left out. */
  unscored: UnscoredLabels
}

/** Labels of one row left out of scoring, by reason; each object or classification counted once. */
export interface UnscoredLabels {
  /** Objects of an ontology shape that is not scored (audio, text, cuboid…), per shape. */
  objectsByShape: Partial<Record<ObjectShape, number>>
  /** Objects on spaces (the files of a data group): only a row's own labels are read. */
  spaceObjects: number
  /** Classifications on spaces, for the same reason. */
  spaceClassifications: number
}

export const NOTHING_UNSCORED: Readonly<UnscoredLabels> = Object.freeze({
  objectsByShape: Object.freeze({}),
  spaceObjects: 0,
  spaceClassifications: 0
})

/** Everything the evaluation needs about one project. */
export interface ProjectLabels {
  projectHash: string
  title: string
  ontology: Ontology
  /** Rows in the selected workflow stage, in listing order. */
  rows: LabelRow[]
  /** Title of the workflow stage the rows were selected from (e.g. `Complete`). */
  stageTitle: string
}
