/**
 * What Encord's documented script would write for a scenario, computed here from the scenario's
 * own label JSON, independently of `src/`: its five CSV columns (see
 * docs/encord-script.md §2). Rows of the stage are paired by data_hash (the benchmark's
 * last row wins) in the training listing order; each training bounding box on frame 0 takes the
 * benchmark box with the strictly greatest IoU; numbers are printed as Python's repr.
 */
import type { Json, Scenario, ScenarioProject } from '../../tools/fake-encord/scenario.mjs'

export const SCRIPT_HEADER = 'training_email,data_unit_name,label_id,iou_score,class_score'

interface FrameZeroBox {
  x: number
  y: number
  w: number
  h: number
  featureHash: string
  createdBy: string | undefined
}

export interface ScriptRow {
  email: string
  dataUnitName: string
  labelId: string
  iou: number
  classScore: number
}

/** The script's rows for each training project, in the order given. */
export function scriptRows(
  scenario: Scenario,
  benchmarkHash: string,
  trainingHashes: readonly string[],
  stage: string
): ScriptRow[][] {
  const benchmark = projectOf(scenario, benchmarkHash)
  const shapes = shapesOf(scenario, benchmark)
  const benchmarkByData = new Map<string, Record<string, Json>>()
  for (const row of benchmark.rows) {
    const labels = labelsOf(row.labels)
    if (row.stage === stage && labels !== null) benchmarkByData.set(row.metadata.data_hash, labels)
  }

  return trainingHashes.map((hash) => {
    const rows: ScriptRow[] = []
    for (const row of projectOf(scenario, hash).rows) {
      const labels = labelsOf(row.labels)
      const gold = benchmarkByData.get(row.metadata.data_hash)
      if (row.stage !== stage || labels === null || gold === undefined) continue
      const candidates = frameZeroBoxes(gold, shapes)
      for (const box of frameZeroBoxes(labels, shapes)) {
        let best: FrameZeroBox | null = null
        let bestIou = 0
        for (const candidate of candidates) {
          const iou = scriptIou(box, candidate)
          if (iou > bestIou) {
            best = candidate
            bestIou = iou
          }
        }
        rows.push({
          email: box.createdBy ?? '',
          dataUnitName: String(labels.data_title),
          labelId: String(labels.label_hash),
          iou: bestIou,
          classScore: best !== null && best.featureHash === box.featureHash ? 1 : 0
        })
      }
    }
    return rows
  })
}

/** The rows as the script's CSV lines (pandas `to_csv`; the generated text never needs quotes). */
export function scriptCsvLines(rows: readonly ScriptRow[]): string[] {
  return rows.map((row) =>
    [
      row.email,
      row.dataUnitName,
      row.labelId,
      pythonRepr(row.iou),
      pythonRepr(row.classScore)
    ].join(',')
  )
}

/** The script's IoU, the same expressions in the same order. */
function scriptIou(a: FrameZeroBox, b: FrameZeroBox): number {
  const xl = Math.max(a.x, b.x)
  const yt = Math.max(a.y, b.y)
  const xr = Math.min(a.x + a.w, b.x + b.w)
  const yb = Math.min(a.y + a.h, b.y + b.h)
  const inter = Math.max(0, xr - xl) * Math.max(0, yb - yt)
  const union = a.w * a.h + b.w * b.h - inter
  return union > 0 ? inter / union : 0
}

/**
 * Python's `repr(float)`: the shortest round-trip digits (as JavaScript's), with `.0` on whole
 * numbers and exponent notation below 1e-4 or from 1e16, with at least two exponent digits.
 */
export function pythonRepr(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf'
  const magnitude = Math.abs(value)
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(value)
    return /[.e]/.test(text) ? text : `${text}.0`
  }
  const [mantissa = '', exponent = ''] = value.toExponential().split('e')
  const sign = exponent.startsWith('-') ? '-' : '+'
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`
}

function frameZeroBoxes(labels: Record<string, Json>, shapes: Map<string, string>): FrameZeroBox[] {
  const boxes: FrameZeroBox[] = []
  for (const unit of Object.values(record(labels.data_units))) {
    const unitLabels = record(record(unit).labels)
    // Images keep their one frame's labels directly; videos key them by frame number.
    const frameZero = 'objects' in unitLabels ? unitLabels : record(unitLabels['0'])
    for (const item of array(frameZero.objects)) {
      const object = record(item)
      const featureHash = String(object.featureHash)
      if (shapes.get(featureHash) !== 'bounding_box') continue
      const box = record(object.boundingBox)
      boxes.push({
        x: Number(box.x),
        y: Number(box.y),
        w: Number(box.w),
        h: Number(box.h),
        featureHash,
        createdBy: typeof object.createdBy === 'string' ? object.createdBy : undefined
      })
    }
  }
  return boxes
}

function shapesOf(scenario: Scenario, project: ScenarioProject): Map<string, string> {
  const editor = scenario.ontologies[project.ontologyHash]?.editor ?? {}
  return new Map(
    array(editor.objects).map((item) => {
      const object = record(item)
      return [String(object.featureNodeHash), String(object.shape)]
    })
  )
}

function projectOf(scenario: Scenario, hash: string): ScenarioProject {
  const project = scenario.projects[hash]
  if (project === undefined) throw new Error(`no project ${hash} in the scenario`)
  return project
}

function labelsOf(labels: ScenarioProject['rows'][number]['labels']): Record<string, Json> | null {
  if (labels === undefined || labels === null) return null
  return typeof labels === 'string' ? record(JSON.parse(labels) as Json) : labels
}

function record(value: Json | undefined): Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
}

function array(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : []
}
