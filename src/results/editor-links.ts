/**
 * Links into Encord's label editor: one place decides which app a run links to and how an
 * editor URL is spelled (docs/editor-links.md says where the form comes from and what is not
 * confirmed).
 *
 * - `encord-app-url`, when given, is the app's origin (a private deployment, or an offline run).
 * - Otherwise the app is derived from `encord-domain` for the two public platforms only:
 *   `https://api.encord.com` → `https://app.encord.com`, `https://api.us.encord.com` →
 *   `https://app.us.encord.com`. Any other API origin (a private deployment, a local fake) gives
 *   no links: a guessed host would be a link that opens nothing, or someone else's site.
 * - Offline (no API domain) there are no links unless `encord-app-url` is given.
 *
 * A link also needs both projects' hashes. Online they are the hashes the run was given. Offline
 * a project's hash is read from its export file's name: the first UUID in the base name (e.g.
 * `alice-5b0c8e8a-1f7e-4f0e-9d3a-6f0c2b9d1e47.json`); a file named without one gives no links.
 */

/** Public API origin → its app origin. Anything else gets no derived app. */
const PUBLIC_APPS: Readonly<Record<string, string>> = {
  'https://api.encord.com': 'https://app.encord.com',
  'https://api.us.encord.com': 'https://app.us.encord.com'
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

/**
 * The app origin links point at, or null for no links. `appUrl` is the checked `encord-app-url`
 * (an origin, see config); `apiDomain` the checked `encord-domain`, null offline.
 */
export function editorOrigin(apiDomain: string | null, appUrl: string | null): string | null {
  if (appUrl !== null) return appUrl
  if (apiDomain === null) return null
  return PUBLIC_APPS[apiDomain] ?? null
}

/**
 * The label editor at one frame of one data unit in one project:
 * `{origin}/label_editor/{projectHash}/{dataHash}/{frame}`. Frames count from 0; an image is
 * frame 0. The hashes are percent-encoded, so an odd one cannot leave its path segment.
 */
export function labelEditorUrl(
  origin: string,
  projectHash: string,
  dataHash: string,
  frame: number
): string {
  return `${origin}/label_editor/${segment(projectHash)}/${segment(dataHash)}/${Math.max(0, Math.trunc(frame))}`
}

/**
 * Percent-encoded as RFC 3986 reserves, `!'()*` included (`encodeURIComponent` leaves them): an
 * offline data hash is whatever the export file says, and a `)` would end a markdown link.
 */
function segment(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/**
 * A project's hash for links: the first UUID in its id (an Encord hash online, an export file's
 * base name offline), lower-cased; null when there is none.
 */
export function projectHashForLinks(id: string): string | null {
  const base = id.split(/[\\/]/).pop() ?? id
  return UUID_IN_TEXT.exec(base)?.[0].toLowerCase() ?? null
}

/** Where a run's links point: the app, and the benchmark and training projects' hashes. */
export interface EditorLinkBase {
  origin: string
  benchmarkProject: string
  trainingProject: string
}

/**
 * The base for one training project's links, or null when it gets none (no app origin, or a
 * project whose hash is not known).
 */
export function editorLinkBase(
  origin: string | null,
  benchmarkId: string,
  trainingId: string
): EditorLinkBase | null {
  if (origin === null) return null
  const benchmarkProject = projectHashForLinks(benchmarkId)
  const trainingProject = projectHashForLinks(trainingId)
  if (benchmarkProject === null || trainingProject === null) return null
  return { origin, benchmarkProject, trainingProject }
}

export interface ItemLinks {
  /** The annotator's task: the frame in the training project. */
  trainingUrl: string | null
  /** The same frame in the benchmark project (the expert's labels). */
  benchmarkUrl: string | null
}

export const NO_LINKS: ItemLinks = { trainingUrl: null, benchmarkUrl: null }

/** Both links for one frame of one data unit (the same data hash in both projects). */
export function itemLinks(base: EditorLinkBase | null, dataHash: string, frame: number): ItemLinks {
  if (base === null) return NO_LINKS
  return {
    trainingUrl: labelEditorUrl(base.origin, base.trainingProject, dataHash, frame),
    benchmarkUrl: labelEditorUrl(base.origin, base.benchmarkProject, dataHash, frame)
  }
}
