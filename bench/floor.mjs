#!/usr/bin/env node
// The floor: the same requests the action makes, signed the same way, through the same transport,
// at the same concurrency, doing nothing else with the answers (no parsing past what the next
// request needs, no evaluation, no reports):
//   - preflight's (input `preflight`, on by default): per project the project, its datasets and
//     its whole listing, and for a training project its members;
//   - scoring's: per project the project, its ontology, its listing in the stage and its
//     label-row bundles.
// Every request is sent as soon as the answers it needs are in, so the floor is the least time
// those requests can take at this concurrency, whatever order the action sends them in.
// Run by bench/run.mjs as its own process; prints one JSON line.
//   node bench/floor.mjs <domain> <key-file> <concurrency> <stage> <benchmark> <training>...
import { readFile } from 'node:fs/promises'
import { createTransport } from '../build/encord/transport.js'
import { parsePrivateKey } from '../build/encord/keys.js'
import { v1Authorization, v2SignatureHeaders } from '../build/encord/signing.js'
import { labelRowFetchQuery, labelRowMetadataQuery } from '../build/encord/v1-queries.js'

const [domain, keyFile, concurrencyText, stage, ...projects] = process.argv.slice(2)
const key = parsePrivateKey(await readFile(keyFile, 'utf8'))
const transport = createTransport({
  userAgent: 'encord-annotator-eval-bench-floor',
  concurrency: Number(concurrencyText),
  timeoutMs: 180_000,
  retry: { attempts: 4, baseDelayMs: 2000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 },
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  debug: () => {}
})

const v2 = (path, project) =>
  transport.send({
    method: 'GET',
    url: `${domain}${path}`,
    body: null,
    endpoint: path,
    project,
    headers: () => ({
      Accept: 'application/json',
      'Accept-Encoding': 'gzip',
      ...v2SignatureHeaders(key, {
        method: 'GET',
        requestTarget: path,
        body: '',
        nowMs: Date.now()
      })
    })
  })

const v1 = (project, query) =>
  transport.send({
    method: 'POST',
    url: `${domain}/public`,
    body: query.body,
    endpoint: 'v1',
    project,
    headers: () => ({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Accept-Encoding': 'gzip',
      ResourceType: 'project',
      ResourceID: project,
      Authorization: v1Authorization(key, query.body)
    })
  })

async function project(hash) {
  const info = JSON.parse((await v2(`/v2/public/projects/${hash}`, hash)).body.toString('utf8'))
  const [, listing] = await Promise.all([
    v2(`/v2/public/ontologies/${info.ontologyHash}`, hash),
    v1(hash, labelRowMetadataQuery(stage))
  ])
  const rows = JSON.parse(listing.body.toString('utf8')).response
  const hashes = rows.map((row) => row.label_hash).filter((labelHash) => labelHash !== null)
  const bundles = []
  for (let i = 0; i < hashes.length; i += 1000) bundles.push(hashes.slice(i, i + 1000))
  await Promise.all(bundles.map((uids) => v1(hash, labelRowFetchQuery(uids))))
}

async function preflight(hash, role) {
  await v2(`/v2/public/projects/${hash}`, hash)
  await Promise.all([
    v2(`/v2/public/projects/${hash}/datasets`, hash),
    v1(hash, labelRowMetadataQuery(null)),
    role === 'training' ? v2(`/v2/public/projects/${hash}/users`, hash) : null
  ])
}

const started = performance.now()
await Promise.all([
  ...projects.map((hash, i) => preflight(hash, i === 0 ? 'benchmark' : 'training')),
  ...projects.map(project)
])
const ms = performance.now() - started
transport.close()
process.stdout.write(`${JSON.stringify({ ms, ...transport.stats })}\n`)
