import { describe, expect, it } from '@jest/globals'
import { checkRegistrationText } from '../../src/registration/check.js'
import { diagnostics, findings, only, positionOf, registration } from './support.js'

describe('entries with one objectUrl', () => {
  it.each(['videos', 'audio', 'pdfs', 'text', 'images', 'nifti'])(
    'an entry of "%s" needs objectUrl',
    (kind) => {
      const text = registration({ [kind]: [{ objectUrl: 'a' }, { title: 'no url' }] })
      expect(findings(text)).toEqual([[...positionOf(text, '{', 3), 'missing-field']])
    }
  )

  it('says which entry lacks its URL', () => {
    const text = registration({ videos: [{ title: 'clip' }] })
    expect(only(text, 'missing-field').message).toBe(
      'this video has no "objectUrl": each entry of "videos" needs the URL of its file'
    )
  })

  it('requires objectUrl to be a non-empty string', () => {
    const text = registration({ images: [{ objectUrl: 42 }, { objectUrl: ' ' }] })
    expect(findings(text)).toEqual([
      [...positionOf(text, '42'), 'value-type'],
      [...positionOf(text, '" "'), 'missing-field']
    ])
    expect(diagnostics(text)[0]?.message).toBe('"objectUrl" must be a string URL, not a number')
  })

  it('requires title and clientMetadata to have the right types', () => {
    const text = registration({ images: [{ objectUrl: 'a', title: 7, clientMetadata: 'x' }] })
    expect(findings(text)).toEqual([
      [...positionOf(text, '7'), 'value-type'],
      [...positionOf(text, '"x"'), 'value-type']
    ])
  })

  it('warns about an unknown entry key and suggests the intended one', () => {
    const text = registration({ images: [{ objectURL: 'a' }] })
    expect(findings(text)).toEqual([
      [...positionOf(text, '{', 2), 'missing-field'],
      [...positionOf(text, '"objectURL"'), 'unknown-entry-key']
    ])
    expect(only(text, 'unknown-entry-key').message).toBe(
      '"objectURL" is not a key of an image entry, so Encord does not use it; did you mean "objectUrl"?'
    )
  })

  it('warns about metadata given to the wrong kind of entry', () => {
    const text = registration({ images: [{ objectUrl: 'a', videoMetadata: {} }] })
    expect(only(text, 'unknown-entry-key').message).toBe(
      '"videoMetadata" is not a key of an image entry, so Encord does not use it (it takes objectUrl, title, clientMetadata, imageMetadata)'
    )
  })

  it('limits titles to 300 characters, counting an emoji as one', () => {
    const ok = registration({ images: [{ objectUrl: 'a', title: '🎞'.repeat(300) }] })
    expect(findings(ok)).toEqual([])
    const long = registration({ images: [{ objectUrl: 'a', title: 'x'.repeat(301) }] })
    expect(findings(long)).toEqual([[...positionOf(long, '"xxx'), 'title-too-long']])
    expect(only(long, 'title-too-long').message).toBe(
      'this title is 301 characters; Encord accepts titles up to 300'
    )
  })

  it('limits URLs to 16 KB of UTF-8', () => {
    const atLimit = `https://b/${'a'.repeat(16 * 1024 - 10)}`
    expect(findings(registration({ images: [{ objectUrl: atLimit }] }))).toEqual([])
    // 'é' takes two bytes: 5,462 characters, 10,924 + 10 bytes would pass by characters alone.
    const multibyte = `https://b/${'é'.repeat(8188)}`
    const text = registration({ images: [{ objectUrl: multibyte }] })
    expect(findings(text)).toEqual([[...positionOf(text, '"https'), 'url-too-long']])
    expect(only(text, 'url-too-long').message).toBe(
      'this URL is 16,386 bytes; Encord accepts URLs up to 16 KB (16,384 bytes)'
    )
  })
})

