/** The pipeline's logger in a terminal: progress and warnings on stderr, debug only with --verbose. */
import type { Logger } from '../log.js'

export function terminalLogger(write: (text: string) => void, verbose: boolean): Logger {
  return {
    info: (message) => write(`${message}\n`),
    debug: (message) => {
      if (verbose) write(`  · ${message}\n`)
    },
    warning: (message) => write(`warning: ${message}\n`),
    group: async (name, run) => {
      write(`▸ ${name}\n`)
      return run()
    }
  }
}
