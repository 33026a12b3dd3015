/** Loads the hand-built label fixtures and gives each its listing metadata. */
import { readFileSync } from 'node:fs'
import type { RowMetadata } from '../../src/labels/convert.js'
import type { DataType } from '../../src/labels/model.js'
import { parseOntology } from '../../src/labels/ontology.js'

export const CONTEXT = { project: 'proj-1111', source: 'labelrow GET' }

/** A fresh copy of a fixture, safe to mutate. */
export function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../__fixtures__/labels/${name}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>
}

export const ontologyJson = (): Record<string, unknown> => fixture('ontology')

export const ontology = parseOntology(ontologyJson(), { ...CONTEXT, ontologyHash: 'ont-1' })

/** Listing metadata as `labelrowmetadata` would give it; the label JSON's own values win. */
export function metadata(overrides: Partial<RowMetadata> & { dataType: DataType }): RowMetadata {
  return {
    labelHash: 'listed-label-hash',
    dataHash: 'listed-data-hash',
    dataTitle: 'listed title',
    numberOfFrames: 1,
    width: null,
    height: null,
    ...overrides
  }
}
