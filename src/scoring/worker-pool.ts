/**
 * The main thread's side of the scoring workers: starts them, hands each task to the worker with
 * the fewest in hand, sends them the benchmark once it is loaded, and turns their answers back
 * into `ScoredProject`s. A worker that dies answers the tasks it held with `worker-lost` (the
 * scorer then does them on the main thread); the others go on.
 */
import { serialize } from 'node:v8'
import { Worker } from 'node:worker_threads'
import { describeError } from '../errors.js'
import type { ProjectLabels } from '../labels/model.js'
import type { Logger } from '../log.js'
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js'
import type { ScoredProject } from './score-project.js'

/**
 * A task's answer: scored; "the benchmark failed" (the main thread knows why); or the worker
 * stopped (or none is running) before the task was done, for `reason`.
 */
export type WorkerAnswer =
  | { kind: 'scored'; scored: ScoredProject }
  | { kind: 'benchmark-failed' }
  | { kind: 'worker-lost'; reason: string }

interface Pending {
  id: string
  resolve: (answer: WorkerAnswer) => void
}

interface Member {
  worker: Worker
  pending: Map<number, Pending>
  alive: boolean
}

export class ScoringPool {
  private readonly members: Member[]
  private nextTask = 0

  constructor(script: URL, size: number, setup: WorkerSetup, log: Logger) {
    this.members = Array.from({ length: size }, () => this.start(script, setup, log))
  }

  /** Sends the benchmark's label model to every worker (serialized once). */
  setBenchmark(labels: ProjectLabels): void {
    this.broadcast({ type: 'benchmark', labels: serialize(labels) })
  }

  /** Tells every worker the benchmark failed: each stops downloading and answers so. */
  benchmarkFailed(): void {
    this.broadcast({ type: 'benchmark-failed' })
  }

  score(id: string): Promise<WorkerAnswer> {
    const member = this.leastBusy()
    if (member === undefined) {
      return Promise.resolve({ kind: 'worker-lost', reason: 'every scoring worker has stopped' })
    }
    const task = this.nextTask++
    return new Promise((resolve) => {
      member.pending.set(task, { id, resolve })
      member.worker.postMessage({ type: 'score', task, id } satisfies ToWorker)
    })
  }

  /** Tasks held by the least busy worker still running (Infinity when none is). */
  fewestTasks(): number {
    return this.leastBusy()?.pending.size ?? Infinity
  }

  async close(): Promise<void> {
    await Promise.all(this.members.map((member) => member.worker.terminate()))
  }

  private start(script: URL, setup: WorkerSetup, log: Logger): Member {
    const worker = new Worker(script, { workerData: setup })
    const member: Member = { worker, pending: new Map(), alive: true }
    let failure: unknown = null
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'log':
          log[message.level](message.message)
          break
        case 'benchmark-failed':
          this.settle(member, message.task, { kind: 'benchmark-failed' })
          break
        case 'scored':
          this.settle(member, message.task, {
            kind: 'scored',
            scored: { outcome: message.outcome, csvRows: message.csv, audit: message.audit }
          })
          break
      }
    })
    worker.on('error', (error) => {
      failure ??= error
    })
    worker.on('exit', (code) => {
      member.alive = false
      const reason = failure ?? new Error(`a scoring worker stopped (exit code ${code})`)
      for (const task of member.pending.keys())
        this.settle(member, task, { kind: 'worker-lost', reason: describeError(reason) })
    })
    return member
  }

  private settle(member: Member, task: number, answer: WorkerAnswer): void {
    const pending = member.pending.get(task)
    if (pending === undefined) return
    member.pending.delete(task)
    pending.resolve(answer)
  }

  private leastBusy(): Member | undefined {
    let best: Member | undefined
    for (const member of this.members) {
      if (!member.alive) continue
      if (best === undefined || member.pending.size < best.pending.size) best = member
    }
    return best
  }

  private broadcast(message: ToWorker): void {
    for (const member of this.members) if (member.alive) member.worker.postMessage(message)
  }
}
