// Types for github-api.mjs, for the TypeScript tests.

export interface FakeGitHubOptions {
  owner: string
  repo: string
  /** The only token accepted (as `token <t>` or `Bearer <t>`); anything else gets 401. */
  token: string
  /**
   * Who the token is. A login ending in `[bot]` (the default, `github-actions[bot]`) behaves like
   * the workflow's GITHUB_TOKEN: `GET /user` answers 403 and comments are authored by a `Bot`.
   * Any other login behaves like a personal access token: `GET /user` answers 200.
   */
  login?: string
  /** Answer 403 "Resource not accessible by integration" to every write, as for a fork PR. */
  forbidComments?: boolean
  /**
   * Whether the token has `actions: read` (default true): without it, workflow runs, their
   * artifacts and artifact downloads answer 403 "Resource not accessible by integration".
   */
  actionsRead?: boolean
}

/** The workflow file runner-env names in GITHUB_WORKFLOW_REF. */
export declare const WORKFLOW_FILE: string

export interface FakeRunArtifact {
  id: number
  name: string
  /** What the zip holds, path → bytes. */
  files: Map<string, Buffer>
  /** An expired artifact is still listed (expired: true), and its download answers 410. */
  expired: boolean
}

export interface FakeWorkflowRun {
  id: number
  workflowId: number
  workflowFile: string
  status: string
  artifacts: FakeRunArtifact[]
}

export interface FakeComment {
  id: number
  issue_number: number
  body: string
  user: { login: string; id: number; type: 'User' | 'Bot' | string }
  html_url: string
  created_at: string
  updated_at: string
}

export interface GitHubRequest {
  method: string
  path: string
  query: Record<string, string>
  /** Parsed JSON body, or null when empty. */
  body: unknown
  /** Whether the Authorization header carried the configured token. */
  authorized: boolean
}

export interface FakeGitHub {
  url: string
  owner: string
  repo: string
  token: string
  login: string
  /** Live list of comments on every issue, oldest first; tests may read and seed it. */
  comments: FakeComment[]
  requests: GitHubRequest[]
  /** Seeds a comment by anyone, e.g. another user's comment carrying our marker. */
  addComment(seed: {
    issueNumber: number
    body: string
    login: string
    type?: 'User' | 'Bot'
  }): FakeComment
  /** Earlier runs of workflows, served by the actions routes; tests may read and seed them. */
  workflowRuns: FakeWorkflowRun[]
  addWorkflowRun(seed: {
    id: number
    workflowFile?: string
    status?: string
    artifacts?: { name: string; files: Map<string, Buffer>; expired?: boolean }[]
  }): FakeWorkflowRun
  /** Makes the next request with this HTTP method fail with `status` and `message`. */
  failNext(method: string, status: number, message?: string): void
  close(): Promise<void>
}

export function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub>
