import { describe, expect, it } from '@jest/globals'
import { findings, only, registration } from './support.js'

const image = { objectUrl: 'https://bucket/a.png' }

describe('top-level keys', () => {
  it('accepts every known key', () => {
    const text = registration({
      videos: [{ objectUrl: 'v' }],
      audio: [{ objectUrl: 'a' }],
      pdfs: [{ objectUrl: 'p' }],
      text: [{ objectUrl: 't' }],
      images: [{ objectUrl: 'i' }],
      image_groups: [{ title: 'g', objectUrl_0: 'g0' }],
      dicom_series: [{ title: 'd', objectUrl_0: 'd0' }],
      nifti: [{ objectUrl: 'n' }],
      skip_duplicate_urls: false
    })
    expect(findings(text)).toEqual([])
  })

  it('warns about an unknown key and suggests the closest known one', () => {
    const text = '{\n  "image_group": [],\n  "images": [{"objectUrl": "a"}]\n}'
    const diagnostic = only(text, 'unknown-key')
    expect(diagnostic).toMatchObject({ severity: 'warning', line: 2, column: 3 })
    expect(diagnostic.message).toBe(
      'unknown top-level key "image_group"; did you mean "image_groups"?'
    )
  })

  it.each([
    ['video', 'videos'],
    ['Images', 'images'],
    ['skipDuplicateUrls', 'skip_duplicate_urls'],
    ['dicom', 'dicom_series'],
    ['pdf', 'pdfs'],
    ['niftis', 'nifti']
  ])('suggests %s → %s', (typo, known) => {
    const text = registration({ [typo]: [], images: [image] })
    expect(only(text, 'unknown-key').message).toContain(`did you mean "${known}"?`)
  })

  it('lists the known keys when nothing is close', () => {
    const text = registration({ labels: [], images: [image] })
    expect(only(text, 'unknown-key').message).toBe(
      'unknown top-level key "labels" (Encord reads videos, audio, pdfs, text, images, nifti, image_groups, dicom_series, skip_duplicate_urls)'
    )
  })

  it('requires the file to be an object', () => {
    expect(findings('[{"objectUrl": "a"}]')).toEqual([[1, 1, 'value-type']])
    expect(only('[{"objectUrl": "a"}]', 'value-type').message).toBe(
      'a registration file must be a JSON object with keys such as "videos" or "images", not an array'
    )
  })

  it('requires data keys to hold arrays of objects', () => {
    const text = '{\n  "videos": {"objectUrl": "a"},\n  "images": ["a.png", {"objectUrl": "b"}]\n}'
    expect(findings(text)).toEqual([
      [2, 13, 'value-type'],
      [3, 14, 'value-type']
    ])
    expect(only(text.replace('"images"', '"x"'), 'value-type').message).toBe(
      '"videos" must be an array of entries, not an object'
    )
  })

  it('requires skip_duplicate_urls to be a boolean', () => {
    const text = registration({ images: [image], skip_duplicate_urls: 'true' })
    expect(only(text, 'value-type').message).toBe(
      '"skip_duplicate_urls" must be true or false, not "true"'
    )
  })

  it('warns when the file registers nothing', () => {
    expect(findings('{"skip_duplicate_urls": true}')).toEqual([[1, 1, 'no-items']])
    expect(findings('{"videos": [], "images": []}')).toEqual([[1, 1, 'no-items']])
  })
})
