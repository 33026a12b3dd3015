/**
 * Size budgets for text GitHub caps: a step's job summary at 1 MiB (bytes), a PR comment at
 * 65,536 characters. Renderers take room piece by piece and leave out what does not fit, instead
 * of cutting the markdown mid-table.
 */
export type Measure = (text: string) => number

export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8')

/** UTF-16 code units: never fewer than the characters GitHub counts, so a safe measure. */
export const utf16Units: Measure = (text) => text.length

export class Budget {
  private used = 0

  constructor(
    readonly limit: number,
    readonly measure: Measure
  ) {}

  get remaining(): number {
    return this.limit - this.used
  }

  /** Takes room for `text` and returns true if it fits; otherwise takes nothing. */
  take(text: string): boolean {
    return this.takeSize(this.measure(text))
  }

  /** Takes `size` more if it fits, e.g. to grow something already taken. */
  takeSize(size: number): boolean {
    if (size > this.remaining) return false
    this.used += size
    return true
  }

  /** Takes room for text that must be shown whatever its size (the verdict, the notice). */
  reserve(text: string): void {
    this.used += this.measure(text)
  }
}
