// The run's request limit: a counting semaphore in shared memory that every thread's client goes
// through. Several `sharedRequestLimit` instances on one memory (as the main thread and each
// scoring worker hold) must together never run more than `concurrency` tasks, must run every task,
// and must give a slot back however a task ends.
import { describe, expect, it } from '@jest/globals'
import {
  localRequestLimit,
  sharedLimitMemory,
  sharedRequestLimit,
  type RequestLimit
} from '../../src/encord/request-limit.js'

/** A task's promise that the test settles by hand. */
class Deferred<T = void> {
  resolve!: (value: T) => void
  reject!: (error: unknown) => void
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve
    this.reject = reject
  })
}

/** Lets pending work run: a woken `Atomics.waitAsync` resumes in a later task, not a microtask. */
async function turns(count = 20): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** Waits, turn by turn, until `condition` holds; fails the test if it never does. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (condition()) return
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error(`timed out waiting until ${what}`)
}

/** Counts the tasks running at once, and remembers which started. */
class Tracker {
  running = 0
  maxRunning = 0
  readonly started: number[] = []

  /** A task that runs until the test settles `gate`, then returns (or throws) as it says. */
  task<T>(index: number, gate: Promise<T>): () => Promise<T> {
    return async () => {
      this.running += 1
      this.maxRunning = Math.max(this.maxRunning, this.running)
      this.started.push(index)
      try {
        return await gate
      } finally {
        this.running -= 1
      }
    }
  }
}

/**
 * Submits `count` gated tasks, round-robin over `limits`, then opens the gates one at a time (in
 * an order that is not the start order), checking after each that no more than `concurrency` run.
 */
async function runGated(limits: RequestLimit[], concurrency: number, count: number) {
  const tracker = new Tracker()
  const gates = Array.from({ length: count }, () => new Deferred<number>())
  const results = gates.map((gate, index) =>
    (limits[index % limits.length] as RequestLimit).run(tracker.task(index, gate.promise))
  )

  await until(() => tracker.started.length === concurrency, `${concurrency} tasks started`)
  // Nothing more may start while every slot is held, on any instance.
  await turns()
  expect(tracker.started).toHaveLength(concurrency)
  expect(tracker.running).toBe(concurrency)

  const opened = new Set<number>()
  let finished = 0
  while (finished < count) {
    // Open the most recently started gate still closed: not first-in first-out.
    const open = [...tracker.started].reverse().find((index) => !opened.has(index))
    if (open === undefined) throw new Error('no task running although some are unfinished')
    opened.add(open)
    ;(gates[open] as Deferred<number>).resolve(open * 10)
    await results[open]
    finished += 1
    const expected = Math.min(count, finished + concurrency)
    await until(() => tracker.started.length === expected, `${expected} tasks started`)
    expect(tracker.running).toBeLessThanOrEqual(concurrency)
    expect(tracker.running).toBe(Math.min(concurrency, count - finished))
  }
  return { tracker, values: await Promise.all(results) }
}

describe('sharedLimitMemory', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'rejects a concurrency of %p',
    (concurrency) => {
      expect(() => sharedLimitMemory(concurrency)).toThrow(RangeError)
    }
  )

  it('is shared memory a worker can be handed', () => {
    expect(sharedLimitMemory(4)).toBeInstanceOf(SharedArrayBuffer)
  })
})

