/**
 * `preflight` on the command line: the scoring run's set-up checks on their own, read-only.
 * Prints a table of every project's progress and each finding; exit 1 on any error.
 */
import { parseConfig } from '../config.js'
import { createEncordClient, encordUserAgent } from '../encord/client.js'
import { signingKeyFor } from '../encord/keys.js'
import { InputError } from '../errors.js'
import { renderPreflightText } from '../preflight/render-text.js'
import { runPreflight } from '../preflight/run-preflight.js'
import { safeText } from '../safe-text.js'
import { TOOL } from '../version.js'
import type { PreflightCommandLine } from './program.js'
import type { CommandIo } from './setup-command.js'

export async function runPreflightCommand(
  command: PreflightCommandLine & { key: string },
  io: CommandIo
): Promise<number> {
  // The scoring run's parser checks the same inputs the same way.
  const config = parseConfig({
    'ssh-private-key': command.key,
    'benchmark-project': command.benchmarkProject,
    'training-projects': command.trainingProjects.join('\n'),
    'workflow-stage': command.workflowStage,
    'encord-domain': command.domain
  })
  const source = config.source
  if (source?.kind !== 'encord')
    throw new InputError('preflight needs --benchmark-project and --training-projects')
  const client = createEncordClient({
    key: signingKeyFor(source.key),
    domain: source.domain,
    userAgent: encordUserAgent(TOOL.version),
    ...(command.verbose ? { debug: (line: string) => io.stderr(`${safeText(line)}\n`) } : {})
  })
  try {
    const report = await runPreflight(
      client,
      source.benchmarkProject,
      source.trainingProjects,
      config.workflowStage
    )
    io.stdout(renderPreflightText(report))
    return report.findings.some((finding) => finding.severity === 'error') ? 1 : 0
  } finally {
    client.close()
  }
}
