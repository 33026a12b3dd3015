/**
 * Appends the markdown report to the job summary. Needs no token, so it works on fork PRs too.
 * Never throws: a summary that cannot be written is a warning, and outside a runner (no
 * GITHUB_STEP_SUMMARY, e.g. the CLI or a local run) it is silently skipped.
 */
import * as core from '@actions/core'
import { firstLineOf } from '../errors.js'
import { SUMMARY_LIMIT_BYTES } from '../report/summary.js'

/** Returns true when the summary was written. */
export async function appendJobSummary(
  markdown: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.debug(
      'GITHUB_STEP_SUMMARY is not set (not running in a GitHub Actions job); no job summary written'
    )
    return false
  }
  const bytes = Buffer.byteLength(markdown, 'utf8')
  const text =
    bytes < SUMMARY_LIMIT_BYTES
      ? markdown
      : `> [!WARNING]\n> The report (${bytes} bytes) is larger than the 1 MiB a job summary can hold; download the report artifact or see the output directory.\n`
  if (text !== markdown) {
    core.warning(
      `The job summary would be ${bytes} bytes, over GitHub's 1 MiB limit; wrote a short note instead`
    )
  }
  try {
    await core.summary.addRaw(text).write()
    return true
  } catch (error) {
    // write() keeps its buffer when it fails; clear it so a later summary does not repeat it.
    core.summary.emptyBuffer()
    core.warning(`Could not write the job summary: ${firstLineOf(error)}`)
    return false
  }
}
