/**
 * Checks on the hashes that go into URLs and headers. Encord hashes are UUIDs (some older ones
 * are other short tokens), so anything beyond letters, digits, `-` and `_` is a mistake that
 * would otherwise change the URL (`..`, `/`, `?`) or break a header, far from its cause.
 */

import { InputError } from '../errors.js'

const SAFE_HASH = /^[A-Za-z0-9_-]{1,128}$/

export function assertEncordHash(value: string, what: 'project' | 'ontology'): void {
  if (typeof value === 'string' && SAFE_HASH.test(value)) return
  const shown = JSON.stringify(String(value).slice(0, 80))
  throw new InputError(
    `${shown} is not an Encord ${what} hash: use the hash from the ${what}'s URL in Encord, ` +
      'e.g. 00000000-1111-2222-3333-444444444444.'
  )
}
