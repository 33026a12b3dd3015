/**
 * The duplicate-key rule. Every JSON parser Encord might use keeps the last of two equal keys in
 * an object and drops the first without a word, so the message says what would be lost.
 */
import { type DiagnosticCollector, formatPosition } from './diagnostic.js'
import { type Property, describeValue, quote } from './values.js'

export function reportDuplicateKey(
  earlier: Property,
  repeat: Property,
  report: DiagnosticCollector
): void {
  const which = earlier.repeatsEarlierKey ? 'the previous one' : 'the first one'
  report.add(
    'duplicate-key',
    `duplicate key ${quote(repeat.key)} at ${formatPosition(repeat)}; ${which} at ${formatPosition(earlier)} ${describeValue(earlier.value)} would be silently dropped`,
    repeat,
    earlier
  )
}
