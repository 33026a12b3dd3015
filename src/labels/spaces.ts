/**
 * Labels on spaces (the files of a data group, multi-file items) are not returned by the SDK's
 * `get_object_instances()` or `get_classification_instances()` and are not scored here either. We
 * count them so that a report can say labels were left out rather than show an empty row without
 * explanation.
 */
import type { LabelRowJson } from './schema.js'

/** Distinct objects and classifications found only on spaces. */
export function countSpaceLabels(
  row: LabelRowJson,
  isRootObject: (objectHash: string) => boolean
): { spaceObjects: number; spaceClassifications: number } {
  const objects = new Set<string>()
  const classifications = new Set<string>()
  for (const space of Object.values(row.spaces ?? {})) {
    for (const frame of Object.values(space.labels ?? {})) {
      for (const object of frame.objects ?? []) objects.add(object.objectHash)
      for (const classification of frame.classifications ?? []) {
        classifications.add(classification.classificationHash)
      }
    }
  }
  for (const [key, answer] of Object.entries(row.object_answers)) {
    if (namesASpace(answer.spaces)) objects.add(answer.objectHash ?? key)
  }
  for (const [key, answer] of Object.entries(row.classification_answers)) {
    if (namesASpace(answer.spaces)) classifications.add(answer.classificationHash ?? key)
  }
  let spaceObjects = 0
  for (const objectHash of objects) if (!isRootObject(objectHash)) spaceObjects++
  return { spaceObjects, spaceClassifications: classifications.size }
}

function namesASpace(spaces: Readonly<Record<string, unknown>> | null | undefined): boolean {
  return spaces !== null && spaces !== undefined && Object.keys(spaces).length > 0
}
