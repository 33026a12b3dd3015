// loadProjectFromEncord against the real fake server: 2,500 rows in the stage come back in three
// bundles, all of them, in listing order, and nothing from other stages.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createEncordClient, type EncordClient } from '../../src/encord/client.js'
import { parsePrivateKey } from '../../src/encord/keys.js'
import { EncordApiError } from '../../src/errors.js'
import type { LabelRow } from '../../src/labels/model.js'
import { loadProjectFromEncord } from '../../src/sources/encord-source.js'
import {
  boundingBox,
  buildOntology,
  buildScenario,
  deterministicUuid,
  featureHashOf,
  imageRow,
  ontologyProject,
  uninitialisedRow,
  withSerialisedLabels,
  type ScenarioRow
} from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { EVALUATOR } from '../pipeline/scenario.js'

const PROJECT = deterministicUuid('sources-test', 'project')
const ONTOLOGY = deterministicUuid('sources-test', 'ontology')
const IN_STAGE = 2500
const ontology = buildOntology({ title: 'Volume', objects: ['Car'] })
const car = featureHashOf(ontology, 'Car')

/** Row n carries its number in its box's x, so a label matched to the wrong row shows. */
function labelledRow(n: number, stage: string): ScenarioRow {
  return withSerialisedLabels(
    imageRow({
      dataHash: deterministicUuid('sources-test', 'data', n),
      dataTitle: `frame-${String(n).padStart(5, '0')}.jpg`,
      labelHash: deterministicUuid('sources-test', 'label', n),
      stage,
      objects: [
        boundingBox({
          objectHash: deterministicUuid('sources-test', 'object', n).slice(0, 8),
          featureHash: car,
          name: 'Car',
          x: n / 10_000,
          y: 0.5,
          w: 0.01,
          h: 0.01,
          createdBy: 'alice@example.com'
        })
      ]
    })
  )
}

/**
 * 2,500 labelled rows in Complete, listed in a shuffled (but fixed) order, with rows in Review and
 * never-labelled rows in Complete mixed in.
 */
function rows(): { all: ScenarioRow[]; completeTitles: string[] } {
  const all: ScenarioRow[] = []
  const completeTitles: string[] = []
  // A fixed permutation: 7 is coprime with 2500, so n·7 mod 2500 visits every row once.
  for (let i = 0; i < IN_STAGE; i += 1) {
    const n = (i * 7) % IN_STAGE
    if (i % 50 === 0) all.push(labelledRow(IN_STAGE + i, 'Review'))
    if (i % 500 === 0) {
      const title = `never-${i}.jpg`
      all.push(
        uninitialisedRow({
          dataHash: deterministicUuid('sources-test', 'never', i),
          dataTitle: title,
          stage: 'Complete'
        })
      )
      completeTitles.push(title)
    }
    all.push(labelledRow(n, 'Complete'))
    completeTitles.push(`frame-${String(n).padStart(5, '0')}.jpg`)
  }
  return { all, completeTitles }
}

const built = rows()
let fake: FakeEncord
let client: EncordClient

beforeAll(async () => {
  fake = await startFakeEncord({
    scenario: buildScenario({
      users: [
        {
          email: 'evaluator@example.com',
          publicKeyHex: EVALUATOR.publicKeyHex,
          projects: [PROJECT]
        }
      ],
      ontologies: { [ONTOLOGY]: ontology },
      projects: {
        [PROJECT]: ontologyProject({
          projectHash: PROJECT,
          title: 'Volume',
          ontologyHash: ONTOLOGY,
          rows: built.all
        })
      }
    })
  })
  client = evaluatorClient(fake.url)
})

afterAll(async () => {
  client.close()
  await fake.close()
})

/** A real client for the fake at `url`, with the evaluator's key. */
function evaluatorClient(url: string): EncordClient {
  return createEncordClient({
    key: parsePrivateKey(EVALUATOR.privateKeyOpenSsh),
    domain: url,
    userAgent: 'encord-annotator-eval/test'
  })
}

function boxX(row: LabelRow): number | undefined {
  const geometry = row.objects[0]?.annotations[0]?.geometry
  return geometry?.type === 'box' ? geometry.x : undefined
}

