/**
 * Builds a project's label model from files: an Encord label-row JSON export (a list of label
 * rows) and the ontology. No network. A project exported from Encord carries no project hash, so
 * the file name stands in for it: name exports `<project-hash>.json` to keep the hash in reports.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { InputError } from '../errors.js'
import { toLabelRow, type RowMetadata } from '../labels/convert.js'
import { toDataType, type LabelRow, type Ontology, type ProjectLabels } from '../labels/model.js'
import { parseOntology } from '../labels/ontology.js'

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
  const json = await readJson(file, 'ontology-file')
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
  input: 'benchmark-export' | 'training-exports'
): Promise<ProjectLabels> {
  const json = await readJson(file, input)
  if (!Array.isArray(json)) {
    throw new InputError(
      `Input '${input}': ${file} is not an Encord label export; expected a JSON list of label rows`,
      input
    )
  }
  const projectHash = path.basename(file).replace(/\.json$/i, '')
  const context = { project: projectHash, source: file }
  const rows: LabelRow[] = []
  json.forEach((item, index) => {
    const header = exportedRowHeader.safeParse(item)
    if (!header.success) {
      const issue = header.error.issues[0]
      throw new InputError(
        `Input '${input}': row ${index} of ${file} is not an Encord label row (${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'})`,
        input
      )
    }
    // Exports that record the workflow stage are filtered like the API listing; others are taken whole.
    const stage = header.data.workflow_graph_node?.title
    if (stage !== undefined && stage !== stageTitle) return
    rows.push(toLabelRow(item, rowMetadata(header.data), ontology, context))
  })
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

async function readJson(file: string, input: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(
      `Input '${input}': cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
      input
    )
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new InputError(
      `Input '${input}': ${file} is not valid JSON (${(error as Error).message})`,
      input
    )
  }
}
