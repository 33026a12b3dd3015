/**
 * Builds a project's label model from files: an Encord label-row JSON export (a list of label
 * rows) and the ontology. No network. A project exported from Encord carries no project hash, so
 * the file name stands in for it: name exports `<project-hash>.json` to keep the hash in reports.
 *
 * An export is read in chunks and each row is parsed from its own slice and converted as soon as
 * it is complete (the scan of `label-row-bundle.ts`, as for rows fetched online): neither the
 * file's text nor the parsed tree of the whole file is ever held, only the rows' label model. A
 * file the scan does not expect is parsed whole, as before, for the same result or the same error.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { splitJsonObjectListPrefix, type ListState } from '../encord/label-row-bundle.js'
import { InputError } from '../errors.js'
import { toLabelRow, type RowMetadata } from '../labels/convert.js'
import { toDataType, type LabelRow, type Ontology, type ProjectLabels } from '../labels/model.js'
import { parseOntology } from '../labels/ontology.js'
import { formatPath, issueMessage } from '../labels/problems.js'
import { describeUtf16, detectUtf16 } from '../text-encoding.js'
import { describeJsonSyntaxError } from './json-syntax.js'
import { OntologyCoverage } from './ontology-check.js'

type ExportInput = 'benchmark-export' | 'training-exports'

/** Just what is needed to describe a row before the label schema reads it in full. */
const exportedRowHeader = z.object({
  label_hash: z.string().nullable().optional(),
  data_hash: z.string(),
  data_title: z.string(),
  data_type: z.string(),
  data_units: z.record(z.string(), z.unknown()).optional(),
  workflow_graph_node: z.object({ title: z.string() }).nullable().optional()
})

/**
 * Reads the ontology file: the ontology structure itself (`objects`, `classifications`), or an
 * Encord ontology or project document that holds it under `editor` or `editorOntology`.
 */
export async function loadOntologyFile(file: string): Promise<Ontology> {
  const bytes = readBytes(file, 'ontology-file')
  const json = parseWhole(bytes, file, 'ontology-file')
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  const structure = record.editor ?? record.editorOntology ?? json
  const ontologyHash =
    typeof record.ontologyUuid === 'string'
      ? record.ontologyUuid
      : typeof record.ontologyHash === 'string'
        ? record.ontologyHash
        : null
  return parseOntology(structure, { project: path.basename(file), source: file, ontologyHash })
}

export async function loadProjectFromExport(
  file: string,
  ontology: Ontology,
  stageTitle: string,
  input: ExportInput,
  ontologyFile?: string
): Promise<ProjectLabels> {
  const projectHash = path.basename(file).replace(/\.json$/i, '')
  const context = { project: projectHash, source: file }
  // The benchmark is read first: a wrong ontology file shows there, and is named once.
  const coverage = input === 'benchmark-export' ? new OntologyCoverage(ontology) : null
  const rows: LabelRow[] = []
  let index = 0
  for (const item of exportRows(file, input)) {
    const header = exportedRowHeader.safeParse(item)
    if (!header.success) {
      const issue = header.error.issues[0]
      const what = issue === undefined ? 'it does not fit' : issueMessage(issue, item)
      const at = issue === undefined || issue.path.length < 2 ? '' : ` at ${formatPath(issue.path)}`
      throw new InputError(
        `Input '${input}': row ${index + 1} of ${file} is not an Encord label row (${what}${at})`,
        input
      )
    }
    index += 1
    // Exports that record the workflow stage are filtered like the API listing; others are taken whole.
    const stage = header.data.workflow_graph_node?.title
    if (stage !== undefined && stage !== stageTitle) continue
    // Once the ontology is known to be wrong, the rest is only read for what else it lacks.
    if (coverage !== null && (!coverage.check(item) || coverage.missing.size > 0)) continue
    rows.push(toLabelRow(item, rowMetadata(header.data), ontology, context))
  }
  if (coverage !== null && coverage.missing.size > 0) {
    const count = coverage.missing.size
    throw new InputError(
      `Input 'ontology-file': ${ontologyFile ?? 'the ontology file'} does not describe the labels of ` +
        `${file}: they use ${count} class${count === 1 ? '' : 'es'} it does not have ` +
        `(${coverage.describeMissing()}); give the ontology of the benchmark's project`,
      'ontology-file'
    )
  }
  return { projectHash, title: projectHash, ontology, rows, stageTitle }
}

function rowMetadata(header: z.infer<typeof exportedRowHeader>): RowMetadata {
  return {
    labelHash: header.label_hash ?? null,
    dataHash: header.data_hash,
    dataTitle: header.data_title,
    dataType: toDataType(header.data_type) ?? 'image',
    numberOfFrames: countFrames(header.data_units),
    width: null,
    height: null
  }
}

