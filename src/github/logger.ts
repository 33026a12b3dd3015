/**
 * The pipeline's logger on a runner: @actions/core, with log groups for each phase. Messages carry
 * titles and e-mails from label data, so each goes out as one line with its control characters
 * shown as escapes (`safeText`): a line break could start a workflow command such as `::error::`.
 */
import * as core from '@actions/core'
import type { Logger } from '../log.js'
import { safeText } from '../safe-text.js'

export const actionsLogger: Logger = {
  info: (message) => core.info(safeText(message)),
  debug: (message) => core.debug(safeText(message)),
  warning: (message) => core.warning(safeText(message)),
  group: (name, run) => core.group(safeText(name), run)
}
