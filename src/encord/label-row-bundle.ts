/**
 * Splitting a `labelrow` GET answer, `{"status": 200, "response": [row, row, …]}`, into its rows
 * without parsing them: each row is parsed from its own slice of the body when it is read. A
 * bundle is thousands of rows and tens of megabytes of JSON; parsed whole, its tree outlives
 * every young-generation collection while the rows are converted one by one, and is copied and
 * promoted for nothing. Parsed row by row, each tree dies young.
 *
 * The scan follows the JSON structure down to each row's own keys (strings and nesting are
 * skipped, not checked); everything it does not look into is parsed by `JSON.parse` later, from
 * a slice that is itself JSON text exactly when the whole body is. It returns null — parse the
 * body whole, as before — on anything it does not expect: a key not read as plain JSON, an
 * element that is not an object, a row without a string `label_hash`, bytes out of place.
 */

export interface RowSlice {
  /** Byte range of the row's JSON text in the body. */
  start: number
  end: number
  /** The row's `label_hash` (its last one, as `JSON.parse` keeps the last of repeated keys). */
  labelHash: string
}

export interface SplitBundle {
  /** The envelope's other members, parsed; `response` is not among them. */
  members: Record<string, unknown>
  rows: RowSlice[]
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

class NotPlain extends Error {}

export function splitLabelRowBundle(body: Buffer): SplitBundle | null {
  try {
    return new Scanner(body).bundle()
  } catch (error) {
    if (error instanceof NotPlain || error instanceof SyntaxError) return null
    throw error
  }
}

/**
 * Where a list being split in chunks stands: before its `[`, just after it (an element or the `]`
 * comes next), or after a comma (an element must come next).
 */
export type ListState = 'start' | 'opened' | 'after-comma'

/** What `splitJsonObjectListPrefix` found in the part of a list read so far. */
export interface ListPrefix {
  /** The complete elements, each followed by its comma (or by the closing `]`). */
  rows: { start: number; end: number }[]
  /** Where the part not yet split begins: after the last comma consumed (or after the `[`). */
  rest: number
  /** Where the list stands at `rest`: pass it with the bytes from `rest` on to split again. */
  state: ListState
  /** True once the closing `]` has been read, with nothing but whitespace after it. */
  closed: boolean
}

/**
 * A top-level JSON list of objects (a label export file) split the same way, as it is read in
 * chunks: the elements that are complete so far, where the rest begins and how the list stands
 * there. The caller reads more and splits the rest again with that state. Bytes that do not fit
 * look the same as bytes not read yet: once the whole file has been read, a list that is not
 * `closed` is not a plain list of objects, and is parsed whole instead.
 */
export function splitJsonObjectListPrefix(body: Buffer, state: ListState = 'start'): ListPrefix {
  return new Scanner(body).objectListPrefix(state)
}

class Scanner {
  private at = 0

  constructor(private readonly body: Buffer) {}

  bundle(): SplitBundle {
    const members: Record<string, unknown> = {}
    let rows: RowSlice[] | null = null
    this.expect(OPEN_BRACE)
    this.objectMembers((key) => {
      if (key === 'response' && this.peek() === OPEN_BRACKET) {
        delete members[key]
        rows = this.rows()
        return
      }
      // A later `response` that is not a list replaces the list, as in JSON.parse.
      if (key === 'response') rows = null
      const start = this.at
      this.skipValue()
      setMember(members, key, JSON.parse(this.text(start, this.at)))
    })
    this.space()
    if (this.at !== this.body.length || rows === null) throw new NotPlain()
    return { members, rows }
  }

  objectListPrefix(from: ListState): ListPrefix {
    const rows: { start: number; end: number }[] = []
    let rest = 0
    let state = from
    try {
      if (state === 'start') {
        this.space()
        this.expect(OPEN_BRACKET)
        rest = this.at
        state = 'opened'
      }
      if (state === 'opened') {
        this.space()
        if (this.peek() === CLOSE_BRACKET) {
          this.at++
          return this.closedAfter(rows, rest, state)
        }
      }
      for (;;) {
        this.space()
        const start = this.at
        this.expect(OPEN_BRACE)
        this.objectMembers(() => this.skipValue())
        const end = this.at
        this.space()
        const next = this.next()
        if (next === CLOSE_BRACKET) {
          rows.push({ start, end })
          return this.closedAfter(rows, rest, state)
        }
        if (next !== COMMA) throw new NotPlain()
        rows.push({ start, end })
        rest = this.at
        state = 'after-comma'
      }
    } catch (error) {
      if (!(error instanceof NotPlain || error instanceof SyntaxError)) throw error
      return { rows, rest, state, closed: false }
    }
  }

