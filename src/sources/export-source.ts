/**
 * Builds a project's label model from files: an Encord label-row JSON export (a list of label
 * rows) and the ontology. No network. A project exported from Encord carries no project hash, so
 * the file name stands in for it: name exports `<project-hash>.json` to keep the hash in reports.
 *
 * An export is read as bytes and each row is parsed from its own slice when it is converted (the
 * scan of `label-row-bundle.ts`, as for rows fetched online): the parsed tree of one row dies as
 * soon as it is converted, where the tree of the whole file would outlive them all. A file the
 * scan does not expect is parsed whole, as before.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { splitJsonObjectList } from '../encord/label-row-bundle.js'
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
  const bytes = await readBytes(file, 'ontology-file')
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
  const bytes = await readBytes(file, input)
  const projectHash = path.basename(file).replace(/\.json$/i, '')
  const context = { project: projectHash, source: file }
  // The benchmark is read first: a wrong ontology file shows there, and is named once.
  const coverage = input === 'benchmark-export' ? new OntologyCoverage(ontology) : null
  const rows: LabelRow[] = []
  let index = 0
  for (const item of exportRows(bytes, file, input)) {
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
async function readBytes(file: string, input: string): Promise<Buffer> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new InputError(
      `Input '${input}': cannot read ${file} (${describeReadError(error)})`,
      input
    )
  }
  const utf16 = detectUtf16(bytes)
  if (utf16 !== null) {
    throw new InputError(
      `Input '${input}': ${file} is ${describeUtf16(utf16)} text; save it as UTF-8 and try again`,
      input
    )
  }
  // Windows editors often start UTF-8 files with a byte-order mark; JSON.parse refuses it.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3)
  return bytes
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

/** The export's rows, each parsed when it is reached; the file must be a JSON list. */
function* exportRows(bytes: Buffer, file: string, input: ExportInput): Generator<unknown> {
  const slices = splitJsonObjectList(bytes)
  if (slices === null) {
    const json = parseWhole(bytes, file, input)
    if (!Array.isArray(json)) {
      throw new InputError(
        `Input '${input}': ${file} is not an Encord label export; expected a JSON list of label rows`,
        input
      )
    }
    yield* json
    return
  }
  for (const slice of slices) {
    let row: unknown
    try {
      row = JSON.parse(bytes.toString('utf8', slice.start, slice.end))
    } catch {
      // The scan skips what rows hold; a mistake inside one is described from the whole file.
      throw notJson(bytes, file, input)
    }
    yield row
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
