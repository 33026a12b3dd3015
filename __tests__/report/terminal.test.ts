import { describe, expect, it } from '@jest/globals'
import { renderTerminalTable } from '../../src/report/terminal.js'
import { displayWidth } from '../../src/report/terminal-text.js'
import type { RunResult } from '../../src/results/run-result.js'
import { evaluated, failed, metrics, runResult } from './builders.js'

const result = (): RunResult =>
  runResult({
    settings: {
      method: 'one-to-one',
      iouThreshold: 0.5,
      workflowStage: 'Complete',
      thresholds: { meanIou: 0.8 }
    },
    projects: [
      evaluated({
        projectHash: 'p-1',
        annotator: 'ann1@example.com',
        overall: metrics({ meanIou: 0.82 })
      }),
      evaluated({
        projectHash: 'p-2',
        projectTitle: '画像プロジェクト',
        annotator: null,
        overall: metrics({ meanIou: 0.61, f1: null })
      }),
      failed({ projectTitle: 'Gone\u001b[2J', message: 'Project not found' })
    ],
    gate: {
      passed: false,
      failures: [
        { projectHash: 'p-2', annotator: null, metric: 'meanIou', threshold: 0.8, actual: 0.61 }
      ],
      failedProjects: []
    }
  })

describe('renderTerminalTable', () => {
  it('aligns every column, counting wide characters as two columns', () => {
    const lines = renderTerminalTable(result()).split('\n')
    const table = lines.slice(0, 4)
    expect(table[0]).toMatch(/^Result {2}Annotator +Training project +Precision {2}Recall/)
    expect(table[1]).toMatch(/^-{6} {2}-+ {2}-+/)
    // Each column starts at the same display column on every line.
    const starts = (line: string, text: string): number =>
      displayWidth(line.slice(0, line.indexOf(text)))
    expect(starts(table[2] ?? '', 'Training A')).toBe(starts(table[0] ?? '', 'Training project'))
    expect(starts(table[3] ?? '', '画像')).toBe(starts(table[0] ?? '', 'Training project'))
    expect(starts(table[3] ?? '', '0.610')).toBe(starts(table[2] ?? '', '0.820'))
  })

  it('marks each annotator and each set threshold pass or FAIL, — for missing scores', () => {
    const lines = renderTerminalTable(result()).split('\n')
    expect(lines[2]).toMatch(/^PASS {4}ann1@example\.com/)
    expect(lines[2]).toMatch(/pass 0\.820 >= 0\.800$/)
    expect(lines[3]).toMatch(/^FAIL {4}— /)
    expect(lines[3]).toMatch(/FAIL 0\.610 < 0\.800$/)
    expect(lines[3]).toMatch(/ {2}— {2}/)
  })

  it('lists projects that could not be evaluated and ends with the verdict', () => {
    const text = renderTerminalTable(result())
    expect(text).toContain(
      'Could not be evaluated:\n  x Gone\\u001b[2J (project-broken): Project not found\n'
    )
    const lines = text.trimEnd().split('\n')
    expect(lines.at(-2)).toBe('FAILED: 1 of 2 annotators failed (min-mean-iou)')
    expect(lines.at(-1)).toBe('        1 of 3 training projects could not be evaluated')
    expect(text).toContain('Settings: method one-to-one, IoU threshold 0.5, stage "Complete"')
  })

  it('has no colours by default and ANSI colours when asked', () => {
    expect(renderTerminalTable(result())).not.toContain('\u001b')
    const coloured = renderTerminalTable(result(), { color: true })
    expect(coloured).toContain('\u001b[32mPASS')
    expect(coloured).toContain('\u001b[1;31mFAILED\u001b[22;39m: 1 of 2')
  })

  it('says PASSED when every annotator passes', () => {
    const text = renderTerminalTable(runResult())
    expect(text.trimEnd().split('\n').at(-2)).toBe('PASSED: 1 of 1 annotator passed')
  })
})
