import { describe, expect, it } from '@jest/globals'
import { comparisonSign } from '../../src/report/comparison.js'

describe('comparisonSign', () => {
  it('reads a met and a missed threshold the right way round for each direction', () => {
    expect(comparisonSign('higher-is-better', true)).toBe('≥')
    expect(comparisonSign('higher-is-better', false)).toBe('<')
    expect(comparisonSign('lower-is-better', true)).toBe('≤')
    expect(comparisonSign('lower-is-better', false)).toBe('>')
  })

  it('has ASCII forms for the terminal', () => {
    expect(comparisonSign('higher-is-better', true, true)).toBe('>=')
    expect(comparisonSign('lower-is-better', true, true)).toBe('<=')
    expect(comparisonSign('lower-is-better', false, true)).toBe('>')
  })
})
