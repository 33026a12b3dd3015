/** The command-line entry point, `encord-annotator-eval` (dist/cli.js). */
import { runCli } from './cli/run.js'

process.exitCode = await runCli(
  process.argv.slice(2),
  process.env,
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text)
  },
  // Training projects are scored on worker threads running dist/worker.js, next to this bundle.
  { workerScript: new URL('./worker.js', import.meta.url) }
)
