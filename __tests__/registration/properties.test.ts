import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { checkRegistrationText } from '../../src/registration/check.js'

const title = fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== '')
const clientMetadata = fc.option(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), {
  nil: undefined
})

/** A registration file Encord would accept: every URL distinct, every field well-typed. */
const validRegistration = fc
  .record({
    images: fc.array(fc.record({ title: fc.option(title, { nil: undefined }), clientMetadata })),
    videos: fc.array(
      fc.record({
        videoMetadata: fc.option(
          fc.record({
            fps: fc.double({ min: 1, max: 240, noNaN: true }),
            duration: fc.double({ min: 0.1, max: 1e5, noNaN: true }),
            width: fc.integer({ min: 1, max: 8192 }),
            height: fc.integer({ min: 1, max: 8192 }),
            file_size: fc.integer({ min: 1 }),
            mime_type: fc.constantFrom('video/mp4', 'video/webm')
          }),
          { nil: undefined }
        )
      }),
      { maxLength: 100 }
    ),
    image_groups: fc.array(
      fc.record({ title, createVideo: fc.boolean(), images: fc.integer({ min: 1, max: 20 }) })
    ),
    skip_duplicate_urls: fc.option(fc.boolean(), { nil: undefined })
  })
  .map(({ images, videos, image_groups, skip_duplicate_urls }) => {
    let next = 0
    const url = () => `s3://bucket/file-${next++}`
    return {
      images: images.map((entry) => ({ objectUrl: url(), ...entry })),
      videos: videos.map((entry) => ({ objectUrl: url(), ...entry })),
      image_groups: image_groups.map(({ images: count, ...group }) => ({
        ...group,
        ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`objectUrl_${i}`, url()]))
      })),
      skip_duplicate_urls
    }
  })

describe('properties', () => {
  it('finds no errors in files Encord would accept', () => {
    fc.assert(
      fc.property(validRegistration, fc.constantFrom(0, 2, '\t'), (document, indent) => {
        const text = JSON.stringify(document, null, indent)
        const report = checkRegistrationText(text, 'f')
        expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
        const groupUrls = document.image_groups.reduce(
          (sum, g) => sum + Object.keys(g).filter((k) => k.startsWith('objectUrl_')).length,
          0
        )
        expect(report.items).toBe(
          document.images.length + document.videos.length + document.image_groups.length
        )
        expect(report.urls).toBe(document.images.length + document.videos.length + groupUrls)
      }),
      { numRuns: 200 }
    )
  })

  it('never throws, and every position points into the text', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v, null, 1)),
      // Valid JSON with a few characters cut out or doubled: mostly broken in realistic ways.
      fc
        .tuple(validRegistration, fc.nat(), fc.nat({ max: 3 }), fc.boolean())
        .map(([document, at, length, cut]) => {
          const text = JSON.stringify(document, null, 2)
          const start = at % (text.length + 1)
          const piece = text.slice(start, start + length)
          return cut
            ? text.slice(0, start) + text.slice(start + length)
            : text.slice(0, start) + piece + text.slice(start)
        })
    )
    fc.assert(
      fc.property(anyText, (text) => {
        const lines = text.split(/\r\n|\r|\n/)
        for (const d of checkRegistrationText(text, 'f').diagnostics) {
          for (const p of d.related ? [d, d.related] : [d]) {
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.line).toBeLessThanOrEqual(lines.length)
            expect(p.column).toBeGreaterThanOrEqual(1)
            expect(p.column).toBeLessThanOrEqual((lines[p.line - 1]?.length ?? 0) + 1)
          }
        }
      }),
      { numRuns: 500 }
    )
  })

  it('reports a repeated key, at the repeat, in any object', () => {
    fc.assert(
      fc.property(validRegistration, fc.nat(), (document, pick) => {
        const keys = Object.keys(document).filter(
          (k) => (document as Record<string, unknown>)[k] !== undefined
        )
        const key = keys[pick % keys.length] ?? 'images'
        const text = JSON.stringify(document, null, 2)
        const repeated = `${text.slice(0, -2)},\n  "${key}": null\n}`
        const duplicates = checkRegistrationText(repeated, 'f').diagnostics.filter(
          (d) => d.rule === 'duplicate-key'
        )
        expect(duplicates.map((d) => d.line)).toEqual([repeated.split('\n').length - 1])
      })
    )
  })
})
