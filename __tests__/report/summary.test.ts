import { describe, expect, it } from '@jest/globals'
import type { ObjectResult } from '../../src/evaluate/types.js'
import type { GateFailure, RunResult } from '../../src/results/run-result.js'
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js'
import {
  classMetrics,
  evaluated,
  failed,
  metrics,
  objectResult,
  ref,
  runResult,
  scriptRow
} from './builders.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** Table rows of the annotator table: the only lines that start with a result mark cell. */
function annotatorRows(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^\| (✅|❌) \|/.test(line))
}

/** Cells of a markdown table row, split on the pipes GFM would split on. */
function cells(row: string): string[] {
  return row.split('|').slice(1, -1)
}

function gateFailure(projectHash: string, overrides: Partial<GateFailure> = {}): GateFailure {
  return {
    projectHash,
    annotator: null,
    metric: 'meanIou',
    threshold: 0.8,
    actual: 0.61,
    ...overrides
  }
}

const threeAnnotators = (thresholds: RunResult['settings']['thresholds'] = { meanIou: 0.8 }) =>
  runResult({
    settings: { method: 'one-to-one', iouThreshold: 0.5, workflowStage: 'Complete', thresholds },
    projects: [
      evaluated({
        projectHash: 'p-1',
        annotator: 'ann1@example.com',
        overall: metrics({ meanIou: 0.82 })
      }),
      evaluated({
        projectHash: 'p-2',
        annotator: 'ann2@example.com',
        overall: metrics({ meanIou: 0.61 })
      }),
      evaluated({
        projectHash: 'p-3',
        annotator: 'ann3@example.com',
        overall: metrics({ meanIou: 0.9 })
      })
    ],
    gate: { passed: false, failures: [gateFailure('p-2')], failedProjects: [] }
  })

