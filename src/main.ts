import * as core from '@actions/core'
import { describeError } from './errors.js'

/** Runs the action. The one place that turns errors into a failed step. */
export async function run(): Promise<void> {
  try {
    core.info('encord-annotator-eval: skeleton')
  } catch (error) {
    core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
    core.setFailed(describeError(error))
  }
}
