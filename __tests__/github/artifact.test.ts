/**
 * Uploads through the real @actions/artifact client to the fake Results + blob service. The
 * client reads ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and GITHUB_SERVER_URL from process.env
 * when it runs, so they are set before the module is imported and kept for the whole file.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  runnerEnv,
  startFakeArtifactService,
  type FakeArtifactService
} from '../../test/fakes/artifact-service.mjs'
import { setEnv } from './helpers/env.js'
import { captureStdout, type CapturedOutput } from './helpers/workflow-commands.js'

const csv =
  'training_email,data_unit_name,label_id,iou_score,class_score\r\nann@x.io,"a,b.jpg",L1,0.93,1\r\n'
const report = JSON.stringify({ ok: true, name: 'Zoë ✓' })

let service: FakeArtifactService
let restoreEnv: () => void
let runnerDir: string
let dir: string
let files: string[]
let output: CapturedOutput
let uploadReportArtifact: typeof import('../../src/github/artifact.js').uploadReportArtifact

beforeAll(async () => {
  service = await startFakeArtifactService()
  const env = runnerEnv({ artifacts: service, repository: 'octo-org/annotations', runId: '987' })
  runnerDir = dirname(env.RUNNER_TEMP ?? '')
  restoreEnv = setEnv(env)
  ;({ uploadReportArtifact } = await import('../../src/github/artifact.js'))

  dir = await mkdtemp(join(tmpdir(), 'artifact-test-'))
  files = [join(dir, 'iou_results.csv'), join(dir, 'report.json')]
  await writeFile(files[0] ?? '', csv)
  await writeFile(files[1] ?? '', report)
})

afterAll(async () => {
  restoreEnv()
  await service.close()
  await rm(dir, { recursive: true, force: true })
  await rm(runnerDir, { recursive: true, force: true })
})

beforeEach(() => {
  output = captureStdout()
})

afterEach(() => {
  output.restore()
})

const request = (name: string, retentionDays: number | null = null) => ({
  name,
  files,
  rootDir: dir,
  retentionDays
})

describe('uploadReportArtifact', () => {
  it('uploads the files byte for byte and links the artifact like upload-artifact', async () => {
    const result = await uploadReportArtifact(request('scores-attempt-1', 5))

    const artifact = service.artifacts.get('scores-attempt-1')
    expect(artifact).toBeDefined()
    expect(result).toEqual({
      id: artifact?.id,
      url: `https://github.com/octo-org/annotations/actions/runs/987/artifacts/${artifact?.id}`
    })
    expect(artifact?.finalized).toBe(true)
    expect(artifact?.hashMatches).toBe(true)
    expect(artifact?.retentionDays).toBe(5)
    expect([...(artifact?.files.keys() ?? [])].sort()).toEqual(['iou_results.csv', 'report.json'])
    expect(artifact?.files.get('iou_results.csv')?.equals(Buffer.from(csv))).toBe(true)
    expect(artifact?.files.get('report.json')?.toString('utf8')).toBe(report)
    const blobCalls = service.requests.flatMap((r) => (r.kind === 'blob' ? [r.query.comp] : []))
    expect(blobCalls).toEqual(['block', 'blocklist'])
    expect(output.messages('warning')).toEqual([])
  })

  it('asks for no expiry when no retention is set (the repository default applies)', async () => {
    await uploadReportArtifact(request('default-retention'))
    expect(service.artifacts.get('default-retention')?.expiresAt).toBeUndefined()
  })

  it('warns about a name collision (409) and returns null', async () => {
    await uploadReportArtifact(request('taken'))
    const second = await uploadReportArtifact(request('taken'))
    expect(second).toBeNull()
    expect(output.messages('warning')).toEqual([
      expect.stringContaining("an artifact named 'taken' already exists in this workflow run")
    ])
  })

  it('skips with a warning when not running in a job (no ACTIONS_RUNTIME_TOKEN)', async () => {
    const before = service.requests.length
    const restore = setEnv({ ACTIONS_RUNTIME_TOKEN: undefined })
    try {
      expect(await uploadReportArtifact(request('local-run'))).toBeNull()
    } finally {
      restore()
    }
    expect(service.requests.length).toBe(before)
    expect(output.messages('warning')).toEqual([
      expect.stringContaining('ACTIONS_RUNTIME_TOKEN is not set')
    ])
  })

  it('skips with a warning on GitHub Enterprise Server', async () => {
    const before = service.requests.length
    const restore = setEnv({ GITHUB_SERVER_URL: 'https://github.example.com' })
    try {
      expect(await uploadReportArtifact(request('on-ghes'))).toBeNull()
    } finally {
      restore()
    }
    expect(service.requests.length).toBe(before)
    expect(output.messages('warning')).toEqual([
      expect.stringContaining('GitHub Enterprise Server (https://github.example.com)')
    ])
  })

  it('also handles the client throwing GHESNotSupportedError itself', async () => {
    const { GHESNotSupportedError } = await import('@actions/artifact')
    const client = {
      uploadArtifact: () => Promise.reject(new GHESNotSupportedError())
    }
    expect(await uploadReportArtifact(request('ghes-from-client'), { client })).toBeNull()
    expect(output.messages('warning')).toEqual([
      expect.stringContaining('does not support the artifact service')
    ])
  })

  it('turns any other failure into a warning, never a throw', async () => {
    const client = {
      uploadArtifact: () => Promise.reject(new Error('Unable to make request: ECONNRESET\nmore'))
    }
    expect(await uploadReportArtifact(request('flaky'), { client })).toBeNull()
    expect(output.messages('warning')).toEqual([
      `Could not upload the artifact 'flaky': Unable to make request: ECONNRESET. The report files are still in ${dir}.`
    ])
  })
})

describe('uploadReportArtifact against a service that refuses', () => {
  it('warns with the service message (e.g. storage quota) and returns null', async () => {
    const refusing = await startFakeArtifactService({
      faults: {
        CreateArtifact: { status: 403, code: 'permission_denied', msg: 'artifact storage disabled' }
      }
    })
    const restore = setEnv({ ACTIONS_RESULTS_URL: refusing.url })
    try {
      expect(await uploadReportArtifact(request('refused'))).toBeNull()
    } finally {
      restore()
      await refusing.close()
    }
    expect(output.messages('warning')).toEqual([
      expect.stringContaining('artifact storage disabled')
    ])
  })
})
