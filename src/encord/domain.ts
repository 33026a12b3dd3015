/**
 * The Encord domain the client talks to, reduced to `scheme://host[:port]`.
 *
 * The SDK builds v1 URLs by concatenation and v2 URLs by relative resolution, so a path or a
 * trailing slash on the domain sends the two API families to different places (docs/encord-api.md
 * §1.1). We accept a trailing slash and refuse a path, rather than guess.
 */

import { InputError } from '../errors.js'

const INPUT = 'encord-domain'

export function normaliseDomain(domain: string): string {
  const text = domain.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(
      `${INPUT} is not a URL: use e.g. https://api.encord.com or https://api.us.encord.com.`,
      INPUT
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`${INPUT} must start with https:// (e.g. https://api.encord.com).`, INPUT)
  }
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username ||
    url.password
  ) {
    throw new InputError(
      `${INPUT} must be only a scheme and host, e.g. https://api.encord.com, without a path.`,
      INPUT
    )
  }
  return url.origin
}
