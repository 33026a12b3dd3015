import { describe, expect, it } from '@jest/globals'
import type { ConfusionCell } from '../../src/evaluate/types.js'
import { confusionMarkdown } from '../../src/report/confusion.js'

describe('confusionMarkdown', () => {
  it('draws a matrix in class order with the unmatched row and column last', () => {
    const cells: ConfusionCell[] = [
      { benchmark: null, training: 'b', count: 2 },
      { benchmark: 'b', training: 'a', count: 1 },
      { benchmark: 'a', training: null, count: 3 },
      { benchmark: 'a', training: 'a', count: 4 }
    ]
    expect(confusionMarkdown(cells, ['a', 'b'])).toBe(
      '| Benchmark ↓ / Training → | a | b | (unmatched) |\n' +
        '| :-- | --: | --: | --: |\n' +
        '| **a** | 4 | 0 | 3 |\n' +
        '| **b** | 1 | 0 | 0 |\n' +
        '| **(unmatched)** | 0 | 2 | 0 |\n'
    )
  })

  it('lists the most frequent pairs instead when there are too many classes for a matrix', () => {
    const cells: ConfusionCell[] = Array.from({ length: 40 }, (_, index) => ({
      benchmark: `class-${index}`,
      training: `class-${index}`,
      count: index + 1
    }))
    const markdown = confusionMarkdown(cells, [])
    expect(markdown.startsWith('| Benchmark class | Training class | Count |\n')).toBe(true)
    expect(markdown.split('\n')[2]).toBe('| class-39 | class-39 | 40 |')
    expect(markdown).toContain('_10 more pairs are in report.json._')
  })

  it('says so when there is nothing to compare', () => {
    expect(confusionMarkdown([], [])).toBe('_No objects to compare._\n')
  })
})
