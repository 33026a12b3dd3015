/**
 * The verdict marks as small inline SVG icons, always beside the verdict's word: a green tick
 * (pass), a red cross (fail), an amber warning triangle (inconclusive) and a grey hollow circle
 * with a dash (insufficient evidence). Drawn rather than typed as emoji, so the page shows them on
 * any machine, fonts or none; hidden from screen readers, which read the word.
 */
import type { CheckOutcome, VerdictName } from '../../results/gate.js'
import { html, type SafeHtml } from './escape.js'

const ICONS: Record<VerdictName, SafeHtml> = {
  pass: html`<circle cx="8" cy="8" r="7" fill="#1a7f37" /><path
      d="M4.5 8.3l2.3 2.3 4.7-4.9"
      fill="none"
      stroke="#fff"
      stroke-width="1.8"
    />`,
  fail: html`<circle cx="8" cy="8" r="7" fill="#cf222e" /><path
      d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6"
      stroke="#fff"
      stroke-width="1.8"
    />`,
  inconclusive: html`<path d="M8 1.2l7 13.3H1z" fill="#bf8700" /><path
      d="M8 5.5v4.6"
      stroke="#fff"
      stroke-width="1.7"
    /><circle cx="8" cy="12.3" r="1" fill="#fff" />`,
  'insufficient-evidence': html`<circle
      cx="8"
      cy="8"
      r="6.2"
      fill="none"
      stroke="#59636e"
      stroke-width="1.6"
    /><path d="M5 8h6" stroke="#59636e" stroke-width="1.6" />`
}

export function verdictIcon(verdict: VerdictName | CheckOutcome): SafeHtml {
  return html`<svg
    class="mark"
    width="14"
    height="14"
    viewBox="0 0 16 16"
    aria-hidden="true"
    focusable="false"
  >
    ${ICONS[verdict]}
  </svg>`
}
