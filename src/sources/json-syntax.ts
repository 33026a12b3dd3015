/**
 * Where and why a file is not JSON, in our words: "line 3, column 14: a comma or '}' is missing
 * before "x"". `JSON.parse`'s own message varies between Node versions, may quote a snippet of the
 * file that runs over several lines, and says "position 4812" rather than a line. jsonc-parser
 * (already used to check registration files) finds the first mistake with its line and column;
 * it is only run once `JSON.parse` has failed.
 */
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser'

const WHAT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'a number is not written as JSON writes numbers',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is missing',
  ColonExpected: 'a colon is missing',
  CommaExpected: 'a comma is missing',
  CloseBraceExpected: "a closing '}' is missing",
  CloseBracketExpected: "a closing ']' is missing",
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'an invalid \\u escape in a string',
  InvalidEscapeCharacter: 'an invalid backslash escape in a string',
  InvalidCharacter: 'a control character (such as a line break) inside a string'
}

/** jsonc-parser recurses once per level: deeper than this, the mistake is the nesting itself. */
const MAX_DEPTH = 512

class Found extends Error {
  constructor(
    readonly code: ParseErrorCode,
    readonly offset: number,
    readonly length: number,
    readonly line: number,
    readonly column: number
  ) {
    super('found')
  }
}

/**
 * The first syntax mistake in `text`, one line, or null when jsonc-parser sees none (then the
 * caller falls back to a general message).
 */
export function describeJsonSyntaxError(text: string): string | null {
  if (text.trim() === '') return 'the file is empty'
  let depth = 0
  const open = (_offset: number, _length: number, line: number, column: number) => {
    depth += 1
    if (depth > MAX_DEPTH) throw new TooDeep(line, column)
  }
  const close = () => {
    depth -= 1
  }
  try {
    visit(
      text,
      {
        onObjectBegin: open,
        onArrayBegin: open,
        onObjectEnd: close,
        onArrayEnd: close,
        onError(code, offset, length, line, column) {
          throw new Found(code, offset, length, line, column)
        },
        onComment(offset, length, line, column) {
          // Comments are not JSON; jsonc-parser accepts them unless told, so stop here.
          throw new Found(
            'InvalidCommentToken' as unknown as ParseErrorCode,
            offset,
            length,
            line,
            column
          )
        }
      },
      { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false }
    )
  } catch (error) {
    if (error instanceof TooDeep) {
      return `line ${error.line + 1}, column ${error.column + 1}: nested more than ${MAX_DEPTH} levels deep`
    }
    if (!(error instanceof Found)) throw error
    const name =
      typeof error.code === 'string'
        ? error.code
        : printParseErrorCode(error.code as ParseErrorCode)
    const what = WHAT[name] ?? 'the JSON is malformed'
    const token = text.slice(error.offset, error.offset + Math.min(error.length, 20))
    const near = token.trim() === '' ? '' : ` at ${JSON.stringify(token)}`
    return `line ${error.line + 1}, column ${error.column + 1}: ${what}${near}`
  }
  return null
}

class TooDeep extends Error {
  constructor(
    readonly line: number,
    readonly column: number
  ) {
    super('too deep')
  }
}
