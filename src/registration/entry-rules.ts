/** Checks one entry of a data list: its URLs, title, flags and keys. */
import type { DiagnosticCollector } from './diagnostic.js'
import {
  ADVISED_SEQUENCE_IMAGES,
  MAX_SEQUENCE_IMAGES,
  MAX_TITLE_CHARACTERS,
  MAX_URL_BYTES
} from './limits.js'
import {
  CLIENT_METADATA,
  CREATE_VIDEO,
  type DataKind,
  ENTRY_NOUN,
  ENTRY_NOUN_WITH_ARTICLE,
  METADATA_KEY_BY_KIND,
  OBJECT_URL,
  TITLE,
  hasNumberedUrls,
  knownEntryKeys,
  numberedUrlPosition
} from './schema.js'
import { closestKey } from './suggest.js'
import {
  type Property,
  type Value,
  codePointLength,
  describeKind,
  plural,
  quote,
  utf8ByteLength
} from './values.js'

export interface EntrySinks {
  report: DiagnosticCollector
  /** Every URL the entry registers, for counting and duplicate detection. */
  url(url: string, value: Value): void
}

export function checkEntry(
  kind: DataKind,
  entry: Value,
  properties: readonly Property[],
  sinks: EntrySinks
): void {
  if (hasNumberedUrls(kind)) checkNumberedEntry(kind, entry, properties, sinks)
  else checkSingleUrlEntry(kind, entry, properties, sinks)
}

function checkSingleUrlEntry(
  kind: DataKind,
  entry: Value,
  properties: readonly Property[],
  sinks: EntrySinks
): void {
  const metadataKey = METADATA_KEY_BY_KIND[kind]
  let hasUrl = false
  for (const property of properties) {
    if (property.superseded) continue
    const key = property.key
    if (key === OBJECT_URL) {
      hasUrl = true
      checkUrl(property, sinks)
    } else if (key === TITLE) checkTitle(kind, property, false, sinks.report)
    else if (key === CLIENT_METADATA || key === metadataKey) expectObject(property, sinks.report)
    else reportUnknownKey(kind, property, sinks.report)
  }
  if (!hasUrl) {
    sinks.report.add(
      'missing-field',
      `this ${ENTRY_NOUN[kind]} has no "objectUrl": each entry of "${kind}" needs the URL of its file`,
      entry
    )
  }
}

function checkNumberedEntry(
  kind: DataKind,
  entry: Value,
  properties: readonly Property[],
  sinks: EntrySinks
): void {
  const noun = ENTRY_NOUN[kind]
  const urlKeyByPosition = new Map<number, Property>()
  let hasTitle = false
  let isSequence = false
  for (const property of properties) {
    if (property.superseded) continue
    const key = property.key
    const position = numberedUrlPosition(key)
    if (position !== undefined) {
      urlKeyByPosition.set(position, property)
      checkUrl(property, sinks)
    } else if (key === TITLE) {
      hasTitle = true
      checkTitle(kind, property, true, sinks.report)
    } else if (key === CREATE_VIDEO && kind === 'image_groups') {
      isSequence = checkCreateVideo(property, sinks.report)
    } else if (key === CLIENT_METADATA) expectObject(property, sinks.report)
    else reportUnknownKey(kind, property, sinks.report)
  }
  if (!hasTitle) {
    sinks.report.add('missing-field', `this ${noun} has no "title": each ${noun} needs one`, entry)
  }
  if (urlKeyByPosition.size === 0) {
    sinks.report.add(
      'missing-field',
      `this ${noun} has no "objectUrl_0": list its files as "objectUrl_0", "objectUrl_1", …`,
      entry
    )
    return
  }
  reportGaps(kind, urlKeyByPosition, sinks.report)
  if (isSequence) checkSequenceLength(urlKeyByPosition.size, entry, sinks.report)
}

/** Reports missing positions once per entry, at the first URL key after the first gap. */
function reportGaps(
  kind: DataKind,
  urlKeyByPosition: ReadonlyMap<number, Property>,
  report: DiagnosticCollector
): void {
  const positions = [...urlKeyByPosition.keys()].sort((a, b) => a - b)
  const gaps: { from: number; to: number }[] = []
  let expected = 0
  let firstAfterGap: number | undefined
  for (const position of positions) {
    if (position > expected) {
      gaps.push({ from: expected, to: position - 1 })
      firstAfterGap ??= position
    }
    expected = position + 1
  }
  if (firstAfterGap === undefined) return
  const at = urlKeyByPosition.get(firstAfterGap)
  if (at === undefined) return
  const missingCount = gaps.reduce((sum, gap) => sum + gap.to - gap.from + 1, 0)
  const shown = gaps
    .slice(0, 3)
    .map((gap) =>
      gap.from === gap.to
        ? quote(`objectUrl_${gap.from}`)
        : `${quote(`objectUrl_${gap.from}`)} to ${quote(`objectUrl_${gap.to}`)}`
    )
  const more = gaps.length > 3 ? ', …' : ''
  report.add(
    'url-gap',
    `${shown.join(', ')}${more} missing (${plural(missingCount, 'position')}): the files of ${ENTRY_NOUN_WITH_ARTICLE[kind]} are numbered objectUrl_0, objectUrl_1, … without gaps, and the next key here is ${quote(at.key)}`,
    at
  )
}

