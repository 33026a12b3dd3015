/**
 * Builds a project's label model from Encord's API: project, ontology, the rows in the selected
 * workflow stage, and their label JSON. Rows never labelled (null label hash) are empty; they are
 * never fetched, and never created.
 */
import type { EncordClient, LabelRowReader } from '../encord/client.js'
import type { LabelRowMetadata } from '../encord/schemas.js'
import { EncordApiError, EvaluationError } from '../errors.js'
import { emptyLabelRow, toLabelRow, type RowMetadata } from '../labels/convert.js'
import { toDataType, type LabelRow, type ProjectLabels } from '../labels/model.js'
import { parseOntology } from '../labels/ontology.js'

export type ProjectRole = 'benchmark' | 'training'

export async function loadProjectFromEncord(
  client: EncordClient,
  projectHash: string,
  stageTitle: string,
  role: ProjectRole
): Promise<ProjectLabels> {
  const project = await client.getProject(projectHash)
  assertStageExists(project.workflowStages, stageTitle, projectHash, project.title, role)

  const [editor, listed] = await Promise.all([
    ontologyStructure(client, project.ontologyHash, projectHash, project.editorOntology),
    client.listLabelRows(projectHash, stageTitle)
  ])
  const context = { project: projectHash, source: 'labelrow GET' }
  const ontology = parseOntology(editor, {
    ...context,
    source: 'ontology GET',
    ontologyHash: project.ontologyHash
  })

  const labelled = listed.filter((row) => row.labelHash !== null)
  const labels = await client.fetchLabelRowsLazily(
    projectHash,
    labelled.map((row) => row.labelHash as string)
  )
  const byLabelHash = new Map<string, LabelRowReader>()
  labelled.forEach((row, index) => {
    const label = labels[index]
    if (label !== undefined) byLabelHash.set(row.labelHash as string, label)
  })

  // Each row's JSON is parsed as it is converted, and dropped with it.
  const rows: LabelRow[] = []
  for (const row of listed) {
    const meta = toRowMetadata(row)
    try {
      rows.push(
        row.labelHash === null
          ? emptyLabelRow(meta)
          : toLabelRow(byLabelHash.get(row.labelHash)?.json(), meta, ontology, context)
      )
    } catch (error) {
      // An answer that is not JSON fails the fetch before any row is read: that error comes
      // first, whichever row holds it.
      for (const other of labels) other.json()
      throw error
    }
  }
  return { projectHash, title: project.title, ontology, rows, stageTitle }
}

/**
 * The ontology as the SDK reads it (its own endpoint). Users with access to a project but not to
 * its ontology may get a 403 there (unverified in the SDK); the project already carries the same
 * structure, so fall back to it rather than fail.
 */
async function ontologyStructure(
  client: EncordClient,
  ontologyHash: string,
  projectHash: string,
  fromProject: unknown
): Promise<unknown> {
  try {
    return (await client.getOntology(ontologyHash, projectHash)).editor
  } catch (error) {
    if (error instanceof EncordApiError && error.kind === 'no-access' && fromProject != null) {
      return fromProject
    }
    throw error
  }
}

function toRowMetadata(row: LabelRowMetadata): RowMetadata {
  return {
    labelHash: row.labelHash,
    dataHash: row.dataHash,
    dataTitle: row.dataTitle,
    // Unknown types surface when the label JSON is read; an unlabelled row is simply empty.
    dataType: toDataType(row.dataType) ?? 'image',
    numberOfFrames: row.numberOfFrames,
    width: row.width,
    height: row.height
  }
}

/**
 * The stage filter is an exact title match on the server, so a renamed or mistyped stage silently
 * selects nothing. Say so up front, listing the stages the project has.
 */
function assertStageExists(
  stages: { title: string }[] | null,
  stageTitle: string,
  projectHash: string,
  projectTitle: string,
  role: ProjectRole
): void {
  if (stages === null || stages.some((stage) => stage.title === stageTitle)) return
  const titles = stages.map((stage) => `'${stage.title}'`).join(', ')
  throw new EvaluationError(
    `The ${role} project '${projectTitle}' (${projectHash}) has no workflow stage titled '${stageTitle}' (its stages: ${titles}); set workflow-stage to the title of the stage whose tasks should count`,
    projectHash
  )
}
