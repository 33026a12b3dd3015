// Global setup of the jest `bundle` project: builds the working tree into a temporary copy, once,
// and tells the tests where it is (test/bundle.ts reads it). The tests run that build, so none runs
// against a stale dist/, and dist.test.ts compares the committed dist/ with it.
import { buildFresh } from '../../tools/fresh-build.mjs'
import { FRESH_BUILD_ENV } from './fresh-build-env.mjs'

export default async function freshBuild() {
  const started = Date.now()
  const build = await buildFresh()
  process.env[FRESH_BUILD_ENV] = build.root
  process.stderr.write(
    `\nbundle project: built the working tree into ${build.root} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`
  )
}
