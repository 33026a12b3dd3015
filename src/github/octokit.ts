/**
 * Builds the GitHub client. Kept apart so the comment code takes a client as a parameter and
 * tests can hand it one pointed at a fake server: nock cannot intercept this client, because
 * @actions/github sends requests with its own undici `fetch`.
 */
import * as github from '@actions/github'

export type GitHubClient = ReturnType<typeof github.getOctokit>

/**
 * `baseUrl` defaults to GITHUB_API_URL as read when @actions/github was first imported (so
 * GHES works), with the runner's proxy settings. Pass it only to point at another server.
 */
export function createGitHubClient(
  token: string,
  options: { baseUrl?: string } = {}
): GitHubClient {
  // Passing `baseUrl: undefined` would override the default with undefined.
  return options.baseUrl === undefined
    ? github.getOctokit(token)
    : github.getOctokit(token, { baseUrl: options.baseUrl })
}
