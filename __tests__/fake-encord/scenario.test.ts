// Building scenarios in code, and the checks every scenario goes through before it is served.
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  boundingBox,
  buildOntology,
  buildScenario,
  deterministicUuid,
  featureHashOf,
  generateKeyPair,
  imageRow,
  ontologyProject,
  shortHash,
  uninitialisedRow,
  videoRow,
  withSerialisedLabels,
  workflowStages,
  type Scenario
} from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { createTestSigner, postV1 } from '../../tools/fake-encord/test-signer.mjs'
import {
  exampleScenario,
  fetchBody,
  listingBody,
  type MetadataRow,
  type V1Answer
} from './support.js'

const key = generateKeyPair(Buffer.alloc(32, 1))
const signer = createTestSigner(key.privateKeyOpenSsh)
let fake: FakeEncord | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function smallScenario(): { scenario: Scenario; projectHash: string; car: string } {
  const ontologyHash = deterministicUuid('ontology')
  const projectHash = deterministicUuid('project')
  const ontology = buildOntology({
    title: 'Things',
    objects: ['Car', { name: 'Lane', shape: 'polyline' }]
  })
  const car = featureHashOf(ontology, 'Car')
  const box = (objectHash: string, x: number) =>
    boundingBox({
      objectHash,
      featureHash: car,
      name: 'Car',
      x,
      y: 0.1,
      w: 0.2,
      h: 0.3,
      createdBy: 'a@b.c'
    })
  const scenario = buildScenario({
    users: [{ email: 'a@b.c', publicKeyHex: key.publicKeyHex, projects: [projectHash] }],
    ontologies: { [ontologyHash]: ontology },
    projects: {
      [projectHash]: ontologyProject({
        projectHash,
        title: 'P',
        ontologyHash,
        rows: [
          imageRow({
            dataHash: 'd1',
            dataTitle: 'one.jpg',
            labelHash: 'l1',
            stage: 'Complete',
            objects: [box('o1', 0.1)]
          }),
          videoRow({
            dataHash: 'd2',
            dataTitle: 'two.mp4',
            labelHash: 'l2',
            stage: 'Complete',
            numberOfFrames: 5,
            frames: { 0: [box('o2', 0.1)], 4: [box('o2', 0.2), box('o3', 0.5)] }
          }),
          uninitialisedRow({ dataHash: 'd3', dataTitle: 'three.jpg', stage: 'Annotate' })
        ]
      })
    }
  })
  return { scenario, projectHash, car }
}

