/**
 * The rows of `iou_results.csv`: which columns, in which order, and what goes in each cell.
 *
 * The first five columns are exactly those of Encord's documented script; with `encord-script`
 * they hold the script's values, row for row and byte for byte, so a user can diff the two files
 * after cutting ours to five columns. Our own columns follow:
 *
 * | Column                  | Content                                                                   |
 * | ----------------------- | ------------------------------------------------------------------------- |
 * | `training_email`        | Who created the training annotation (script: frame 0); empty when missed  |
 * | `data_unit_name`        | Title of the data unit (the training row's `data_title`)                  |
 * | `label_id`              | The training row's label hash                                             |
 * | `iou_score`             | Similarity of the pair (script: best IoU); 0.0 for missed, extra, no match |
 * | `class_score`           | 1.0 when the paired benchmark object has the same class, else 0.0         |
 * | `training_project`      | Title of the training project                                             |
 * | `training_project_hash` | Hash of the training project                                              |
 * | `annotator`             | The project's annotator: who created most of its labels                   |
 * | `data_hash`             | Hash of the data unit, to join with Encord exports                        |
 * | `frame`                 | Frame number (0 for images; always 0 with `encord-script`)                |
 * | `status`                | `matched`, `wrong-class`, `missed` or `extra` (`one-to-one`); `matched`, `wrong-class` or `no-match` (`encord-script`) |
 * | `training_class`        | Class name of the training object; empty when missed                      |
 * | `benchmark_class`       | Class name of the benchmark object (script: best match); empty when none  |
 * | `training_object_hash`  | Object hash of the training object; empty when missed                     |
 * | `benchmark_object_hash` | Object hash of the benchmark object; empty when none                      |
 * | `attribute_agreement`   | Agreeing / compared attributes of a matched pair; empty when none compared |
 * | `training_url`          | The frame in the annotator's task in Encord's label editor; empty without links |
 * | `benchmark_url`         | The same frame in the benchmark project; empty without links             |
 *
 * Numbers are printed as Python's `repr(float)` in every numeric column; a missing value is an
 * empty cell (pandas writes None and NaN that way). Text in our columns that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'` so spreadsheets do not run it as a
 * formula; the script's five columns are left untouched so that they stay identical to its output.
 * The links are built by `results/editor-links.ts` (when a run has none, see docs/editor-links.md).
 */
import type { ObjectResult, ProjectEvaluation, ScriptRow } from '../evaluate/types.js'
import { pythonFloatRepr } from './python-float.js'
import { itemLinks, type EditorLinkBase } from '../results/editor-links.js'
import { scriptRowStatus } from '../results/script-row-status.js'
import { neutraliseFormula } from './spreadsheet-formula.js'

export const SCRIPT_COLUMNS = [
  'training_email',
  'data_unit_name',
  'label_id',
  'iou_score',
  'class_score'
] as const

export const OUR_COLUMNS = [
  'training_project',
  'training_project_hash',
  'annotator',
  'data_hash',
  'frame',
  'status',
  'training_class',
  'benchmark_class',
  'training_object_hash',
  'benchmark_object_hash',
  'attribute_agreement',
  'training_url',
  'benchmark_url'
] as const

export const CSV_COLUMNS = [...SCRIPT_COLUMNS, ...OUR_COLUMNS] as const

/**
 * Visits one CSV record per script row (`encord-script`) or per object result (`one-to-one`): a
 * callback, not a generator, to spare a generator's cost per record (a project has 20,000+).
 */
export function forEachCsvRecord(
  evaluation: ProjectEvaluation,
  visit: (record: string[]) => void,
  links: EditorLinkBase | null = null
): void {
  const project = projectCells(evaluation)
  if (evaluation.method === 'encord-script') {
    for (const row of evaluation.scriptRows) visit(scriptRecord(row, project, links))
  } else {
    for (const object of evaluation.objects) visit(objectRecord(object, project, links))
  }
}

interface ProjectCells {
  title: string
  hash: string
  annotator: string
}

function projectCells(evaluation: ProjectEvaluation): ProjectCells {
  return {
    title: neutraliseFormula(evaluation.projectTitle),
    hash: neutraliseFormula(evaluation.projectHash),
    annotator: neutraliseFormula(evaluation.annotator ?? '')
  }
}

function scriptRecord(
  row: ScriptRow,
  project: ProjectCells,
  links: EditorLinkBase | null
): string[] {
  const { trainingUrl, benchmarkUrl } = itemLinks(links, row.dataHash, 0)
  return [
    row.trainingEmail ?? '',
    row.dataUnitName,
    row.labelId ?? '',
    pandasFloat(row.iouScore),
    pandasFloat(row.classScore),
    project.title,
    project.hash,
    project.annotator,
    ourText(row.dataHash),
    '0',
    scriptRowStatus(row),
    ourText(row.training.className),
    ourText(row.bestMatch?.className),
    ourText(row.training.objectHash),
    ourText(row.bestMatch?.objectHash),
    '',
    ourText(trainingUrl),
    ourText(benchmarkUrl)
  ]
}

function objectRecord(
  object: ObjectResult,
  project: ProjectCells,
  links: EditorLinkBase | null
): string[] {
  const { trainingUrl, benchmarkUrl } = itemLinks(links, object.dataHash, object.frame)
  return [
    object.training?.createdBy ?? '',
    object.dataTitle,
    object.labelHash ?? '',
    pandasFloat(object.iou ?? 0),
    pandasFloat(object.status === 'matched' ? 1 : 0),
    project.title,
    project.hash,
    project.annotator,
    ourText(object.dataHash),
    String(object.frame),
    object.status,
    ourText(object.training?.className),
    ourText(object.benchmark?.className),
    ourText(object.training?.objectHash),
    ourText(object.benchmark?.objectHash),
    object.attributeAgreement === null ? '' : pandasFloat(object.attributeAgreement),
    ourText(trainingUrl),
    ourText(benchmarkUrl)
  ]
}

function ourText(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : neutraliseFormula(text)
}

/** pandas writes NaN as an empty cell (`na_rep=''`) and every other float as Python's repr. */
function pandasFloat(value: number): string {
  return Number.isNaN(value) ? '' : pythonFloatRepr(value)
}
