/**
 * One-line `LabelDataError`s for label data that does not fit. Every message names the project,
 * the data unit (its title) and, where there is one, the object or classification, then the field
 * path, so that a user can open the row on Encord and find the label at fault.
 */
import type * as z from 'zod'
import { LabelDataError } from '../errors.js'

/** A path into a JSON payload; zod reports keys as `PropertyKey`s. */
export type JsonPath = readonly PropertyKey[]

/** Which project and which request a payload came from, for error messages. */
export interface ConversionContext {
  project: string
  /** The request or file the payload came from, e.g. `labelrow GET`. */
  source: string
}

/** Where in a row a problem sits. */
export interface ProblemSite {
  path?: JsonPath
  objectHash?: string
  classificationHash?: string
  /** Title of the image inside an image group (named when it differs from the row's title). */
  imageTitle?: string
}

/** What every error about one row needs to say. */
export interface RowScope {
  project: string
  source: string
  dataTitle: string
}

export function rowProblem(
  scope: RowScope,
  problem: string,
  site: ProblemSite = {}
): LabelDataError {
  const parts = [`data unit "${scope.dataTitle}"`]
  if (site.imageTitle !== undefined && site.imageTitle !== scope.dataTitle) {
    parts.push(`image "${site.imageTitle}"`)
  }
  if (site.objectHash !== undefined) parts.push(`object ${site.objectHash}`)
  if (site.classificationHash !== undefined) parts.push(`classification ${site.classificationHash}`)
  const at = site.path === undefined ? '' : `at ${formatPath(site.path)}; `
  const message = `Project ${scope.project}: cannot read the labels of ${parts.join(', ')}: ${oneLine(problem)} (${at}${scope.source})`
  return new LabelDataError(message, {
    project: scope.project,
    dataUnit: scope.dataTitle,
    object: site.objectHash ?? site.classificationHash
  })
}

/** Turns the first schema issue into a row problem, naming the object found along its path. */
export function rowSchemaProblem(scope: RowScope, raw: unknown, error: z.ZodError): LabelDataError {
  const issue = error.issues[0]
  if (issue === undefined) return rowProblem(scope, 'the label row does not fit its schema')
  return rowProblem(scope, issueMessage(issue, raw), {
    path: issue.path,
    ...locate(raw, issue.path)
  })
}

export function ontologyProblem(
  context: ConversionContext & { ontologyHash?: string | null },
  problem: string,
  path?: JsonPath
): LabelDataError {
  const name = context.ontologyHash ? `ontology ${context.ontologyHash}` : 'ontology'
  const at = path === undefined ? '' : `at ${formatPath(path)}; `
  return new LabelDataError(
    `Project ${context.project}: cannot read the ${name}: ${oneLine(problem)} (${at}${context.source})`,
    { project: context.project }
  )
}

/**
 * A schema issue in our words: "\"w\" is missing", "should be a number, not text". zod's own
 * wording ("Invalid input: expected record, received undefined") names its types, not the user's
 * JSON. `raw` is the payload that was parsed, to say what was found at the issue's path. Messages
 * our schemas set themselves are kept as they are.
 */
