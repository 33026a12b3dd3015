/**
 * One-line `LabelDataError`s for label data that does not fit. Every message names the project,
 * the data unit (its title) and, where there is one, the object or classification, then the field
 * path, so that a user can open the row on Encord and find the label at fault.
 */
import type * as z from 'zod'
import { LabelDataError } from '../errors.js'
import { issueMessage } from '../schema-issues.js'

export { issueMessage }

/** A path into a JSON payload; zod reports keys as `PropertyKey`s. */
export type JsonPath = readonly PropertyKey[]

/** Which project and which request a payload came from, for error messages. */
export interface ConversionContext {
  project: string
  /** The request or file the payload came from, e.g. `labelrow GET`. */
  source: string
}

/** Where in a row a problem sits. */
export interface ProblemSite {
  path?: JsonPath
  objectHash?: string
  classificationHash?: string
  /** Title of the image inside an image group (named when it differs from the row's title). */
  imageTitle?: string
}

/** What every error about one row needs to say. */
export interface RowScope {
  project: string
  source: string
  dataTitle: string
}

export function rowProblem(
  scope: RowScope,
  problem: string,
  site: ProblemSite = {}
): LabelDataError {
  const parts = [`data unit "${scope.dataTitle}"`]
  if (site.imageTitle !== undefined && site.imageTitle !== scope.dataTitle) {
    parts.push(`image "${site.imageTitle}"`)
  }
  if (site.objectHash !== undefined) parts.push(`object ${site.objectHash}`)
  if (site.classificationHash !== undefined) parts.push(`classification ${site.classificationHash}`)
  const at = site.path === undefined ? '' : `at ${formatPath(site.path)}; `
  const message = `Project ${scope.project}: cannot read the labels of ${parts.join(', ')}: ${oneLine(problem)} (${at}${scope.source})`
  return new LabelDataError(message, {
    project: scope.project,
    dataUnit: scope.dataTitle,
    object: site.objectHash ?? site.classificationHash
  })
}

/** Turns the first schema issue into a row problem, naming the object found along its path. */
export function rowSchemaProblem(scope: RowScope, raw: unknown, error: z.ZodError): LabelDataError {
  const issue = error.issues[0]
  if (issue === undefined) return rowProblem(scope, 'the label row does not fit its schema')
  return rowProblem(scope, issueMessage(issue, raw), {
    path: issue.path,
    ...locate(raw, issue.path)
  })
}

export function ontologyProblem(
  context: ConversionContext & { ontologyHash?: string | null },
  problem: string,
  path?: JsonPath
): LabelDataError {
  const name = context.ontologyHash ? `ontology ${context.ontologyHash}` : 'ontology'
  const at = path === undefined ? '' : `at ${formatPath(path)}; `
  return new LabelDataError(
    `Project ${context.project}: cannot read the ${name}: ${oneLine(problem)} (${at}${context.source})`,
    { project: context.project }
  )
}

/** `data_units.abc.labels.0.objects[2].boundingBox.w` */
export function formatPath(path: JsonPath): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else text += text === '' ? String(key) : `.${String(key)}`
  }
  return text === '' ? '(top level)' : text
}

/**
 * Walks the raw JSON along a failing path and reports the last object, classification and image
 * met on the way: their hashes and titles make the message actionable.
 */
function locate(raw: unknown, path: JsonPath): Omit<ProblemSite, 'path'> {
  const site: Omit<ProblemSite, 'path'> = {}
  const imageGroup = isRecord(raw) && raw.data_type === 'img_group'
  let node: unknown = raw
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth]
    if (key === undefined || typeof key === 'symbol' || !isRecord(node)) break
    node = node[key]
    const parent = path[depth - 1]
    if (depth === 1 && (parent === 'object_answers' || parent === 'object_actions')) {
      site.objectHash = String(key)
    }
    if (depth === 1 && parent === 'classification_answers') site.classificationHash = String(key)
    if (!isRecord(node)) continue
    if (
      depth === 1 &&
      parent === 'data_units' &&
      imageGroup &&
      typeof node.data_title === 'string'
    ) {
      site.imageTitle = node.data_title
    }
    if (typeof node.objectHash === 'string') site.objectHash = node.objectHash
    if (typeof node.classificationHash === 'string') {
      site.classificationHash = node.classificationHash
    }
  }
  return site
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ')
}
