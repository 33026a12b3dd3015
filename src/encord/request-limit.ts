/**
 * How many Encord requests may be in flight at once. One limit covers the whole run, whichever
 * thread sends: the benchmark's requests on the main thread and the training projects' requests
 * on the scoring workers share the `concurrency` the user set.
 */
import pLimit from 'p-limit'

export interface RequestLimit {
  /** Runs `task` once a slot is free, holding the slot until it settles. */
  run<T>(task: () => Promise<T>): Promise<T>
}

/** A limit for this thread alone. */
export function localRequestLimit(concurrency: number): RequestLimit {
  const limit = pLimit(concurrency)
  return { run: (task) => limit(task) }
}

/** Memory for a limit shared between threads: pass it to `sharedRequestLimit` in each. */
export function sharedLimitMemory(concurrency: number): SharedArrayBuffer {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError('concurrency must be a positive integer')
  }
  const memory = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  Atomics.store(new Int32Array(memory), 0, concurrency)
  return memory
}

// Atomics.waitAsync (Node 16+) is in TypeScript's ES2024 library, not in the ES2022 one we build
// against.
type WaitAsync = (
  cells: Int32Array,
  index: number,
  value: number
) => { async: false; value: string } | { async: true; value: Promise<string> }
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync

/**
 * A counting semaphore in shared memory: the one cell holds the free slots. Takers retry a
 * compare-and-swap and, when no slot is free, wait (without blocking the thread) for a release.
 * Not first-come first-served across threads, which a request limit does not need.
 */
export function sharedRequestLimit(memory: SharedArrayBuffer): RequestLimit {
  const cells = new Int32Array(memory)
  const acquire = async (): Promise<void> => {
    for (;;) {
      const free = Atomics.load(cells, 0)
      if (free > 0) {
        if (Atomics.compareExchange(cells, 0, free, free - 1) === free) return
        continue
      }
      const wait = waitAsync(cells, 0, free)
      if (wait.async) await wait.value
    }
  }
  const release = (): void => {
    Atomics.add(cells, 0, 1)
    // Every waiter, not one: the one woken may be on a thread busy scoring, and would leave the
    // slot unused while others wait. The rest find it taken and wait again.
    Atomics.notify(cells, 0)
  }
  return {
    async run(task) {
      await acquire()
      try {
        return await task()
      } finally {
        release()
      }
    }
  }
}
