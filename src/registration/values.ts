/** The little the checker keeps about a JSON value: its kind, literal, size and where it starts. */
import type { Position } from './diagnostic.js'

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array'

export interface Value extends Position {
  kind: ValueKind
  /** The decoded literal for strings, numbers, booleans and null. */
  literal: string | number | boolean | null | undefined
  /** Members of an object or elements of an array, once the container has closed. */
  size: number
  /** Offset of the value's first character in the text. */
  offset: number
}

export interface Property extends Position {
  key: string
  /** Undefined while the value is being read, and when a syntax error left the key without one. */
  value: Value | undefined
  /** A later key of the same name replaces this one: parsers keep only the last. */
  superseded?: boolean
  /** This key repeats an earlier one in the same object. */
  repeatsEarlierKey?: boolean
}

export function kindOf(literal: unknown): ValueKind {
  if (literal === null) return 'null'
  if (typeof literal === 'string') return 'string'
  if (typeof literal === 'number') return 'number'
  return 'boolean'
}

const ARTICLE_NOUN: Record<ValueKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  object: 'an object',
  array: 'an array'
}

/** "a string", "an array", … for messages such as `must be an array, not a string`. */
export function describeKind(kind: ValueKind): string {
  return ARTICLE_NOUN[kind]
}

/** A short description of a value for messages: `(2 entries)`, `("a.mp4")`, `(true)`. */
export function describeValue(value: Value | undefined): string {
  if (value === undefined) return '(no valid value)'
  switch (value.kind) {
    case 'array':
      return value.size === 0 ? '(an empty array)' : `(${plural(value.size, 'entry', 'entries')})`
    case 'object':
      return value.size === 0
        ? '(an empty object)'
        : `(an object with ${plural(value.size, 'key')})`
    case 'string':
      return `(${quote(String(value.literal))})`
    default:
      return `(${String(value.literal)})`
  }
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`
}

/** A JSON-quoted string, shortened so one message never carries a 16 KB URL. */
export function quote(text: string, max = 80): string {
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text
  return JSON.stringify(shown)
}

/** Bytes the string takes in UTF-8, without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** Characters as a person counts them (code points), so an emoji is one, not two. */
export function codePointLength(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}
