/**
 * The scoring worker's entry point (dist/worker.js): the action and the CLI start a few of these
 * to load and score training projects on every core (`src/scoring/worker-pool.ts`).
 */
import { runScoringWorker } from './scoring/worker-main.js'

await runScoringWorker()
