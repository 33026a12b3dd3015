// Global teardown of the jest `bundle` project: removes the fresh build made by fresh-build.mjs.
import { rm } from 'node:fs/promises'
import { FRESH_BUILD_ENV } from './fresh-build-env.mjs'

export default async function removeFreshBuild() {
  const root = process.env[FRESH_BUILD_ENV]
  if (root) await rm(root, { recursive: true, force: true })
}
