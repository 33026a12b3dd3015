/**
 * Sets every action output. The record type makes the compiler insist on a value for each name
 * in `OUTPUT_NAMES`, so an output declared in action.yml cannot be forgotten.
 */
import * as core from '@actions/core'
import { OUTPUT_NAMES, type OutputName } from '../inputs.js'
import { firstLineOf } from '../errors.js'

/** Sets the outputs in `OUTPUT_NAMES` order. Never throws; a failure is one warning. */
export function setActionOutputs(values: Record<OutputName, string>): void {
  const failed: string[] = []
  let reason = ''
  for (const name of OUTPUT_NAMES) {
    try {
      core.setOutput(name, values[name])
    } catch (error) {
      failed.push(name)
      reason = firstLineOf(error)
    }
  }
  if (failed.length > 0) {
    core.warning(
      `Could not set output${failed.length > 1 ? 's' : ''} ${failed.join(', ')}: ${reason}`
    )
  }
}
