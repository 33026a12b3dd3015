// The pure plan of setup-training: titles from the template, and reuse, create or conflict.
import { describe, expect, it } from '@jest/globals'
import { planStep, titleFor, type ExistingProject } from '../../src/setup/plan.js'

const blueprint = {
  datasets: [{ datasetHash: 'd1', title: 'Streets' }],
  ontologyHash: 'o1'
}
const existing = (overrides: Partial<ExistingProject> = {}): ExistingProject => ({
  projectHash: 'p1',
  datasetHashes: ['d1'],
  ontologyHash: 'o1',
  annotators: [],
  ...overrides
})

describe('titleFor', () => {
  it('puts the part before @ for {name} and the whole address for {email}', () => {
    expect(titleFor('Training – {name} ({email})', 'ann.lee@example.com')).toBe(
      'Training – ann.lee (ann.lee@example.com)'
    )
  })
})

describe('planStep', () => {
  it('creates when nothing has the title', () => {
    expect(planStep('a@x.io', 'T', blueprint, [])).toEqual({
      annotator: 'a@x.io',
      title: 'T',
      action: 'create'
    })
  })

  it('reuses the one project set up like the benchmark, and says whether the annotator is on it', () => {
    expect(
      planStep('A@x.io', 'T', blueprint, [existing({ annotators: ['a@x.io'] })])
    ).toMatchObject({
      action: 'reuse',
      projectHash: 'p1',
      annotatorPresent: true
    })
    expect(planStep('a@x.io', 'T', blueprint, [existing()])).toMatchObject({
      annotatorPresent: false
    })
  })

  it('is a conflict naming each difference when the titled project is set up differently', () => {
    const step = planStep('a@x.io', 'T', blueprint, [
      existing({ ontologyHash: 'o2', datasetHashes: ['d1', 'd2'] })
    ])
    expect(step).toEqual({
      annotator: 'a@x.io',
      title: 'T',
      action: 'conflict',
      problem:
        "a project titled 'T' exists but is set up differently: p1 uses ontology o2, not the benchmark's o1 and has the extra dataset d2; rename or remove it, or choose another --title"
    })
  })

  it('is a conflict, never a guess, when two projects match', () => {
    const step = planStep('a@x.io', 'T', blueprint, [existing(), existing({ projectHash: 'p2' })])
    expect(step).toMatchObject({
      action: 'conflict',
      problem: expect.stringContaining('2 projects are titled')
    })
  })
})
