/**
 * GitHub shows at most 10 annotations of each level per step and drops the rest silently. This
 * budget passes the first ones through and folds the others into one annotation that says how
 * many were left out, listing them in the log, so nothing disappears without a trace.
 */
import * as core from '@actions/core'
import { safeText } from '../safe-text.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export const ANNOTATIONS_PER_LEVEL = 10

export interface AnnotationBudget {
  error(message: string, properties?: core.AnnotationProperties): void
  warning(message: string, properties?: core.AnnotationProperties): void
  notice(message: string, properties?: core.AnnotationProperties): void
  /** Emits what was held back. Call once, after the last annotation. */
  flush(): void
}

interface Held {
  message: string
  properties: core.AnnotationProperties | undefined
}

export function createAnnotationBudget(limit = ANNOTATIONS_PER_LEVEL): AnnotationBudget {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be at least 1')
  const emit = { error: core.error, warning: core.warning, notice: core.notice }
  const emitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }
  const held: Record<AnnotationLevel, Held[]> = { error: [], warning: [], notice: [] }

  // The last slot is kept for the overflow note, so the first limit-1 pass straight through.
  const annotate =
    (level: AnnotationLevel) =>
    (message: string, properties?: core.AnnotationProperties): void => {
      const safe = safeAnnotation(message, properties)
      if (emitted[level] < limit - 1) {
        emitted[level]++
        emit[level](safe.message, safe.properties)
      } else {
        held[level].push(safe)
      }
    }

  return {
    error: annotate('error'),
    warning: annotate('warning'),
    notice: annotate('notice'),
    flush() {
      for (const level of ['error', 'warning', 'notice'] as const) {
        const rest = held[level].splice(0)
        const [only] = rest
        if (rest.length === 1 && only) {
          emit[level](only.message, only.properties)
        } else if (rest.length > 1) {
          emit[level](
            `${rest.length} more ${level}s are not shown as annotations (GitHub shows ${limit} per step); they are listed in the log`
          )
          for (const { message } of rest) core.info(`${level}: ${message}`)
        }
      }
    }
  }
}

/** Messages and titles carry user text: control characters are shown as escapes (`safeText`). */
function safeAnnotation(message: string, properties: core.AnnotationProperties | undefined): Held {
  if (properties?.title === undefined) return { message: safeText(message), properties }
  return {
    message: safeText(message),
    properties: { ...properties, title: safeText(properties.title) }
  }
}
