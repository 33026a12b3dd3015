#!/usr/bin/env node
// Rebuilds the bundles into a temporary folder and compares them with the committed dist/.
// Exits 1 and names the stale files when they differ. Used by __tests__/dist.test.ts and CI.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { rollup } from 'rollup'
import { bundle, ENTRIES } from '../rollup.config.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
process.chdir(root)

const outDir = await mkdtemp(path.join(tmpdir(), 'dist-check-'))
try {
  for (const [input, file] of ENTRIES) {
    const options = bundle(input, file, path.relative(root, outDir))
    const build = await rollup({ ...options, onwarn: () => {} })
    await build.write(options.output)
    await build.close()
  }
  const stale = []
  for (const file of await readdir(outDir)) {
    if (!file.endsWith('.js')) continue
    const fresh = await readFile(path.join(outDir, file), 'utf8')
    const committed = await readFile(path.join(root, 'dist', file), 'utf8').catch(() => null)
    if (fresh !== committed) stale.push(`dist/${file}`)
  }
  if (stale.length > 0) {
    console.error(
      `dist/ is stale: ${stale.join(', ')} differ from a fresh build. Run \`npm run build\` and commit dist/.`
    )
    process.exitCode = 1
  } else {
    console.log('dist/ matches a fresh build.')
  }
} finally {
  await rm(outDir, { recursive: true, force: true })
}
