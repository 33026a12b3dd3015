/**
 * The command line as a commander program: one command per subcommand, each with its own
 * `--help`. The evaluate command's flags are built from the inputs table, so the CLI and the
 * action cannot drift. Parsing only records what was asked; `args.ts` turns it into a command.
 */
import { Command, CommanderError, Option } from 'commander'
import { InputError } from '../errors.js'
import { INPUTS, type InputName, type InputSpec } from '../inputs.js'
import { DEFAULT_TITLE_TEMPLATE } from '../setup/plan.js'
import { TOOL } from '../version.js'
import {
  CHECK_REGISTRATION_AFTER,
  CHECK_REGISTRATION_DESCRIPTION,
  DESCRIPTION,
  PREFLIGHT_AFTER,
  PREFLIGHT_DESCRIPTION,
  SETUP_TRAINING_AFTER,
  SETUP_TRAINING_DESCRIPTION,
  EVALUATE_USAGE,
  EXAMPLES,
  EXIT_CODES,
  GROUP_HEADINGS,
  PROGRAM
} from './help.js'

/** What the command line asked for, before any file or key is read. */
export type ParsedCommandLine =
  | { kind: 'print'; text: string }
  | {
      kind: 'evaluate'
      /** Flag values by input; a repeatable flag's values in the order given. */
      values: Map<InputName, string[]>
      keyFile: string | undefined
      verbose: boolean
      color: boolean
      /** `--history PATH`: report.json files, folders of them, or history files, oldest first. */
      history: string[]
    }
  | { kind: 'check-registration'; files: string[] }
  | MergeCommandLine
  | SetupTrainingCommandLine
  | PreflightCommandLine

/** `setup-training`: one training project per annotator (src/setup/). */
export interface SetupTrainingCommandLine {
  kind: 'setup-training'
  benchmarkProject: string
  annotators: string[]
  workflowTemplate: string | null
  titleTemplate: string
  apply: boolean
  /** Files to write: the JSON map when the name ends in .json, else the `training-projects:` block. */
  outputs: string[]
  domain: string
  keyFile: string | undefined
  verbose: boolean
}

/** `preflight`: the read-only checks of the set-up (src/preflight/). */
export interface PreflightCommandLine {
  kind: 'preflight'
  benchmarkProject: string
  trainingProjects: string[]
  workflowStage: string
  domain: string
  keyFile: string | undefined
  verbose: boolean
}

/** `merge`: the legs of a matrix, merged into one leaderboard (`sources/report-source.ts`). */
export interface MergeCommandLine {
  kind: 'merge'
  reports: string[]
  expectedLegs: string | undefined
  outputDir: string | undefined
  color: boolean
}

