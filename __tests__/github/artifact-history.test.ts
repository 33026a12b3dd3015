import { afterEach, describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readArtifactHistory } from '../../src/github/artifact-history.js'
import { createGitHubClient } from '../../src/github/octokit.js'
import { renderReportJson } from '../../src/report/index.js'
import { startFakeGitHub, WORKFLOW_FILE, type FakeGitHub } from '../../test/fakes/github-api.mjs'
import { evaluated, metrics, runResult } from '../report/builders.js'

const TOKEN = 'ghs_historyTestToken'
const NAME = 'annotator-scores-evaluate-team-a-attempt-1'
let github: FakeGitHub | undefined

afterEach(async () => {
  await github?.close()
  github = undefined
})

const report = (f1: number, digest: string): Buffer =>
  Buffer.from(
    renderReportJson(
      runResult({ projects: [evaluated({ labelsDigest: digest, overall: metrics({ f1 }) })] })
    )
  )

/**
 * @actions/artifact's list and download, answered from the fake's runs as GitHub would (an
 * expired artifact's download fails). In process, the library's own requests to the fake stall
 * under jest, so its HTTP side is left to the e2e tests, which run the bundled action.
 */
function artifactClient(fake: FakeGitHub) {
  const runOf = (id: number) => fake.workflowRuns.find((run) => run.id === id)
  return {
    listArtifacts: async (options?: { findBy?: { workflowRunId: number } }) => ({
      artifacts: (runOf(options?.findBy?.workflowRunId ?? -1)?.artifacts ?? []).map((a) => ({
        id: a.id,
        name: a.name,
        size: 1
      }))
    }),
    downloadArtifact: async (id: number, options?: { path?: string }) => {
      const artifact = fake.workflowRuns.flatMap((run) => run.artifacts).find((a) => a.id === id)
      if (!artifact || artifact.expired) throw new Error('Unable to download artifact: 410 Gone')
      for (const [name, bytes] of artifact.files) {
        await writeFile(path.join(options?.path ?? '.', name), bytes)
      }
      return { downloadPath: options?.path ?? '.' }
    }
  }
}

async function read(fake: FakeGitHub, runs = 10) {
  const notices: string[] = []
  const earlier = await readArtifactHistory(
    { runs, artifactName: NAME, token: TOKEN },
    {
      env: {
        GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`,
        GITHUB_WORKFLOW_REF: `${fake.owner}/${fake.repo}/.github/workflows/${WORKFLOW_FILE}@refs/heads/main`,
        GITHUB_RUN_ID: '30',
        GITHUB_SERVER_URL: 'https://github.com'
      },
      github: createGitHubClient(TOKEN, { baseUrl: fake.url }),
      client: artifactClient(fake),
      notice: (message) => notices.push(message),
      info: () => {}
    }
  )
  return { earlier, notices }
}

describe('readArtifactHistory', () => {
  it("reads earlier runs' report.json from their artifacts, oldest first, the latest attempt of each", async () => {
    github = await startFakeGitHub({ owner: 'octo', repo: 'labels', token: TOKEN })
    github.addWorkflowRun({
      id: 10,
      artifacts: [
        { name: NAME, files: new Map([['report.json', report(0.5, 'sha256:a')]]) },
        {
          name: 'annotator-scores-evaluate-team-a-attempt-2',
          files: new Map([['report.json', report(0.6, 'sha256:b')]])
        },
        // Another leg's artifact: not this comment key's history.
        {
          name: 'annotator-scores-evaluate-team-b-attempt-1',
          files: new Map([['report.json', report(0.1, 'sha256:z')]])
        }
      ]
    })
    github.addWorkflowRun({
      id: 20,
      artifacts: [{ name: NAME, files: new Map([['report.json', report(0.7, 'sha256:c')]]) }]
    })
    // This run itself, and a run still in progress: neither is an earlier run.
    github.addWorkflowRun({ id: 30, artifacts: [] })
    github.addWorkflowRun({ id: 40, status: 'in_progress' })
    const { earlier, notices } = await read(github)
    expect(notices).toEqual([])
    expect(earlier.map((run) => run.run)).toEqual(['10', '20'])
    expect(earlier.map((run) => run.points[0]?.scores.f1)).toEqual([0.6, 0.7])
  })

  it('says in a notice that the permission is missing, and returns nothing, on a 403', async () => {
    github = await startFakeGitHub({
      owner: 'octo',
      repo: 'labels',
      token: TOKEN,
      actionsRead: false
    })
    github.addWorkflowRun({ id: 10 })
    const { earlier, notices } = await read(github)
    expect(earlier).toEqual([])
    expect(notices).toEqual([expect.stringContaining('permissions: actions: read')])
  })

  it('counts expired artifacts in one notice and keeps what it could read', async () => {
    github = await startFakeGitHub({ owner: 'octo', repo: 'labels', token: TOKEN })
    github.addWorkflowRun({
      id: 10,
      artifacts: [
        { name: NAME, files: new Map([['report.json', report(0.5, 'sha256:a')]]), expired: true }
      ]
    })
    github.addWorkflowRun({
      id: 20,
      artifacts: [{ name: NAME, files: new Map([['report.json', report(0.7, 'sha256:c')]]) }]
    })
    const { earlier, notices } = await read(github)
    expect(earlier.map((run) => run.run)).toEqual(['20'])
    expect(notices).toEqual([
      expect.stringMatching(
        /^History: 1 earlier run\(s\) had a report that could not be downloaded/
      )
    ])
  })
})
