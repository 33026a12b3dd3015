/**
 * Where progress and diagnostics go. The action logs through @actions/core; the CLI to the
 * terminal. The pipeline only sees this interface.
 */
export interface Logger {
  info(message: string): void
  /** Request-level detail; shown only with debug logging on. Never given secrets. */
  debug(message: string): void
  warning(message: string): void
  /** Folds a phase of work (a log group in Actions, a heading in the terminal). */
  group<T>(name: string, run: () => Promise<T>): Promise<T>
}

/** A logger that drops everything: for tests and library use. */
export const silentLogger: Logger = {
  info: () => {},
  debug: () => {},
  warning: () => {},
  group: (_name, run) => run()
}
