/**
 * The HTML report (`output-dir/report.html`): one self-contained page with the leaderboard, the
 * per-class heatmap, a section per annotator (feedback note and confusion matrix) and every worst
 * item kept, with links. A pure renderer: results in, a string out.
 */
import { feedbackNotes } from '../../results/feedback-note.js'
import type { ProjectResult, RunResult } from '../../results/run-result.js'
import { isEvaluated, standings, verdictOf } from '../../results/standings.js'
import { confidencePercent, plural } from '../format.js'
import { html, type SafeHtml } from './escape.js'
import { classHeatmap, classHeatmapMetric } from './heatmaps.js'
import { leaderboard } from './leaderboard.js'
import { auditSection } from './audit.js'
import { annotatorSection } from './notes.js'
import { verdictIcon } from './marks.js'
import { page } from './page.js'
import { progressSection } from './progress.js'
import { worstItemsSection } from './worst-items.js'
import { labelsUnder, metricFacts } from '../../results/metrics.js'

export { CONTENT_SECURITY_POLICY } from './page.js'
export { escapeHtml, safeHref } from './escape.js'

export function renderHtmlReport(result: RunResult): string {
  const all = standings(result)
  const evaluated = all.filter(isEvaluated)
  const projects: ProjectResult[] = evaluated.map((standing) => standing.evaluation)
  const notes = new Map(feedbackNotes(result).map((note) => [note.projectHash, note]))
  const { method } = result.settings
  const heatLabel = labelsUnder(metricFacts(classHeatmapMetric(method)), method).label
  const title = `Annotator scores against ${result.benchmark.title}`
  const body = html`<header>
      <h1>${title}</h1>
      ${headline(result)} ${settingsLine(result)}
    </header>
    <nav aria-label="Sections">
      <ul>
        <li><a href="#scores">Leaderboard</a></li>
        <li><a href="#classes">${heatLabel} per class</a></li>
        <li><a href="#annotators">Annotators</a></li>
        <li><a href="#worst">Worst items</a></li>
        ${result.audit === undefined ? html`` : html`<li><a href="#audit">Benchmark audit</a></li>`}
        ${result.gate.failedProjects.length > 0 ? html`<li><a href="#failed">Not evaluated</a></li>` : html``}
      </ul>
    </nav>
    <main>
      <section id="scores" aria-labelledby="scores-title">
        <h2 id="scores-title">Leaderboard</h2>
        ${leaderboard(result, all)}
      </section>
      ${progressSection(result)}
      <section id="classes" aria-labelledby="classes-title">
        <h2 id="classes-title">${heatLabel} per class</h2>
        ${classHeatmap(projects, method)}
      </section>
      <section id="annotators" aria-labelledby="annotators-title">
        <h2 id="annotators-title">Annotators</h2>
        ${evaluated.map((standing, index) => annotatorSection(standing, notes.get(standing.evaluation.projectHash), index))}
      </section>
      <section id="worst" aria-labelledby="worst-title">
        <h2 id="worst-title">Worst items</h2>
        ${worstItemsSection(projects)}
      </section>
      ${auditSection(result)} ${failedSection(result)}
    </main>
    <footer><p class="muted">${result.tool.name} ${result.tool.version}</p></footer>`
  return page({ title, body })
}

function headline(result: RunResult): SafeHtml {
  const verdict = verdictOf(result)
  const outcome = verdict.passed
    ? html`${verdictIcon('pass')} Passed`
    : verdict.stepFails
      ? html`${verdictIcon('fail')} Failed`
      : html`${verdictIcon('inconclusive')} Not passed`
  const parts = [
    `${verdict.passedAnnotators} of ${plural(verdict.evaluated, 'annotator')} passed`,
    verdict.failedAnnotators > 0 ? `${verdict.failedAnnotators} failed` : null,
    verdict.inconclusiveAnnotators > 0 ? `${verdict.inconclusiveAnnotators} inconclusive` : null,
    verdict.insufficientAnnotators > 0
      ? `${verdict.insufficientAnnotators} with too little evidence`
      : null,
    verdict.notEvaluated > 0 ? `${plural(verdict.notEvaluated, 'project')} not evaluated` : null
  ].filter((part): part is string => part !== null)
  return html`<p><strong>${outcome}</strong>: ${parts.join(', ')}.</p>`
}

function settingsLine(result: RunResult): SafeHtml {
  const { settings, benchmark } = result
  const intervals =
    settings.bootstrapSamples > 0
      ? `${confidencePercent(settings.confidenceLevel)} intervals from ${settings.bootstrapSamples} bootstrap samples, gate on the ${settings.gateOn}`
      : 'intervals off'
  return html`<p class="muted">
    Benchmark project: ${benchmark.title} (${plural(benchmark.rows, 'row')}); method
    ${settings.method}, IoU threshold ${settings.iouThreshold}, stage ${settings.workflowStage};
    ${intervals}.
  </p>`
}

function failedSection(result: RunResult): SafeHtml {
  const failed = result.gate.failedProjects
  if (failed.length === 0) return html``
  return html`<section id="failed" aria-labelledby="failed-title">
    <h2 id="failed-title">Not evaluated</h2>
    <ul>
      ${failed.map((failure) => html`<li><strong>${failure.projectTitle ?? failure.projectHash}</strong>: ${failure.message}</li>`)}
    </ul>
  </section>`
}
