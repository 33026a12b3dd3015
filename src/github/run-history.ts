/**
 * History for a run of the action: earlier runs from their artifacts (`history-runs`) and from
 * the history file (`history-file`), merged into the result; then this run's line per annotator is
 * appended to the history file. Nothing here fails the run: what cannot be read or written is a
 * notice or a warning.
 */
import * as core from '@actions/core'
import type { RunConfig } from '../config.js'
import { firstLineOf } from '../errors.js'
import { currentPoints, mergeHistory, type EarlierRun } from '../results/history.js'
import type { RunResult } from '../results/run-result.js'
import { safeText } from '../safe-text.js'
import { appendHistoryFile, readHistoryFile } from '../sources/history-source.js'
import { readArtifactHistory } from './artifact-history.js'

export async function withRunHistory(
  result: RunResult,
  config: Pick<RunConfig, 'history' | 'artifact' | 'githubToken'>,
  env: NodeJS.ProcessEnv = process.env
): Promise<RunResult> {
  const { runs, file } = config.history
  if (runs === 0 && file === null) return result
  const currentRun = env.GITHUB_RUN_ID?.trim() || 'this-run'
  const notice = (message: string): void => core.notice(safeText(message))
  const warn = (message: string): void => core.warning(safeText(message))
  const fromArtifacts = await readArtifactHistory(
    { runs, artifactName: config.artifact.name, token: config.githubToken },
    { env, notice, info: (message) => core.info(message) }
  )
  const fromFile = file === null ? [] : await readHistoryFile(file, warn)
  const history = mergeHistory(result, inRunOrder([...fromFile, ...fromArtifacts]), currentRun)
  core.info(
    history.earlierRuns === 0
      ? 'History: no earlier runs found'
      : `History: ${history.earlierRuns} earlier run(s) read`
  )
  if (file !== null) {
    try {
      await appendHistoryFile(file, currentPoints(result, currentRun), new Date())
    } catch (error) {
      warn(`Could not add this run to the history file ${file}: ${firstLineOf(error)}`)
    }
  }
  return { ...result, history }
}

/**
 * Workflow run ids grow with time: runs named by their id are put in that order (a run read from
 * both the file and an artifact is then merged once); others keep the order they were read in.
 */
export function inRunOrder(runs: readonly EarlierRun[]): EarlierRun[] {
  const numeric = (run: EarlierRun): number | null =>
    /^\d+$/.test(run.run) ? Number(run.run) : null
  return runs
    .map((run, index) => ({ run, index }))
    .sort((a, b) => {
      const x = numeric(a.run)
      const y = numeric(b.run)
      return x !== null && y !== null ? x - y : a.index - b.index
    })
    .map(({ run }) => run)
}
