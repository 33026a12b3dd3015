/**
 * The page shell: one self-contained document with its CSS and script inline. A Content Security
 * Policy in the page forbids every request (no `default-src`, no `connect-src`, images only as
 * `data:`) and runs only the one inline script, by its hash: should anything in the data ever get
 * past the escaping, the browser still loads nothing and runs nothing else.
 */
import { createHash } from 'node:crypto'
import { html, trusted, type SafeHtml } from './escape.js'
import { REPORT_SCRIPT } from './script.js'
import { REPORT_CSS } from './style.js'

export interface PageParts {
  title: string
  body: SafeHtml
}

const SCRIPT_HASH = `sha256-${createHash('sha256').update(REPORT_SCRIPT).digest('base64')}`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src '${SCRIPT_HASH}'`,
  'img-src data:',
  "form-action 'none'",
  "base-uri 'none'"
].join('; ')

/**
 * The style and script go in whole, tag and all: the script's hash must be of exactly the text
 * between its tags, so no formatting may touch it.
 */
export function page({ title, body }: PageParts): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        ${trusted(`<style>${REPORT_CSS}</style>`)}
      </head>
      <body>
        ${body} ${trusted(`<script>${REPORT_SCRIPT}</script>`)}
      </body>
    </html> `.text
}
