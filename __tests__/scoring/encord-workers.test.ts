// The sample scored online (fake Encord) on real scoring workers: each worker gets the key (as
// checked text, in the source it is given as workerData; it makes its own signer) and the run's
// shared request limit, so the server, seen through a counting proxy, never has more than
// `concurrency` requests in flight from all threads together. The results and CSV are those of the in-thread run.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import * as os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { RunResult } from '../../src/results/run-result.js'
import type { Logger } from '../../src/log.js'
import type { Scenario } from '../../tools/fake-encord/scenario.mjs'
import { startFakeEncord, type FakeEncord } from '../../tools/fake-encord/server.mjs'
import { bundleFile } from '../../test/bundle.js'

// Three cores, whatever this machine has: two workers for the sample's three training projects.
jest.unstable_mockModule('node:os', () => ({ ...os, default: os, availableParallelism: () => 3 }))
const { evaluateRun } = await import('../../src/pipeline.js')
const { parseConfig } = await import('../../src/config.js')
const { silentLogger } = await import('../../src/log.js')

/** The scoring worker of the bundle project's fresh build (never a possibly stale dist/). */
const WORKER_SCRIPT = pathToFileURL(bundleFile('worker.js'))
const SAMPLE = fileURLToPath(new URL('../../samples/demo/', import.meta.url))
const read = (name: string) => readFileSync(path.join(SAMPLE, name), 'utf8')
const projects = JSON.parse(read('projects.json')) as {
  benchmarkProject: string
  trainingProjects: string[]
  workflowStage: string
}
const TOOL = { name: 'encord-annotator-eval', version: 'test' }

/** Forwards to the fake, counting the requests it has received and not yet fully answered. */
interface CountingProxy {
  url: string
  inFlight: number
  maxInFlight: number
  requests: number
  reset(): void
  close(): Promise<void>
}

async function countingProxy(target: FakeEncord): Promise<CountingProxy> {
  const proxy: CountingProxy = {
    url: '',
    inFlight: 0,
    maxInFlight: 0,
    requests: 0,
    reset() {
      proxy.maxInFlight = proxy.inFlight
      proxy.requests = 0
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
  const server: Server = createServer((req, res) => {
    proxy.inFlight += 1
    proxy.requests += 1
    proxy.maxInFlight = Math.max(proxy.maxInFlight, proxy.inFlight)
    let counted = true
    // Counted out once the answer has been handed on whole (before the client has read it all).
    const done = () => {
      if (counted) proxy.inFlight -= 1
      counted = false
    }
    res.on('finish', done)
    res.on('close', done)
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', (error) => res.destroy(error))
    req.pipe(upstream)
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('proxy has no port')
  proxy.url = `http://127.0.0.1:${address.port}`
  return proxy
}

let fake: FakeEncord
let proxy: CountingProxy

beforeAll(async () => {
  // Latency keeps each request in flight long enough for overlapping ones to show.
  fake = await startFakeEncord({
    scenario: JSON.parse(read('scenario.json')) as Scenario,
    latencyMs: 25
  })
  proxy = await countingProxy(fake)
})

afterAll(async () => {
  await proxy.close()
  await fake.close()
})

interface Run {
  result: RunResult
  csv: string
  fromWorkers: number
  maxInFlight: number
  requests: number
  /** Request attempts the clients logged, on whichever thread. */
  loggedAttempts: number
}

async function run(concurrency: number, workers: boolean): Promise<Run> {
  const config = parseConfig({
    'ssh-private-key': read('demo-key'),
    'encord-domain': proxy.url,
    'benchmark-project': projects.benchmarkProject,
    'training-projects': projects.trainingProjects.join('\n'),
    'workflow-stage': projects.workflowStage,
    concurrency: String(concurrency)
  })
  if (config.source === null) throw new Error('test config has no source')
  let csv = ''
  let fromWorkers = 0
  let loggedAttempts = 0
  const log: Logger = {
    ...silentLogger,
    debug: (message) => {
      if (/^Encord .* attempt \d+\/\d+: HTTP \d+/.test(message)) loggedAttempts += 1
    }
  }
  proxy.reset()
  const result = await evaluateRun(config as Parameters<typeof evaluateRun>[0], {
    log,
    tool: TOOL,
    csvRows: (rows) => {
      if (typeof rows !== 'string') fromWorkers += 1
      csv += typeof rows === 'string' ? rows : Buffer.from(rows).toString('utf8')
    },
    ...(workers ? { workerScript: WORKER_SCRIPT } : {})
  })
  return {
    result,
    csv,
    fromWorkers,
    maxInFlight: proxy.maxInFlight,
    requests: proxy.requests,
    loggedAttempts
  }
}

describe('the online sample on scoring workers', () => {
  let inThread: Run
  let oneRequest: Run
  let twoRequests: Run

  beforeAll(async () => {
    inThread = await run(2, false)
    oneRequest = await run(1, true)
    twoRequests = await run(2, true)
  }, 120_000)

  it('scored part of the sample on the workers, with the key handed to them', () => {
    expect(inThread.fromWorkers).toBe(0)
    for (const onWorkers of [oneRequest, twoRequests]) {
      expect(onWorkers.fromWorkers).toBeGreaterThan(0)
      expect(onWorkers.result.projects.map((outcome) => outcome.status)).toEqual([
        'evaluated',
        'evaluated',
        'evaluated'
      ])
    }
  })

  it('gives the results and CSV of the in-thread run', () => {
    expect(inThread.csv.length).toBeGreaterThan(1000)
    for (const onWorkers of [oneRequest, twoRequests]) {
      expect(onWorkers.result).toStrictEqual(inThread.result)
      expect(onWorkers.csv).toBe(inThread.csv)
    }
  })

  it('keeps to the concurrency across every thread', () => {
    expect(oneRequest.maxInFlight).toBe(1)
    expect(twoRequests.maxInFlight).toBeLessThanOrEqual(2)
    expect(inThread.maxInFlight).toBeLessThanOrEqual(2)
  })

  it('sends the same requests, and passes the workers’ debug lines on', () => {
    expect(oneRequest.requests).toBe(inThread.requests)
    expect(twoRequests.requests).toBe(inThread.requests)
    for (const each of [inThread, oneRequest, twoRequests]) {
      expect(each.loggedAttempts).toBe(each.requests)
    }
  })
})
