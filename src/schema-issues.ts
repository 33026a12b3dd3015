/**
 * zod issues in our words, for every edge that parses JSON with a schema (label rows, ontologies,
 * export headers, Encord's answers): "\"w\" should be a finite number, not the text \"0.3\"",
 * "\"object_actions\" is missing". zod's own wording ("Invalid input: expected record, received
 * undefined") names its types, not the user's JSON.
 */
import type * as z from 'zod'

type JsonPath = readonly PropertyKey[]

/**
 * One issue as a phrase about the field at fault. `raw` is the payload that was parsed, to say what
 * was found at the issue's path. Messages our schemas set themselves are kept as they are.
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

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null
}
