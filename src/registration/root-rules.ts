/** Checks the top level of a registration file: that it is an object, and its keys. */
import type { DiagnosticCollector } from './diagnostic.js'
import {
  DATA_KINDS,
  SKIP_DUPLICATE_URLS,
  TOP_LEVEL_KEYS,
  isDataKind,
  type DataKind
} from './schema.js'
import { closestKey } from './suggest.js'
import { type Property, type Value, describeKind, quote } from './values.js'

export function reportRootIsNotObject(root: Value, report: DiagnosticCollector): void {
  report.add(
    'value-type',
    `a registration file must be a JSON object with keys such as "videos" or "images", not ${describeKind(root.kind)}`,
    root
  )
}

export function checkRootProperty(property: Property, report: DiagnosticCollector): void {
  const { key, value } = property
  if (isDataKind(key)) {
    if (value !== undefined && value.kind !== 'array') {
      report.add(
        'value-type',
        `"${key}" must be an array of entries, not ${describeKind(value.kind)}`,
        value
      )
    }
    return
  }
  if (key === SKIP_DUPLICATE_URLS) {
    if (value !== undefined && value.kind !== 'boolean') {
      report.add(
        'value-type',
        `"${SKIP_DUPLICATE_URLS}" must be true or false, not ${value.kind === 'string' ? quote(String(value.literal)) : describeKind(value.kind)}`,
        value
      )
    }
    return
  }
  const suggestion = closestKey(key, TOP_LEVEL_KEYS)
  report.add(
    'unknown-key',
    `unknown top-level key ${quote(key)}${suggestion ? `; did you mean ${quote(suggestion)}?` : ` (Encord reads ${TOP_LEVEL_KEYS.join(', ')})`}`,
    property
  )
}

export function reportNoItems(root: Value, report: DiagnosticCollector): void {
  report.add(
    'no-items',
    `this file registers nothing: it has no entries under ${DATA_KINDS.map((k: DataKind) => `"${k}"`).join(', ')}`,
    root
  )
}
