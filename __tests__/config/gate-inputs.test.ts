// The inputs of the interval gate: defaults, valid values, and one InputError line naming the
// input for each bad value (e.g. confidence-level: 95).
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import { InputError } from '../../src/errors.js'
import type { RawInputs } from '../../src/inputs.js'

/** Offline inputs need no key; parseConfig does not read the files. */
const BASE: RawInputs = {
  'benchmark-export': 'bench.json',
  'training-exports': 'alice.json',
  'ontology-file': 'ontology.json'
}

function errorOf(overrides: RawInputs): InputError {
  try {
    parseConfig({ ...BASE, ...overrides })
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('gate inputs', () => {
  it('defaults: gate on the estimate, warn, 10 data units, 2000 resamples at 95 %', () => {
    const config = parseConfig(BASE)
    expect(config.gate).toEqual({ gateOn: 'estimate', onInconclusive: 'warn', minDataUnits: 10 })
    expect(config.evaluation.intervals).toEqual({ samples: 2000, confidenceLevel: 0.95 })
  })

  it('reads valid values', () => {
    const config = parseConfig({
      ...BASE,
      'gate-on': 'interval',
      'on-inconclusive': 'fail',
      'min-data-units': '30',
      'bootstrap-samples': '500',
      'confidence-level': '0.9'
    })
    expect(config.gate).toEqual({ gateOn: 'interval', onInconclusive: 'fail', minDataUnits: 30 })
    expect(config.evaluation.intervals).toEqual({ samples: 500, confidenceLevel: 0.9 })
    expect(parseConfig({ ...BASE, 'bootstrap-samples': '0' }).evaluation.intervals.samples).toBe(0)
  })

  it.each([
    [{ 'confidence-level': '95' }, 'confidence-level', 'e.g. confidence-level: 0.95'],
    [{ 'confidence-level': '1' }, 'confidence-level', 'less than 1'],
    [{ 'confidence-level': '0' }, 'confidence-level', 'greater than 0'],
    [{ 'confidence-level': '95%' }, 'confidence-level', "got '95%'"],
    [{ 'bootstrap-samples': '-1' }, 'bootstrap-samples', 'e.g. bootstrap-samples: 2000'],
    [{ 'bootstrap-samples': '1e3' }, 'bootstrap-samples', 'whole number'],
    [{ 'min-data-units': '0' }, 'min-data-units', 'e.g. min-data-units: 10'],
    [{ 'min-data-units': '2.5' }, 'min-data-units', 'whole number'],
    [{ 'gate-on': 'lower-bound' }, 'gate-on', 'must be one of estimate, interval'],
    [{ 'on-inconclusive': 'ignore' }, 'on-inconclusive', 'must be one of warn, fail, pass'],
    [
      { 'gate-on': 'interval', 'bootstrap-samples': '0' },
      'gate-on',
      'set bootstrap-samples (e.g. 2000) or gate-on: estimate'
    ]
  ] as [RawInputs, string, string][])('%j: one line naming %s', (overrides, input, text) => {
    const error = errorOf(overrides)
    expect(error.input).toBe(input)
    expect(error.message).toContain(`'${input}'`)
    expect(error.message).toContain(text)
    expect(error.message).not.toMatch(/\n/)
  })
})
