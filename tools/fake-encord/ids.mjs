// Deterministic identifiers, so that generated scenarios (and rows the fake creates) are the same
// on every run and diffs of generated files stay small.
import { createHash } from 'node:crypto'

/**
 * A UUID-shaped id (version 4/variant bits set, so validators accept it) derived from `parts`.
 * @param {...(string | number)} parts
 */
export function deterministicUuid(...parts) {
  const hex = digest(parts).toString('hex')
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32)
  ].join('-')
}

/**
 * An 8-character base64 id like Encord's `objectHash` and `featureNodeHash` values.
 * @param {...(string | number)} parts
 */
export function shortHash(...parts) {
  return digest(parts).toString('base64').slice(0, 8)
}

/** @param {(string | number)[]} parts */
function digest(parts) {
  // A NUL separator keeps ('a', 'bc') apart from ('ab', 'c').
  return createHash('sha256').update(parts.map(String).join('\u0000')).digest()
}
