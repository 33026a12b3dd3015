/**
 * Issue 20 A end to end: a benchmark whose frame classifications' answer entries carry no
 * `featureHash` (as Encord sends many of them) is read and scored like any other.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluateProject } from '../../src/evaluate/index.js'
import { toLabelRow } from '../../src/labels/convert.js'
import type { ProjectLabels } from '../../src/labels/model.js'
import { CONTEXT, fixture, metadata, ontology } from './fixtures.js'

type AnswerEntries = Record<string, Record<string, unknown>>

/** The video fixture with every answer entry of a frame classification stripped of featureHash. */
function videoWithoutAnswerFeatureHashes(caption: string): Record<string, unknown> {
  const json = fixture('video') as { classification_answers: AnswerEntries }
  for (const entry of Object.values(json.classification_answers)) {
    delete entry.featureHash
    entry.classifications = [{ featureHash: 'captAttr', answers: caption }]
  }
  return json
}

function project(projectHash: string, caption: string): ProjectLabels {
  const row = toLabelRow(
    videoWithoutAnswerFeatureHashes(caption),
    metadata({ dataType: 'video', numberOfFrames: 8, width: 1920, height: 1080 }),
    ontology,
    { ...CONTEXT, project: projectHash }
  )
  return { projectHash, title: projectHash, ontology, rows: [row], stageTitle: 'Complete' }
}

describe('a benchmark whose answer entries lack featureHash', () => {
  const benchmark = project('bench', 'two cars')
  const options = { method: 'one-to-one', iouThreshold: 0.5 } as const

  it('scores the classification on every frame that names it, with the frame’s feature', () => {
    const same = evaluateProject(benchmark, project('same', 'two cars'), options)
    expect(same.classifications.map((c) => [c.frame, c.featureHash, c.score])).toEqual([
      [2, 'captCls1', 1],
      [3, 'captCls1', 1],
      [4, 'captCls1', 1],
      [5, 'captCls1', 1]
    ])
    expect(same.overall.classificationAccuracy).toBe(1)
  })

  it('scores a different answer as a disagreement, not as an error', () => {
    const other = evaluateProject(benchmark, project('other', 'one bus'), options)
    expect(other.classifications.map((c) => c.score)).toEqual([0, 0, 0, 0])
    expect(other.classifications[0]).toMatchObject({
      benchmarkAnswer: 'two cars',
      trainingAnswer: 'one bus'
    })
    // The objects are untouched by the classifications: both tracks match on every frame.
    expect(other.overall.f1).toBe(1)
  })
})
