/**
 * Label data is written by whoever can edit a project: titles, e-mails and file names can hold
 * `@someone`, `#123`, escape sequences and bell characters. Through the bundled CLI and action,
 * against the fake Encord server: nothing in a markdown sink (summary.md, the job summary, the PR
 * comment) mentions anyone or links an issue, and no raw control character reaches the terminal,
 * the runner log or a file meant to be read.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ScenarioProject } from '../../tools/fake-encord/scenario.mjs'
import { KEY_A, KEY_USERS, runNode, tempDir, type Finished } from '../../__tests__/cli/support.js'
import {
  BENCHMARK,
  BOB,
  dataTitle,
  streetProject,
  streetScenario
} from '../../__tests__/pipeline/scenario.js'
import { bundleFile } from '../bundle.js'
import { GITHUB_TOKEN, startHarness, type ActionRun, type Harness } from './harness.js'

const CLI = bundleFile('cli.js')

const ESC = '\u001b'
const BEL = '\u0007'
const PROJECT_TITLE = `Team @octo-org/reviewers fixes #12 ${ESC}[31mred${BEL}`
const ANNOTATOR = `@octocat${ESC}]8;;https://example.com${BEL}`
const DATA_TITLE = `GH-7 @team frame${BEL}.jpg`

/** A project whose first data unit is titled `title` instead of street-000.jpg. */
function retitled(project: ScenarioProject, title: string): ScenarioProject {
  const json = JSON.stringify(project).replaceAll(dataTitle(0), JSON.stringify(title).slice(1, -1))
  return JSON.parse(json) as ScenarioProject
}

const scenario = streetScenario({
  users: KEY_USERS,
  projects: {
    [BENCHMARK]: retitled(
      streetProject(BENCHMARK, 'Benchmark for @octocat', { email: 'expert@example.com' }),
      DATA_TITLE
    ),
    // Every Person moved away: misses and extras, so the worst items (data titles) are listed.
    [BOB]: retitled(
      streetProject(BOB, PROJECT_TITLE, { email: ANNOTATOR, shift: { person: 0.3 } }),
      DATA_TITLE
    )
  }
})

/**
 * What GitHub would link in rendered markdown: entities decoded (as GitHub's linkers see the
 * text), then an @mention not after a word character, an issue reference, or GH-n.
 */
function linkedReferences(markdown: string): string[] {
  const text = markdown.replace(/&#(\d+);/g, (_, code: string) =>
    String.fromCodePoint(Number(code))
  )
  const found = text.match(/(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9][A-Za-z0-9-]*|#[0-9]+|GH-[0-9]+/gi)
  return found ?? []
}

function rawControls(text: string): string[] {
  // Every C0 control but tab and line feed, DEL and the C1 controls.
  return Array.from(text).filter((char) => /[^\P{Cc}\t\n]/u.test(char))
}

let harness: Harness
let temp: { dir: string; remove(): Promise<void> }
let cli: Finished
let cliSummary: string
let action: ActionRun

beforeAll(async () => {
  harness = await startHarness({ scenario })
  temp = await tempDir('user-text-')
  const out = path.join(temp.dir, 'cli-out')
  cli = await runNode(
    [
      CLI,
      '--encord-domain',
      harness.encord.url,
      '--benchmark-project',
      BENCHMARK,
      '--training-project',
      BOB,
      '--verbose',
      '--output-dir',
      out
    ],
    { env: { PATH: process.env.PATH, NO_COLOR: '1', ENCORD_SSH_KEY: KEY_A.privateKeyOpenSsh } }
  )
  cliSummary = await readFile(path.join(out, 'summary.md'), 'utf8')
  action = await harness.run({
    inputs: {
      'ssh-private-key': KEY_A.privateKeyOpenSsh,
      'benchmark-project': BENCHMARK,
      'training-projects': BOB,
      'encord-domain': harness.encord.url,
      'github-token': GITHUB_TOKEN,
      'upload-artifact': 'false'
    }
  })
})

afterAll(async () => {
  await harness.close()
  await temp.remove()
})

describe('mentions and issue links from label data', () => {
  it('CLI summary.md: none, and the names stay readable', () => {
    expect(cliSummary).toContain('octocat')
    expect(cliSummary).toContain('octo-org/reviewers')
    expect(linkedReferences(cliSummary)).toEqual([])
  })

  it('action job summary and PR comment: none', () => {
    expect(action.exitCode).toBe(0)
    const [comment] = harness.github.comments
    expect(comment?.body).toContain('octocat')
    expect(linkedReferences(comment?.body ?? '')).toEqual([])
    expect(action.summary).toContain('octocat')
    expect(linkedReferences(action.summary)).toEqual([])
  })

  it('data titles reach the worst items, neutralised', () => {
    expect(action.summary).toContain('frame')
    expect(cliSummary).toContain('frame')
  })
})

describe('control characters from label data', () => {
  it('CLI: none on stdout, stderr or in summary.md; shown as escapes', () => {
    expect(cli.code).toBe(0)
    expect(rawControls(cli.stdout)).toEqual([])
    expect(rawControls(cli.stderr)).toEqual([])
    expect(rawControls(cliSummary)).toEqual([])
    expect(cli.stdout).toContain('@octocat\\u001b]8;;')
  })

  it('action: none in the log, the annotations, the job summary or the comment', () => {
    expect(rawControls(action.stdout)).toEqual([])
    expect(rawControls(action.stderr)).toEqual([])
    expect(rawControls(action.summary)).toEqual([])
    expect(rawControls(harness.github.comments[0]?.body ?? '')).toEqual([])
    // The annotator is still named, made safe: a zero-width space, and the escape as text.
    expect(action.summary).toContain('@&#8203;octocat&#92;u001b&#93;8;;')
  })

  it('CLI: a broken export’s error snippet shows them as escapes', async () => {
    const broken = path.join(temp.dir, 'broken.json')
    await writeFile(broken, `[{"data_title": "a"} ${ESC}[2J${BEL} ]`)
    const ontology = path.join(temp.dir, 'ontology.json')
    await writeFile(ontology, '{"objects": [], "classifications": []}')
    const result = await runNode(
      [
        CLI,
        '--benchmark-export',
        broken,
        '--training-exports',
        broken,
        '--ontology-file',
        ontology,
        '--output-dir',
        path.join(temp.dir, 'offline-out')
      ],
      { env: { PATH: process.env.PATH, NO_COLOR: '1' } }
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: .*broken\.json/m)
    expect(rawControls(result.stderr)).toEqual([])
  })
})
