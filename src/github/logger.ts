/** The pipeline's logger on a runner: @actions/core, with log groups for each phase. */
import * as core from '@actions/core'
import type { Logger } from '../log.js'

export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  warning: (message) => core.warning(message),
  group: (name, run) => core.group(name, run)
}
