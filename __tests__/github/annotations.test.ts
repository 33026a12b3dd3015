import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createAnnotationBudget } from '../../src/github/annotations.js'
import { captureStdout, type CapturedOutput } from './helpers/workflow-commands.js'

let output: CapturedOutput

beforeEach(() => {
  output = captureStdout()
})

afterEach(() => output.restore())

describe('createAnnotationBudget', () => {
  it('passes up to 10 per level through unchanged', () => {
    const budget = createAnnotationBudget()
    for (let n = 1; n <= 10; n++) budget.warning(`w${n}`)
    budget.notice('only notice')
    budget.flush()
    expect(output.messages('warning')).toEqual(
      Array.from({ length: 10 }, (_, index) => `w${index + 1}`)
    )
    expect(output.messages('notice')).toEqual(['only notice'])
  })

  it('folds the rest into one annotation and lists them in the log', () => {
    const budget = createAnnotationBudget()
    for (let n = 1; n <= 25; n++) budget.error(`e${n}`)
    budget.flush()
    const errors = output.messages('error')
    expect(errors).toHaveLength(10)
    expect(errors.slice(0, 9)).toEqual(Array.from({ length: 9 }, (_, index) => `e${index + 1}`))
    expect(errors[9]).toBe(
      '16 more errors are not shown as annotations (GitHub shows 10 per step); they are listed in the log'
    )
    const logged = output.lines().filter((line) => line.startsWith('error: '))
    expect(logged).toEqual(Array.from({ length: 16 }, (_, index) => `error: e${index + 10}`))
  })

  it('keeps levels apart, carries properties, and holds the last slot until flush', () => {
    const budget = createAnnotationBudget(2)
    budget.warning('w1', { title: 'Project A' })
    budget.warning('w2')
    budget.notice('n1')
    budget.flush()
    expect(output.lines()).toEqual([
      '::warning title=Project A::w1',
      '::notice::n1',
      '::warning::w2'
    ])
  })
})
