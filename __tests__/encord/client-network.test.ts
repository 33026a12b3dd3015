/**
 * The client over real sockets on 127.0.0.1 (no nock): routing through an HTTP proxy taken from
 * the environment, per-attempt timeouts, and a connection dropped in the middle of an answer.
 */

import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { getProxyUrl } from '@actions/http-client'
import {
  metadataRow,
  ONTOLOGY,
  ontologyDto,
  projectDto,
  TRAINING,
  v1Ok
} from '../__fixtures__/encord/responses.js'
import { makeClient } from './harness.js'

const PROXY_VARIABLES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'no_proxy',
  'NO_PROXY'
]
const savedEnvironment = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]))

function restoreEnvironment(): void {
  for (const [name, value] of savedEnvironment) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

function clearProxyEnvironment(): void {
  for (const name of PROXY_VARIABLES) delete process.env[name]
}

afterAll(restoreEnvironment)

const servers: Server[] = []
const sockets = new Set<Socket>()
afterEach(async () => {
  restoreEnvironment()
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))
  )
})

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void
): Promise<Server & { port: number }> {
  const server = createServer(handler)
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  servers.push(server)
  return Object.assign(server, { port: (server.address() as AddressInfo).port })
}

/** A CONNECT proxy that sends every tunnel, whatever host it names, to `targetPort`. */
async function tunnellingProxy(targetPort: number): Promise<{ port: number; tunnels: string[] }> {
  const tunnels: string[] = []
  const proxy = await listen((_request, response) => response.writeHead(405).end())
  proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '')
    sockets.add(client)
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  return { port: proxy.port, tunnels }
}

describe('proxy from the environment', () => {
  it('routes requests through HTTP_PROXY and decodes gzip on the way back', async () => {
    const seen: string[] = []
    const target = await listen((request, response) => {
      seen.push(`${request.method} ${request.url} host=${request.headers.host}`)
      const body = request.url?.startsWith('/v2/public/ontologies') ? ontologyDto() : projectDto()
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
      response.end(gzipSync(JSON.stringify(body)))
    })
    const proxy = await tunnellingProxy(target.port)
    clearProxyEnvironment()
    process.env['HTTP_PROXY'] = `http://127.0.0.1:${proxy.port}`
    // A name only the proxy can reach: the client must not resolve it itself.
    const domain = `http://api.encord.invalid:${target.port}`

    const { client } = makeClient({ domain })
    const project = await client.getProject(TRAINING)
    const ontology = await client.getOntology(ONTOLOGY, TRAINING)
    client.close()

    expect(project.title).toBe('Training A')
    expect(ontology.ontologyHash).toBe(ONTOLOGY)
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(new Set(proxy.tunnels)).toEqual(new Set([`api.encord.invalid:${target.port}`]))
    expect(seen).toEqual([
      `GET /v2/public/projects/${TRAINING} host=api.encord.invalid:${target.port}`,
      `GET /v2/public/ontologies/${ONTOLOGY} host=api.encord.invalid:${target.port}`
    ])
  })

  it('names the proxy (host only, never its credentials) when it cannot be reached', async () => {
    const closed = await listen(() => undefined)
    const deadPort = closed.port
    await new Promise((resolve) => closed.close(resolve))
    clearProxyEnvironment()
    process.env['HTTP_PROXY'] = `http://user:hunter2@127.0.0.1:${deadPort}`
    const { client, sleeps } = makeClient({
      domain: 'http://api.encord.invalid',
      retry: { attempts: 2 }
    })
    const error = await client.getProject(TRAINING).catch((caught: unknown) => caught)
    client.close()
    expect(error).toMatchObject({ kind: 'network' })
    const message = (error as Error).message
    expect(message).toContain(`through the proxy 127.0.0.1:${deadPort}`)
    expect(message).toContain('HTTPS_PROXY')
    expect(message).not.toContain('hunter2')
    expect(sleeps).toHaveLength(1)
  })

  it('uses HTTPS_PROXY for the https domain and honours NO_PROXY', () => {
    clearProxyEnvironment()
    process.env['HTTPS_PROXY'] = 'http://proxy.corp:3128'
    expect(getProxyUrl('https://api.encord.com/public')).toBe('http://proxy.corp:3128/')
    process.env['NO_PROXY'] = '.encord.com'
    expect(getProxyUrl('https://api.encord.com/public')).toBe('')
  })
})

describe('timeouts and dropped connections', () => {
  it('gives up on a server that never answers, after the attempts allowed', async () => {
    const target = await listen(() => undefined) // accepts, never answers
    clearProxyEnvironment()
    const { client, sleeps } = makeClient({
      domain: `http://127.0.0.1:${target.port}`,
      timeoutMs: 100,
      retry: { attempts: 2 }
    })
    const error = await client
      .listLabelRows(TRAINING, 'Complete')
      .catch((caught: unknown) => caught)
    client.close()
    expect(error).toMatchObject({
      kind: 'network',
      details: { project: TRAINING, endpoint: 'labelrowmetadata' }
    })
    expect((error as Error).message).toContain('timed out')
    expect(sleeps).toHaveLength(1)
  })

  it('times out an answer that stops half-way, then retries', async () => {
    let calls = 0
    const target = await listen((_request, response) => {
      calls += 1
      response.writeHead(200, { 'Content-Type': 'application/json' })
      if (calls === 1)
        response.write('{"status": 200, "resp') // …and nothing more
      else response.end(JSON.stringify(v1Ok([metadataRow()])))
    })
    clearProxyEnvironment()
    const { client, sleeps } = makeClient({
      domain: `http://127.0.0.1:${target.port}`,
      timeoutMs: 100
    })
    const rows = await client.listLabelRows(TRAINING, 'Complete')
    client.close()
    expect(rows).toHaveLength(1)
    expect(calls).toBe(2)
    expect(sleeps).toHaveLength(1)
  })

  it('retries a connection reset in the middle of an answer', async () => {
    let calls = 0
    const target = await listen((request, response) => {
      calls += 1
      if (calls === 1) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
        response.write('{"status": 200, "response": [')
        setTimeout(() => request.socket.destroy(), 10)
        return
      }
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify(v1Ok([metadataRow()])))
    })
    clearProxyEnvironment()
    const { client, sleeps } = makeClient({ domain: `http://127.0.0.1:${target.port}` })
    const rows = await client.listLabelRows(TRAINING, 'Complete')
    client.close()
    expect(rows).toHaveLength(1)
    expect(sleeps).toHaveLength(1)
  })
})
