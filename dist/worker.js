import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { am as makeLoader, Z as defaultClientFactory, an as sharedRequestLimit, ap as scoreTrainingProject, D as describeError } from './chunks/score-project.js';
import 'node:crypto';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'node:fs';
import 'node:path';

/**
 * A scoring worker: loads training projects with its own Encord client (its requests counted
 * against the run's shared limit) and scores them against the benchmark the main thread sends,
 * answering each task with a small `ProjectOutcome` and the project's CSV rows as bytes. Its
 * heap holds the benchmark and the projects it is working on, nothing else.
 */
async function runScoringWorker() {
    const port = parentPort;
    if (port === null)
        throw new Error('runScoringWorker must run in a worker thread');
    const setup = workerData;
    const post = (message, transfer = []) => port.postMessage(message, transfer);
    const log = workerLogger(post);
    const cancel = new AbortController();
    const benchmark = new Deferred();
    // Tasks can arrive before the benchmark; they wait for it in scoreTrainingProject. The open
    // port keeps the thread alive until the main thread terminates it.
    port.on('message', (message) => {
        switch (message.type) {
            case 'benchmark':
                benchmark.resolve(deserialize(message.labels));
                break;
            case 'benchmark-failed':
                cancel.abort();
                benchmark.reject(new BenchmarkUnavailable());
                break;
            case 'score':
                void score(message.task, message.id);
                break;
        }
    });
    const load = makeLoader({
        source: setup.source,
        workflowStage: setup.workflowStage,
        log,
        signal: cancel.signal,
        createClient: defaultClientFactory(setup.version, setup.requestLimit === null ? undefined : sharedRequestLimit(setup.requestLimit))
    });
    // Nobody may be waiting when these reject; a rejection is then reported through a task.
    benchmark.promise.catch(() => { });
    load.catch(() => { });
    async function score(task, id) {
        try {
            const scored = await scoreTrainingProject(id, await load, benchmark.promise, setup.evaluation, cancel.signal);
            const rows = scored.csvRows;
            // Encoded here, so the main thread gets bytes it can write as they are, without a copy.
            // Only a buffer encoded here is transferred: one given to us may share its memory.
            const encoded = typeof rows === 'string' ? new TextEncoder().encode(rows) : null;
            const csv = typeof rows === 'string' ? encoded : rows;
            // The audit record's arrays were made for this message alone: moved, not copied.
            const moved = auditBuffers(scored.audit);
            post({ type: 'scored', task, outcome: scored.outcome, csv, audit: scored.audit }, encoded === null ? moved : [encoded.buffer, ...moved]);
        }
        catch (error) {
            if (error instanceof BenchmarkUnavailable) {
                post({ type: 'benchmark-failed', task });
                return;
            }
            // makeLoader failed (e.g. the ontology file; the main thread fails the run on it first).
            post({
                type: 'scored',
                task,
                outcome: {
                    status: 'failed',
                    failure: { projectHash: id, projectTitle: null, message: describeError(error) }
                },
                csv: null,
                audit: null
            });
        }
    }
}
/** The buffers of a record's own typed arrays (the per-unit tallies are the evaluation's: copied). */
function auditBuffers(record) {
    if (record === null)
        return [];
    return [
        record.completed,
        record.outcome,
        record.trainingClass,
        record.similarity,
        record.attributesAgreeing,
        record.attributesCompared
    ].map((array) => array.buffer);
}
function workerLogger(post) {
    return {
        info: (message) => post({ type: 'log', level: 'info', message }),
        debug: (message) => post({ type: 'log', level: 'debug', message }),
        warning: (message) => post({ type: 'log', level: 'warning', message }),
        group: (_name, run) => run()
    };
}
class BenchmarkUnavailable extends Error {
}
class Deferred {
    resolve;
    reject;
    promise = new Promise((resolve, reject) => {
        this.resolve = resolve;
        this.reject = reject;
    });
}

/**
 * The scoring worker's entry point (dist/worker.js): the action and the CLI start a few of these
 * to load and score training projects on every core (`src/scoring/worker-pool.ts`).
 */
await runScoringWorker();