export function issueMessage(issue: z.core.$ZodIssue, raw?: unknown): string {
  // Record keys report a generic "Invalid key in record"; the nested issue says what is wrong.
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]
    const key = issue.path[issue.path.length - 1]
    if (inner === undefined) return issue.message
    if (!ZOD_WORDING.test(inner.message)) return inner.message
    return `the key ${JSON.stringify(String(key))} is not allowed: ${issueMessage(inner)}`
  }
  if (!ZOD_WORDING.test(issue.message)) return issue.message
  const found = valueAt(raw, issue.path)
  const field = fieldName(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (found.value === undefined && found.reached) return `${field} is missing`
      return `${field} should be ${typeWords(issue.expected)}${found.reached ? `, not ${valueWords(found.value)}` : ''}`
    case 'invalid_value':
      return `${field} should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}${found.reached ? `, not ${valueWords(found.value)}` : ''}`
    case 'too_small':
      return `${field} ${boundWords(issue.origin, 'at least', issue.minimum, issue.inclusive)}`
    case 'too_big':
      return `${field} ${boundWords(issue.origin, 'at most', issue.maximum, issue.inclusive)}`
    case 'unrecognized_keys':
      return `${field} has unexpected keys: ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
    case 'invalid_union':
      return `${field} does not have any of the forms it can take${found.reached ? ` (it is ${valueWords(found.value)})` : ''}`
    case 'invalid_format':
      return `${field} is not in the expected format`
    default:
      return issue.message
  }
}

/** zod's default messages; a message our schemas set does not start like these. */
const ZOD_WORDING =
  /^(Invalid (input|option|string|key|element)|Too (small|big)|Unrecognized keys?)\b/

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a finite number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  tuple: 'a list',
  null: 'null'
}

function typeWords(expected: string): string {
  return TYPE_WORDS[expected] ?? expected
}

/** What a JSON value is, for "…, not <this>". */
function valueWords(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'a number too large to be represented'
    return `the number ${value}`
  }
  return String(value)
}

function boundWords(
  origin: string,
  side: string,
  bound: number | bigint,
  inclusive = true
): string {
  const limit = inclusive
    ? `${side} ${bound}`
    : `${side === 'at least' ? 'more than' : 'less than'} ${bound}`
  if (origin === 'array' || origin === 'set')
    return `should have ${limit} item${bound === 1 ? '' : 's'}`
  if (origin === 'string') return `should have ${limit} character${bound === 1 ? '' : 's'}`
  return `should be ${limit}`
}

/** `"w"` for a key, `item 3` for a list index (counted from 1), `the value` at the top. */
function fieldName(path: JsonPath): string {
  const key = path[path.length - 1]
  if (key === undefined) return 'the value'
  if (typeof key === 'number') return `item ${key + 1}`
  return JSON.stringify(String(key))
}

/** The value at `path` in `raw`; `reached` is false when the path could not be followed. */
function valueAt(raw: unknown, path: JsonPath): { value: unknown; reached: boolean } {
  if (raw === undefined) return { value: undefined, reached: false }
  let node: unknown = raw
  for (const key of path) {
    if (!isRecord(node) || typeof key === 'symbol') return { value: undefined, reached: false }
    node = node[key]
  }
  return { value: node, reached: true }
}

/** `data_units.abc.labels.0.objects[2].boundingBox.w` */
export function formatPath(path: JsonPath): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else text += text === '' ? String(key) : `.${String(key)}`
  }
  return text === '' ? '(top level)' : text
}

/**
 * Walks the raw JSON along a failing path and reports the last object, classification and image
 * met on the way: their hashes and titles make the message actionable.
 */
function locate(raw: unknown, path: JsonPath): Omit<ProblemSite, 'path'> {
  const site: Omit<ProblemSite, 'path'> = {}
  const imageGroup = isRecord(raw) && raw.data_type === 'img_group'
  let node: unknown = raw
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth]
    if (key === undefined || typeof key === 'symbol' || !isRecord(node)) break
    node = node[key]
    const parent = path[depth - 1]
    if (depth === 1 && (parent === 'object_answers' || parent === 'object_actions')) {
      site.objectHash = String(key)
    }
    if (depth === 1 && parent === 'classification_answers') site.classificationHash = String(key)
    if (!isRecord(node)) continue
    if (
      depth === 1 &&
      parent === 'data_units' &&
      imageGroup &&
      typeof node.data_title === 'string'
    ) {
      site.imageTitle = node.data_title
    }
    if (typeof node.objectHash === 'string') site.objectHash = node.objectHash
    if (typeof node.classificationHash === 'string') {
      site.classificationHash = node.classificationHash
    }
  }
  return site
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ')
}