/** Parses argv; a usage mistake is an `InputError` with one line that says what to fix. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  // Flags alone mean evaluate, as before there were subcommands.
  const args = argv[0]?.startsWith('-') ? ['evaluate', ...argv] : [...argv]
  let parsed: ParsedCommandLine | undefined
  const printed: string[] = []
  const program = buildProgram((command) => (parsed = command), printed)
  try {
    program.parse(args, { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    if (error.exitCode === 0) return { kind: 'print', text: printed.join('') }
    throw inOurWords(error, args)
  }
  if (parsed === undefined) throw new InputError(`Nothing to do; run ${PROGRAM} --help`)
  return parsed
}

function buildProgram(found: (command: ParsedCommandLine) => void, printed: string[]): Command {
  const program = new Command(PROGRAM)
    .description(DESCRIPTION)
    .version(TOOL.version, '-V, --version', 'the version')
    .helpOption('-h, --help', 'this help')
    .helpCommand('help [COMMAND]', 'help for a command')
    // Root options only before the command, so a subcommand's values are never taken for them.
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void printed.push(text),
      writeErr: (text) => void printed.push(text),
      // Errors become InputErrors with our wording; commander prints nothing itself.
      outputError: () => undefined
    })
  addEvaluate(program, found)
  addCheckRegistration(program, found)
  addMerge(program, found)
  addSetupTraining(program, found)
  addPreflight(program, found)
  return program
}

function addEvaluate(program: Command, found: (command: ParsedCommandLine) => void): void {
  const values = new Map<InputName, string[]>()
  let keyFile: string | undefined
  const history: string[] = []
  const command = program
    .command('evaluate')
    .description('Score training projects against the benchmark (the default command).')
    .version(TOOL.version, '-V, --version', 'the version')
    .configureHelp({ commandUsage: () => EVALUATE_USAGE })
    // Checked in the action, to say which argument was unexpected.
    .allowExcessArguments()

  for (const input of inGroupOrder(INPUTS)) {
    const flag = input.cli
    if (flag === null) continue
    const name = input.name as InputName
    const store = (text: string, given: string): string => {
      const value = flagValue(text, given, input)
      const previous = flag.repeatable ? (values.get(name) ?? []) : []
      values.set(name, [...previous, value])
      return value
    }
    command.addOption(
      new Option(`--${name} <${flag.value}>`, flagDescription(input))
        .helpGroup(GROUP_HEADINGS[flag.group])
        .argParser((text) => store(text, `--${name}`))
    )
    if (flag.alias !== undefined) {
      const alias = `--${flag.alias}`
      command.addOption(
        new Option(`${alias} <${flag.value}>`).hideHelp().argParser((text) => store(text, alias))
      )
    }
  }
  command
    .addOption(
      new Option(
        '--ssh-private-key-file <PATH>',
        'Encord private key (unencrypted OpenSSH Ed25519). Default: the file named by $ENCORD_SSH_KEY_FILE, else the key itself in $ENCORD_SSH_KEY.'
      )
        .helpGroup(GROUP_HEADINGS.labels)
        .argParser((text) => (keyFile = flagValue(text, '--ssh-private-key-file')))
    )
    .addOption(
      new Option(
        '--history <PATH>',
        "Earlier runs to show each annotator's progress against: report.json files, folders of them, or a history file (JSON Lines). Repeat the flag for more, oldest first."
      )
        .helpGroup(GROUP_HEADINGS.output)
        .argParser((text) => {
          history.push(flagValue(text, '--history'))
          return text
        })
    )
    .addOption(new Option('--color', 'colour the table').helpGroup(GROUP_HEADINGS.output))
    .addOption(
      new Option('-v, --verbose', 'log each request and show error details').helpGroup(
        GROUP_HEADINGS.output
      )
    )
    .helpOption('-h, --help', 'this help')
    .addHelpText('after', () => `\n${otherCommands(program)}\n\n${EXAMPLES}\n\n${EXIT_CODES}\n`)
    .action((options: { color?: boolean; verbose?: boolean }, self: Command) => {
      const [unexpected] = self.args
      if (unexpected !== undefined) throw unexpectedArgument(unexpected)
      found({
        kind: 'evaluate',
        values,
        keyFile,
        verbose: options.verbose === true,
        color: options.color === true,
        history
      })
    })
}

function addCheckRegistration(program: Command, found: (command: ParsedCommandLine) => void): void {
  program
    .command('check-registration')
    .summary('Check Encord data-registration JSON files before they are uploaded.')
    .description(CHECK_REGISTRATION_DESCRIPTION)
    .argument('<FILE...>', 'registration JSON files')
    .addHelpText('after', `\n${CHECK_REGISTRATION_AFTER}\n`)
    .action((files: string[]) => found({ kind: 'check-registration', files }))
}

function addSetupTraining(program: Command, found: (command: ParsedCommandLine) => void): void {
  const annotators: string[] = []
  const outputs: string[] = []
  program
    .command('setup-training')
    .summary('Create one training project per annotator (a dry run unless --apply).')
    .description(SETUP_TRAINING_DESCRIPTION)
    .requiredOption('--benchmark-project <HASH>', 'hash of the benchmark project', (text) =>
      flagValue(text, '--benchmark-project')
    )
    .addOption(
      new Option('--annotator <EMAIL>', "an annotator's e-mail; repeat for each annotator")
        .makeOptionMandatory()
        .argParser((text) => {
          annotators.push(flagValue(text, '--annotator'))
          return text
        })
    )
    .option(
      '--workflow-template <ID>',
      'the training workflow template to create projects from (required to create)',
      (text) => flagValue(text, '--workflow-template')
    )
    .option(
      '--title <TEMPLATE>',
      'project title; {name} is the e-mail before @, {email} the whole',
      (text) => flagValue(text, '--title'),
      DEFAULT_TITLE_TEMPLATE
    )
    .option('--apply', 'create the projects and add the annotators (default: only show the plan)')
    .addOption(
      new Option(
        '--output <FILE>',
        'write the training-projects: block (or, for a .json name, the annotator → project map); repeatable'
      ).argParser((text) => {
        outputs.push(flagValue(text, '--output'))
        return text
      })
    )
    .addOption(domainOption())
    .addOption(keyFileOption())
    .option('-v, --verbose', 'log each request and show error details')
    .addHelpText(
      'after',
      `
${SETUP_TRAINING_AFTER}
`
    )
    .action(
      (options: {
        benchmarkProject: string
        workflowTemplate?: string
        title: string
        apply?: boolean
        encordDomain: string
        sshPrivateKeyFile?: string
        verbose?: boolean
      }) =>
        found({
          kind: 'setup-training',
          benchmarkProject: options.benchmarkProject,
          annotators,
          workflowTemplate: options.workflowTemplate ?? null,
          titleTemplate: options.title,
          apply: options.apply === true,
          outputs,
          domain: options.encordDomain,
          keyFile: options.sshPrivateKeyFile,
          verbose: options.verbose === true
        })
    )
}

function addPreflight(program: Command, found: (command: ParsedCommandLine) => void): void {
  const trainingProjects: string[] = []
  program
    .command('preflight')
    .summary('Check the training set-up against the benchmark (read-only).')
    .description(PREFLIGHT_DESCRIPTION)
    .requiredOption('--benchmark-project <HASH>', 'hash of the benchmark project', (text) =>
      flagValue(text, '--benchmark-project')
    )
    .addOption(
      new Option('--training-projects <LIST>', 'training project hashes; repeatable').argParser(
        (text) => {
          trainingProjects.push(flagValue(text, '--training-projects'))
          return text
        }
      )
    )
    .addOption(
      new Option('--training-project <HASH>').hideHelp().argParser((text) => {
        trainingProjects.push(flagValue(text, '--training-project'))
        return text
      })
    )
    .option(
      '--workflow-stage <TITLE>',
      'title of the stage whose tasks count',
      (text) => flagValue(text, '--workflow-stage'),
      'Complete'
    )
    .addOption(domainOption())
    .addOption(keyFileOption())
    .option('-v, --verbose', 'log each request and show error details')
    .addHelpText(
      'after',
      `
${PREFLIGHT_AFTER}
`
    )
    .action(
      (options: {
        benchmarkProject: string
        workflowStage: string
        encordDomain: string
        sshPrivateKeyFile?: string
        verbose?: boolean
      }) => {
        if (trainingProjects.length === 0) {
          throw new InputError(
            'preflight needs --training-projects HASH (repeat it, or list hashes separated by commas)'
          )
        }
        found({
          kind: 'preflight',
          benchmarkProject: options.benchmarkProject,
          trainingProjects,
          workflowStage: options.workflowStage,
          domain: options.encordDomain,
          keyFile: options.sshPrivateKeyFile,
          verbose: options.verbose === true
        })
      }
    )
}

function domainOption(): Option {
  return new Option('--encord-domain <URL>', 'Encord API origin')
    .default('https://api.encord.com')
    .argParser((text) => flagValue(text, '--encord-domain'))
}

function keyFileOption(): Option {
  return new Option(
    '--ssh-private-key-file <PATH>',
    'Encord private key; default: $ENCORD_SSH_KEY_FILE, else the key itself in $ENCORD_SSH_KEY'
  ).argParser((text) => flagValue(text, '--ssh-private-key-file'))
}

function addMerge(program: Command, found: (command: ParsedCommandLine) => void): void {
  program
    .command('merge')
    .summary("Merge matrix legs' report.json files into one leaderboard, CSV, report and gate.")
    .description(
      "Merge the report.json files of a matrix's legs (each with its iou_results.csv beside it) into one CSV, report.json, summary and gate over all annotators, in the order the reports are given. Legs run with different settings are an error."
    )
    .argument('<REPORT...>', "the legs' report.json files")
    .addOption(new Option('--expected-legs <N>', 'how many legs there must be; fewer is an error'))
    .addOption(
      new Option(
        '--output-dir <DIR>',
        'folder for the merged files (default: encord-annotator-eval)'
      )
    )
    .addOption(new Option('--color', 'colour the table'))
    .action(
      (
        reports: string[],
        options: { expectedLegs?: string; outputDir?: string; color?: boolean }
      ) =>
        found({
          kind: 'merge',
          reports,
          expectedLegs: options.expectedLegs,
          outputDir: options.outputDir,
          color: options.color === true
        })
    )
}

/**
 * A flag's value as given. An empty value is refused: on a command line it is a mistake (an
 * unset shell variable), whereas the action reads an empty input as "use the default" because
 * the runner passes every input, set or not.
 */
