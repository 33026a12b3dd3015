/**
 * `setup-training` on the command line: checks the flags, reads with the scoring client and
 * writes with the set-up client (the only one that can), prints the plan or what was done, the
 * `training-projects:` block and the annotator → project map, and writes them with --output.
 */
import { writeFile } from 'node:fs/promises'
import { createEncordClient, encordUserAgent } from '../encord/client.js'
import { normaliseDomain } from '../encord/domain.js'
import { assertEncordHash } from '../encord/identifiers.js'
import { checkPrivateKey, signingKeyFor } from '../encord/keys.js'
import { InputError } from '../errors.js'
import { safeText } from '../safe-text.js'
import { createSetupClient } from '../setup/setup-client.js'
import {
  projectsByAnnotator,
  setupTraining,
  trainingProjectsBlock,
  type SetupReport,
  type StepOutcome
} from '../setup/setup-training.js'
import { TOOL } from '../version.js'
import type { SetupTrainingCommandLine } from './program.js'

const EMAIL = /^[^@\s]+@[^@\s]+$/

export interface CommandIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export async function runSetupTrainingCommand(
  command: SetupTrainingCommandLine & { key: string },
  io: CommandIo
): Promise<number> {
  assertEncordHash(command.benchmarkProject, 'project')
  const annotators = checkedAnnotators(command.annotators)
  if (!command.titleTemplate.includes('{name}') && !command.titleTemplate.includes('{email}')) {
    throw new InputError(
      `--title '${command.titleTemplate}' would give every annotator the same project: include {name} or {email}`
    )
  }
  const domain = normaliseDomain(command.domain)
  const key = signingKeyFor(checkPrivateKey(command.key))
  const userAgent = encordUserAgent(TOOL.version)
  const debug = command.verbose ? (line: string) => io.stderr(`${safeText(line)}\n`) : () => {}
  const reader = createEncordClient({ key, domain, userAgent, debug })
  const writer = createSetupClient({ key, domain, userAgent, debug })
  let report: SetupReport
  try {
    report = await setupTraining(reader, writer, {
      benchmarkProject: command.benchmarkProject.toLowerCase(),
      annotators,
      titleTemplate: command.titleTemplate,
      workflowTemplate: command.workflowTemplate,
      apply: command.apply
    })
  } finally {
    reader.close()
    writer.close()
  }
  io.stdout(renderSetupReport(report))
  for (const file of command.outputs) {
    const text = file.toLowerCase().endsWith('.json')
      ? `${JSON.stringify(projectsByAnnotator(report), null, 2)}\n`
      : trainingProjectsBlock(report)
    await writeFile(file, text)
    io.stdout(`Written: ${file}\n`)
  }
  return report.steps.some((step) => step.status === 'failed') ? 1 : 0
}

/** Each e-mail once, in the order given; a value that is not an e-mail is a usage error. */
function checkedAnnotators(given: string[]): string[] {
  const emails = given.flatMap((text) => text.split(/[\s,]+/)).filter((text) => text !== '')
  for (const email of emails) {
    if (!EMAIL.test(email)) {
      throw new InputError(
        `--annotator '${email.slice(0, 80)}' is not an e-mail address; give the address the annotator signs in to Encord with`
      )
    }
  }
  return [...new Set(emails)]
}

export function renderSetupReport(report: SetupReport): string {
  const lines: string[] = []
  const { benchmark, blueprint } = report
  lines.push(
    report.applied ? 'Training projects:' : 'Plan (dry run: nothing is changed; --apply does it):',
    `  benchmark  '${benchmark.title}' (${benchmark.projectHash})`,
    `  datasets   ${blueprint.datasets.map((dataset) => `'${dataset.title}' (${dataset.datasetHash})`).join(', ') || 'none'}`,
    `  ontology   ${blueprint.ontologyHash}`,
    `  template   ${report.workflowTemplate ?? 'not given (--workflow-template is required to create a project)'}`,
    ''
  )
  for (const step of report.steps) lines.push(`  ${step.annotator}: ${describeStep(step)}`)
  lines.push('', trainingProjectsBlock(report).trimEnd(), '')
  lines.push(JSON.stringify(projectsByAnnotator(report), null, 2), '')
  // Titles and e-mails come from Encord and the command line: each line is made inert.
  return `${lines.join('\n').split('\n').map(safeText).join('\n')}\n`
}

function describeStep(step: StepOutcome): string {
  switch (step.status) {
    case 'planned-create':
      return `would create '${step.title}' and add the annotator`
    case 'existing':
      return `exists: '${step.title}' (${step.projectHash})${step.annotatorPresent ? '' : '; would add the annotator'}`
    case 'created':
      return `created '${step.title}' (${step.projectHash}) and added the annotator`
    case 'reused':
      return `already set up: '${step.title}' (${step.projectHash})${step.annotatorAdded ? '; added the annotator' : ''}`
    case 'failed':
      return `FAILED: ${step.problem}`
  }
}
