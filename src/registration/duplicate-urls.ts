/**
 * Finds URLs listed more than once in a file. Only the first offset of each URL is kept (a number,
 * not a position object), and positions are recovered at the end for the few that repeat.
 */
import { type DiagnosticCollector, type Position, formatPosition } from './diagnostic.js'
import { positionsAt } from './line-index.js'
import { quote } from './values.js'

interface Repeat {
  /** The second occurrence, where the warning goes. */
  at: Position
  firstOffset: number
  count: number
}

export class DuplicateUrls {
  private readonly firstOffsetByUrl = new Map<string, number>()
  private readonly repeats = new Map<string, Repeat>()

  add(url: string, offset: number, at: Position): void {
    const firstOffset = this.firstOffsetByUrl.get(url)
    if (firstOffset === undefined) {
      this.firstOffsetByUrl.set(url, offset)
      return
    }
    const repeat = this.repeats.get(url)
    if (repeat) repeat.count++
    else this.repeats.set(url, { at, firstOffset, count: 2 })
  }

  /** One warning per repeated URL, at its second occurrence. */
  report(text: string, report: DiagnosticCollector): void {
    if (this.repeats.size === 0) return
    const firsts = positionsAt(
      text,
      [...this.repeats.values()].map((r) => r.firstOffset)
    )
    for (const [url, repeat] of this.repeats) {
      const first = firsts.get(repeat.firstOffset) ?? { line: 1, column: 1 }
      const times = repeat.count === 2 ? 'twice' : `${repeat.count} times`
      report.add(
        'duplicate-url',
        `${quote(url)} is listed ${times} (first at ${formatPosition(first)}); remove the copies: the guide documents skip_duplicate_urls for URLs already in the dataset, not for repeats within a file`,
        repeat.at,
        first
      )
    }
  }
}