function flagValue(text: string, flag: string, input?: InputSpec): string {
  // `--benchmark-project --training-projects …`: the value was forgotten.
  if (text.startsWith('--')) throw needsValue(flag)
  if (text.trim() === '') {
    const example = exampleFor(flag)
    const otherwise =
      input?.default === undefined
        ? 'or leave the option out'
        : `or leave the option out for the default (${input.default})`
    throw new InputError(
      `Option ${flag} is empty; give a value, e.g. ${flag} ${example}, ${otherwise}`,
      input?.name
    )
  }
  return text
}

/** The table's description, with what only the command line has: repeats and the default. */
export function flagDescription(input: InputSpec): string {
  const parts = [input.description]
  if (input.cli?.repeatable) {
    const alias = input.cli.alias === undefined ? '' : `; --${input.cli.alias} is the same flag`
    parts.push(`Repeat the flag for more${alias}.`)
  } else if (input.cli?.alias !== undefined) {
    parts.push(`Also --${input.cli.alias}.`)
  }
  if (input.default !== undefined) parts.push(`(default: ${input.default})`)
  return parts.join(' ')
}

/** Commander lists option groups in the order their first option was added. */
function inGroupOrder(inputs: readonly InputSpec[]): InputSpec[] {
  const order = Object.keys(GROUP_HEADINGS)
  const rank = (input: InputSpec): number =>
    input.cli === null ? order.length : order.indexOf(input.cli.group)
  return [...inputs].sort((a, b) => rank(a) - rank(b))
}

