/**
 * One section per evaluated annotator: the verdict, the feedback note's content (what went well,
 * the most frequent kinds of error, any systematic geometry bias; `results/feedback-note.ts`) and
 * the annotator's confusion matrix as a heatmap. The same facts as `feedback/<annotator>.md`;
 * the worst items are in the table below, filterable by annotator.
 */
import { ERROR_KINDS, type ErrorKind } from '../../results/error-kinds.js'
import type { FeedbackNote } from '../../results/feedback-note.js'
import type { EvaluatedStanding } from '../../results/standings.js'
import { formatScore, formatThreshold, MISSING } from '../format.js'
import { html, type SafeHtml } from './escape.js'
import { confusionHeatmap } from './heatmaps.js'
import { verdictBadge } from './leaderboard.js'
import { verdictIcon } from './marks.js'

const ERROR_KIND_LABEL: Record<ErrorKind, string> = {
  missed: 'missed',
  extra: 'extra',
  'wrong-class': 'wrong class',
  'low-overlap': 'low overlap',
  attribute: 'attribute disagreement',
  classification: 'classification disagreement'
}

/** The id of annotator section `index` (0-based, in input order). */
export function annotatorSectionId(index: number): string {
  return `annotator-${index + 1}`
}

export function annotatorSection(
  standing: EvaluatedStanding,
  note: FeedbackNote | undefined,
  index: number
): SafeHtml {
  const { evaluation } = standing
  const id = annotatorSectionId(index)
  const classOrder = evaluation.perClass.map((metrics) => metrics.className)
  return html`<section class="note" id="${id}" aria-labelledby="${id}-title">
    <h3 id="${id}-title">
      ${evaluation.annotator ?? MISSING} <span class="muted">· ${evaluation.projectTitle}</span>
    </h3>
    <p>
      ${verdictBadge(standing.verdict)}
      <span class="muted"
        >on ${standing.dataUnits} benchmark data units, ${standing.benchmarkObjects} objects.</span
      >
    </p>
    ${note === undefined ? html`` : noteBody(note)}
    <h4>Confusion matrix</h4>
    ${confusionHeatmap(evaluation.confusion, classOrder, `${id}-confusion`)}
  </section>`
}

function noteBody(note: FeedbackNote): SafeHtml {
  // Bars met are among what went well; the ones missed come first.
  const below = note.scores.filter((score) => score.meets === false)
  const total = ERROR_KINDS.reduce((sum, kind) => sum + note.errorTotals[kind], 0)
  return html`${
      below.length === 0
        ? html``
        : html`<h4>Below the bar</h4>
            <ul>
              ${below.map(
                (score) =>
                  html`<li>
                    ${verdictIcon('fail')} ${score.label} ${formatScore(score.value)} is below the
                    bar of ${formatThreshold(score.threshold ?? 0)}.
                  </li>`
              )}
            </ul>`
    }
    <h4>What went well</h4>
    ${
      note.wentWell.length === 0
        ? html`<p>Nothing stood out this time.</p>`
        : html`<ul>
            ${note.wentWell.map((line) => html`<li>${line}</li>`)}
          </ul>`
    }
    <h4>What to work on</h4>
    ${
      total === 0
        ? html`<p>No errors found: every object and answer agrees with the expert.</p>`
        : html`<ol>
              ${note.topErrors.map((error) => html`<li>${error.text}</li>`)}
            </ol>
            <table class="error-totals">
              <caption>
                All errors by kind (low overlap: IoU below ${note.lowIou}).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col" class="num">Count</th>
                </tr>
              </thead>
              <tbody>
                ${ERROR_KINDS.map(
                  (kind) =>
                    html`<tr>
                      <th scope="row">${ERROR_KIND_LABEL[kind]}</th>
                      <td class="num">${note.errorTotals[kind]}</td>
                    </tr>`
                )}
              </tbody>
            </table>`
    }
    ${
      note.bias.length === 0
        ? html``
        : html`<h4>Geometry</h4>
            <p>Compared with the expert's shapes on the objects both drew:</p>
            <ul>
              ${note.bias.map((bias) => html`<li>${bias.text}</li>`)}
            </ul>`
    }`
}