describe('loadProjectFromEncord with 2,500 rows in the stage', () => {
  it('fetches them in exactly 3 bundles, every row in listing order, other stages left out', async () => {
    fake.resetStats()
    const project = await loadProjectFromEncord(client, PROJECT, 'Complete', 'training')

    const stats = fake.stats()
    expect(stats.byEndpoint['v1 labelrow GET']).toBe(3)
    expect([...stats.bundleSizes].sort((a, b) => b - a)).toEqual([1000, 1000, 500])
    expect(stats.byEndpoint['v1 labelrowmetadata GET']).toBe(1)
    expect(stats.writes).toEqual([])

    // Every row of the stage (the never-labelled ones too, empty), in listing order.
    expect(project.rows.map((row) => row.dataTitle)).toEqual(built.completeTitles)
    expect(project.rows).toHaveLength(IN_STAGE + 5)
    const inReview = project.rows.filter(
      (row) => Number(/^frame-(\d{5})/.exec(row.dataTitle)?.[1] ?? 0) >= IN_STAGE
    )
    expect(inReview).toEqual([])

    // Each labelled row got its own label JSON (the box's x encodes the row number).
    const wrong = project.rows.filter((row) => {
      const match = /^frame-(\d{5})\.jpg$/.exec(row.dataTitle)
      if (match === null) return row.labelHash !== null || row.objects.length !== 0
      return boxX(row) !== Number(match[1]) / 10_000
    })
    expect(wrong.map((row) => row.dataTitle)).toEqual([])
  })
  it('the rows left out are really there, in their own stage', async () => {
    const review = await loadProjectFromEncord(client, PROJECT, 'Review', 'training')
    expect(review.rows).toHaveLength(IN_STAGE / 50)
    expect(
      review.rows.every((row) => boxX(row) !== undefined && (boxX(row) as number) >= 0.25)
    ).toBe(true)
  })
})

describe('loadProjectFromEncord with a label row that is not JSON', () => {
  const BROKEN = deterministicUuid('sources-test', 'broken-project')
  let brokenFake: FakeEncord
  let brokenClient: EncordClient

  beforeAll(async () => {
    // Listed first: a row that is JSON but cannot be read (its class is not in the ontology).
    const unreadable = withSerialisedLabels(
      imageRow({
        dataHash: deterministicUuid('sources-test', 'broken-data', 1),
        dataTitle: 'unreadable.jpg',
        labelHash: deterministicUuid('sources-test', 'broken-label', 1),
        stage: 'Complete',
        objects: [
          boundingBox({
            objectHash: 'unknown1',
            featureHash: 'notInOntology',
            name: 'Car',
            x: 0.1,
            y: 0.1,
            w: 0.1,
            h: 0.1,
            createdBy: 'alice@example.com'
          })
        ]
      })
    )
    // Listed second: served verbatim, and not JSON.
    const broken: ScenarioRow = {
      ...labelledRow(1, 'Complete'),
      labels: `{"label_hash": "${deterministicUuid('sources-test', 'label', 1)}", "data_units": tru}`
    }
    brokenFake = await startFakeEncord({
      scenario: buildScenario({
        users: [
          {
            email: 'evaluator@example.com',
            publicKeyHex: EVALUATOR.publicKeyHex,
            projects: [BROKEN]
          }
        ],
        ontologies: { [ONTOLOGY]: ontology },
        projects: {
          [BROKEN]: ontologyProject({
            projectHash: BROKEN,
            title: 'Broken',
            ontologyHash: ONTOLOGY,
            rows: [unreadable, broken]
          })
        }
      })
    })
    brokenClient = evaluatorClient(brokenFake.url)
  })

  afterAll(async () => {
    brokenClient.close()
    await brokenFake.close()
  })

  it('fails as the answer not being JSON, before any row that cannot be read', async () => {
    // Rows are parsed one by one as they are read; the answer's error still comes first.
    const error = await loadProjectFromEncord(brokenClient, BROKEN, 'Complete', 'training').then(
      () => null,
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(EncordApiError)
    expect((error as EncordApiError).kind).toBe('invalid-response')
    expect((error as EncordApiError).message).toContain('not JSON')
  })
})
