/**
 * Walks the JSON text once with jsonc-parser's streaming visitor and keeps only what the rules
 * need: a stack of open containers, each with its keys (duplicates are checked in every object)
 * until it closes. No tree of the document is built, so a 500,000-entry file holds one entry at a
 * time. The walker knows the file's structure (root, data lists, entries, media metadata) and
 * hands each piece to the rules when it is complete.
 */
import { visit } from 'jsonc-parser'
import type { DiagnosticCollector, Position } from './diagnostic.js'
import { reportDuplicateKey } from './duplicate-keys.js'
import { MAX_NESTING_DEPTH } from './limits.js'
import { type DataKind, type MetadataKey, METADATA_KEY_BY_KIND, isDataKind } from './schema.js'
import { SyntaxErrorReporter } from './syntax.js'
import { type Property, type Value, kindOf } from './values.js'

/** What a container is, in registration terms. */
export type Role =
  | { type: 'root' }
  | { type: 'data-list'; kind: DataKind }
  | { type: 'entry'; kind: DataKind }
  | { type: 'metadata'; key: MetadataKey }
  | { type: 'other' }

/** What the rules hear about, each once the value concerned is complete. */
export interface StructureListener {
  rootIsNotObject(root: Value): void
  rootProperty(property: Property): void
  rootEnd(root: Value): void
  entry(kind: DataKind, entry: Value, properties: readonly Property[]): void
  nonObjectEntry(kind: DataKind, value: Value): void
  metadata(key: MetadataKey, metadata: Value, properties: readonly Property[]): void
}

interface Frame {
  role: Role
  value: Value
  properties: Property[]
  /** Built once an object has many keys, so duplicate lookup stays cheap for 32,767 URLs. */
  byKey: Map<string, Property> | undefined
  /** The key whose value is being read. */
  pending: Property | undefined
}

const INDEX_KEYS_FROM = 16

/** Thrown from the visitor to stop the parse of a file nested too deep. */
class TooDeep extends Error {}
const OTHER: Role = { type: 'other' }
const ROOT: Role = { type: 'root' }