  /**
   * After the closing `]`: closed when only whitespace follows. Otherwise the last element is not
   * given, so that the caller, finding more than whitespace, parses the file whole.
   */
  private closedAfter(
    rows: { start: number; end: number }[],
    rest: number,
    state: ListState
  ): ListPrefix {
    this.space()
    if (this.at === this.body.length) return { rows, rest: this.at, state, closed: true }
    return { rows: rows.slice(0, -1), rest, state, closed: false }
  }

  /** The list's elements, each an object with a string `label_hash`. */
  private rows(): RowSlice[] {
    const rows: RowSlice[] = []
    this.expect(OPEN_BRACKET)
    this.space()
    if (this.peek() === CLOSE_BRACKET) {
      this.at++
      return rows
    }
    for (;;) {
      this.space()
      const start = this.at
      let labelHash: unknown = undefined
      this.expect(OPEN_BRACE)
      this.objectMembers((key) => {
        const valueStart = this.at
        this.skipValue()
        if (key === 'label_hash') labelHash = JSON.parse(this.text(valueStart, this.at))
      })
      if (typeof labelHash !== 'string') throw new NotPlain()
      rows.push({ start, end: this.at, labelHash })
      this.space()
      const next = this.next()
      if (next === CLOSE_BRACKET) return rows
      if (next !== COMMA) throw new NotPlain()
    }
  }

  /** Members of an object whose `{` was just read, up to and including its `}`. */
  private objectMembers(member: (key: string) => void): void {
    this.space()
    if (this.peek() === CLOSE_BRACE) {
      this.at++
      return
    }
    for (;;) {
      this.space()
      const keyStart = this.at
      this.skipString()
      const key = JSON.parse(this.text(keyStart, this.at)) as string
      this.space()
      this.expect(COLON)
      this.space()
      member(key)
      this.space()
      const next = this.next()
      if (next === CLOSE_BRACE) return
      if (next !== COMMA) throw new NotPlain()
    }
  }

  /** Past one value: strings and nesting are followed, their contents not checked. */
  private skipValue(): void {
    const first = this.peek()
    if (first === QUOTE) return this.skipString()
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return this.skipScalar()
    const body = this.body
    let depth = 0
    while (this.at < body.length) {
      const byte = body[this.at] as number
      if (byte === QUOTE) {
        this.skipString()
        continue
      }
      this.at++
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth--
        if (depth === 0) return
      }
    }
    throw new NotPlain()
  }

  /** A number, true, false or null: up to the next structural byte or space. */
  private skipScalar(): void {
    const body = this.body
    const start = this.at
    while (this.at < body.length) {
      const byte = body[this.at] as number
      if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isSpace(byte)) break
      this.at++
    }
    if (this.at === start) throw new NotPlain()
  }

  /** Past a string: to the first quote not escaped (preceded by an even run of backslashes). */
  private skipString(): void {
    const body = this.body
    this.expect(QUOTE)
    for (;;) {
      const quote = body.indexOf(QUOTE, this.at)
      if (quote < 0) throw new NotPlain()
      let backslashes = 0
      while (body[quote - 1 - backslashes] === BACKSLASH) backslashes++
      this.at = quote + 1
      if (backslashes % 2 === 0) return
    }
  }

  private space(): void {
    const body = this.body
    while (this.at < body.length && isSpace(body[this.at] as number)) this.at++
  }

  private peek(): number {
    if (this.at >= this.body.length) throw new NotPlain()
    return this.body[this.at] as number
  }

  private next(): number {
    const byte = this.peek()
    this.at++
    return byte
  }

  private expect(byte: number): void {
    if (this.next() !== byte) throw new NotPlain()
  }

  /** Decoded as the whole body would be (`Buffer#toString`): slices start and end at ASCII. */
  private text(start: number, end: number): string {
    return this.body.toString('utf8', start, end)
  }
}

/** JSON's four whitespace bytes. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}

/** As JSON.parse sets a member: a later repeat of a key replaces its value in place. */
function setMember(members: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(members, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  })
}
