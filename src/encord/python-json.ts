/**
 * JSON text byte-identical to Python's `json.dumps(value)` with default arguments.
 *
 * v1 requests are signed over the exact body bytes. Serialising the way the official SDK does
 * (separators `", "` and `": "`, every character outside printable ASCII escaped as a lower-case
 * `\uXXXX`) lets us check our signatures against the SDK's recorded test vectors, and keeps the
 * wire format identical to what Encord's server already receives from the SDK.
 */

/** Values a v1 request body is made of. Key order of objects is kept as inserted. */
export type PythonJsonValue =
  | null
  | boolean
  | number
  | string
  | readonly PythonJsonValue[]
  | { readonly [key: string]: PythonJsonValue }

/** Serialise like Python's `json.dumps(value)`; integers only, as no request we send has floats. */
export function pythonJsonDumps(value: PythonJsonValue): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return dumpInteger(value)
  if (typeof value === 'string') return dumpString(value)
  if (isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`
  const members = Object.entries(value).map(
    ([key, member]) => `${dumpString(key)}: ${pythonJsonDumps(member)}`
  )
  return `{${members.join(', ')}}`
}

function isArray(value: PythonJsonValue): value is readonly PythonJsonValue[] {
  return Array.isArray(value)
}

// Python prints floats differently from JavaScript (`1e+16` vs `10000000000000000`), so rather
// than approximate its float repr we refuse anything but safe integers, which print alike.
function dumpInteger(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`pythonJsonDumps supports safe integers only, got ${value}`)
  }
  return String(value)
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t'
}

// Python's ensure_ascii escapes `"`, `\` and everything outside space..tilde (DEL included).
// JavaScript strings are UTF-16, so astral characters come out as surrogate pairs exactly as
// Python writes them.
const NEEDS_ESCAPE = /["\\]|[^\x20-\x7e]/g

function dumpString(text: string): string {
  const escaped = text.replace(
    NEEDS_ESCAPE,
    (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return `"${escaped}"`
}
