/**
 * Sets process.env for a test and puts it back. @actions/github reads its environment when it is
 * first imported and @actions/artifact when it is called, so tests set variables before a
 * dynamic `import()` and keep them until the calls are done.
 */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]))
  apply(vars)
  return () => apply(saved)
}

function apply(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}