function otherCommands(program: Command): string {
  const lines = program.commands
    .filter((command) => command.name() !== 'evaluate')
    .map(
      (command) => `  ${command.name().padEnd(20)} ${command.summary() || command.description()}`
    )
  return ['Commands:', ...lines].join('\n')
}

function unexpectedArgument(argument: string): InputError {
  return new InputError(
    `Unexpected argument '${argument}'; options take the form --name value (run with --help)`
  )
}

/** Commander's error, said the way the rest of the tool says things: one line, what to do. */
function inOurWords(error: CommanderError, args: readonly string[]): InputError {
  const command = args[0] ?? ''
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? ''
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(error.message)?.[1]
  const didYouMean = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`
  switch (error.code) {
    case 'commander.unknownOption': {
      const actionOnly = (INPUTS as readonly InputSpec[]).find(
        (spec) => spec.cli === null && `--${spec.name}` === quoted.split('=')[0]
      )
      const why =
        actionOnly === undefined ? '' : `: ${actionOnly.name} is an input of the action only`
      const next = actionOnly?.cliInstead ?? 'run with --help to see the options'
      return new InputError(`Unknown option ${quoted}${why}${didYouMean}; ${next}`)
    }
    case 'commander.unknownCommand':
      return suggestion === undefined
        ? unexpectedArgument(quoted)
        : new InputError(
            `Unknown command '${quoted}'${didYouMean}; run ${PROGRAM} --help to see the commands`
          )
    case 'commander.optionMissingArgument':
      return needsValue(quoted.split(' ')[0] ?? quoted)
    case 'commander.help':
      // Help shown as an error: `help COMMAND` for a command that does not exist.
      return new InputError(
        `Unknown command '${args[1] ?? ''}'; run ${PROGRAM} --help to see the commands`
      )
    case 'commander.missingArgument':
      return new InputError(
        `${command} needs ${quoted.replace(/\.+$/, '')}; run ${PROGRAM} ${command} --help`
      )
    default: {
      const text = error.message.replace(/^error: /, '').replace(/\s*\n.*$/s, '')
      return new InputError(`${text.charAt(0).toUpperCase()}${text.slice(1)} (run with --help)`)
    }
  }
}

function needsValue(flag: string): InputError {
  return new InputError(`Option ${flag} needs a value, e.g. ${flag} ${exampleFor(flag)}`)
}

function exampleFor(flag: string): string {
  const input = (INPUTS as readonly InputSpec[]).find(
    (spec) => `--${spec.name}` === flag || (spec.cli !== null && `--${spec.cli.alias}` === flag)
  )
  return input?.example ?? '~/.ssh/encord_ed25519'
}
