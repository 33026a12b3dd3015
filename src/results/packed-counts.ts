/**
 * The per-unit counts the bootstrap (`intervals.ts`) adds up in every resample, laid out so that
 * each resample does as few additions as it can while every sum stays what it was to the last bit.
 *
 * A resample's sum of a field is Σ weight(unit) × count(unit), with the weights summing to the
 * number of units n. Whole, non-negative counts (objects, pairs, attributes compared…) sum to whole
 * numbers, exactly and in any order, as long as they stay below 2⁵³. So several of one class's
 * whole fields are packed into one number, each in its own range of digits: with field f's sum at
 * most n × (its largest count) = R_f − 1, the word Σ count_f × M_f, M_f = R_0 × … × R_(f−1), sums
 * to Σ sum_f × M_f, below R_0 × … × R_k ≤ 2⁵³, from which each sum_f is read back exactly with
 * `%` and exact division. One addition then does the work of two to four.
 *
 * Fields with any fractional or negative count (the IoU sum, partial classification scores) are
 * not packed: their sums depend on the order of the additions, which stays the units' order.
 */
import { SCORED_FIELDS, TALLY_FIELDS } from '../evaluate/metrics.js'
import type { UnitTallies } from '../evaluate/types.js'

/** A packed word: where its sum is, and the class-field sums it holds, lowest digits first. */
interface PackedWord {
  column: number
  targets: number[]
  radices: number[]
}

export interface ResampledCounts {
  /** `units + 1` offsets into `columns` and `amounts`. */
  unitStart: Uint32Array
  /** Where each amount is added: a class-field sum (`class * fields + field`) or a word. */
  columns: Uint32Array
  amounts: Float64Array
  /** Length of the sums: per class, then overall (`classes * fields + field`), then the words. */
  width: number
  words: PackedWord[]
}

/** Below this, whole numbers are exact in a double. */
const EXACT_LIMIT = 2 ** 53

/** The non-zero counts of the scored fields, unit by unit, with whole fields packed. */
export function resampledCounts(tallies: UnitTallies): ResampledCounts {
  const stride = TALLY_FIELDS.length
  const scored = SCORED_FIELDS.map((field) => TALLY_FIELDS.indexOf(field))
  const fields = scored.length
  const classes = tallies.classes.length
  const { entryStart, entryClass, values } = tallies
  const entries = entryClass.length

  const whole = scored.map(() => true)
  const largest = new Float64Array(classes * fields)
  for (let entry = 0; entry < entries; entry++) {
    for (let field = 0; field < fields; field++) {
      const amount = values[entry * stride + (scored[field] as number)] as number
      if (!(Number.isInteger(amount) && amount >= 0)) whole[field] = false
      const column = (entryClass[entry] as number) * fields + field
      if (amount > (largest[column] as number)) largest[column] = amount
    }
  }

  let width = (classes + 1) * fields
  const words: PackedWord[] = []
  // Per class-field sum: the word it is packed in (-1: not packed) and its multiplier there.
  const wordOf = new Int32Array(classes * fields).fill(-1)
  const multiplier = new Float64Array(classes * fields)
  // Each class's words, `classWords[c]` to `classWords[c + 1]`.
  const classWords = new Uint32Array(classes + 1)
  for (let c = 0; c < classes; c++) {
    classWords[c] = words.length
    let word: PackedWord | null = null
    let product = 1
    for (let field = 0; field < fields; field++) {
      const column = c * fields + field
      const most = largest[column] as number
      // A sum that stays 0 needs no digits; an unbounded or huge one is added on its own.
      if (!whole[field] || most === 0) continue
      const radix = tallies.units * most + 1
      if (!(radix < EXACT_LIMIT)) continue
      // A product at or above 2⁵³ may be rounded, but never below 2⁵³: the test stays safe.
      if (word === null || !(product * radix < EXACT_LIMIT)) {
        word = { column: width++, targets: [], radices: [] }
        words.push(word)
        product = 1
      }
      wordOf[column] = words.length - 1
      multiplier[column] = product
      word.targets.push(column)
      word.radices.push(radix)
      product *= radix
    }
  }
  classWords[classes] = words.length

  const unitStart = new Uint32Array(tallies.units + 1)
  const columns: number[] = []
  const amounts: number[] = []
  const wordAmounts = new Float64Array(words.length)
  for (let unit = 0; unit < tallies.units; unit++) {
    const end = entryStart[unit + 1] as number
    for (let entry = entryStart[unit] as number; entry < end; entry++) {
      const c = entryClass[entry] as number
      const firstWord = classWords[c] as number
      const endWord = classWords[c + 1] as number
      wordAmounts.fill(0, firstWord, endWord)
      for (let field = 0; field < fields; field++) {
        const amount = values[entry * stride + (scored[field] as number)] as number
        if (amount === 0) continue
        const column = c * fields + field
        const word = wordOf[column] as number
        if (word < 0) {
          columns.push(column)
          amounts.push(amount)
        } else {
          wordAmounts[word] =
            (wordAmounts[word] as number) + amount * (multiplier[column] as number)
        }
      }
      for (let w = firstWord; w < endWord; w++) {
        const amount = wordAmounts[w] as number
        if (amount === 0) continue
        columns.push((words[w] as PackedWord).column)
        amounts.push(amount)
      }
    }
    unitStart[unit + 1] = columns.length
  }
  return {
    unitStart,
    columns: Uint32Array.from(columns),
    amounts: Float64Array.from(amounts),
    width,
    words
  }
}

/** Reads each word's sums back into their class-field places. */
export function unpackWords(sums: Float64Array, words: readonly PackedWord[]): void {
  for (const word of words) {
    let rest = sums[word.column] as number
    for (let k = 0; k < word.targets.length; k++) {
      const radix = word.radices[k] as number
      const digit = rest % radix
      sums[word.targets[k] as number] = digit
      rest = (rest - digit) / radix
    }
  }
}
