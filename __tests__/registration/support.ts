import { checkRegistrationText, type Diagnostic } from '../../src/registration/check.js'

/** `[line, column, rule]` of each diagnostic, in reading order: the shape most tests assert. */
export type Finding = [line: number, column: number, rule: string]

export function findings(text: string): Finding[] {
  return checkRegistrationText(text, 'test.json').diagnostics.map((d) => [d.line, d.column, d.rule])
}

export function diagnostics(text: string): Diagnostic[] {
  return checkRegistrationText(text, 'test.json').diagnostics
}

/** The one diagnostic of a rule; fails the test if there is not exactly one. */
export function only(text: string, rule: string): Diagnostic {
  const matching = diagnostics(text).filter((d) => d.rule === rule)
  if (matching.length !== 1) {
    throw new Error(`expected one [${rule}], got ${JSON.stringify(diagnostics(text), null, 2)}`)
  }
  return matching[0] as Diagnostic
}

/** A registration file with the given top-level members, pretty-printed as people write them. */
export function registration(members: Record<string, unknown>): string {
  return `${JSON.stringify(members, null, 2)}\n`
}

/** 1-based line and column where the n-th occurrence of `needle` starts, read off the text. */
export function positionOf(text: string, needle: string, occurrence = 1): [number, number] {
  let offset = -1
  for (let i = 0; i < occurrence; i++) {
    offset = text.indexOf(needle, offset + 1)
    if (offset < 0) throw new Error(`${needle} occurs fewer than ${occurrence} times`)
  }
  const before = text.slice(0, offset).split('\n')
  return [before.length, (before.at(-1)?.length ?? 0) + 1]
}
