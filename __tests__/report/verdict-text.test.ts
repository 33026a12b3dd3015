import { describe, expect, it } from '@jest/globals'
import { verdictText } from '../../src/report/verdict-text.js'
import { verdictOf } from '../../src/results/standings.js'
import { evaluated, failed, runResult } from './builders.js'

describe('verdictText', () => {
  it('words the verdict for every case', () => {
    const text = (projects: Parameters<typeof runResult>[0]) =>
      verdictText(verdictOf(runResult(projects)))
    expect(text({ projects: [evaluated()] })).toEqual({
      headline: '1 of 1 annotator passed',
      detail: 'No thresholds are set, so every annotator passes'
    })
    expect(text({ projects: [] })).toEqual({
      headline: 'No training project was evaluated',
      detail: null
    })
    expect(text({ projects: [failed()] })).toEqual({
      headline: '1 of 1 training project could not be evaluated',
      detail: null
    })
  })
})
