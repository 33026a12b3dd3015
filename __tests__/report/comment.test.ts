import { describe, expect, it } from '@jest/globals'
import { commentMarker, COMMENT_LIMIT_CHARS, renderComment } from '../../src/report/comment.js'
import { evaluated, failed, metrics, runResult } from './builders.js'

const marker = commentMarker('team-a')
const runUrl = 'https://github.com/o/r/actions/runs/42'
const artifactUrl = 'https://github.com/o/r/actions/runs/42/artifacts/7'

describe('renderComment', () => {
  it('carries the hidden marker the sink finds the comment by', () => {
    expect(marker).toBe('<!-- encord-annotator-eval:team-a -->')
    const body = renderComment(runResult(), { marker })
    expect(body.split('\n')[0]).toBe(marker)
  })

  it('has the verdict, the annotator table and links to the run and the artifact', () => {
    const result = runResult({
      projects: [
        evaluated({ annotator: 'ann1@example.com', overall: metrics({ f1: 0.91 }) }),
        failed({ projectTitle: 'Gone', message: 'Project not found' })
      ]
    })
    const body = renderComment(result, { marker, runUrl, artifactUrl })
    expect(body).toContain('### ❌ 1 of 2 training projects could not be evaluated')
    expect(body).toMatch(
      /^\| ✅ \| ann1@example\.com \| Training A \| 0\.800 \| 0\.800 \| 0\.910 \|/m
    )
    expect(body).toContain('- ❌ **Gone** (project-broken): Project not found')
    expect(body).toContain(`Details: [job summary](${runUrl})`)
    expect(body).toContain(`[iou_results.csv and report.json](${artifactUrl})`)
    expect(body).not.toContain('<details>')
  })

  it('links only http(s) URLs and keeps them from breaking out of the link', () => {
    const body = renderComment(runResult(), {
      marker,
      runUrl: 'javascript:alert(1)',
      artifactUrl: 'https://example.com/a) [x](https://evil.example'
    })
    expect(body).not.toContain('javascript:')
    expect(body).not.toContain('job summary](')
    expect(body).toContain('(https://example.com/a%29%20[x]%28https://evil.example)')
  })

  it.each([2_000, 20_000])(
    'stays under 65,536 characters with %i annotators, with a notice and the links',
    (count) => {
      const projects = Array.from({ length: count }, (_, index) =>
        evaluated({
          projectHash: `p-${index}`,
          projectTitle: `Training project number ${index}`,
          annotator: `annotator-${index}@example.com`
        })
      )
      const body = renderComment(runResult({ projects }), { marker, runUrl, artifactUrl })
      expect(body.length).toBeLessThan(COMMENT_LIMIT_CHARS)
      expect(body.length).toBeLessThanOrEqual(60_000)
      expect(body.startsWith(marker)).toBe(true)
      expect(body).toContain(`### ✅ ${count} of ${count} annotators passed`)
      expect(body).toContain("⚠️ **Shortened to stay under GitHub's 65,536-character limit:**")
      expect(body).toContain(`[job summary](${runUrl})`)
      expect(body).toContain(`(${artifactUrl})`)
    }
  )

  it('stays under the limit with thousands of unevaluated projects and long messages', () => {
    const projects = Array.from({ length: 5_000 }, (_, index) =>
      failed({ projectHash: `p-${index}`, message: `Failed: ${'reason '.repeat(100)}` })
    )
    const body = renderComment(runResult({ projects }), { marker })
    expect(body.length).toBeLessThanOrEqual(60_000)
    expect(body).toMatch(/\d+ unevaluated projects not listed/)
  })
})