export function walkRegistration(
  text: string,
  listener: StructureListener,
  report: DiagnosticCollector
): void {
  const syntax = new SyntaxErrorReporter(text, report)
  const stack: Frame[] = []
  const dataListRoles = new Map<DataKind, Role>()
  const entryRoles = new Map<DataKind, Role>()
  const metadataRoles = new Map<MetadataKey, Role>()

  function memo<K, R>(cache: Map<K, R>, key: K, make: () => R): R {
    let role = cache.get(key)
    if (role === undefined) {
      role = make()
      cache.set(key, role)
    }
    return role
  }

  function roleOfNewContainer(isObject: boolean): Role {
    const parent = stack[stack.length - 1]
    if (parent === undefined) return isObject ? ROOT : OTHER
    const parentRole = parent.role
    const key = parent.pending?.key
    if (parentRole.type === 'root' && !isObject && key !== undefined && isDataKind(key)) {
      return memo(dataListRoles, key, () => ({ type: 'data-list', kind: key }))
    }
    if (parentRole.type === 'data-list' && isObject) {
      const kind = parentRole.kind
      return memo(entryRoles, kind, () => ({ type: 'entry', kind }))
    }
    if (parentRole.type === 'entry' && isObject && key !== undefined) {
      const metadataKey = METADATA_KEY_BY_KIND[parentRole.kind]
      if (metadataKey === key) return memo(metadataRoles, key, () => ({ type: 'metadata', key }))
    }
    return OTHER
  }

  /** A key whose value never came (a syntax error) still counts as present. */
  function settlePending(frame: Frame): void {
    const property = frame.pending
    if (property === undefined) return
    frame.pending = undefined
    if (frame.role.type === 'root') listener.rootProperty(property)
  }

  function completeValue(value: Value): void {
    const parent = stack[stack.length - 1]
    if (parent === undefined) {
      if (value.kind !== 'object') listener.rootIsNotObject(value)
      return
    }
    if (parent.value.kind === 'object') {
      const property = parent.pending
      if (property === undefined) return
      property.value = value
      settlePending(parent)
      return
    }
    parent.value.size++
    if (parent.role.type === 'data-list' && value.kind !== 'object') {
      listener.nonObjectEntry(parent.role.kind, value)
    }
  }

  function findProperty(frame: Frame, key: string): Property | undefined {
    if (frame.byKey) return frame.byKey.get(key)
    const properties = frame.properties
    for (let i = properties.length - 1; i >= 0; i--) {
      const property = properties[i]
      if (property?.key === key) return property
    }
    return undefined
  }

  function addProperty(frame: Frame, property: Property): void {
    const earlier = findProperty(frame, property.key)
    if (earlier) {
      reportDuplicateKey(earlier, property, report)
      earlier.superseded = true
      property.repeatsEarlierKey = true
    }
    frame.properties.push(property)
    frame.value.size++
    if (frame.byKey) frame.byKey.set(property.key, property)
    else if (frame.properties.length >= INDEX_KEYS_FROM) {
      frame.byKey = new Map(frame.properties.map((p) => [p.key, p]))
    }
  }

  function open(kind: 'object' | 'array', offset: number, line: number, character: number): void {
    const at: Position = { line: line + 1, column: character + 1 }
    if (stack.length >= MAX_NESTING_DEPTH) {
      report.add(
        'too-deep',
        `the JSON is nested more than ${MAX_NESTING_DEPTH} levels deep here (a registration file needs four); the rest of the file was not checked`,
        at
      )
      throw new TooDeep()
    }
    syntax.sawToken()
    const role = roleOfNewContainer(kind === 'object')
    stack.push({
      role,
      value: { kind, literal: undefined, size: 0, offset, line: at.line, column: at.column },
      properties: [],
      byKey: undefined,
      pending: undefined
    })
  }

  function close(): void {
    const frame = stack.pop()
    if (frame === undefined) return
    syntax.sawContainerClose(frame.value)
    settlePending(frame)
    const role = frame.role
    if (role.type === 'entry') listener.entry(role.kind, frame.value, frame.properties)
    else if (role.type === 'metadata') listener.metadata(role.key, frame.value, frame.properties)
    else if (role.type === 'root') listener.rootEnd(frame.value)
    completeValue(frame.value)
  }

  try {
    visitText()
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error
  }

  function visitText(): void {
    visit(
      text,
      {
        onObjectBegin: (offset, _length, line, character) =>
          open('object', offset, line, character),
        onArrayBegin: (offset, _length, line, character) => open('array', offset, line, character),
        onObjectEnd: close,
        onArrayEnd: close,
        onObjectProperty: (key, _offset, _length, line, character) => {
          syntax.sawToken()
          const frame = stack[stack.length - 1]
          if (frame === undefined) return
          settlePending(frame)
          const property: Property = {
            key,
            line: line + 1,
            column: character + 1,
            value: undefined
          }
          addProperty(frame, property)
          frame.pending = property
        },
        onLiteralValue: (literal: unknown, offset, length, line, character) => {
          const kind = kindOf(literal)
          const at = { line: line + 1, column: character + 1 }
          if (kind === 'number') syntax.sawNumber(offset, length, at)
          else syntax.sawToken()
          completeValue({
            kind,
            literal: literal as Value['literal'],
            size: 0,
            offset,
            line: at.line,
            column: at.column
          })
        },
        onSeparator: (character, _offset, _length, line, column) => {
          if (character === ',') syntax.sawComma({ line: line + 1, column: column + 1 })
          else syntax.sawToken()
        },
        onError: (code, offset, length, line, character) =>
          syntax.error(code, offset, length, line, character)
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }
    )
  }
}