describe('image groups and DICOM series', () => {
  it.each(['image_groups', 'dicom_series'])(
    'an entry of "%s" needs title and objectUrl_0',
    (kind) => {
      const text = registration({ [kind]: [{ objectUrl: 'a' }] })
      const entry = positionOf(text, '{', 2)
      expect(findings(text)).toEqual([
        [...entry, 'missing-field'],
        [...entry, 'missing-field'],
        [...positionOf(text, '"objectUrl"'), 'unknown-entry-key']
      ])
      expect(only(text, 'unknown-entry-key').message).toContain('did you mean "objectUrl_0"?')
    }
  )

  it('reports gaps in objectUrl_N at the first key after the gap', () => {
    const text = registration({
      image_groups: [
        { title: 'g', objectUrl_0: 'a', objectUrl_2: 'c', objectUrl_3: 'd', objectUrl_7: 'h' }
      ]
    })
    expect(findings(text)).toEqual([[...positionOf(text, '"objectUrl_2"'), 'url-gap']])
    expect(only(text, 'url-gap').message).toBe(
      '"objectUrl_1", "objectUrl_4" to "objectUrl_6" missing (4 positions): the files of an image group are numbered objectUrl_0, objectUrl_1, … without gaps, and the next key here is "objectUrl_2"'
    )
  })

  it('finds a gap whatever the order of the keys', () => {
    const text = registration({
      dicom_series: [{ objectUrl_2: 'c', title: 's', objectUrl_0: 'a', objectUrl_3: 'd' }]
    })
    expect(findings(text)).toEqual([[...positionOf(text, '"objectUrl_2"'), 'url-gap']])
  })

  it('reports a missing objectUrl_0 as a gap', () => {
    const text = registration({ dicom_series: [{ title: 's', objectUrl_1: 'b' }] })
    expect(findings(text)).toEqual([[...positionOf(text, '"objectUrl_1"'), 'url-gap']])
  })

  it('treats keys with leading zeros or other spellings as unknown, suggesting the right key', () => {
    const text = registration({
      image_groups: [{ title: 'g', objectUrl_0: 'a', objectUrl_01: 'b', objecturl_2: 'c' }]
    })
    const unknown = diagnostics(text).filter((d) => d.rule === 'unknown-entry-key')
    expect(unknown.map((d) => d.message)).toEqual([
      '"objectUrl_01" is not a key of an image group entry, so Encord does not use it; did you mean "objectUrl_1"?',
      '"objecturl_2" is not a key of an image group entry, so Encord does not use it; did you mean "objectUrl_2"?'
    ])
  })

  it('requires createVideo to be a boolean', () => {
    const text = registration({
      image_groups: [{ title: 'g', createVideo: 'true', objectUrl_0: 'a' }]
    })
    expect(findings(text)).toEqual([[...positionOf(text, '"true"'), 'value-type']])
    expect(only(text, 'value-type').message).toBe(
      '"createVideo" must be true or false, not "true" (drop the quotes)'
    )
  })

  it('does not accept createVideo on a DICOM series', () => {
    const text = registration({
      dicom_series: [{ title: 's', createVideo: true, objectUrl_0: 'a' }]
    })
    expect(findings(text)).toEqual([[...positionOf(text, '"createVideo"'), 'unknown-entry-key']])
  })

  const group = (images: number, createVideo: boolean): string => {
    const urls = Array.from({ length: images }, (_, i) => `"objectUrl_${i}": "s/${i}.jpg"`)
    return `{"image_groups": [{"title": "seq", "createVideo": ${createVideo}, ${urls.join(', ')}}]}`
  }

  it('caps an image sequence at 32,767 images', () => {
    expect(findings(group(32_767, true)).map(([, , rule]) => rule)).toEqual(['long-sequence'])
    expect(findings(group(32_768, true))).toEqual([[1, 19, 'sequence-too-long']])
    expect(only(group(32_768, true), 'sequence-too-long').message).toBe(
      'this image sequence ("createVideo": true) has 32,768 images; Encord supports at most 32,767: split it or register a video instead'
    )
  })

  it('advises at most 15,000 images in a sequence', () => {
    expect(findings(group(15_000, true))).toEqual([])
    expect(findings(group(15_001, true))).toEqual([[1, 19, 'long-sequence']])
  })

  it('does not cap image groups that are not sequences', () => {
    expect(findings(group(32_768, false))).toEqual([])
  })

  it('counts every numbered URL', () => {
    const report = checkRegistrationText(group(10, false), 'f')
    expect({ items: report.items, urls: report.urls }).toEqual({ items: 1, urls: 10 })
  })
})
