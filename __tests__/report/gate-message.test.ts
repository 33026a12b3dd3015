// The gate's one-line message: who missed which threshold, the score and the shortfall, and which
// projects could not be evaluated.
import { describe, expect, it } from '@jest/globals'
import { describeVerdict } from '../../src/report/gate-message.js'
import { applyGate } from '../../src/results/gate.js'
import { evaluated, failed, gateSettings, metrics } from './builders.js'

const alice = evaluated({
  projectHash: 'p-alice',
  annotator: 'alice@example.com',
  overall: metrics({ precision: 0.9, recall: 0.85, f1: 0.875, meanIou: 0.8, classAccuracy: 0.95 })
})
const bob = evaluated({
  projectHash: 'p-bob',
  annotator: 'bob@example.com',
  overall: metrics({ precision: 0.6, recall: 0.5, f1: 0.545, meanIou: 0.7, classAccuracy: 0.9 })
})
const nobody = evaluated({
  projectHash: 'p-nobody',
  annotator: null,
  overall: metrics({ precision: 0.95, recall: 0.95, f1: 0.95, meanIou: 0.9, classAccuracy: 1 })
})

describe('describeVerdict', () => {
  it('lists who failed which threshold, the score and the shortfall', () => {
    const message = describeVerdict(
      applyGate([alice, bob], gateSettings({ f1: 0.6, meanIou: 0.75 }))
    )
    expect(message).toBe(
      'Quality gate failed: bob@example.com mean IoU 0.700 (-0.050) < 0.75; ' +
        'bob@example.com F1 0.545 (-0.055) < 0.6'
    )
  })

  it('names the project when the annotator is unknown, and says n/a for a null score', () => {
    const empty = evaluated({
      projectHash: 'p-empty',
      annotator: null,
      overall: metrics({ recall: null })
    })
    expect(describeVerdict(applyGate([nobody, empty], gateSettings({ recall: 0.96 })))).toBe(
      'Quality gate failed: p-nobody recall 0.950 (-0.010) < 0.96; p-empty recall n/a < 0.96'
    )
  })

  it('adds the projects that could not be evaluated, with their errors', () => {
    const verdict = applyGate(
      [
        bob,
        failed({ projectHash: 'p-x', message: 'Project p-x not found' }),
        failed({ projectHash: 'p-y', message: 'Project p-y has no completed task' })
      ],
      gateSettings({ precision: 0.7 })
    )
    expect(describeVerdict(verdict)).toBe(
      'Quality gate failed: bob@example.com precision 0.600 (-0.100) < 0.7. ' +
        '2 training projects could not be evaluated: p-x: Project p-x not found; ' +
        'p-y: Project p-y has no completed task'
    )
    expect(
      describeVerdict(
        applyGate([failed({ projectHash: 'p-z', message: 'gone' })], gateSettings({}))
      )
    ).toBe('1 training project could not be evaluated: p-z: gone')
  })

  it('is one line, and empty when the gate passed', () => {
    expect(describeVerdict(applyGate([alice], gateSettings({ f1: 0.5 })))).toBe('')
    expect(
      describeVerdict(applyGate([alice, bob], gateSettings({ f1: 0.9, recall: 0.9 })))
    ).not.toMatch(/\n/)
  })
})
