// ScoringPool with stand-in worker scripts: a worker that dies (at once, by throwing, or halfway)
// answers the tasks it held with `worker-lost` and why (the scorer then does them on the main
// thread), and the pool never leaves a task waiting; the workers still running go on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseConfig } from '../../src/config.js'
import { silentLogger, type Logger } from '../../src/log.js'
import { ScoringPool, type WorkerAnswer } from '../../src/scoring/worker-pool.js'
import type { WorkerSetup } from '../../src/scoring/worker-protocol.js'

let scratch: string
const pools: ScoringPool[] = []

/** A worker script in the scratch folder, as the URL ScoringPool takes. */
function script(name: string, text: string): URL {
  const file = path.join(scratch, name)
  writeFileSync(file, text)
  return pathToFileURL(file)
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'worker-pool-'))
})

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

function setup(): WorkerSetup {
  const config = parseConfig({
    'benchmark-export': 'benchmark.json',
    'training-exports': 'a.json',
    'ontology-file': 'ontology.json'
  })
  if (config.source?.kind !== 'exports') throw new Error('test config is not an exports one')
  return {
    source: config.source,
    workflowStage: config.workflowStage,
    evaluation: config.evaluation,
    requestLimit: null,
    version: 'test'
  }
}

function pool(url: URL, size: number, log: Logger = silentLogger): ScoringPool {
  const made = new ScoringPool(url, size, setup(), log)
  pools.push(made)
  return made
}

/** The answer, or a test failure (rather than a hang) if none comes within 10 s. */
async function answerOf(promise: Promise<WorkerAnswer>): Promise<WorkerAnswer> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Why the task's worker was lost; fails the test for any other answer. */
function lostReasonOf(answer: WorkerAnswer): string {
  if (answer.kind !== 'worker-lost') {
    throw new Error(`expected a lost worker, got ${JSON.stringify(answer)}`)
  }
  expect(answer.reason).not.toBe('')
  return answer.reason
}

