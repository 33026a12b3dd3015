import { describe, expect, it } from '@jest/globals'
import { diagnostics, findings, only, positionOf, registration } from './support.js'

const videoMetadata = {
  fps: 29.97,
  duration: 12.5,
  width: 1920,
  height: 1080,
  file_size: 1_234_567,
  mime_type: 'video/mp4'
}
const audioMetadata = {
  duration: 3.2,
  file_size: 52_000,
  mime_type: 'audio/wav',
  sample_rate: 44_100,
  bit_depth: 16,
  codec: 'pcm',
  num_channels: 2
}

describe('media metadata', () => {
  it('accepts complete, well-typed metadata of every kind', () => {
    const text = registration({
      videos: [{ objectUrl: 'v', videoMetadata }],
      audio: [{ objectUrl: 'a', audioMetadata }],
      pdfs: [{ objectUrl: 'p', pdfMetadata: { fileSize: 300, numPages: 5 } }],
      text: [{ objectUrl: 't', textMetadata: { fileSize: 200, mime_type: 'text/plain' } }],
      images: [
        {
          objectUrl: 'i',
          imageMetadata: { mime_type: 'image/png', file_size: 10, width: 4, height: 3 }
        }
      ]
    })
    expect(findings(text)).toEqual([])
  })

  it('accepts the other spelling of a field, as Encord does (file_size or fileSize)', () => {
    const text = registration({
      videos: [
        { objectUrl: 'v', videoMetadata: { ...videoMetadata, file_size: undefined, fileSize: 9 } }
      ],
      pdfs: [{ objectUrl: 'p', pdfMetadata: { file_size: 300, num_pages: 5 } }]
    })
    expect(findings(text)).toEqual([])
  })

  it('requires every field when the metadata object is present', () => {
    const text = registration({
      videos: [{ objectUrl: 'v', videoMetadata: { fps: 25, mime_type: 'video/mp4' } }]
    })
    expect(findings(text)).toEqual([[...positionOf(text, '{', 3), 'metadata-missing']])
    expect(only(text, 'metadata-missing').message).toBe(
      'videoMetadata lacks "duration", "width", "height" and "file_size": Encord uses this metadata instead of reading the file, so every field is required'
    )
  })

  it('requires audio metadata in full too', () => {
    const text = registration({ audio: [{ objectUrl: 'a', audioMetadata: { duration: 1 } }] })
    expect(only(text, 'metadata-missing').message).toContain(
      'audioMetadata lacks "file_size", "mime_type", "sample_rate", "bit_depth", "codec" and "num_channels"'
    )
  })

  it.each([
    ['fps', '"25"', 'videoMetadata.fps must be a positive number, not "25"'],
    ['fps', '0', 'videoMetadata.fps must be a positive number, not 0'],
    ['width', '1920.5', 'videoMetadata.width must be a positive whole number, not 1920.5'],
    ['file_size', 'null', 'videoMetadata.file_size must be a positive whole number, not null'],
    ['mime_type', '4', 'videoMetadata.mime_type must be a non-empty string, not 4'],
    ['mime_type', '""', 'videoMetadata.mime_type must be a non-empty string, not ""']
  ])('reports %s: %s at the value', (field, json, message) => {
    const fields = Object.entries(videoMetadata).map(([k, v]) =>
      k === field ? `"${k}": ${json}` : `"${k}": ${JSON.stringify(v)}`
    )
    const text = `{"videos": [{"objectUrl": "v", "videoMetadata": {${fields.join(', ')}}}]}`
    const [line, keyColumn] = positionOf(text, `"${field}": ${json}`)
    const valueColumn = keyColumn + `"${field}": `.length
    expect(findings(text)).toEqual([[line, valueColumn, 'metadata-type']])
    expect(only(text, 'metadata-type').message).toBe(message)
  })

  it('warns about an unknown field and suggests the closest', () => {
    const text = registration({
      pdfs: [{ objectUrl: 'p', pdfMetadata: { fileSize: 3, pages: 5 } }]
    })
    expect(findings(text)).toEqual([
      [...positionOf(text, '{', 3), 'metadata-missing'],
      [...positionOf(text, '"pages"'), 'unknown-metadata-field']
    ])
    expect(only(text, 'unknown-metadata-field').message).toBe(
      'pdfMetadata has no field "pages"; did you mean "numPages"?'
    )
  })

  it('requires metadata and clientMetadata to be objects', () => {
    const text = registration({
      videos: [{ objectUrl: 'v', videoMetadata: [], clientMetadata: null }]
    })
    expect(findings(text)).toEqual([
      [...positionOf(text, '[]'), 'value-type'],
      [...positionOf(text, 'null'), 'value-type']
    ])
  })

  it('accepts any content in clientMetadata', () => {
    const clientMetadata = {
      camera: { id: 3, tags: ['night', 'rain'] },
      keyframes: [1, 5],
      fps: 'n/a'
    }
    expect(findings(registration({ videos: [{ objectUrl: 'v', clientMetadata }] }))).toEqual([])
  })

  it('skips type checks where a syntax error left no value', () => {
    const text = `{"videos": [{"objectUrl": "v", "videoMetadata": {"fps": frames-per-second, "duration": 1, "width": 2, "height": 3, "file_size": 4, "mime_type": "video/mp4"}}]}`
    expect(diagnostics(text).map((d) => d.rule)).toEqual(['json-syntax'])
  })
})
