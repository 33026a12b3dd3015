/**
 * The HTML report's benchmark audit section (`results/audit.ts`): the headline, what the audit
 * did to the scores, and every suspect with its link to the benchmark frame. Nothing when the run
 * has no audit.
 */
import type { RunResult } from '../../results/run-result.js'
import { AUDIT_FILE_NAME } from '../../results/file-names.js'
import { auditHeadline, exclusionSentence, SUSPECT_KIND_TEXT } from '../audit.js'
import { html, safeHref, type SafeHtml } from './escape.js'

export function auditSection(result: RunResult): SafeHtml {
  const audit = result.audit
  if (audit === undefined) return html``
  const excluded = exclusionSentence(audit)
  const rows = audit.suspects.map((suspect) => {
    const href = safeHref(suspect.link)
    const frames = suspect.frames.length === 0 ? 'whole unit' : suspect.frames.join(', ')
    return html`<tr>
      <td>${SUSPECT_KIND_TEXT[suspect.kind]}</td>
      <td>
        ${href === null ? suspect.dataTitle : html`<a href="${href}" rel="noopener noreferrer">${suspect.dataTitle}</a>`}
      </td>
      <td>${frames}</td>
      <td>${suspect.benchmarkSays ?? '(nothing)'}</td>
      <td class="num">${suspect.disagreeing} of ${suspect.annotators}</td>
      <td>${suspect.annotatorsSay}</td>
      <td><code>${suspect.benchmarkObject ?? ''}</code></td>
    </tr>`
  })
  return html`<section id="audit" aria-labelledby="audit-title">
    <h2 id="audit-title">${auditHeadline(audit)}</h2>
    ${audit.note === null ? html`` : html`<p>${audit.note}</p>`}
    <p>${excluded ?? 'Scores are unchanged by the audit.'}</p>
    ${
      rows.length === 0
        ? html``
        : html`<table>
              <thead>
                <tr>
                  <th scope="col">Suspect</th>
                  <th scope="col">Data unit</th>
                  <th scope="col">Frames</th>
                  <th scope="col">Benchmark</th>
                  <th scope="col">Annotators</th>
                  <th scope="col">They say</th>
                  <th scope="col">Benchmark object</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
            <p class="muted">Also in <code>${AUDIT_FILE_NAME}</code>.</p>`
    }
  </section>`
}