describe('sharedRequestLimit on one memory', () => {
  it.each([
    [1, 2],
    [2, 2],
    [2, 3],
    [3, 3]
  ])(
    'with concurrency %i and %i instances runs at most that many tasks together, and all of them',
    async (concurrency, instances) => {
      const memory = sharedLimitMemory(concurrency)
      const limits = Array.from({ length: instances }, () => sharedRequestLimit(memory))
      const count = 4 * concurrency + instances + 1
      const { tracker, values } = await runGated(limits, concurrency, count)

      expect(tracker.maxRunning).toBe(concurrency)
      expect([...tracker.started].sort((a, b) => a - b)).toEqual(
        Array.from({ length: count }, (_, index) => index)
      )
      expect(values).toEqual(Array.from({ length: count }, (_, index) => index * 10))
    }
  )

  it('keeps an instance waiting while the other instances hold every slot', async () => {
    const memory = sharedLimitMemory(2)
    const [a, b, c] = [
      sharedRequestLimit(memory),
      sharedRequestLimit(memory),
      sharedRequestLimit(memory)
    ]
    const tracker = new Tracker()
    const holdA = new Deferred()
    const holdB = new Deferred()
    const fromA = a.run(tracker.task(0, holdA.promise))
    const fromB = b.run(tracker.task(1, holdB.promise))
    const fromC = c.run(tracker.task(2, Promise.resolve('c')))
    await until(() => tracker.started.length === 2, 'a and b started')
    await turns()
    expect(tracker.started).toEqual([0, 1])

    holdB.resolve()
    await fromB
    await expect(fromC).resolves.toBe('c')
    expect(tracker.started).toEqual([0, 1, 2])
    holdA.resolve()
    await fromA
  })

  it('runs a burst of short tasks spread over three instances within the limit', async () => {
    const concurrency = 3
    const memory = sharedLimitMemory(concurrency)
    const limits = [
      sharedRequestLimit(memory),
      sharedRequestLimit(memory),
      sharedRequestLimit(memory)
    ]
    let running = 0
    let maxRunning = 0
    const count = 150
    const results = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        (limits[index % 3] as RequestLimit).run(async () => {
          running += 1
          maxRunning = Math.max(maxRunning, running)
          // Some tasks finish at once, some after a macrotask or a timer.
          if (index % 3 === 1) await new Promise((resolve) => setImmediate(resolve))
          if (index % 5 === 2) await new Promise((resolve) => setTimeout(resolve, index % 4))
          running -= 1
          return index
        })
      )
    )
    expect(results).toEqual(Array.from({ length: count }, (_, index) => index))
    expect(maxRunning).toBe(concurrency)
    expect(running).toBe(0)

    // Every slot was given back: a fresh instance on the memory can again fill all of them.
    const { tracker } = await runGated([sharedRequestLimit(memory)], concurrency, concurrency + 1)
    expect(tracker.maxRunning).toBe(concurrency)
  })

  it('gives the slot back when a task rejects, and passes the rejection on', async () => {
    const memory = sharedLimitMemory(1)
    const a = sharedRequestLimit(memory)
    const b = sharedRequestLimit(memory)
    const tracker = new Tracker()
    const failing = new Deferred<string>()
    const error = new Error('request failed')

    const first = a.run(tracker.task(0, failing.promise))
    const second = b.run(tracker.task(1, Promise.resolve('second')))
    const third = a.run(tracker.task(2, Promise.resolve('third')))
    await until(() => tracker.started.length === 1, 'the first task started')
    await turns()
    expect(tracker.started).toEqual([0])

    failing.reject(error)
    await expect(first).rejects.toBe(error)
    await expect(second).resolves.toBe('second')
    await expect(third).resolves.toBe('third')
    expect(tracker.maxRunning).toBe(1)
  })

  it('gives the slot back when a task throws before returning a promise', async () => {
    const memory = sharedLimitMemory(1)
    const a = sharedRequestLimit(memory)
    const b = sharedRequestLimit(memory)
    const error = new Error('thrown synchronously')
    const thrower = (): Promise<never> => {
      throw error
    }

    await expect(a.run(thrower)).rejects.toBe(error)
    await expect(a.run(thrower)).rejects.toBe(error)
    await expect(b.run(async () => 'after')).resolves.toBe('after')

    // The one slot is still there: a held task blocks another instance's task, as before.
    const hold = new Deferred()
    const tracker = new Tracker()
    const held = a.run(tracker.task(0, hold.promise))
    const waiting = b.run(tracker.task(1, Promise.resolve()))
    await until(() => tracker.started.length === 1, 'the held task started')
    await turns()
    expect(tracker.started).toEqual([0])
    hold.resolve()
    await Promise.all([held, waiting])
    expect(tracker.maxRunning).toBe(1)
  })

  it('gives the slots back after many rejections', async () => {
    const concurrency = 2
    const memory = sharedLimitMemory(concurrency)
    const limits = [sharedRequestLimit(memory), sharedRequestLimit(memory)]
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        (limits[index % 2] as RequestLimit).run(async () => {
          await new Promise((resolve) => setImmediate(resolve))
          throw new Error(`failure ${index}`)
        })
      )
    )
    expect(settled.every((result) => result.status === 'rejected')).toBe(true)

    const { tracker } = await runGated(limits, concurrency, 5)
    expect(tracker.maxRunning).toBe(concurrency)
  })
})

describe('localRequestLimit', () => {
  it('runs at most its concurrency at once, every task, and frees a rejected task’s slot', async () => {
    const { tracker, values } = await runGated([localRequestLimit(2)], 2, 7)
    expect(tracker.maxRunning).toBe(2)
    expect(values).toEqual([0, 10, 20, 30, 40, 50, 60])

    const limit = localRequestLimit(1)
    const error = new Error('nope')
    await expect(limit.run(async () => Promise.reject(error))).rejects.toBe(error)
    await expect(limit.run(async () => 'next')).resolves.toBe('next')
  })
})
