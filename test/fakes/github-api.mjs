// A fake of the few GitHub REST routes a sticky PR comment needs: who am I, list (paginated),
// create, update and delete issue comments. It checks the token, records every request, and
// can behave like the workflow's GITHUB_TOKEN (GET /user is forbidden, comments are authored by
// github-actions[bot]) or like a personal access token.
import { listen, parseJsonBody, sendJson } from './http-util.mjs'
import { writeZip } from './zip-writer.mjs'

const FORBIDDEN = 'Resource not accessible by integration'
const MAX_BODY = 65_536
const EPOCH = Date.UTC(2026, 0, 1)
/** The workflow file runner-env names in GITHUB_WORKFLOW_REF. */
export const WORKFLOW_FILE = 'annotator-quality.yml'

/**
 * @typedef {import('./github-api.d.mts').FakeComment} FakeComment
 * @typedef {import('./github-api.d.mts').GitHubRequest} GitHubRequest
 */

/** @param {import('./github-api.d.mts').FakeGitHubOptions} options */
export async function startFakeGitHub(options) {
  const { owner, repo, token } = options
  const login = options.login ?? 'github-actions[bot]'
  // GITHUB_TOKEN and GitHub App tokens act as a bot and may not read GET /user.
  const actsAsApp = login.endsWith('[bot]')
  const self = { login, id: actsAsApp ? 41898282 : 1001, type: actsAsApp ? 'Bot' : 'User' }
  /** @type {FakeComment[]} */
  const comments = []
  /** @type {GitHubRequest[]} */
  const requests = []
  /** @type {{ method: string, status: number, message: string }[]} */
  const faults = []
  let nextId = 900_001
  /** @type {import('./github-api.d.mts').FakeWorkflowRun[]} */
  const workflowRuns = []
  let nextArtifactId = 7_000_001
  let tick = 0
  let baseUrl = ''

  const now = () => new Date(EPOCH + tick++ * 1000).toISOString()

  /** @param {{ issueNumber: number, body: string, login: string, type?: 'User' | 'Bot' }} seed */
  function addComment({ issueNumber, body, login: author, type = 'User' }) {
    const id = nextId++
    const at = now()
    /** @type {FakeComment} */
    const comment = {
      id,
      issue_number: issueNumber,
      body,
      user: { login: author, id: author === self.login ? self.id : 5000 + id, type },
      html_url: `https://github.com/${owner}/${repo}/pull/${issueNumber}#issuecomment-${id}`,
      created_at: at,
      updated_at: at
    }
    comments.push(comment)
    return comment
  }

  const server = await listen((request, rawBody, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    const method = request.method ?? 'GET'
    const body = parseJsonBody(rawBody)
    const query = Object.fromEntries(url.searchParams)
    const authorization = request.headers.authorization ?? ''
    const authorized = authorization === `token ${token}` || authorization === `Bearer ${token}`
    requests.push({ method, path: url.pathname, query, body, authorized })

    const error = (/** @type {number} */ status, /** @type {string} */ message) =>
      sendJson(response, status, {
        message,
        documentation_url: 'https://docs.github.com/rest',
        status: String(status)
      })

    // Signed blob URLs (where a zip download redirects) carry no token, as on GitHub.
    const blob = /^\/blob\/artifact-(\d+)\.zip$/.exec(url.pathname)
    if (blob && method === 'GET') {
      const artifact = findArtifact(Number(blob[1]))
      if (!artifact || url.searchParams.get('sig') !== 'fake')
        return error(403, 'Signature not valid')
      response.writeHead(200, { 'content-type': 'application/zip' })
      return response.end(writeZip(artifact.files))
    }

    if (!authorized) return error(401, 'Bad credentials')
    const faultIndex = faults.findIndex((fault) => fault.method === method)
    if (faultIndex !== -1) {
      const [fault] = faults.splice(faultIndex, 1)
      return error(fault?.status ?? 500, fault?.message ?? 'fault')
    }

    const actions = /^\/repos\/([^/]+)\/([^/]+)\/actions\/(.+)$/.exec(url.pathname)
    if (actions && method === 'GET') {
      if (actions[1] !== owner || actions[2] !== repo) return error(404, 'Not Found')
      // A token without `actions: read` may not see workflow runs or their artifacts.
      if (options.actionsRead === false) return error(403, FORBIDDEN)
      return actionsRoute(actions[3] ?? '', query, response, error)
    }

    if (method === 'GET' && url.pathname === '/user') {
      if (actsAsApp) return error(403, FORBIDDEN)
      return sendJson(response, 200, { login: self.login, id: self.id, type: self.type })
    }

    const route = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(?:(\d+)\/comments|comments\/(\d+))$/.exec(
      url.pathname
    )
    if (!route || route[1] !== owner || route[2] !== repo) return error(404, 'Not Found')
    const issueNumber = route[3] === undefined ? undefined : Number(route[3])
    const commentId = route[4] === undefined ? undefined : Number(route[4])

    if (issueNumber !== undefined && method === 'GET') {
      const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30))
      const page = Math.max(1, Number(query.page ?? 1) || 1)
      const onIssue = comments.filter((comment) => comment.issue_number === issueNumber)
      const lastPage = Math.max(1, Math.ceil(onIssue.length / perPage))
      const link = pageLinks(`${baseUrl}${url.pathname}`, url.searchParams, page, lastPage)
      return sendJson(
        response,
        200,
        onIssue.slice((page - 1) * perPage, page * perPage),
        link === '' ? {} : { link }
      )
    }
    if (issueNumber !== undefined && method === 'POST') {
      if (options.forbidComments) return error(403, FORBIDDEN)
      const text = bodyText(body)
      if (text === undefined) return error(422, 'Invalid request: body is required')
      if (text.length > MAX_BODY) return error(422, 'Validation Failed: body is too long')
      const comment = addComment({ issueNumber, body: text, login: self.login, type: self.type })
      return sendJson(response, 201, comment)
    }

    const index = comments.findIndex((comment) => comment.id === commentId)
    const comment = comments[index]
    if (commentId === undefined || !comment) return error(404, 'Not Found')
    if (method === 'GET') return sendJson(response, 200, comment)
    if (method === 'PATCH') {
      if (options.forbidComments) return error(403, FORBIDDEN)
      const text = bodyText(body)
      if (text === undefined) return error(422, 'Invalid request: body is required')
      if (text.length > MAX_BODY) return error(422, 'Validation Failed: body is too long')
      comment.body = text
      comment.updated_at = now()
      return sendJson(response, 200, comment)
    }
    if (method === 'DELETE') {
      if (options.forbidComments) return error(403, FORBIDDEN)
      comments.splice(index, 1)
      response.writeHead(204)
      return response.end()
    }
    return error(404, 'Not Found')
  })
  baseUrl = server.url

  /** @param {number} id */
  function findArtifact(id) {
    for (const run of workflowRuns) {
      const artifact = run.artifacts.find((candidate) => candidate.id === id)
      if (artifact) return artifact
    }
    return undefined
  }

  /**
   * GET /repos/{owner}/{repo}/actions/…: a workflow's runs (newest first, `status` filters), a
   * run's artifacts, and an artifact's zip (302 to a signed blob URL; 410 once expired), in the
   * shapes of GitHub's REST API.
   * @param {string} rest
   * @param {Record<string, string>} query
   * @param {import('node:http').ServerResponse} response
   * @param {(status: number, message: string) => void} error
   */
  function actionsRoute(rest, query, response, error) {
    const runs = /^workflows\/([^/]+)\/runs$/.exec(rest)
    if (runs) {
      const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30))
      const matching = workflowRuns
        .filter((run) => run.workflowFile === runs[1] || String(run.workflowId) === runs[1])
        .filter((run) => query.status === undefined || run.status === query.status)
        .sort((a, b) => b.id - a.id)
      return sendJson(response, 200, {
        total_count: matching.length,
        workflow_runs: matching.slice(0, perPage).map(runJson)
      })
    }
    const runArtifacts = /^runs\/(\d+)\/artifacts$/.exec(rest)
    if (runArtifacts) {
      const run = workflowRuns.find((candidate) => candidate.id === Number(runArtifacts[1]))
      if (!run) return error(404, 'Not Found')
      return sendJson(response, 200, {
        total_count: run.artifacts.length,
        artifacts: run.artifacts.map((artifact) => artifactJson(run, artifact))
      })
    }
    const zip = /^artifacts\/(\d+)\/zip$/.exec(rest)
    if (zip) {
      const artifact = findArtifact(Number(zip[1]))
      if (!artifact) return error(404, 'Not Found')
      if (artifact.expired) return error(410, 'Artifact has expired')
      response.writeHead(302, { location: `${baseUrl}/blob/artifact-${artifact.id}.zip?sig=fake` })
      return response.end()
    }
    return error(404, 'Not Found')
  }

  /** @param {import('./github-api.d.mts').FakeWorkflowRun} run */
  function runJson(run) {
    return {
      id: run.id,
      name: 'Annotator quality',
      workflow_id: run.workflowId,
      path: `.github/workflows/${run.workflowFile}`,
      run_number: run.id,
      run_attempt: 1,
      event: 'schedule',
      status: run.status,
      conclusion: run.status === 'completed' ? 'success' : null,
      created_at: new Date(EPOCH + run.id * 1000).toISOString(),
      html_url: `https://github.com/${owner}/${repo}/actions/runs/${run.id}`
    }
  }

  /**
   * @param {import('./github-api.d.mts').FakeWorkflowRun} run
   * @param {import('./github-api.d.mts').FakeRunArtifact} artifact
   */
  function artifactJson(run, artifact) {
    const size = writeZip(artifact.files).length
    return {
      id: artifact.id,
      node_id: `MDg6QXJ0aWZhY3Q${artifact.id}`,
      name: artifact.name,
      size_in_bytes: size,
      url: `${baseUrl}/repos/${owner}/${repo}/actions/artifacts/${artifact.id}`,
      archive_download_url: `${baseUrl}/repos/${owner}/${repo}/actions/artifacts/${artifact.id}/zip`,
      expired: artifact.expired,
      created_at: new Date(EPOCH + run.id * 1000).toISOString(),
      updated_at: new Date(EPOCH + run.id * 1000).toISOString(),
      expires_at: new Date(EPOCH + (run.id + 90 * 86400) * 1000).toISOString(),
      workflow_run: { id: run.id, head_branch: 'main', head_sha: '0'.repeat(40) }
    }
  }

  /** @param {{ id: number, workflowFile?: string, status?: string, artifacts?: { name: string, files: Map<string, Buffer>, expired?: boolean }[] }} seed */
  function addWorkflowRun(seed) {
    /** @type {import('./github-api.d.mts').FakeWorkflowRun} */
    const run = {
      id: seed.id,
      workflowId: 161_335,
      workflowFile: seed.workflowFile ?? WORKFLOW_FILE,
      status: seed.status ?? 'completed',
      artifacts: (seed.artifacts ?? []).map((artifact) => ({
        id: nextArtifactId++,
        name: artifact.name,
        files: artifact.files,
        expired: artifact.expired ?? false
      }))
    }
    workflowRuns.push(run)
    return run
  }

  return {
    url: baseUrl,
    owner,
    repo,
    token,
    login: self.login,
    comments,
    requests,
    addComment,
    workflowRuns,
    addWorkflowRun,
    failNext: (/** @type {string} */ method, /** @type {number} */ status, message = 'fault') =>
      void faults.push({ method: method.toUpperCase(), status, message }),
    close: server.close
  }
}

/** @param {unknown} body */
function bodyText(body) {
  const value = /** @type {{ body?: unknown } | null} */ (body)?.body
  return typeof value === 'string' ? value : undefined
}

/**
 * The RFC 8288 Link header GitHub sends on paginated lists; octokit follows rel="next".
 * @param {string} base
 * @param {URLSearchParams} params
 * @param {number} page
 * @param {number} lastPage
 */
function pageLinks(base, params, page, lastPage) {
  const at = (/** @type {number} */ target) => {
    const next = new URLSearchParams(params)
    next.set('page', String(target))
    return `<${base}?${next}>`
  }
  const links = []
  if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`)
  if (page > 1) links.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`)
  return links.join(', ')
}
