#!/usr/bin/env node
// Builds the working tree in a temporary copy (tools/fresh-build.mjs) and compares every file of
// the committed dist/ with that build, both ways. Exits 1 and names the stale files when they
// differ. The jest bundle project does the same with its own build (__tests__/dist.test.ts).
import path from 'node:path'
import { buildFresh, compareDist, describeStale, REPO_ROOT } from './fresh-build.mjs'

try {
  const build = await buildFresh()
  try {
    const stale = describeStale(await compareDist(path.join(REPO_ROOT, 'dist'), build.dist))
    if (stale === null) console.log('dist/ matches a fresh build.')
    else {
      console.error(stale)
      process.exitCode = 1
    }
  } finally {
    await build.remove()
  }
} catch (error) {
  console.error(`Could not check dist/: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
