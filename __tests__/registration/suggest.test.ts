import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { closestKey } from '../../src/registration/suggest.js'
import { TOP_LEVEL_KEYS } from '../../src/registration/schema.js'

describe('closestKey', () => {
  it.each([
    ['image_group', 'image_groups'],
    ['IMAGES', 'images'],
    ['skip-duplicate-urls', 'skip_duplicate_urls'],
    ['dicom', 'dicom_series'],
    ['vidoes', 'videos']
  ])('%s → %s', (typo, known) => {
    expect(closestKey(typo, TOP_LEVEL_KEYS)).toBe(known)
  })

  it('suggests nothing for unrelated keys', () => {
    expect(closestKey('labels', TOP_LEVEL_KEYS)).toBeUndefined()
    expect(closestKey('i', TOP_LEVEL_KEYS)).toBeUndefined()
    expect(closestKey('', TOP_LEVEL_KEYS)).toBeUndefined()
  })

  it('returns a known key itself, and only ever a candidate', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        const suggestion = closestKey(key, TOP_LEVEL_KEYS)
        expect(suggestion === undefined || TOP_LEVEL_KEYS.includes(suggestion)).toBe(true)
      })
    )
    for (const key of TOP_LEVEL_KEYS) expect(closestKey(key, TOP_LEVEL_KEYS)).toBe(key)
  })
})
