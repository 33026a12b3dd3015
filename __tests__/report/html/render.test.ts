import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { ObjectResult } from '../../../src/evaluate/types.js'
import { CONTENT_SECURITY_POLICY, renderHtmlReport } from '../../../src/report/html/index.js'
import { escapeHtml, html, safeHref } from '../../../src/report/html/escape.js'
import { toProjectResult } from '../../../src/results/project-result.js'
import type { ProjectOutcome } from '../../../src/results/run-result.js'
import {
  classMetrics,
  evaluated,
  evaluation,
  failed,
  metrics,
  objectResult,
  ref,
  runResult,
  scriptRow
} from '../builders.js'

const BENCHMARK = '0f1e2d3c-4b5a-4968-8776-655443322110'
const ALICE = '11111111-2222-4333-8444-555555555555'
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>'&`

/** `count` missed objects on frames 0…count-1 of one video. */
function missed(count: number, className = 'car'): ObjectResult[] {
  return Array.from({ length: count }, (_, frame) =>
    objectResult({
      status: 'missed',
      frame,
      iou: null,
      training: null,
      benchmark: ref(className, `b-${frame}`),
      dataHash: 'data-1',
      dataTitle: 'clip.mp4'
    })
  )
}

/** A project scored with editor links to the public app, keeping up to `items` worst items. */
function linkedProject(objects: ObjectResult[], items = 200): ProjectOutcome {
  return {
    status: 'evaluated',
    evaluation: toProjectResult(evaluation({ projectHash: ALICE, objects }), undefined, {
      options: { items, lowIou: 0.7, editorOrigin: 'https://app.encord.com' },
      benchmarkId: BENCHMARK
    })
  }
}

function rows(page: string, tableId: string): string[] {
  const table = new RegExp(`<table[^>]*id="${tableId}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(
    page
  )
  return table?.[1]?.match(/<tr[\s>][\s\S]*?<\/tr>/g) ?? []
}

describe('escaping', () => {
  it('escapes every interpolated string, and leaves markup html built alone', () => {
    const inner = html`<b>${'<i>'}</b>`
    expect(html`<p>${inner}${['a&b', 3]}${null}</p>`.text).toBe('<p><b>&lt;i&gt;</b>a&amp;b3</p>')
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;')
  })

  it('shows control characters and line breaks as the other reports do', () => {
    expect(escapeHtml('a\nb\u001b[2Jc\u202e')).toBe('a b\\u001b[2Jc\\u202e')
  })

  it('links only http(s) URLs', () => {
    expect(safeHref('https://app.encord.com/label_editor/a/b/0')).toBe(
      'https://app.encord.com/label_editor/a/b/0'
    )
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref('data:text/html,<b>')).toBeNull()
    expect(safeHref('not a url')).toBeNull()
    expect(safeHref(null)).toBeNull()
  })

  it('keeps hostile titles, e-mails and class names inert everywhere on the page', () => {
    const page = renderHtmlReport(
      runResult({
        benchmark: { projectHash: 'b', title: HOSTILE, rows: 5 },
        projects: [
          evaluated({
            annotator: HOSTILE,
            projectTitle: HOSTILE,
            perClass: [classMetrics(HOSTILE)],
            confusion: [{ benchmark: HOSTILE, training: null, count: 2 }],
            objects: missed(2, HOSTILE).map((object) => ({ ...object, dataTitle: HOSTILE }))
          }),
          failed({ projectTitle: HOSTILE, message: HOSTILE })
        ]
      })
    )
    expect(page.match(/<script/g)).toHaveLength(1)
    expect(page).not.toContain('<img')
    expect(page).not.toContain('alert("x")')
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
  })
})

describe('the page', () => {
  it('runs only its own script, by hash, and may load nothing', () => {
    const page = renderHtmlReport(runResult())
    const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1] ?? ''
    const hash = createHash('sha256').update(script).digest('base64')
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src 'sha256-${hash}'`)
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(page).toContain(`content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}"`)
    expect(page).not.toMatch(/\s(src|srcset)=/)
    expect(page).not.toMatch(/<link\b/)
  })

  it('has one leaderboard row per evaluated annotator, with the verdict as a drawn mark and a word', () => {
    const page = renderHtmlReport(
      runResult({
        settings: { thresholds: { f1: 0.7 } },
        projects: [
          evaluated({ annotator: 'alice@example.com', overall: metrics({ f1: 0.9 }) }),
          evaluated({
            projectHash: 'project-b',
            annotator: 'bob@example.com',
            overall: metrics({ f1: 0.5 })
          }),
          failed()
        ]
      })
    )
    const leaderboard = rows(page, 'leaderboard')
    expect(leaderboard).toHaveLength(2)
    expect(leaderboard[0]).toContain('alice@example.com')
    const verdict = (row: string | undefined): string | undefined =>
      /<span class="verdict verdict-([a-z-]+)"\s*><svg class="mark"[^>]*>[\s\S]*?<\/svg>\s*([a-z ]+)<\/span/
        .exec(row ?? '')
        ?.slice(1)
        .join(': ')
    expect(verdict(leaderboard[0])).toBe('pass: pass')
    expect(verdict(leaderboard[1])).toBe('fail: fail')
    expect(leaderboard[1]).toMatch(
      /<circle[^>]*fill="#cf222e"[\s\S]*<\/svg>\s*0\.500 &lt; 0\.700\s*<\/td>/
    )
    expect(leaderboard[1]).toContain('data-sort="0.5"')
    expect(page).toContain('Broken project')
    expect(page).toContain('No access to project project-broken')
  })

  it('draws intervals as error bars when the run has them, and none when it has not', () => {
    const outcome = evaluated()
    if (outcome.status !== 'evaluated') throw new Error('unreachable')
    const withIntervals: ProjectOutcome = {
      status: 'evaluated',
      evaluation: {
        ...outcome.evaluation,
        intervals: { overall: { f1: { low: 0.7, high: 0.9 } }, perClass: [] }
      }
    }
    const on = renderHtmlReport(
      runResult({ settings: { bootstrapSamples: 1000 }, projects: [withIntervals] })
    )
    expect(rows(on, 'leaderboard')[0]).toContain('0.800 (0.700–0.900)')
    expect(on).toMatch(/<line class="ci" x1="68\.4" x2="86\.8"/)
    const off = renderHtmlReport(runResult())
    expect(off).not.toContain('class="ci"')
    expect(rows(off, 'leaderboard')[0]).not.toContain('(')
  })

  it('prints every per-class score and confusion count in its heatmap cell', () => {
    const page = renderHtmlReport(
      runResult({
        projects: [
          evaluated({
            perClass: [classMetrics('car', { f1: 0.25 }), classMetrics('person', { f1: null })]
          })
        ]
      })
    )
    const heat = rows(page, 'class-heatmap')
    expect(heat).toHaveLength(1)
    expect(heat[0]).toMatch(
      /style="background:hsl\(212,80%,82%\);color:#1f2328"[^>]*>\s*0\.250\s*</
    )
    expect(heat[0]).toMatch(/style=""[^>]*>\s*—\s*</)
    const confusion = rows(page, 'annotator-1-confusion')
    // car, person, (unmatched) down; counts and row totals across.
    expect(
      confusion.map((row) => [...row.matchAll(/>\s*(\d+)\s*</g)].map((match) => match[1]).join(' '))
    ).toEqual(['5 0 1 6', '1 3 0 4', '0 1 0 1'])
  })
})

