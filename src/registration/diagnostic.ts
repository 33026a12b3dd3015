/** What the registration checker reports, and the collector that gathers it. */
import { RULES, type RuleId } from './rules.js'

export type Severity = 'error' | 'warning'

/** 1-based line and column; the column counts UTF-16 code units, as editors and GitHub do. */
export interface Position {
  line: number
  column: number
}

export interface Diagnostic {
  severity: Severity
  rule: string
  message: string
  line: number
  column: number
  /** The other place the message talks about, e.g. the first of two duplicate keys. */
  related?: Position
}

export interface FileReport {
  file: string
  diagnostics: Diagnostic[]
  /** Entries registered by the file as written (videos, images, image groups, …). */
  items: number
  /** Object URLs in the file as written (`objectUrl` and every `objectUrl_N`). */
  urls: number
}

/**
 * How many diagnostics of one rule a file keeps. A generated file with one systematic mistake
 * would otherwise carry 500,000 copies of it, in memory and in the job summary.
 */
export const MAX_DIAGNOSTICS_PER_RULE = 100

/** Gathers diagnostics for one file: severity comes from the rule, repeats are capped. */
export class DiagnosticCollector {
  private readonly kept: Diagnostic[] = []
  private readonly countByRule = new Map<RuleId, number>()
  private readonly firstDroppedByRule = new Map<RuleId, Position>()

  constructor(private readonly maxPerRule = MAX_DIAGNOSTICS_PER_RULE) {}

  add(rule: RuleId, message: string, at: Position, related?: Position): void {
    const count = (this.countByRule.get(rule) ?? 0) + 1
    this.countByRule.set(rule, count)
    if (count > this.maxPerRule) {
      if (!this.firstDroppedByRule.has(rule)) this.firstDroppedByRule.set(rule, at)
      return
    }
    const diagnostic: Diagnostic = {
      severity: RULES[rule].severity,
      rule,
      message,
      line: at.line,
      column: at.column
    }
    if (related) diagnostic.related = { line: related.line, column: related.column }
    this.kept.push(diagnostic)
  }

  hasErrors(): boolean {
    return this.kept.some((d) => d.severity === 'error')
  }

  /** Everything kept, in reading order, plus one notice per rule that hit the cap. */
  finish(): Diagnostic[] {
    const all = [...this.kept]
    for (const [rule, at] of this.firstDroppedByRule) {
      const dropped = (this.countByRule.get(rule) ?? 0) - this.maxPerRule
      all.push({
        severity: RULES[rule].severity,
        rule,
        message: `${dropped} more [${rule}] ${dropped === 1 ? 'diagnostic' : 'diagnostics'} from here on not shown (only the first ${this.maxPerRule} are kept)`,
        line: at.line,
        column: at.column
      })
    }
    return all.sort(byPosition)
  }
}

export function byPosition(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column
}

export function formatPosition(p: Position): string {
  return `${p.line}:${p.column}`
}
