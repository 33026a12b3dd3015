/**
 * Resolves the action's `registration-files` input: newline-separated globs, `!` to exclude,
 * `#` for comments, as in `actions/upload-artifact`. Kept apart from the checker so that
 * `@actions/*` never reaches the pure code.
 */
import path from 'node:path'
import { create } from '@actions/glob'
import { InputError } from '../errors.js'

const INPUT = 'registration-files'

export interface ResolveOptions {
  /** Paths under this directory come back relative to it (GitHub annotates repo-relative paths). */
  relativeTo?: string
}

/**
 * Files matched by the patterns, in pattern order, each once. Every pattern must match at least
 * one file: a pattern that matches nothing is almost always a typo, and checking nothing would
 * pass silently. Patterns match files only, so a bare directory matches nothing; write `dir/*.json`.
 */
export async function resolveRegistrationGlobs(
  patterns: string,
  options: ResolveOptions = {}
): Promise<string[]> {
  const lines = patterns
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  const includes = lines.filter((line) => !line.startsWith('!'))
  const excludes = lines.filter((line) => line.startsWith('!'))
  if (includes.length === 0) {
    throw new InputError(
      `${INPUT} has no file patterns; give one per line, e.g. data/*.json`,
      INPUT
    )
  }

  const files: string[] = []
  const seen = new Set<string>()
  const unmatched: string[] = []
  for (const include of includes) {
    const globber = await create([include, ...excludes].join('\n'), {
      implicitDescendants: false,
      matchDirectories: false
    })
    const matched = (await globber.glob()).sort()
    if (matched.length === 0) unmatched.push(include)
    for (const file of matched) {
      if (seen.has(file)) continue
      seen.add(file)
      files.push(file)
    }
  }
  if (unmatched.length > 0) {
    const list = unmatched.map((p) => `"${p}"`).join(', ')
    throw new InputError(
      `${INPUT}: ${unmatched.length === 1 ? 'pattern' : 'patterns'} ${list} matched no files (patterns match files, not directories: write dir/*.json)`,
      INPUT
    )
  }
  const base = options.relativeTo ?? process.cwd()
  return files.map((file) => displayPath(file, base))
}

function displayPath(file: string, base: string): string {
  const relative = path.relative(base, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file
  return relative.split(path.sep).join('/')
}