describe('worst items', () => {
  it('lists every kept item, each with its two editor links', () => {
    const page = renderHtmlReport(runResult({ projects: [linkedProject(missed(250), 230)] }))
    const items = rows(page, 'worst-items')
    expect(items).toHaveLength(230)
    expect(items[7]).toContain(
      `href="https://app.encord.com/label_editor/${ALICE}/data-1/7" rel="noopener noreferrer">task</a>`
    )
    expect(items[7]).toContain(
      `href="https://app.encord.com/label_editor/${BENCHMARK}/data-1/7" rel="noopener noreferrer">benchmark</a>`
    )
    expect(items[7]).toContain('data-kind="missed"')
    expect(items[7]).toContain('data-benchmark-class="car"')
  })

  it('offers filters for the kinds and classes present, hidden until the script shows them', () => {
    const objects = [
      ...missed(2, 'car'),
      objectResult({ status: 'extra', training: { ...ref('person', 't'), createdBy: null } })
    ]
    const page = renderHtmlReport(runResult({ projects: [linkedProject(objects)] }))
    const form = /<form[^>]*data-filters="worst-items"[^>]*>([\s\S]*?)<\/form>/.exec(page)
    expect(form?.[0]).toMatch(/^<form[^>]* hidden>/)
    const values = (name: string): string[] =>
      [
        ...(
          new RegExp(`<select name="${name}">([\\s\\S]*?)</select>`).exec(form?.[1] ?? '')?.[1] ??
          ''
        ).matchAll(/value="([^"]*)"/g)
      ].map((match) => match[1] ?? '')
    expect(values('kind')).toEqual(['', 'missed', 'extra'])
    expect(values('class')).toEqual(['', 'car', 'person'])
  })

  it('says when the run has no links rather than printing dead ones', () => {
    const page = renderHtmlReport(runResult({ projects: [evaluated({ objects: missed(3) })] }))
    expect(rows(page, 'worst-items')).toHaveLength(3)
    expect(page).toContain('This run has no editor links')
    expect(rows(page, 'worst-items')[0]).not.toContain('<a ')
  })
})

describe('runs at the edges', () => {
  it('a run where no project could be evaluated still says what failed', () => {
    const page = renderHtmlReport(runResult({ projects: [failed()] }))
    expect(page).toContain('No training project could be evaluated.')
    expect(page).toContain('<li><a href="#failed">Not evaluated</a></li>')
    expect(page).toMatch(/<strong>Broken project<\/strong>: No access to project project-broken/)
    expect(rows(page, 'worst-items')).toEqual([])
  })

  it('under encord-script the heatmap shows mean IoU and the items are the script’s kinds', () => {
    const page = renderHtmlReport(
      runResult({
        settings: { method: 'encord-script' },
        projects: [
          evaluated({
            method: 'encord-script',
            perClass: [classMetrics('car', { f1: null, meanIou: 0.625 })],
            scriptRows: [scriptRow({ iouScore: 0, classScore: 0, bestMatch: null })]
          })
        ]
      })
    )
    expect(page).toContain('<h2 id="classes-title">Mean IoU per class</h2>')
    expect(rows(page, 'class-heatmap')[0]).toMatch(/>\s*0\.625\s*</)
    expect(rows(page, 'worst-items').map((row) => /data-kind="([^"]+)"/.exec(row)?.[1])).toEqual([
      'no-match'
    ])
    expect(page).not.toContain('>Precision<')
  })
})
