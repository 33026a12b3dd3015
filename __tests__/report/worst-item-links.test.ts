import { describe, expect, it } from '@jest/globals'
import { renderComment } from '../../src/report/comment.js'
import { renderSummary } from '../../src/report/summary.js'
import { renderTerminalWorstItems } from '../../src/report/terminal-worst-items.js'
import { editorLinkBase } from '../../src/results/editor-links.js'
import type { ProjectOutcome } from '../../src/results/run-result.js'
import { keptWorstItems } from '../../src/results/worst-items.js'
import { evaluation, objectResult, runResult } from './builders.js'

const TRAINING = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
const BENCHMARK = '11111111-2222-3333-4444-555555555555'
const TASK = `https://app.encord.com/label_editor/${TRAINING}/data-9/7`
const GOLD = `https://app.encord.com/label_editor/${BENCHMARK}/data-9/7`

/** A project whose worst items were kept with links, as the scoring thread keeps them. */
function linkedProject(links = true): ProjectOutcome {
  const source = evaluation({
    projectHash: TRAINING,
    objects: [
      objectResult({ status: 'missed', iou: null, training: null, dataHash: 'data-9', frame: 7 })
    ]
  })
  const base = links ? editorLinkBase('https://app.encord.com', BENCHMARK, TRAINING) : null
  const { objects: _o, scriptRows: _s, classifications: _c, units: _u, ...reported } = source
  return {
    status: 'evaluated',
    evaluation: {
      ...reported,
      intervals: null,
      worstItems: keptWorstItems(source, 200, base),
      feedback: { lowIou: 0.7, errors: { totals: {} as never, counts: [] }, bias: [] }
    } as unknown as Extract<ProjectOutcome, { status: 'evaluated' }>['evaluation']
  }
}

describe('links of the worst items', () => {
  it('are in the job summary: the task and the benchmark frame', () => {
    const summary = renderSummary(runResult({ projects: [linkedProject()] }))
    expect(summary).toContain(`[task](${TASK}) · [benchmark](${GOLD})`)
  })

  it('are in the PR comment, one item of each kind per annotator', () => {
    const comment = renderComment(runResult({ projects: [linkedProject()] }), {
      marker: '<!-- m -->'
    })
    expect(comment).toContain('#### Worst items')
    expect(comment).toContain(`[task](${TASK}) · [benchmark](${GOLD})`)
  })

  it('are plain URLs on the terminal', () => {
    const text = renderTerminalWorstItems(runResult({ projects: [linkedProject()] }))
    expect(text).toContain(`      task:      ${TASK}\n`)
    expect(text).toContain(`      benchmark: ${GOLD}\n`)
  })

  it('leave no links column and no URL when the run has no links', () => {
    const result = runResult({ projects: [linkedProject(false)] })
    expect(renderSummary(result)).not.toContain('Open in Encord')
    expect(renderComment(result, { marker: '<!-- m -->' })).not.toContain('label_editor')
    expect(renderTerminalWorstItems(result)).not.toContain('label_editor')
  })

  it('are dropped from the comment first when it runs out of room, with a notice pointing to the HTML report', () => {
    const projects = Array.from({ length: 40 }, () => linkedProject())
    const comment = renderComment(runResult({ projects }), { marker: '<!-- m -->', maxChars: 9000 })
    expect(comment.length).toBeLessThanOrEqual(9000)
    expect(comment).toMatch(/worst items of \d+ annotators left out/)
    expect(comment).toContain(
      'every kept worst item, with its links, is in `report.html` in the artifact'
    )
  })
})
