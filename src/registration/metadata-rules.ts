/** Checks a media metadata object (`videoMetadata`, `audioMetadata`, …) field by field. */
import type { DiagnosticCollector } from './diagnostic.js'
import { METADATA_FIELDS, type MetadataField, type MetadataKey } from './schema.js'
import { closestKey } from './suggest.js'
import { type Property, type Value, describeKind, quote } from './values.js'

const EXPECTED: Record<MetadataField['type'], string> = {
  'positive-number': 'a positive number',
  'positive-integer': 'a positive whole number',
  string: 'a non-empty string'
}

function fits(field: MetadataField, value: Value): boolean {
  const literal = value.literal
  switch (field.type) {
    // A number of hundreds of digits reads as Infinity: no frame rate or duration is that.
    case 'positive-number':
      return typeof literal === 'number' && Number.isFinite(literal) && literal > 0
    case 'positive-integer':
      return typeof literal === 'number' && Number.isSafeInteger(literal) && literal > 0
    case 'string':
      return typeof literal === 'string' && literal.trim() !== ''
  }
}

function shown(value: Value): string {
  if (value.kind === 'number' && !Number.isFinite(value.literal)) {
    return 'a number too large to be represented'
  }
  if (value.kind === 'number' || value.kind === 'boolean') return String(value.literal)
  if (value.kind === 'string') return quote(String(value.literal))
  return describeKind(value.kind)
}

const spellingsCache = new Map<MetadataKey, Map<string, MetadataField>>()

/** Each field under its guide spelling and its alias. */
function spellings(key: MetadataKey): Map<string, MetadataField> {
  let bySpelling = spellingsCache.get(key)
  if (bySpelling === undefined) {
    bySpelling = new Map()
    for (const f of METADATA_FIELDS[key]) {
      bySpelling.set(f.name, f)
      if (f.alias) bySpelling.set(f.alias, f)
    }
    spellingsCache.set(key, bySpelling)
  }
  return bySpelling
}

export function checkMetadata(
  key: MetadataKey,
  metadata: Value,
  properties: readonly Property[],
  report: DiagnosticCollector
): void {
  const fields = METADATA_FIELDS[key]
  const bySpelling = spellings(key)
  const present = new Set<MetadataField>()
  for (const property of properties) {
    if (property.superseded) continue
    const field = bySpelling.get(property.key)
    if (field === undefined) {
      const suggestion = closestKey(property.key, [...bySpelling.keys()])
      report.add(
        'unknown-metadata-field',
        `${key} has no field ${quote(property.key)}${suggestion ? `; did you mean ${quote(suggestion)}?` : ` (it takes ${fields.map((f) => f.name).join(', ')})`}`,
        property
      )
      continue
    }
    present.add(field)
    const value = property.value
    // No value means a syntax error already reported there, e.g. the guide's `frames-per-second`.
    if (value === undefined || fits(field, value)) continue
    report.add(
      'metadata-type',
      `${key}.${property.key} must be ${EXPECTED[field.type]}, not ${shown(value)}`,
      value
    )
  }
  const missing = fields.filter((f) => !present.has(f)).map((f) => quote(f.name))
  if (missing.length > 0) {
    report.add(
      'metadata-missing',
      `${key} lacks ${listed(missing)}: Encord uses this metadata instead of reading the file, so every field is required`,
      metadata
    )
  }
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}