describe('scenario builders', () => {
  it('make rows the server lists and serves as Encord would', async () => {
    const { scenario, projectHash, car } = smallScenario()
    fake = await startFakeEncord({ scenario })
    const listing = (await (
      await postV1(fake.url, signer, {
        projectHash,
        body: listingBody({ workflow_graph_node_title_eq: null })
      })
    ).json()) as V1Answer<MetadataRow[]>
    const labels = (await (
      await postV1(fake.url, signer, { projectHash, body: fetchBody(['l1', 'l2']) })
    ).json()) as V1Answer<
      {
        data_type: string
        data_units: Record<string, { labels: Record<string, unknown> }>
        object_answers: object
      }[]
    >

    expect(listing.response.map((row) => [row.data_title, row.data_type, row.label_hash])).toEqual([
      ['one.jpg', 'IMAGE', 'l1'],
      ['two.mp4', 'VIDEO', 'l2'],
      ['three.jpg', 'IMAGE', null]
    ])
    const [image, video] = labels.response
    expect(image?.data_type).toBe('image')
    expect(image?.data_units['d1']?.labels).toEqual({
      objects: [
        expect.objectContaining({
          objectHash: 'o1',
          featureHash: car,
          boundingBox: { h: 0.3, w: 0.2, x: 0.1, y: 0.1 }
        })
      ],
      classifications: []
    })
    expect(video?.data_type).toBe('video')
    expect(Object.keys(video?.data_units['d2']?.labels ?? {})).toEqual(['0', '4'])
    expect(Object.keys(video?.object_answers ?? {})).toEqual(['o2', 'o3'])
  })

  it('can serialise labels in advance, which the server then serves verbatim', async () => {
    const { scenario, projectHash } = smallScenario()
    const fetchBoth = async (served: Scenario) => {
      const server = await startFakeEncord({ scenario: served })
      const response = await postV1(server.url, signer, {
        projectHash,
        body: fetchBody(['l1', 'l2'])
      })
      const text = await response.text()
      await server.close()
      return text
    }
    const project = scenario.projects[projectHash]!
    const serialised: Scenario = {
      ...scenario,
      projects: {
        [projectHash]: { ...project, rows: project.rows.map((row) => withSerialisedLabels(row)) }
      }
    }
    expect(serialised.projects[projectHash]!.rows.map((row) => typeof row.labels)).toEqual([
      'string',
      'string',
      'object'
    ])
    expect(await fetchBoth(serialised)).toBe(await fetchBoth(scenario))
  })

  it('derive stable ids', () => {
    expect(deterministicUuid('a', 1)).toBe(deterministicUuid('a', 1))
    expect(deterministicUuid('a', 1)).not.toBe(deterministicUuid('a1'))
    expect(deterministicUuid('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    expect(shortHash('x')).toHaveLength(8)
    expect(workflowStages('p').map((stage) => [stage.title, stage.stageType])).toEqual([
      ['Annotate', 'ANNOTATION'],
      ['Review', 'REVIEW'],
      ['Complete', 'DONE']
    ])
    expect(workflowStages('p')[0]?.uuid).not.toBe(workflowStages('q')[0]?.uuid)
  })
})

describe('scenario checks', () => {
  it('list every problem with its path', () => {
    const { scenario, projectHash } = smallScenario()
    const project = scenario.projects[projectHash]!
    project.rows[0]!.stage = 'Done'
    project.rows[1]!.metadata.data_type = 'video'
    project.rows.push({
      metadata: { data_hash: 'd9', data_title: 'x', data_type: 'IMAGE' },
      labels: {},
      stage: 'Complete'
    })
    scenario.users.push({ email: 'x@y.z', publicKeyHex: 'abc', projects: [] })
    scenario.users.push({
      email: 'q@y.z',
      publicKeyHex: generateKeyPair().publicKeyHex,
      projects: ['nope']
    })

    let message = ''
    try {
      buildScenario(scenario)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message.split('\n').map((line) => line.trim())).toEqual([
      'invalid scenario:',
      `projects["${projectHash}"].rows[0]: stage "Done" is not one of "Annotate", "Review", "Complete"`,
      `projects["${projectHash}"].rows[1]: metadata.data_type must be upper-case, one of VIDEO, IMG_GROUP, DICOM, IMAGE, DICOM_STUDY, NIFTI, AUDIO, PLAIN_TEXT, PDF, GROUP, SCENE`,
      `projects["${projectHash}"].rows[3]: has labels but no label_hash (in metadata or labels)`,
      'users[1].publicKeyHex: must be the 64-hex-character Ed25519 public key',
      'users[2].projects: unknown project(s) nope'
    ])
  })

  it('refuse a project on an unknown ontology and a label hash used twice', () => {
    const { scenario, projectHash } = smallScenario()
    const project = scenario.projects[projectHash]!
    project.rows[1]!.metadata.label_hash = 'l1'
    project.rows[1]!.labels = { ...(project.rows[1]!.labels as object), label_hash: 'l1' }
    expect(() => buildScenario(scenario)).toThrow(/rows\[1\]: label_hash used twice/)
    project.ontologyHash = 'missing'
    expect(() => buildScenario(scenario)).toThrow(/ontologyHash: "missing" is not in ontologies/)
  })

  it('accept the committed example: one user, a benchmark and a training project', () => {
    const scenario = buildScenario(exampleScenario())
    const rows = Object.values(scenario.projects).flatMap((project) => project.rows)
    expect(scenario.users).toHaveLength(1)
    expect(Object.values(scenario.projects).map((project) => project.title)).toEqual([
      'Training - alice@example.com',
      'Benchmark'
    ])
    expect(rows.some((row) => row.labels === null && row.metadata.label_hash === null)).toBe(true)
    expect(rows.some((row) => row.stage !== 'Complete')).toBe(true)
  })
})