async function untilAllStopped(made: ScoringPool): Promise<void> {
  for (let i = 0; i < 1000 && made.fewestTasks() !== Infinity; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  expect(made.fewestTasks()).toBe(Infinity)
}

/** Answers every task as evaluated-looking (a stand-in outcome), except `die`, which exits. */
const ANSWERING_WORKER = `
import { parentPort } from 'node:worker_threads'
parentPort.on('message', (message) => {
  if (message.type !== 'score') return
  if (message.id === 'die') process.exit(7)
  parentPort.postMessage({
    type: 'scored',
    task: message.task,
    outcome: { status: 'failed', failure: { projectHash: message.id, projectTitle: 'answered', message: 'stand-in' } },
    csv: new TextEncoder().encode('rows of ' + message.id + '\\n')
  })
})
`

describe('ScoringPool when a worker stops', () => {
  it('answers a task held by a worker that exits at once with the exit code', async () => {
    const made = pool(script('exit.mjs', 'process.exit(3)\n'), 1)
    expect(lostReasonOf(await answerOf(made.score('project-exit')))).toContain('exit code 3')
  })

  it('answers a task held by a worker whose script throws with the thrown error', async () => {
    const made = pool(script('throw.mjs', "throw new Error('worker failed to start')\n"), 1)
    expect(lostReasonOf(await answerOf(made.score('project-throw')))).toContain(
      'worker failed to start'
    )
  })

  it('answers a task held by a worker that ends without answering', async () => {
    // No message listener: the thread has nothing to do and exits with code 0.
    const made = pool(script('empty.mjs', '\n'), 1)
    expect(lostReasonOf(await answerOf(made.score('project-empty')))).toContain('exit code 0')
  })

  it('answers a task held by a worker script that does not exist', async () => {
    const made = pool(pathToFileURL(path.join(scratch, 'absent.mjs')), 1)
    expect(lostReasonOf(await answerOf(made.score('project-absent')))).toContain('absent.mjs')
  })

  it('answers every task of every dead worker', async () => {
    const made = pool(script('exit-many.mjs', 'process.exit(3)\n'), 3)
    const ids = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']
    const answers = await Promise.all(ids.map((id) => answerOf(made.score(id))))
    expect(answers.map((answer) => answer.kind)).toEqual(ids.map(() => 'worker-lost'))
  })

  it('answers tasks given once every worker has stopped, without waiting', async () => {
    const made = pool(script('exit-later.mjs', 'process.exit(3)\n'), 2)
    await untilAllStopped(made)
    // Sending to no worker is not an error either.
    made.setBenchmark({
      projectHash: 'b',
      title: 'b',
      rows: [],
      stageTitle: 'Complete',
      ontology: { ontologyHash: null, objects: [], classifications: [], skeletonTemplates: [] }
    })
    made.benchmarkFailed()
    expect(lostReasonOf(await answerOf(made.score('project-late')))).toBe(
      'every scoring worker has stopped'
    )
  })

  it('goes on with the workers still running when one dies', async () => {
    const made = pool(script('answering.mjs', ANSWERING_WORKER), 2)
    const first = await answerOf(made.score('before'))
    expect(first).toMatchObject({
      kind: 'scored',
      scored: { outcome: { failure: { projectHash: 'before', projectTitle: 'answered' } } }
    })
    if (first.kind !== 'scored') throw new Error('unreachable')
    expect(Buffer.from(first.scored.csvRows as Uint8Array).toString('utf8')).toBe(
      'rows of before\n'
    )

    expect(lostReasonOf(await answerOf(made.score('die')))).toContain('exit code 7')

    // The other worker answers everything from now on.
    const after = await Promise.all(['x', 'y', 'z'].map((id) => answerOf(made.score(id))))
    expect(
      after.map((answer) =>
        answer.kind === 'scored' && answer.scored.outcome.status === 'failed'
          ? [answer.scored.outcome.failure.projectHash, answer.scored.outcome.failure.projectTitle]
          : null
      )
    ).toEqual([
      ['x', 'answered'],
      ['y', 'answered'],
      ['z', 'answered']
    ])
    expect(made.fewestTasks()).toBe(0)
  })

  it('loses the tasks a dying worker held, not the ones another worker holds', async () => {
    // One worker holds `die` and `held-with-die`; the other answers `elsewhere`.
    const slow = `
import { parentPort } from 'node:worker_threads'
const held = []
parentPort.on('message', (message) => {
  if (message.type !== 'score') return
  held.push(message)
  if (message.id === 'die') setTimeout(() => process.exit(5), 50)
  if (message.id === 'elsewhere') {
    parentPort.postMessage({ type: 'scored', task: message.task, outcome: { status: 'failed', failure: { projectHash: 'elsewhere', projectTitle: 'answered', message: 'stand-in' } }, csv: null })
  }
})
`
    const made = pool(script('slow.mjs', slow), 2)
    // Least busy first: die → worker 1, elsewhere → worker 2, held-with-die → worker 1 again
    // (both hold one task by then, and the first found wins).
    const die = made.score('die')
    const elsewhere = made.score('elsewhere')
    const heldWithDie = made.score('held-with-die')
    const answers = await Promise.all([die, elsewhere, heldWithDie].map(answerOf))
    expect(lostReasonOf(answers[0] as WorkerAnswer)).toContain('exit code 5')
    expect(lostReasonOf(answers[2] as WorkerAnswer)).toContain('exit code 5')
    expect(answers[1]).toMatchObject({
      kind: 'scored',
      scored: { outcome: { failure: { projectHash: 'elsewhere', projectTitle: 'answered' } } }
    })
  })

  it('passes a worker’s log lines on', async () => {
    const logging = `
import { parentPort } from 'node:worker_threads'
parentPort.postMessage({ type: 'log', level: 'warning', message: 'careful' })
parentPort.postMessage({ type: 'log', level: 'debug', message: 'details' })
parentPort.on('message', (message) => {
  if (message.type === 'score') process.exit(0)
})
`
    const lines: string[] = []
    const log: Logger = {
      ...silentLogger,
      warning: (message) => lines.push(`warning: ${message}`),
      debug: (message) => lines.push(`debug: ${message}`)
    }
    const made = pool(script('logging.mjs', logging), 1, log)
    lostReasonOf(await answerOf(made.score('logged')))
    expect(lines).toEqual(['warning: careful', 'debug: details'])
  })
})
