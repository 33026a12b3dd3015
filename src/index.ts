/** The action's entry point: GitHub runs dist/index.js, built from this file. */
import { run } from './main.js'

// Training projects are scored on worker threads running dist/worker.js, next to this bundle.
await run({ workerScript: new URL('./worker.js', import.meta.url) })
