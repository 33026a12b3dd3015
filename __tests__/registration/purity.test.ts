import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'

/**
 * The checker is pure (text in, diagnostics out) so the CLI, the action and tests share it. Only
 * run.ts reads files, only globs.ts touches @actions/*, and cli-command.ts reaches files through
 * run.ts. This scans the source text of every other module.
 */
const DIRECTORY = path.join(import.meta.dirname, '..', '..', 'src', 'registration')
const EDGES = new Set(['run.ts', 'globs.ts', 'cli-command.ts'])
const sources = readdirSync(DIRECTORY).filter((name) => name.endsWith('.ts'))
const read = (name: string): string => readFileSync(path.join(DIRECTORY, name), 'utf8')
const imports = (source: string): string[] =>
  [...source.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '')

describe('src/registration purity', () => {
  it.each(sources.filter((name) => !EDGES.has(name)))('%s does no I/O', (name) => {
    const source = read(name)
    const impure = imports(source).filter((m) =>
      /^(@actions\/|(node:)?(fs|http|https|net|child_process))/.test(m)
    )
    expect({ impure, usesProcess: /\bprocess\s*\./.test(source) }).toEqual({
      impure: [],
      usesProcess: false
    })
  })

  it('keeps @actions/* in globs.ts alone', () => {
    const users = sources.filter((name) =>
      imports(read(name)).some((m) => m.startsWith('@actions/'))
    )
    expect(users).toEqual(['globs.ts'])
  })
})
