/**
 * Objects on spaces (data groups, multi-file items; `encord-api.md` §7.10) are not returned by the
 * SDK's `get_object_instances()` and are not scored here either. We count them so that a report
 * can say labels were left out rather than show an empty row without explanation.
 */
import type { LabelRowJson } from './schema.js'

/** Distinct objects found only on spaces: in space labels, or in answers that name a space. */
export function countSpaceObjects(
  row: LabelRowJson,
  isRootObject: (objectHash: string) => boolean
): number {
  const found = new Set<string>()
  for (const space of Object.values(row.spaces ?? {})) {
    for (const frame of Object.values(space.labels ?? {})) {
      for (const object of frame.objects ?? []) found.add(object.objectHash)
    }
  }
  for (const [key, answer] of Object.entries(row.object_answers)) {
    if (
      answer.spaces !== null &&
      answer.spaces !== undefined &&
      Object.keys(answer.spaces).length > 0
    ) {
      found.add(answer.objectHash ?? key)
    }
  }
  let count = 0
  for (const objectHash of found) if (!isRootObject(objectHash)) count++
  return count
}
