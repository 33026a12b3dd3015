/**
 * Every rule the registration checker applies, with its severity. Errors are mistakes that make
 * Encord reject the file or silently lose data; warnings are the guide's advice.
 */
export const RULES = {
  'unreadable-file': { severity: 'error', summary: 'The file cannot be read.' },
  encoding: { severity: 'error', summary: 'The file is not UTF-8 text.' },
  'json-syntax': { severity: 'error', summary: 'The file is not valid JSON.' },
  'too-deep': {
    severity: 'error',
    summary: 'JSON nested deeper than 512 levels; the checker stops there.'
  },
  'trailing-comma': { severity: 'error', summary: 'A comma before `}` or `]`: invalid JSON.' },
  'duplicate-key': {
    severity: 'error',
    summary: 'A key appears twice in one object; parsers keep the last and drop the first.'
  },
  'value-type': { severity: 'error', summary: 'A known key holds a value of the wrong type.' },
  'missing-field': {
    severity: 'error',
    summary: 'An entry lacks `objectUrl`, `title` or `objectUrl_0`, or it is empty.'
  },
  'url-gap': { severity: 'error', summary: '`objectUrl_0`, `objectUrl_1`, … skip a position.' },
  'metadata-missing': { severity: 'error', summary: 'A media metadata object lacks a field.' },
  'metadata-type': { severity: 'error', summary: 'A media metadata field has the wrong type.' },
  'title-too-long': { severity: 'error', summary: 'A title is longer than 300 characters.' },
  'url-too-long': { severity: 'error', summary: 'A URL is larger than 16 KB.' },
  'sequence-too-long': {
    severity: 'error',
    summary: 'An image sequence has more than 32,767 images.'
  },
  'too-many-items': { severity: 'error', summary: 'The file registers more than 500,000 items.' },
  'too-many-urls': { severity: 'error', summary: 'The file holds more than 1,000,000 URLs.' },
  'unknown-key': { severity: 'warning', summary: 'A top-level key Encord does not know.' },
  'unknown-entry-key': { severity: 'warning', summary: 'An entry key Encord does not know.' },
  'unknown-metadata-field': {
    severity: 'warning',
    summary: 'A media metadata field Encord does not know.'
  },
  'long-sequence': {
    severity: 'warning',
    summary: 'An image sequence has more than the advised 15,000 images.'
  },
  'duplicate-url': { severity: 'warning', summary: 'The same URL is listed more than once.' },
  'batch-size': {
    severity: 'warning',
    summary: 'More than the advised batch of 100 videos or 1,000 images.'
  },
  'no-items': { severity: 'warning', summary: 'The file registers nothing.' }
} as const satisfies Record<string, { severity: 'error' | 'warning'; summary: string }>

export type RuleId = keyof typeof RULES
