import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { decodeRleCounts, encodeRleCounts } from '../../../src/evaluate/geometry/rle.js'
import { countsOfRows } from './shapes.js'

describe('bitmask RLE (docs/encord-api.md §7.6)', () => {
  it('decodes and re-encodes the 3×4 test vector', () => {
    expect(countsOfRows(['0011', '0110', '0000'])).toEqual([2, 2, 1, 2, 5])
    expect(decodeRleCounts('22104')).toEqual([2, 2, 1, 2, 5])
    expect(encodeRleCounts([2, 2, 1, 2, 5])).toBe('22104')
  })

  it('decodes and re-encodes the 2×40 test vector, backslash included', () => {
    const fromJson = JSON.parse('"01\\\\1Q1eN"') as string
    expect(fromJson).toBe('01\\1Q1eN')
    expect(fromJson).toHaveLength(8)
    expect(decodeRleCounts(fromJson)).toEqual([0, 1, 44, 34, 1])
    expect(encodeRleCounts([0, 1, 44, 34, 1])).toBe(fromJson)
  })

  it('the empty string is no counts', () => {
    expect(decodeRleCounts('')).toEqual([])
    expect(encodeRleCounts([])).toBe('')
  })

  it('round-trips counts of full-HD frames, whose differences are large and negative', () => {
    const counts = [0, 1920 * 1080, 5, 2_000_000, 7, 3, 1_999_990, 0, 1]
    expect(decodeRleCounts(encodeRleCounts(counts))).toEqual(counts)
  })

  it('round-trips any counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50_000_000 }), { maxLength: 40 }), (counts) => {
        expect(decodeRleCounts(encodeRleCounts(counts))).toEqual(counts)
      })
    )
  })

  it('rejects characters outside 0…o and a number cut short', () => {
    expect(() => decodeRleCounts('22 04')).toThrow(RangeError)
    expect(() => decodeRleCounts('2p')).toThrow(RangeError)
    // 'P' is group 0 with the "more follows" bit set, and nothing follows.
    expect(() => decodeRleCounts('2P')).toThrow('ends inside a number')
  })
})
