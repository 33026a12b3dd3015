/**
 * The pipeline's logger in a terminal: progress and warnings on stderr, debug only with --verbose.
 * Messages carry titles and e-mails from label data, so their control characters are shown as
 * escapes (`safeText`) rather than sent to the terminal.
 */
import type { Logger } from '../log.js'
import { safeText } from '../safe-text.js'

export function terminalLogger(write: (text: string) => void, verbose: boolean): Logger {
  return {
    info: (message) => write(`${safeText(message)}\n`),
    debug: (message) => {
      if (verbose) write(`  · ${safeText(message)}\n`)
    },
    warning: (message) => write(`warning: ${safeText(message)}\n`),
    group: async (name, run) => {
      write(`▸ ${safeText(name)}\n`)
      return run()
    }
  }
}
