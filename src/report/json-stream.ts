/**
 * `JSON.stringify(value, null, 2)`, in pieces.
 *
 * A run of 20 projects × 26k objects pretty-prints to several hundred megabytes, more than V8
 * allows in one string (about 512 MiB). So the writer walks the first few levels itself and hands
 * each deeper value (one object result, one script row) to `JSON.stringify`; concatenated, the
 * pieces are byte-identical to the one-shot call. A `LazyArray` is turned into JSON one element at
 * a time, so that a copy of a large array need not exist all at once.
 */
export class LazyArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown
  ) {}
}

const INDENT = '  '

/** Depth from which values are stringified whole: deep enough that each piece is small. */
export const DEFAULT_STREAM_DEPTH = 5

export function* prettyJsonChunks(
  value: unknown,
  streamDepth = DEFAULT_STREAM_DEPTH,
  indent = '',
  depth = 0
): Generator<string> {
  if (value instanceof LazyArray) {
    const { items, map } = value
    yield* arrayChunks(items.length, (index) => map(items[index]), streamDepth, indent, depth)
  } else if (depth >= streamDepth || !isPlainContainer(value)) {
    yield whole(value, indent)
  } else if (Array.isArray(value)) {
    yield* arrayChunks(value.length, (index) => value[index], streamDepth, indent, depth)
  } else {
    yield* objectChunks(value as Record<string, unknown>, streamDepth, indent, depth)
  }
}

function* arrayChunks(
  length: number,
  item: (index: number) => unknown,
  streamDepth: number,
  indent: string,
  depth: number
): Generator<string> {
  if (length === 0) {
    yield '[]'
    return
  }
  const inner = indent + INDENT
  yield '['
  for (let index = 0; index < length; index++) {
    yield `${index === 0 ? '' : ','}\n${inner}`
    const element = item(index)
    // JSON.stringify writes null for array slots it cannot represent.
    yield* prettyJsonChunks(representable(element) ? element : null, streamDepth, inner, depth + 1)
  }
  yield `\n${indent}]`
}

function* objectChunks(
  value: Record<string, unknown>,
  streamDepth: number,
  indent: string,
  depth: number
): Generator<string> {
  const keys = Object.keys(value).filter((key) => representable(value[key]))
  if (keys.length === 0) {
    yield '{}'
    return
  }
  const inner = indent + INDENT
  yield '{'
  for (const [index, key] of keys.entries()) {
    yield `${index === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `
    yield* prettyJsonChunks(value[key], streamDepth, inner, depth + 1)
  }
  yield `\n${indent}}`
}

/** Arrays and objects JSON.stringify would walk (not dates or others with their own toJSON). */
function isPlainContainer(value: unknown): value is object {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  )
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
function representable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol'
}

/** A value stringified in one go, its lines indented to sit at `indent`. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null'
  // Strings in JSON never hold a raw line break, so every \n is a line of layout.
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`)
}
