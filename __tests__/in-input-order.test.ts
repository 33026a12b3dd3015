import { describe, expect, it } from '@jest/globals'
import { InInputOrder } from '../src/in-input-order.js'

describe('InInputOrder', () => {
  it('delivers in input order whatever order items arrive in, skipping nulls', async () => {
    const delivered: string[] = []
    const order = new InInputOrder<string>((item) => void delivered.push(item))
    order.put(2, 'c')
    order.put(1, null)
    expect(delivered).toEqual([])
    order.put(0, 'a')
    await order.settled()
    expect(delivered).toEqual(['a', 'c'])
    order.put(4, 'e')
    order.put(3, 'd')
    await order.settled()
    expect(delivered).toEqual(['a', 'c', 'd', 'e'])
  })

  it('waits for each delivery before starting the next', async () => {
    const events: string[] = []
    const order = new InInputOrder<string>(async (item) => {
      events.push(`start ${item}`)
      await new Promise((resolve) => setTimeout(resolve, item === 'a' ? 20 : 0))
      events.push(`end ${item}`)
    })
    order.put(1, 'b')
    order.put(0, 'a')
    await order.settled()
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b'])
  })

  it('rejects settled() with a delivery error', async () => {
    const order = new InInputOrder<string>(() => {
      throw new Error('disk full')
    })
    order.put(0, 'a')
    await expect(order.settled()).rejects.toThrow('disk full')
  })

  it('holds a delivery error for settled(), delivering nothing after it, however late it is asked', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const delivered: string[] = []
      const order = new InInputOrder<string>((item) => {
        delivered.push(item)
        if (item === 'a') throw new Error('disk full')
      })
      order.put(0, 'a')
      order.put(1, 'b')
      // Time for an unhandled rejection to be reported, before anyone asks.
      await new Promise((resolve) => setTimeout(resolve, 0))
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
      await expect(order.settled()).rejects.toThrow('disk full')
      expect(delivered).toEqual(['a'])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('resolves handedOn(i) once item i and every item before it are put', async () => {
    const order = new InInputOrder<string>(() => {})
    const handed: number[] = []
    for (const index of [-1, 0, 1, 2]) void order.handedOn(index).then(() => handed.push(index))
    void order.handedOn(2).then(() => handed.push(20))
    await new Promise((resolve) => setImmediate(resolve))
    expect(handed).toEqual([-1])
    order.put(1, 'b')
    order.put(2, null)
    await new Promise((resolve) => setImmediate(resolve))
    expect(handed).toEqual([-1])
    order.put(0, 'a')
    await new Promise((resolve) => setImmediate(resolve))
    expect(handed).toEqual([-1, 0, 1, 2, 20])
    // Already handed on: at once.
    await expect(order.handedOn(1)).resolves.toBeUndefined()
  })
})
