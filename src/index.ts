/** The action's entry point: GitHub runs dist/index.js, built from this file. */
import { run } from './main.js'

await run()
