/**
 * Who labelled a training project. A project is meant to belong to one annotator, but reviewers
 * and admins also leave annotations, so the project is named after whoever created most of them
 * and everyone is listed.
 */
import type { ProjectLabels } from '../labels/model.js'
import type { Contributor } from './types.js'

/**
 * Counts per-frame annotations and classification instances by `createdBy`, most first (ties in
 * alphabetical order). Annotations without a creator are not counted.
 */
export function contributorsOf(project: ProjectLabels): Contributor[] {
  const counts = new Map<string, number>()
  const count = (email: string | null): void => {
    if (email !== null && email !== '') counts.set(email, (counts.get(email) ?? 0) + 1)
  }
  for (const row of project.rows) {
    for (const object of row.objects)
      for (const annotation of object.annotations) count(annotation.createdBy)
    for (const classification of row.classifications) count(classification.createdBy)
  }
  return [...counts]
    .map(([email, annotations]) => ({ email, annotations }))
    .sort((a, b) => b.annotations - a.annotations || compareText(a.email, b.email))
}

/** The e-mail that created most annotations; null when no creator is recorded. */
export function annotatorOf(contributors: Contributor[]): string | null {
  return contributors[0]?.email ?? null
}

/** Code-point order: the same on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
