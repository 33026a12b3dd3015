/**
 * Hands items on in input order although they are produced out of order: item i is delivered
 * once items 0 … i − 1 have been (an item may be null: nothing to deliver, but its turn passes).
 * Deliveries run one at a time, each awaited before the next starts.
 */
export class InInputOrder<T> {
  private next = 0
  private readonly waiting = new Map<number, T | null>()
  private chain: Promise<void> = Promise.resolve()
  /** Resolvers of `handedOn` calls, by the index they wait for. */
  private readonly waiters = new Map<number, (() => void)[]>()

  constructor(private readonly deliver: (item: T) => Promise<void> | void) {}

  /** Item `index` is ready. */
  put(index: number, item: T | null): void {
    this.waiting.set(index, item)
    while (this.waiting.has(this.next)) {
      const ready = this.waiting.get(this.next) as T | null
      this.waiting.delete(this.next)
      if (ready !== null) {
        this.chain = this.chain.then(() => this.deliver(ready))
        // Handled here: a failed delivery is reported by `settled()`, which may be called only
        // once every item is in, and must not crash the process as an unhandled rejection first.
        this.chain.catch(() => {})
      }
      for (const wake of this.waiters.get(this.next) ?? []) wake()
      this.waiters.delete(this.next)
      this.next += 1
    }
  }

  /**
   * Resolves once item `index` has been put and every item before it: its delivery is queued.
   * At once for a negative index.
   */
  handedOn(index: number): Promise<void> {
    if (index < this.next) return Promise.resolve()
    return new Promise((resolve) => {
      const waiting = this.waiters.get(index)
      if (waiting === undefined) this.waiters.set(index, [resolve])
      else waiting.push(resolve)
    })
  }

  /** Settles once everything delivered so far has been; rejects with a delivery's error. */
  settled(): Promise<void> {
    return this.chain
  }
}
