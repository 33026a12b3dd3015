// Every line the action writes to the runner log goes through safeText: label data cannot put
// escape sequences on the log or start a workflow command of its own.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createAnnotationBudget } from '../../src/github/annotations.js'
import { actionsLogger } from '../../src/github/logger.js'
import { terminalLogger } from '../../src/cli/terminal-logger.js'
import { captureStdout, type CapturedOutput } from './helpers/workflow-commands.js'

const HOSTILE = 'eve\u001b[2J\u0007@example.com\n::error::forged'

let output: CapturedOutput

beforeEach(() => {
  output = captureStdout()
})

afterEach(() => output.restore())

describe('log lines and annotations on a runner', () => {
  it('logger lines carry no control characters and start no command', async () => {
    actionsLogger.info(`[1/1] ${HOSTILE} done`)
    actionsLogger.warning(HOSTILE)
    await actionsLogger.group(HOSTILE, () => Promise.resolve())
    expect(output.text()).not.toContain('\u001b')
    expect(output.text()).not.toContain('\u0007')
    expect(output.lines()).not.toContain('::error::forged')
    expect(output.messages('error')).toEqual([])
    expect(output.lines()).toContain('[1/1] eve\\u001b[2J\\u0007@example.com ::error::forged done')
  })

  it('annotations show control characters as escapes, passed through or held back', () => {
    const budget = createAnnotationBudget(2)
    budget.error(HOSTILE, { title: `Project ${HOSTILE}` })
    budget.error(`second ${HOSTILE}`)
    budget.error(`third ${HOSTILE}`)
    budget.flush()
    expect(output.text()).not.toContain('\u001b')
    expect(output.messages('error')[0]).toBe('eve\\u001b[2J\\u0007@example.com ::error::forged')
    expect(output.lines().filter((line) => line.startsWith('error: '))).toEqual([
      'error: second eve\\u001b[2J\\u0007@example.com ::error::forged',
      'error: third eve\\u001b[2J\\u0007@example.com ::error::forged'
    ])
  })
})

describe('log lines in a terminal', () => {
  it('show control characters as escapes', async () => {
    const written: string[] = []
    const log = terminalLogger((text) => written.push(text), true)
    log.info(HOSTILE)
    log.warning(HOSTILE)
    log.debug(HOSTILE)
    await log.group(HOSTILE, () => Promise.resolve())
    expect(written.join('')).not.toContain('\u001b')
    expect(written).toEqual([
      'eve\\u001b[2J\\u0007@example.com ::error::forged\n',
      'warning: eve\\u001b[2J\\u0007@example.com ::error::forged\n',
      '  · eve\\u001b[2J\\u0007@example.com ::error::forged\n',
      '▸ eve\\u001b[2J\\u0007@example.com ::error::forged\n'
    ])
  })
})