describe('renderSummary', () => {
  it('starts with the verdict', () => {
    const passing = runResult({ projects: [evaluated(), evaluated({ projectHash: 'p-2' })] })
    expect(renderSummary(passing).split('\n')[0]).toBe('### ✅ 2 of 2 annotators passed')
    expect(renderSummary(threeAnnotators()).split('\n')[0]).toBe(
      '### ❌ 1 of 3 annotators failed (min-mean-iou)'
    )
  })

  it('adds a line for projects that could not be evaluated and lists each with its error', () => {
    const result = runResult({
      projects: [
        evaluated(),
        failed({
          projectHash: 'p-x',
          projectTitle: 'No access',
          message: 'No access to p-x: share it'
        })
      ]
    })
    const markdown = renderSummary(result)
    const [headline, , detail] = markdown.split('\n')
    expect(headline).toBe('### ❌ 1 of 2 training projects could not be evaluated')
    expect(detail).toBe('1 of 1 evaluated annotator passed.')
    expect(markdown).toContain('- ❌ **No access** (p-x): No access to p-x: share it')
  })

  it('has one table row per evaluated annotator, in input order, with scores and coverage', () => {
    const markdown = renderSummary(threeAnnotators())
    const rows = annotatorRows(markdown)
    expect(rows).toHaveLength(3)
    expect(rows.map((row) => cells(row)[1]?.trim())).toEqual([
      'ann1@example.com',
      'ann2@example.com',
      'ann3@example.com'
    ])
    expect(rows[1]).toContain('| 0.610 |')
    expect(rows[1]).toContain('| 48/50 units · 10 objects |')
    expect(cells(rows[0] ?? '')[0]?.trim()).toBe('✅')
    expect(cells(rows[1] ?? '')[0]?.trim()).toBe('❌')
  })

  it('shows the scores of the method: mean IoU and mean class score for encord-script', () => {
    const result = runResult({
      settings: {
        method: 'encord-script',
        iouThreshold: 0.5,
        workflowStage: 'Complete',
        thresholds: {}
      },
      projects: [evaluated({ method: 'encord-script', scriptRows: [scriptRow()] })]
    })
    const header = renderSummary(result)
      .split('\n')
      .find((line) => line.startsWith('| Result'))
    expect(header).toContain('Mean IoU')
    expect(header).toContain('Mean class score')
    expect(header).not.toContain('Precision')
  })

  it('has a pass or fail mark for each threshold that is set, and only those', () => {
    const markdown = renderSummary(threeAnnotators({ meanIou: 0.8 }))
    const header = markdown.split('\n').find((line) => line.startsWith('| Result')) ?? ''
    expect(header).toContain('min-mean-iou')
    expect(header).not.toMatch(/min-(f1|precision|recall|class-accuracy)/)
    const [first, second] = annotatorRows(markdown)
    expect(first).toContain('✅ 0.820 ≥ 0.800')
    expect(second).toContain('❌ 0.610 < 0.800')

    const noThresholds = renderSummary(runResult())
    expect(noThresholds).not.toContain('min-')
    expect(noThresholds).not.toMatch(/[≥<] \d/)
    expect(noThresholds).toContain('No thresholds are set')
  })

  it('escapes user strings: no HTML gets through and no pipe splits a cell', () => {
    const hostile = '<script>alert(1)</script>|x'
    const result = runResult({
      settings: {
        method: 'one-to-one',
        iouThreshold: 0.5,
        workflowStage: 'Comp|lete',
        thresholds: { f1: 0.5 }
      },
      projects: [
        evaluated({
          annotator: `${hostile}@example.com`,
          projectTitle: `[click](https://evil.example) ${hostile}`,
          perClass: [classMetrics(`<img src=x onerror=alert(1)>|`)],
          confusion: [{ benchmark: `<img src=x onerror=alert(1)>|`, training: null, count: 1 }],
          objects: [
            objectResult({
              status: 'missed',
              iou: null,
              training: null,
              dataTitle: `${hostile}\nline`
            })
          ]
        })
      ]
    })
    const markdown = renderSummary(result)
    expect(markdown).not.toMatch(/<script|<img|\]\(https:\/\/evil/)
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&#124;x@example.com')
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;&#124;')
    expect(markdown).toContain('&#91;click&#93;(https://evil.example)')
    expect(markdown).toContain('Comp&#124;lete')
    const [row] = annotatorRows(markdown)
    const header = markdown.split('\n').find((line) => line.startsWith('| Result')) ?? ''
    expect(cells(row ?? '')).toHaveLength(cells(header).length)
  })

  it('gives each annotator details: per-class table, confusion matrix and worst items', () => {
    const result = runResult({
      projects: [
        evaluated({
          notes: ['2 boxes without a frame-0 annotation were skipped'],
          objects: [
            objectResult({ iou: 0.95 }),
            objectResult({
              status: 'missed',
              iou: null,
              training: null,
              dataTitle: 'missed.jpg',
              frame: 4
            }),
            objectResult({ status: 'extra', iou: null, benchmark: null, dataTitle: 'extra.jpg' }),
            objectResult({ status: 'wrong-class', iou: 0.7, benchmark: ref('person', 'b-2') }),
            objectResult({ iou: 0.55, dataTitle: 'low.jpg' })
          ]
        })
      ]
    })
    const markdown = renderSummary(result)
    expect(markdown).toContain('<details>')
    expect(markdown).toContain('<summary>✅ alice@example.com · Training A</summary>')
    expect(markdown).toContain('**Per class**')
    expect(markdown).toMatch(/\| car \| 10 \| 10 \| 8 \| 1 \| 1 \| 1 \| 0\.800 /)
    expect(markdown).toContain('| Benchmark ↓ / Training → | car | person | (unmatched) |')
    expect(markdown).toContain('| **car** | 5 | 0 | 1 |')
    expect(markdown).toContain('| **(unmatched)** | 0 | 1 | 0 |')
    expect(markdown).toContain('| Missed | missed.jpg | 4 | — | car | — |')
    expect(markdown).toContain('| Extra | extra.jpg | 0 | car | — | — |')
    expect(markdown).toContain('| Wrong class | image-1.jpg | 0 | car | person | 0.700 |')
    expect(markdown).toMatch(
      /\| Low IoU \| low\.jpg \| 0 \| car \| car \| 0\.550 \|\n\| Low IoU \| image-1\.jpg/
    )
    expect(markdown).toContain('2 boxes without a frame-0 annotation were skipped')
    expect(markdown).not.toContain('Shortened')
  })

  it('lists classification questions in their own table, not among object classes', () => {
    const weather = classMetrics('Weather', {
      benchmarkObjects: 0,
      trainingObjects: 0,
      truePositives: 0,
      wrongClass: 0,
      missed: 0,
      extra: 0,
      classificationScore: 9,
      classificationsCompared: 12
    })
    const result = runResult({
      projects: [evaluated({ perClass: [classMetrics('car'), weather] })]
    })
    const markdown = renderSummary(result)
    expect(markdown).toContain('**Classifications** (per frame, or per row when global)')
    expect(markdown).toContain('| Weather | 12 | 0.750 |')
    expect(markdown).not.toMatch(/^\| Weather \| 0 \|/m)
    const confusion = markdown.slice(markdown.indexOf('**Confusion matrix**'))
    expect(confusion).toContain('| **car** |')
    expect(confusion).not.toContain('Weather')
  })

  it('names at most five contributors and says when none is recorded', () => {
    const contributors = Array.from({ length: 7 }, (_, index) => ({
      email: `c${index}@example.com`,
      annotations: 10 - index
    }))
    const result = runResult({
      projects: [
        evaluated({ contributors }),
        evaluated({ projectHash: 'p-2', annotator: null, contributors: [] })
      ]
    })
    const markdown = renderSummary(result)
    expect(markdown).toContain(
      'Labelled by: c0@example.com (10), c1@example.com (9), c2@example.com (8), c3@example.com (7), c4@example.com (6), and 2 more.'
    )
    expect(markdown).toContain('Labelled by: no creator recorded.')
    expect(annotatorRows(markdown)[1]).toMatch(/^\| ✅ \| — \|/)
  })

  it('gives encord-script annotators their own per-class columns and worst items', () => {
    const result = runResult({
      settings: {
        method: 'encord-script',
        iouThreshold: 0.5,
        workflowStage: 'Complete',
        thresholds: {}
      },
      projects: [
        evaluated({
          method: 'encord-script',
          perClass: [
            classMetrics('car', { trainingObjects: 3, meanIou: 0.5, classAccuracy: 2 / 3 })
          ],
          scriptRows: [
            scriptRow({ iouScore: 0, classScore: 0, bestMatch: null, dataUnitName: 'none.jpg' }),
            scriptRow({ iouScore: 0.25 })
          ]
        })
      ]
    })
    const markdown = renderSummary(result)
    expect(markdown).toContain('| Class | Training boxes | Mean IoU | Mean class score |')
    expect(markdown).toContain('| car | 3 | 0.500 | 0.667 |')
    expect(markdown).toContain('| No match | none.jpg | 0 | car | — | 0.000 |')
    expect(markdown).toContain('| Low IoU | image-1.jpg | 0 | car | car | 0.250 |')
    expect(markdown).not.toContain('IoU threshold')
  })

  it('ends with the settings line and the artifact link', () => {
    const markdown = renderSummary(threeAnnotators(), {
      artifactUrl: 'https://github.com/o/r/actions/runs/1/artifacts/2'
    })
    expect(markdown).toContain(
      '<sub>Method: one-to-one · IoU threshold: 0.5 · Workflow stage: Complete · Benchmark: Gold standard (50 data units) · Thresholds: min-mean-iou 0.800 · Gate on: estimate · On inconclusive: warn · Min data units: 10 · Intervals: off · encord-annotator-eval 0.1.0</sub>'
    )
    expect(
      markdown
        .trimEnd()
        .endsWith(
          '📎 Full results: [iou_results.csv and report.json](https://github.com/o/r/actions/runs/1/artifacts/2)'
        )
    ).toBe(true)
  })

  it('stays under 1 MiB for 2,000 annotators, dropping details, with a notice linking the CSV', () => {
    const projects = Array.from({ length: 2_000 }, (_, index) =>
      evaluated({
        projectHash: `p-${index}`,
        projectTitle: `Training project ${index} with a fairly long descriptive title`,
        annotator: `annotator-${index}@example.com`,
        perClass: Array.from({ length: 20 }, (_, c) => classMetrics(`class-${c}`)),
        objects: Array.from({ length: 30 }, () =>
          objectResult({ status: 'missed', iou: null, training: null })
        )
      })
    )
    const result = runResult({ projects })
    const markdown = renderSummary(result, { artifactUrl: 'https://example.com/artifact' })
    expect(bytes(markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(bytes(markdown)).toBeLessThanOrEqual(900 * 1024)
    expect(markdown).toContain('⚠️ **Shortened to stay under GitHub')
    expect(markdown).toMatch(/details of \d+ annotators left out/)
    expect(markdown).toContain(
      'Every result is in [iou_results.csv and report.json](https://example.com/artifact); every kept worst item, with its links, is in `report.html` there.'
    )
    // The verdict and every annotator's row survive; details go first.
    expect(markdown.startsWith('### ✅ 2000 of 2000 annotators passed')).toBe(true)
    expect(annotatorRows(markdown)).toHaveLength(2_000)
  })

  it('drops worst items before details when only those do not fit', () => {
    const objects = Array.from({ length: 20 }, (_, index) =>
      objectResult({
        status: 'missed',
        iou: null,
        training: null,
        dataTitle: `missed-${index}.jpg`
      })
    )
    const result = runResult({
      projects: [evaluated({ objects }), evaluated({ projectHash: 'p-2', objects })]
    })
    const full = renderSummary(result)
    const withoutWorst = renderSummary(result, { worstItemsPerKind: 0 })
    const between = Math.floor((bytes(full) + bytes(withoutWorst)) / 2) + 600
    const trimmed = renderSummary(result, { maxBytes: between })
    expect(bytes(trimmed)).toBeLessThanOrEqual(between)
    expect(trimmed.match(/<details>/g)).toHaveLength(2)
    expect(trimmed.match(/\*\*Worst items\*\*/g)).toHaveLength(1)
    expect(trimmed).toContain('worst items of 1 annotator left out')
    expect(trimmed).not.toContain('details of')
  })

  it('lists only the annotators who failed when even the table does not fit', () => {
    const long = 'x'.repeat(180)
    const projects = Array.from({ length: 3_000 }, (_, index) =>
      evaluated({
        projectHash: `p-${index}`,
        projectTitle: `${long} ${index}`,
        annotator: `${long}@${index}`,
        // Two of them below the threshold: the gate fails them.
        ...(index === 10 || index === 2000 ? { overall: metrics({ meanIou: 0.61 }) } : {})
      })
    )
    const failures = [gateFailure('p-10'), gateFailure('p-2000')]
    const result = runResult({
      settings: {
        method: 'one-to-one',
        iouThreshold: 0.5,
        workflowStage: 'Complete',
        thresholds: { meanIou: 0.8 }
      },
      projects,
      gate: { passed: false, failures, failedProjects: [] }
    })
    const markdown = renderSummary(result)
    expect(bytes(markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    const rows = annotatorRows(markdown)
    expect(rows).toHaveLength(2)
    expect(rows.every((row) => row.startsWith('| ❌ |'))).toBe(true)
    expect(markdown).toContain('the table lists only annotators who failed')
    expect(markdown).toContain('2998 annotators left out of the table')
  })

  it('stays under 1 MiB with a million worst items, reading each IoU a bounded number of times', () => {
    const missed: ObjectResult = objectResult({ status: 'missed', iou: null, training: null })
    // Speed is measured in the bench (bench/summary-micro.mjs); here, the reason it is fast: the
    // worst items are picked in one pass, not by sorting, so each match's IoU is read a few
    // times, not the ~2·log2(n) ≈ 40 times a comparison sort of the 500,000 matches would.
    let iouReads = 0
    const { iou: _unused, ...matched } = objectResult()
    const countedMatch = (iou: number): ObjectResult =>
      Object.defineProperty({ ...matched }, 'iou', {
        enumerable: true,
        get: () => {
          iouReads += 1
          return iou
        }
      }) as ObjectResult
    const objects = Array.from({ length: 1_000_000 }, (_, index) =>
      index % 2 === 0 ? missed : countedMatch(1 - index / 2_000_000)
    )
    const markdown = renderSummary(runResult({ projects: [evaluated({ objects })] }))
    expect(iouReads).toBeGreaterThanOrEqual(500_000)
    expect(iouReads).toBeLessThanOrEqual(4 * 500_000)
    expect(bytes(markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(markdown.match(/^\| Missed \|/gm)).toHaveLength(5)
    expect(markdown.match(/^\| Low IoU \|/gm)).toHaveLength(5)
    expect(markdown).toContain('| Low IoU | image-1.jpg | 0 | car | car | 0.500 |')
  })
})