/** Exports carry no frame count; the largest frame key (or image count) bounds the frames. */
function countFrames(dataUnits: Record<string, unknown> | undefined): number {
  let frames = 0
  for (const unit of Object.values(dataUnits ?? {})) {
    frames += 1
    const labels = (unit as { labels?: unknown }).labels
    if (typeof labels !== 'object' || labels === null) continue
    for (const key of Object.keys(labels)) {
      if (/^\d+$/.test(key)) frames = Math.max(frames, Number(key) + 1)
    }
  }
  return Math.max(frames, 1)
}

/** The file's bytes, without a UTF-8 byte-order mark; a missing, unreadable or UTF-16 file is refused. */
function readBytes(file: string, input: string): Buffer {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw cannotRead(file, input, error)
  }
  refuseUtf16(bytes, file, input)
  return withoutUtf8Bom(bytes)
}

function refuseUtf16(bytes: Buffer, file: string, input: string): void {
  const utf16 = detectUtf16(bytes)
  if (utf16 === null) return
  throw new InputError(
    `Input '${input}': ${file} is ${describeUtf16(utf16)} text; save it as UTF-8 and try again`,
    input
  )
}

/** Windows editors often start UTF-8 files with a byte-order mark; JSON.parse refuses it. */
function withoutUtf8Bom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
}

function cannotRead(file: string, input: string, error: unknown): InputError {
  return new InputError(
    `Input '${input}': cannot read ${file} (${describeReadError(error)})`,
    input
  )
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    default:
      return code === undefined ? 'it cannot be read' : `the system refused to read it: ${code}`
  }
}

/** How much of an export is read at a time. */
const CHUNK_BYTES = 4 * 1024 * 1024

/**
 * The export's rows, each parsed when it is complete; the file must be a JSON list. Read with
 * synchronous calls on purpose: the benchmark is read in one go, as when the file was read whole,
 * so that its problems (a wrong ontology file) are found before training exports are read beside it.
 */
function* exportRows(file: string, input: ExportInput): Generator<unknown> {
  const handle = openExport(file, input)
  let yielded = 0
  try {
    let window: Buffer = Buffer.alloc(0)
    let state: ListState = 'start'
    let started = false
    for (;;) {
      const chunk = readChunk(handle, file, input)
      window = window.length === 0 ? chunk : Buffer.concat([window, chunk])
      if (!started) {
        refuseUtf16(window, file, input)
        window = withoutUtf8Bom(window)
        started = true
      }
      const prefix = splitJsonObjectListPrefix(window, state)
      for (const slice of prefix.rows) {
        yield parseRow(window.toString('utf8', slice.start, slice.end), file, input)
        yielded += 1
      }
      // After the closing `]` only whitespace may follow, to the end of the file.
      if (prefix.closed) {
        if (onlyWhitespaceLeft(handle, file, input)) return
        break
      }
      // What is left is split again once more is read.
      window = window.subarray(prefix.rest)
      state = prefix.state
      if (chunk.length === 0) break
    }
  } finally {
    closeSync(handle)
  }
  // Not a plain list of objects: parsed whole, for the rows not given yet or the error.
  const bytes = readBytes(file, input)
  const json = parseWhole(bytes, file, input)
  if (!Array.isArray(json)) {
    throw new InputError(
      `Input '${input}': ${file} is not an Encord label export; expected a JSON list of label rows`,
      input
    )
  }
  yield* json.slice(yielded)
}

function onlyWhitespaceLeft(handle: number, file: string, input: string): boolean {
  for (;;) {
    const chunk = readChunk(handle, file, input)
    if (chunk.length === 0) return true
    if (!chunk.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
      return false
    }
  }
}

function openExport(file: string, input: string): number {
  try {
    return openSync(file, 'r')
  } catch (error) {
    throw cannotRead(file, input, error)
  }
}

/** The next bytes of the file; empty at its end. */
function readChunk(handle: number, file: string, input: string): Buffer {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
  try {
    return chunk.subarray(0, readSync(handle, chunk, 0, CHUNK_BYTES, null))
  } catch (error) {
    throw cannotRead(file, input, error)
  }
}

function parseRow(text: string, file: string, input: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    // The scan skips what rows hold; a mistake inside one is described from the whole file.
    throw notJson(readBytes(file, input), file, input)
  }
}

function parseWhole(bytes: Buffer, file: string, input: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    throw notJson(bytes, file, input)
  }
}

function notJson(bytes: Buffer, file: string, input: string): InputError {
  const where = describeJsonSyntaxError(bytes.toString('utf8'))
  return new InputError(
    `Input '${input}': ${file} is not valid JSON (${where ?? 'it cannot be read as JSON'})`,
    input
  )
}
