/**
 * Turns jsonc-parser's syntax errors into one diagnostic per mistake, at the place a person would
 * fix it. The parser recovers and reports follow-on errors for the same mistake (an unquoted
 * `frames-per-second` yields "invalid symbol" then "value expected"); only the first of a run of
 * errors with no valid token between them is kept. A trailing comma surfaces as "property name
 * expected" at the `}`; it is reported at the comma instead.
 */
import { printParseErrorCode, type ParseErrorCode } from 'jsonc-parser'
import { type DiagnosticCollector, type Position, formatPosition } from './diagnostic.js'
import { quote } from './values.js'

type LastEvent = 'token' | 'comma' | 'error'

const PYTHON_SPELLINGS: Record<string, string> = {
  True: 'true',
  False: 'false',
  None: 'null',
  TRUE: 'true',
  FALSE: 'false',
  NULL: 'null',
  Null: 'null'
}

export class SyntaxErrorReporter {
  private last: LastEvent = 'token'
  private lastComma: Position | undefined
  /** A number just read, to explain `01` (which the parser sees as `0` then a stray `1`). */
  private lastNumber: { start: number; end: number; at: Position; raw: string } | undefined
  /** Where the container that closed last was opened, for "never closed" messages. */
  private lastClosedOpenedAt: Position | undefined
  /** Offset of the last "not closed" error: at the end of a file only the innermost is kept. */
  private lastUnclosedOffset: number | undefined

  constructor(
    private readonly text: string,
    private readonly report: DiagnosticCollector
  ) {}

  sawToken(): void {
    this.last = 'token'
    this.lastNumber = undefined
  }

  sawNumber(offset: number, length: number, at: Position): void {
    this.sawToken()
    this.lastNumber = {
      start: offset,
      end: offset + length,
      at,
      raw: this.text.slice(offset, offset + length)
    }
  }

  sawComma(at: Position): void {
    this.last = 'comma'
    this.lastComma = at
    this.lastNumber = undefined
  }

  sawContainerClose(openedAt: Position): void {
    this.sawToken()
    this.lastClosedOpenedAt = openedAt
  }

  /** jsonc-parser's `onError`: 0-based line and character, as the visitor passes them. */
  error(
    code: ParseErrorCode,
    offset: number,
    length: number,
    line: number,
    character: number
  ): void {
    const previous = this.last
    this.last = 'error'
    if (previous === 'error') return
    const at = { line: line + 1, column: character + 1 }
    const token = this.text.slice(offset, offset + length)
    const name = printParseErrorCode(code)
    if (name === 'CloseBraceExpected' || name === 'CloseBracketExpected') {
      if (this.lastUnclosedOffset === offset) return
      this.lastUnclosedOffset = offset
    }

    if (
      previous === 'comma' &&
      this.lastComma &&
      (name === 'PropertyNameExpected' || name === 'ValueExpected') &&
      (token === '}' || token === ']')
    ) {
      this.report.add(
        'trailing-comma',
        `trailing comma before "${token}": JSON allows none`,
        this.lastComma
      )
      return
    }
    if (
      name === 'CommaExpected' &&
      this.lastNumber?.end === offset &&
      /^-?0$/.test(this.lastNumber.raw)
    ) {
      this.report.add(
        'json-syntax',
        describeLeadingZero(this.text, this.lastNumber.start),
        this.lastNumber.at
      )
      return
    }
    const located = this.locateInToken(name, token, at)
    this.report.add('json-syntax', this.describe(name, token, offset), located.at, located.related)
  }

  private describe(name: string, token: string, offset: number): string {
    switch (name) {
      case 'InvalidSymbol':
        return describeInvalidSymbol(token, offset)
      case 'ValueExpected':
        if (token === ',') return 'unexpected comma: a value is missing before it'
        if (token === '') return 'unexpected end of file: a value is missing'
        return `a value is missing before ${quote(token)}`
      case 'PropertyNameExpected':
        return `expected a key in double quotes, found ${quote(token)}`
      case 'ColonExpected':
        return `expected ":" after the key, found ${quote(token)}`
      case 'CommaExpected':
        return `missing comma before ${quote(token)}`
      case 'CloseBraceExpected':
        return `the object opened at ${this.openedAt()} is not closed: expected "}"${found(token)}`
      case 'CloseBracketExpected':
        return `the array opened at ${this.openedAt()} is not closed: expected "]"${found(token)}`
      case 'EndOfFileExpected':
        return `unexpected ${quote(token)} after the end of the JSON document: a file holds one object`
      case 'InvalidCommentToken':
        return 'comments are not allowed in JSON'
      case 'UnexpectedEndOfString':
        return 'unterminated string: close it with " on the same line'
      case 'UnexpectedEndOfNumber':
        return `incomplete number ${quote(token)}`
      case 'InvalidNumberFormat':
        return `invalid number ${quote(token)}`
      case 'InvalidUnicode':
        return 'invalid \\u escape: it takes exactly four hexadecimal digits'
      case 'InvalidEscapeCharacter':
        return 'invalid escape: JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX'
      case 'InvalidCharacter':
        return 'control character inside a string: write it as an escape such as \\t or \\n'
      default:
        return `invalid JSON (${name})`
    }
  }

  private openedAt(): string {
    return this.lastClosedOpenedAt ? formatPosition(this.lastClosedOpenedAt) : 'its start'
  }

  /**
   * The parser reports string errors at the string's opening quote; point at the offending
   * character instead. JSON strings cannot span lines, so the column offset is the index.
   */
  private locateInToken(
    name: string,
    token: string,
    at: Position
  ): { at: Position; related?: Position } {
    let index = -1
    if (name === 'InvalidEscapeCharacter') index = token.search(/\\[^"\\/bfnrtu]/)
    else if (name === 'InvalidUnicode') index = token.search(/\\u(?![0-9a-fA-F]{4})/)
    else if (name === 'InvalidCharacter') index = firstControlCharacter(token)
    else if (name === 'CloseBraceExpected' || name === 'CloseBracketExpected') {
      return this.lastClosedOpenedAt ? { at, related: this.lastClosedOpenedAt } : { at }
    }
    return index > 0 ? { at: { line: at.line, column: at.column + index } } : { at }
  }
}

function describeLeadingZero(text: string, start: number): string {
  const written = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(
    text.slice(start, start + 64)
  )?.[0]
  if (written === undefined) return 'numbers cannot start with 0 in JSON'
  const number = written.replace(/^(-?)0+(?=[0-9])/, '$1')
  return `${written} is not a JSON number: numbers cannot start with 0 (write ${number}, or quote it if it is text)`
}

function firstControlCharacter(token: string): number {
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) < 0x20) return i
  return -1
}

function found(token: string): string {
  return token === '' ? ' before the end of the file' : `, found ${quote(token)}`
}

function describeInvalidSymbol(token: string, offset: number): string {
  if (offset === 0 && token.startsWith('\uFEFF')) {
    return 'the file starts with a byte-order mark (BOM), which JSON does not allow: save it as UTF-8 without BOM'
  }
  const python = PYTHON_SPELLINGS[token]
  if (python) return `unexpected ${quote(token)}: JSON spells it ${python}`
  if (token === 'NaN' || token === 'Infinity' || token === '-Infinity') {
    return `unexpected ${quote(token)}: JSON has no NaN or Infinity`
  }
  if (token.startsWith("'")) return `unexpected ${quote(token)}: JSON strings take double quotes`
  return `${quote(token)} is not JSON: write a number, true, false, null, or text in double quotes`
}
