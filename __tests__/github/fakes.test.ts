/** The fakes are test code too; these pin the parts other tests rely on without saying so. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  makeRuntimeToken,
  parseGithubOutput,
  runnerEnv
} from '../../test/fakes/artifact-service.mjs'
import { crc32 } from '../../test/fakes/zip-reader.mjs'

describe('test fakes', () => {
  it('makeRuntimeToken carries the Results scope the artifact client parses', () => {
    const [, payload = ''] = makeRuntimeToken('run-1', 'job-2').split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp: string }
    expect(claims.scp.split(' ')).toContain('Actions.Results:run-1:job-2')
  })

  it('runnerEnv writes the event and points at the fakes, never at a GHES host', () => {
    const env = runnerEnv({
      github: { url: 'http://127.0.0.1:1', owner: 'o', repo: 'r' },
      artifacts: { url: 'http://127.0.0.1:2' }
    })
    try {
      expect(env).toMatchObject({
        GITHUB_API_URL: 'http://127.0.0.1:1',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:2/',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_EVENT_NAME: 'pull_request'
      })
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as {
        pull_request: { number: number }
      }
      expect(event.pull_request.number).toBe(1)
      expect(readFileSync(env.GITHUB_STEP_SUMMARY ?? '', 'utf8')).toBe('')
    } finally {
      rmSync(dirname(env.RUNNER_TEMP ?? ''), { recursive: true, force: true })
    }
  })

  it('parseGithubOutput reads heredoc and name=value records', () => {
    const text = 'a<<ghadelimiter_1\nline 1\nline 2\nghadelimiter_1\nb=x=y\nc<<EOF\n\nEOF\n'
    expect(parseGithubOutput(text)).toEqual({ a: 'line 1\nline 2', b: 'x=y', c: '' })
  })

  it('crc32 matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })
})