function checkSequenceLength(images: number, entry: Value, report: DiagnosticCollector): void {
  if (images > MAX_SEQUENCE_IMAGES) {
    report.add(
      'sequence-too-long',
      `this image sequence ("createVideo": true) has ${plural(images, 'image')}; Encord supports at most ${MAX_SEQUENCE_IMAGES.toLocaleString('en-US')}: split it or register a video instead`,
      entry
    )
  } else if (images > ADVISED_SEQUENCE_IMAGES) {
    report.add(
      'long-sequence',
      `this image sequence ("createVideo": true) has ${plural(images, 'image')}; the guide advises at most ${ADVISED_SEQUENCE_IMAGES.toLocaleString('en-US')} for performance, or a video instead`,
      entry
    )
  }
}

function checkUrl(property: Property, sinks: EntrySinks): void {
  const value = property.value
  if (value === undefined) return
  if (value.kind !== 'string' || typeof value.literal !== 'string') {
    sinks.report.add(
      'value-type',
      `${quote(property.key)} must be a string URL, not ${describeKind(value.kind)}`,
      value
    )
    return
  }
  const url = value.literal
  if (url.trim() === '') {
    sinks.report.add('missing-field', `${quote(property.key)} is empty`, value)
    return
  }
  // A string of n UTF-16 units takes at most 3n bytes, so short URLs need no counting.
  if (url.length * 3 > MAX_URL_BYTES) {
    const bytes = utf8ByteLength(url)
    if (bytes > MAX_URL_BYTES) {
      sinks.report.add(
        'url-too-long',
        `this URL is ${plural(bytes, 'byte')}; Encord accepts URLs up to 16 KB (${MAX_URL_BYTES.toLocaleString('en-US')} bytes)`,
        value
      )
    }
  }
  sinks.url(url, value)
}

function checkTitle(
  kind: DataKind,
  property: Property,
  required: boolean,
  report: DiagnosticCollector
): void {
  const value = property.value
  if (value === undefined) return
  if (typeof value.literal !== 'string') {
    report.add('value-type', `"title" must be a string, not ${describeKind(value.kind)}`, value)
    return
  }
  const title = value.literal
  if (required && title.trim() === '') {
    report.add('missing-field', `"title" is empty: each ${ENTRY_NOUN[kind]} needs one`, value)
  } else if (title.length > MAX_TITLE_CHARACTERS) {
    const characters = codePointLength(title)
    if (characters > MAX_TITLE_CHARACTERS) {
      report.add(
        'title-too-long',
        `this title is ${plural(characters, 'character')}; Encord accepts titles up to ${MAX_TITLE_CHARACTERS}`,
        value
      )
    }
  }
}

/** Returns whether the entry is an image sequence. */
function checkCreateVideo(property: Property, report: DiagnosticCollector): boolean {
  const value = property.value
  if (value === undefined) return false
  if (typeof value.literal !== 'boolean') {
    const hint = value.literal === 'true' || value.literal === 'false' ? ' (drop the quotes)' : ''
    report.add(
      'value-type',
      `"createVideo" must be true or false, not ${value.kind === 'string' ? quote(String(value.literal)) : describeKind(value.kind)}${hint}`,
      value
    )
    return false
  }
  return value.literal
}

function expectObject(property: Property, report: DiagnosticCollector): void {
  const value = property.value
  if (value === undefined || value.kind === 'object') return
  report.add(
    'value-type',
    `${quote(property.key)} must be an object, not ${describeKind(value.kind)}`,
    value
  )
}

const LOOSE_NUMBERED_URL_KEY = /^object[_-]?url[_-]?(\d+)$/i

function reportUnknownKey(kind: DataKind, property: Property, report: DiagnosticCollector): void {
  const known = knownEntryKeys(kind)
  let suggestion: string | undefined
  const loose = LOOSE_NUMBERED_URL_KEY.exec(property.key)
  if (hasNumberedUrls(kind)) {
    suggestion =
      loose?.[1] !== undefined
        ? `objectUrl_${Number(loose[1])}`
        : closestKey(property.key, [...known, 'objectUrl_0'])
  } else {
    suggestion = closestKey(property.key, known)
  }
  const takes = hasNumberedUrls(kind) ? [...known, 'objectUrl_0', 'objectUrl_1', '…'] : known
  report.add(
    'unknown-entry-key',
    `${quote(property.key)} is not a key of ${ENTRY_NOUN_WITH_ARTICLE[kind]} entry, so Encord does not use it${suggestion ? `; did you mean ${quote(suggestion)}?` : ` (it takes ${takes.join(', ')})`}`,
    property
  )
}
