// A fresh build of the working tree in a temporary copy, and a comparison of two dist/ folders.
// The copy is how this stays independent of rollup.config.mjs: whatever the config builds into
// dist/ (separate bundles, shared chunks, a licence file) lands in <copy>/dist, and the repo's own
// dist/ is never touched, so other processes reading it are not disturbed and a stale committed
// dist/ can still be caught. Used by tools/check-dist.mjs and the jest `bundle` project.
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Top-level entries not copied: outputs, caches and what is linked rather than copied. */
const NOT_COPIED = new Set([
  '.git',
  'node_modules',
  'dist',
  'build',
  'coverage',
  'tmp',
  'encord-annotator-eval'
])

/**
 * Copies the working tree (sources, config, tools, samples; not dist/) into a temporary folder,
 * links node_modules, and runs `rollup --config` there.
 * @returns {Promise<{ root: string, dist: string, remove(): Promise<void> }>}
 */
export async function buildFresh() {
  const root = await mkdtemp(path.join(tmpdir(), 'encord-annotator-eval-build-'))
  const remove = () => rm(root, { recursive: true, force: true })
  try {
    await cp(REPO_ROOT, root, {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(path.relative(REPO_ROOT, source).split(path.sep)[0])
    })
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir')
    const rollup = path.join(REPO_ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup')
    await promisify(execFile)(process.execPath, [rollup, '--config', 'rollup.config.mjs'], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024
    }).catch((error) => {
      const said = `${error.stderr ?? ''}`.trim().split('\n').slice(0, 12).join('\n')
      throw new Error(`the build (rollup --config rollup.config.mjs) failed:\n${said}`)
    })
    return { root, dist: path.join(root, 'dist'), remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/** Every file under dir, as paths relative to it with forward slashes; none if dir is missing. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).replace(/\\/g, '/')
    )
    .sort()
}

/**
 * How the committed dist/ differs from a fresh one, both ways: files that differ, files the build
 * makes that dist/ lacks, and files in dist/ the build no longer makes.
 * @returns {Promise<{ differ: string[], missing: string[], extra: string[] }>}
 */
export async function compareDist(committedDir, freshDir) {
  const committed = await filesUnder(committedDir)
  const fresh = await filesUnder(freshDir)
  const inCommitted = new Set(committed)
  const inFresh = new Set(fresh)
  const differ = []
  for (const file of fresh.filter((name) => inCommitted.has(name))) {
    const [a, b] = await Promise.all([
      readFile(path.join(committedDir, file)),
      readFile(path.join(freshDir, file))
    ])
    if (!a.equals(b)) differ.push(file)
  }
  return {
    differ,
    missing: fresh.filter((name) => !inCommitted.has(name)),
    extra: committed.filter((name) => !inFresh.has(name))
  }
}

/** One line saying what is stale and what to run, or null when the two match. */
export function describeStale({ differ, missing, extra }) {
  const list = (files) => files.map((file) => `dist/${file}`).join(', ')
  const parts = [
    ...(differ.length > 0 ? [`changed: ${list(differ)}`] : []),
    ...(missing.length > 0 ? [`not in dist/: ${list(missing)}`] : []),
    ...(extra.length > 0 ? [`no longer built: ${list(extra)}`] : [])
  ]
  if (parts.length === 0) return null
  return `dist/ is stale against a fresh build of src/ (${parts.join('; ')}). Run \`npm run build\` and commit dist/.`
}
