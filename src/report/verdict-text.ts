/**
 * The verdict in words, for the heading of the summary and the comment and the terminal's last
 * lines.
 */
import type { Verdict } from '../results/standings.js'

/**
 * The verdict without decoration: a headline and at most one more line.
 * e.g. `1 of 3 annotators failed (min-mean-iou)` / `1 of 4 training projects could not be evaluated`.
 */
export function verdictText(verdict: Verdict): { headline: string; detail: string | null } {
  const notEvaluated =
    verdict.notEvaluated > 0
      ? `${verdict.notEvaluated} of ${verdict.total} training ${verdict.total === 1 ? 'project' : 'projects'} could not be evaluated`
      : null
  const unsettled = unsettledText(verdict)
  const details = (...lines: (string | null)[]): string | null => {
    const shown = lines.filter((line): line is string => line !== null)
    return shown.length === 0 ? null : shown.join('; ')
  }
  if (verdict.failedAnnotators > 0) {
    const which =
      verdict.missedThresholds.length > 0 ? ` (${verdict.missedThresholds.join(', ')})` : ''
    return {
      headline: `${verdict.failedAnnotators} of ${annotators(verdict.evaluated)} failed${which}`,
      detail: details(unsettled, notEvaluated)
    }
  }
  if (notEvaluated !== null) {
    const passed =
      verdict.evaluated > 0
        ? `${verdict.passedAnnotators} of ${verdict.evaluated} evaluated ${verdict.evaluated === 1 ? 'annotator' : 'annotators'} passed`
        : null
    return { headline: notEvaluated, detail: details(passed, unsettled) }
  }
  if (verdict.evaluated === 0)
    return { headline: 'No training project was evaluated', detail: null }
  if (unsettled !== null) {
    return {
      headline: `${verdict.passedAnnotators} of ${annotators(verdict.evaluated)} passed, ${unsettled}`,
      detail: null
    }
  }
  return {
    headline: `${verdict.passedAnnotators} of ${annotators(verdict.evaluated)} passed`,
    detail: verdict.thresholdsSet ? null : 'No thresholds are set, so every annotator passes'
  }
}

/** `1 inconclusive, 2 with insufficient evidence`, or null when every verdict is clear. */
function unsettledText(verdict: Verdict): string | null {
  const parts = [
    verdict.inconclusiveAnnotators > 0 ? `${verdict.inconclusiveAnnotators} inconclusive` : null,
    verdict.insufficientAnnotators > 0
      ? `${verdict.insufficientAnnotators} with insufficient evidence`
      : null
  ].filter((part): part is string => part !== null)
  return parts.length === 0 ? null : parts.join(', ')
}

function annotators(count: number): string {
  return `${count} ${count === 1 ? 'annotator' : 'annotators'}`
}
