/**
 * The hand-written parts of `--help`: what the tool does, how it is called, examples and exit
 * codes. The flags and their descriptions come from the inputs table (`src/inputs.ts`).
 */
import type { CliGroup } from '../inputs.js'

export const PROGRAM = 'encord-annotator-eval'

export const DESCRIPTION = 'Score annotators against a gold-standard benchmark on Encord.'

/** The usage lines of the default command; `evaluate` may be left out. */
export const EVALUATE_USAGE = [
  `${PROGRAM} [evaluate] --benchmark-project HASH --training-projects HASH[,HASH…] [options]`,
  `       ${PROGRAM} [evaluate] --benchmark-export FILE --training-export FILE… --ontology FILE [options]`,
  `       ${PROGRAM} COMMAND [options]   (commands below; COMMAND --help for each)`
].join('\n')

/** Help headings of the flag groups, in the order they are listed. */
export const GROUP_HEADINGS: Record<CliGroup, string> = {
  labels: 'Where the labels come from:',
  offline: 'Offline (export files instead of the API):',
  scoring: 'Scoring:',
  gate: 'Gate (an annotator below any threshold set fails; exit code 1):',
  output: 'Output:'
}

export const EXIT_CODES = `Exit codes:
  0  every annotator passed
  1  an annotator failed the gate, or a project could not be scored
  2  usage error (a bad option, key or value)`

export const EXAMPLES = `Examples:
  export ENCORD_SSH_KEY_FILE=~/.ssh/encord_ed25519
  ${PROGRAM} --benchmark-project 0a1b… --training-projects 2c3d…,4e5f… --min-f1 0.8
  ${PROGRAM} --method encord-script --benchmark-project 0a1b… --training-project 2c3d…
  ${PROGRAM} --benchmark-export gold.json --training-export "alice export.json" \\
      --training-export bob.json --ontology ontology.json
  ${PROGRAM} check-registration data/*.json`

export const CHECK_REGISTRATION_DESCRIPTION = `Check Encord data-registration JSON files before they are uploaded: JSON syntax (trailing commas included), duplicate keys, top-level keys, entries and their URLs, media metadata, Encord's per-file limits and the guide's advice. Prints one line per problem as FILE:LINE:COLUMN: SEVERITY [RULE] MESSAGE.`

export const CHECK_REGISTRATION_AFTER = `Give -- before file names that start with "-".

Exit codes:
  0  no file has an error (warnings allowed)
  1  a file has an error or cannot be read
  2  usage error`

export const SETUP_TRAINING_DESCRIPTION = `Create one training project per annotator, as Encord's annotator training guide asks: the benchmark's datasets and ontology, the training workflow template, and the annotator invited as an Annotator. Without --apply it only prints the plan and changes nothing. A project the key can see with the planned title, the benchmark's datasets and ontology is reused, so running it again completes what is missing and never makes a duplicate.`

export const SETUP_TRAINING_AFTER = `Prints the training-projects: block to paste into the workflow, and the annotator → project map as JSON.

Exit codes:
  0  every annotator has a project (or, without --apply, the plan has no conflict)
  1  an annotator's project could not be created or has a conflicting twin
  2  usage error

Example:
  ${PROGRAM} setup-training --benchmark-project 0a1b… --workflow-template 7c8d… \\
      --annotator alice@example.com --annotator bob@example.com --apply --output training.yml`

export const PREFLIGHT_DESCRIPTION = `Check the training set-up against the benchmark, reading only: each training project's ontology (by hash, else by structure), datasets and workflow stage; how much of the benchmark is in the scored stage; each annotator's progress; that each project has an annotator. The scoring run does the same first (input preflight).`

export const PREFLIGHT_AFTER = `Exit codes:
  0  no error (warnings allowed)
  1  an error: a project is set up differently from the benchmark, or cannot be read
  2  usage error`
