/**
 * Is the ontology file the one the export's labels were made with? Offline, the ontology is a
 * separate file, and the ontology of another project fails every row with "featureHash … is not
 * in the project's ontology", without naming the file at fault. Before a row is converted, the
 * feature hashes of its objects and classifications are looked up here; any that are unknown are
 * collected over the whole export so that one message can name the file and all that is missing.
 */
import type { Ontology } from '../labels/model.js'

export class OntologyCoverage {
  private readonly known: Set<string>
  /** featureHash → the label's name (as the export spells it), for what the ontology lacks. */
  readonly missing = new Map<string, string | null>()

  constructor(ontology: Ontology) {
    this.known = new Set([
      ...ontology.objects.map((object) => object.featureHash),
      ...ontology.classifications.map((classification) => classification.featureHash)
    ])
  }

  /** Records the row's unknown feature hashes; true when it has none. */
  check(row: unknown): boolean {
    const before = this.missing.size
    let clean = true
    for (const labels of labelSets(row)) {
      for (const list of [labels.objects, labels.classifications]) {
        if (!Array.isArray(list)) continue
        for (const entry of list) {
          if (!isRecord(entry) || typeof entry.featureHash !== 'string') continue
          if (this.known.has(entry.featureHash)) continue
          clean = false
          if (!this.missing.has(entry.featureHash)) {
            this.missing.set(entry.featureHash, typeof entry.name === 'string' ? entry.name : null)
          }
        }
      }
    }
    return clean && this.missing.size === before
  }

  /** `"Car" (carBox01), "Person" (p1)…`: at most `limit` named. */
  describeMissing(limit = 5): string {
    const named = [...this.missing]
      .slice(0, limit)
      .map(([hash, name]) => (name === null ? hash : `${JSON.stringify(name)} (${hash})`))
    const more = this.missing.size - named.length
    return named.join(', ') + (more > 0 ? ` and ${more} more` : '')
  }
}

/**
 * Where a row keeps object and classification labels: `data_units.<hash>.labels` for images, and
 * `data_units.<hash>.labels.<frame>` for videos and image sequences.
 */
function* labelSets(row: unknown): Generator<Record<string, unknown>> {
  if (!isRecord(row) || !isRecord(row.data_units)) return
  for (const unit of Object.values(row.data_units)) {
    if (!isRecord(unit) || !isRecord(unit.labels)) continue
    yield unit.labels
    for (const [key, frame] of Object.entries(unit.labels)) {
      if (/^\d+$/.test(key) && isRecord(frame)) yield frame
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
