/**
 * Where the bundle project's fresh build is (test/setup/fresh-build.mjs made it): a temporary copy
 * of the working tree with dist/ built in it. Bundle tests run these files, never the repo's dist/,
 * which may be stale.
 */
import path from 'node:path'
import { FRESH_BUILD_ENV } from './setup/fresh-build-env.mjs'

/** The root of the built copy: its dist/, tools/ and samples/ sit where they do in the repo. */
export function freshBuildRoot(): string {
  const root = process.env[FRESH_BUILD_ENV]
  if (!root) {
    throw new Error(
      'No fresh build: run this test in the jest bundle project (npm run test:bundle), whose global setup builds one.'
    )
  }
  return root
}

/** A file of the fresh build's dist/, e.g. bundleFile('cli.js'). */
export function bundleFile(name: string): string {
  return path.join(freshBuildRoot(), 'dist', name)
}
