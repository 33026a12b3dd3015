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
})
