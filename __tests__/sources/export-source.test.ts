// Offline mode's source: label exports and the ontology file, with one-line InputErrors naming
// the input and the file for every unreadable file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { InputError } from '../../src/errors.js'
import type { Ontology } from '../../src/labels/model.js'
import { loadOntologyFile, loadProjectFromExport } from '../../src/sources/export-source.js'

const SAMPLE = path.resolve('samples/demo')
const ALICE = 'eabd1b42-29fa-4309-a552-225619f4c7c4'
let dir: string
let ontology: Ontology
let sampleRows: Record<string, unknown>[]

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'export-source-'))
  ontology = await loadOntologyFile(path.join(SAMPLE, 'ontology.json'))
  sampleRows = JSON.parse(
    await readFile(path.join(SAMPLE, 'exports', `${ALICE}.json`), 'utf8')
  ) as Record<string, unknown>[]
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, content: unknown): Promise<string> {
  const target = path.join(dir, name)
  await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content))
  return target
}

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

describe('loadProjectFromExport', () => {
  it('names the project after the file and keeps every row of an export without stages', async () => {
    const project = await loadProjectFromExport(
      path.join(SAMPLE, 'exports', `${ALICE}.json`),
      ontology,
      'Complete',
      'training-exports'
    )
    expect(project.projectHash).toBe(ALICE)
    expect(project.title).toBe(ALICE)
    expect(project.stageTitle).toBe('Complete')
    expect(project.rows.map((row) => row.dataHash)).toEqual(sampleRows.map((row) => row.data_hash))
    expect(project.rows.reduce((sum, row) => sum + row.objects.length, 0)).toBeGreaterThan(0)
  })

  it('filters rows that record their workflow stage, like the API listing', async () => {
    const [first, second, third] = sampleRows as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>
    ]
    const exported = await file('staged.json', [
      { ...first, workflow_graph_node: { title: 'Complete' } },
      { ...second, workflow_graph_node: { title: 'Review' } },
      { ...third, workflow_graph_node: null }
    ])
    const project = await loadProjectFromExport(exported, ontology, 'Complete', 'training-exports')
    expect(project.projectHash).toBe('staged')
    expect(project.rows.map((row) => row.dataHash)).toEqual([first.data_hash, third.data_hash])
  })

  it.each([
    [
      'not a list',
      { rows: [] },
      /is not an Encord label export; expected a JSON list of label rows/
    ],
    ['not JSON', '[{"data_hash": "x",]', /is not valid JSON/],
    [
      'a row without data_hash',
      [{ data_title: 'a.jpg', data_type: 'image' }],
      /row 1 of .* is not an Encord label row \("data_hash" is missing\)/
    ]
  ])(
    'rejects a file that is %s, naming the input and the file',
    async (_what, content, pattern) => {
      const exported = await file('bad.json', content)
      const error = await inputError(
        loadProjectFromExport(exported, ontology, 'Complete', 'benchmark-export')
      )
      expect(error.input).toBe('benchmark-export')
      expect(error.message).toContain("Input 'benchmark-export'")
      expect(error.message).toContain(exported)
      expect(error.message).toMatch(pattern)
      expect(error.message).not.toMatch(/\n/)
    }
  )

  it('rejects a missing file in one line', async () => {
    const missing = path.join(dir, 'nope.json')
    const error = await inputError(
      loadProjectFromExport(missing, ontology, 'Complete', 'training-exports')
    )
    expect(error.message).toBe(`Input 'training-exports': cannot read ${missing} (no such file)`)
  })
})

describe('loadOntologyFile', () => {
  it('reads the structure alone, or inside an ontology or project document', async () => {
    const document = JSON.parse(await readFile(path.join(SAMPLE, 'ontology.json'), 'utf8')) as {
      ontologyUuid: string
      editor: unknown
    }
    const bare = await loadOntologyFile(await file('bare.json', document.editor))
    const project = await loadOntologyFile(
      await file('project.json', { title: 'P', editorOntology: document.editor })
    )
    expect(ontology.ontologyHash).toBe(document.ontologyUuid)
    expect(bare.ontologyHash).toBeNull()
    expect(bare.objects).toEqual(ontology.objects)
    expect(project.objects).toEqual(ontology.objects)
    expect(ontology.objects.map((object) => object.name)).toEqual([
      'Car',
      'Truck',
      'Pedestrian',
      'Cyclist',
      'Keypoint'
    ])
  })

  it('rejects an unreadable ontology file naming ontology-file', async () => {
    const error = await inputError(loadOntologyFile(path.join(dir, 'missing-ontology.json')))
    expect(error.input).toBe('ontology-file')
    expect(error.message).toMatch(/^Input 'ontology-file': cannot read .* \(no such file\)$/)
  })
})
