/**
 * Zod schemas for every Encord answer the client reads, and the one place they are applied.
 *
 * As lenient as the Python SDK (unknown keys ignored; v2 keys in camelCase or snake_case,
 * docs/encord-api.md §4.2) and as strict where it raises (required keys, enum values it rejects,
 * UUID-typed fields). Ontology structures and label-row JSON pass through as `unknown`:
 * `src/labels/` parses those.
 */

import { z } from 'zod'
import { issueMessage } from '../schema-issues.js'
import { invalidResponse, type FailureContext } from './api-errors.js'
import type {
  LabelRowMetadata,
  OntologyInfo,
  ProjectDataset,
  ProjectInfo,
  ProjectMember,
  ProjectRole,
  WorkflowStage
} from './types.js'

// The parsed types, re-exported for callers that think of them as "what the schemas give".
export type { LabelRowMetadata, OntologyInfo, ProjectInfo, WorkflowStage } from './types.js'

// Pydantic's UUID type takes 32 hex digits with or without hyphens, any version or variant.
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i, 'expected a UUID')

/** A JSON object, passed on untouched (no copy) for another layer to parse. */
const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object'
)

// Pydantic accepts ISO strings and Unix timestamps; we only need the key to be there.
const dateTime = z.union([z.string(), z.number()])

const snakeCase = (camel: string): string => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * An object schema for a v2 DTO: each key may arrive in camelCase (what the server sends) or in
 * snake_case (what the SDK also accepts); camelCase wins when both are present.
 */
function v2Object<Shape extends z.ZodRawShape>(shape: Shape) {
  const keys = Object.keys(shape)
  return z.preprocess((input: unknown) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
    const record = input as Record<string, unknown>
    const copy: Record<string, unknown> = { ...record }
    for (const key of keys) {
      const snake = snakeCase(key)
      if (!(key in copy) && snake in copy) copy[key] = copy[snake]
    }
    return copy
  }, z.object(shape))
}

const stageSchema = v2Object({
  uuid,
  title: z.string(),
  stageType: z.enum([
    'ANNOTATION',
    'REVIEW',
    'USER_ROUTER',
    'PERCENTAGE_ROUTER',
    'CONSENSUS_ANNOTATION',
    'CONSENSUS_REVIEW',
    'DONE',
    'AGENT'
  ])
})

/** `GET /v2/public/projects/{hash}` (docs/encord-api.md §6.1). */
export const projectSchema = v2Object({
  projectHash: uuid,
  projectType: z.enum(['workflow', 'manual_qa']),
  status: z.string(), // unknown statuses are tolerated by the SDK
  title: z.string(),
  description: z.string(),
  createdAt: dateTime,
  lastEditedAt: dateTime,
  ontologyHash: z.string(),
  editorOntology: jsonObject,
  userRole: z.int().min(0).max(4).nullable().optional(),
  workflow: v2Object({ stages: z.array(stageSchema) })
    .nullable()
    .optional()
}).transform((dto): ProjectInfo => ({
  projectHash: dto.projectHash,
  title: dto.title,
  ontologyHash: dto.ontologyHash,
  editorOntology: dto.editorOntology,
  workflowStages:
    dto.workflow?.stages.map((stage): WorkflowStage => ({
      uuid: stage.uuid,
      title: stage.title,
      stageType: stage.stageType
    })) ?? null
}))

/** `GET /v2/public/ontologies/{hash}` (docs/encord-api.md §6.2). */
export const ontologySchema = v2Object({
  ontologyUuid: uuid,
  title: z.string(),
  description: z.string(),
  editor: jsonObject,
  createdAt: dateTime,
  lastEditedAt: dateTime,
  userRole: z.union([z.literal(0), z.literal(1)]).nullable() // key required, value nullable
}).transform((dto): OntologyInfo => ({
  ontologyHash: dto.ontologyUuid,
  title: dto.title,
  editor: dto.editor
}))

/** Every v1 answer: `{"status": 200, "response": …, "payload"?: …}` (docs/encord-api.md §3.2). */
export const v1EnvelopeSchema = z.object({
  status: z.unknown().refine((value) => value !== undefined, 'missing'),
  response: z.unknown(),
  payload: z.unknown().optional()
})

const labelRowMetadataSchema = z
  .object({
    label_hash: z.string().nullable().optional(),
    branch_name: z.string(),
    data_hash: z.string(),
    dataset_hash: z.string(),
    dataset_title: z.string(),
    data_title: z.string(),
    // Unknown types are tolerated by the SDK's listing; the label-row parser decides later.
    data_type: z.string(),
    data_link: z.string().nullable(), // the key must be present
    label_status: z.string(), // unknown statuses are tolerated
    annotation_task_status: z
      .enum(['QUEUED', 'ASSIGNED', 'IN_REVIEW', 'RETURNED', 'COMPLETED'])
      .nullable()
      .optional(),
    workflow_graph_node: z.object({ uuid: z.string(), title: z.string() }).nullable().optional(),
    number_of_frames: z.int(),
    width: z.int().nullable().optional(),
    height: z.int().nullable().optional(),
    spaces: jsonObject,
    task_uuid: uuid.nullable().optional(),
    backing_item_uuid: uuid.nullable().optional()
  })
  .transform((row): LabelRowMetadata => ({
    labelHash: row.label_hash ?? null,
    dataHash: row.data_hash,
    dataTitle: row.data_title,
    dataType: row.data_type.toLowerCase(),
    numberOfFrames: row.number_of_frames,
    width: row.width ?? null,
    height: row.height ?? null,
    stageTitle: row.workflow_graph_node?.title ?? null
  }))

/** `response` of `labelrowmetadata` GET (docs/encord-api.md §6.3). */
export const labelRowMetadataListSchema = z.array(labelRowMetadataSchema)

/**
 * `response` of `labelrow` GET: label-row JSON, checked only far enough to match rows back to
 * the request. The rest is `src/labels/`'s to judge.
 */
export const labelRowListSchema = z.array(z.looseObject({ label_hash: z.string() }))

/** One page of a v2 listing (docs/encord-api.md §4.4); only a null or absent token ends it. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return v2Object({
    results: z.array(item),
    nextPageToken: z.string().nullable().optional()
  })
}

/** An entry of `GET /v2/public/projects/{hash}/datasets` (docs/encord-api.md §10). */
export const projectDatasetSchema = v2Object({
  datasetHash: uuid,
  title: z.string()
}).transform((dto): ProjectDataset => ({ datasetHash: dto.datasetHash, title: dto.title }))

/** An entry of `GET /v2/public/projects/{hash}/users` (docs/encord-api.md §10). */
export const projectMemberSchema = v2Object({
  userEmail: z.string(),
  userRole: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
}).transform((dto): ProjectMember => ({ email: dto.userEmail, role: dto.userRole as ProjectRole }))

/**
 * Parse `value` with `schema` or throw `EncordApiError` (`invalid-response`) naming the endpoint,
 * the project and the path of the first field that does not fit.
 */
export function parseAtEdge<Output>(
  schema: z.ZodType<Output>,
  value: unknown,
  context: FailureContext,
  pathPrefix = ''
): Output {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const [first, ...others] = result.error.issues
  const path = formatPath(pathPrefix, first?.path ?? [])
  const more = others.length > 0 ? ` (and ${others.length} more problems)` : ''
  const problem = first === undefined ? 'it does not fit' : issueMessage(first, value)
  throw invalidResponse(context, `${path || 'the answer'}: ${problem}${more}`)
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`
    const name = String(key)
    return text ? `${text}.${name}` : name
  }, prefix)
}
