import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The label model, the evaluation, the results and the reports are pure: no I/O, no clock, no
 * randomness, no GitHub. That keeps them deterministic and testable with plain data. This scans
 * their source text, and the source of every module they load, however indirectly.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PURE_DIRECTORIES = ['src/evaluate', 'src/labels', 'src/results', 'src/report']

/**
 * Layers a pure module must not load even when the file it loads looks harmless: the config
 * parses the private key, and the others talk to Encord, GitHub, the disk or the process.
 */
const IMPURE_LAYERS = [
  'src/config.ts',
  'src/main.ts',
  'src/cli.ts',
  'src/pipeline.ts',
  'src/index.ts',
  'src/worker.ts',
  'src/cli/',
  'src/encord/',
  'src/github/',
  'src/scoring/',
  'src/sources/',
  'src/setup/'
]

const FORBIDDEN_MODULES = [
  /^@actions\//,
  /^(node:)?fs(\/promises)?$/,
  /^(node:)?https?$/,
  /^(node:)?http2$/,
  /^(node:)?net$/,
  /^(node:)?child_process$/,
  /^undici$/
]

const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bprocess\s*\./, 'process.'],
  [/(^|[^\w.])fetch\s*\(/, 'fetch('],
  [/\bDate\s*\.\s*now\b/, 'Date.now'],
  [/\bnew\s+Date\s*\(/, 'new Date('],
  [/\bMath\s*\.\s*random\b/, 'Math.random']
]

/** Module specifiers of static imports, re-exports, dynamic imports and requires. */
function importedModules(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g
  ]
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] ?? ''))
}

/**
 * Module specifiers a source text loads at run time: its imports and re-exports less those that
 * bring in types only (`import type`, `export type`, or every name marked `type`), which the
 * compiler erases.
 */
function loadedModules(source: string): string[] {
  const loaded: string[] = []
  const statement = /\b(import|export)\s+(type\s+)?([^'"`;]*?)\s*\bfrom\s*['"]([^'"]+)['"]/g
  for (const [, , typeOnly, clause = '', specifier = ''] of source.matchAll(statement)) {
    if (typeOnly !== undefined) continue
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]
    const allTypes =
      names !== undefined &&
      names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '')
        .every((name) => name.startsWith('type '))
    if (!allTypes) loaded.push(specifier)
  }
  for (const [, specifier = ''] of source.matchAll(/\bimport\s*['"]([^'"]+)['"]/g))
    loaded.push(specifier)
  for (const [, specifier = ''] of source.matchAll(/\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g))
    loaded.push(specifier)
  return loaded
}

/** `file` and every source file it loads, directly or not, as paths relative to the root. */
function loadedFiles(file: string): string[] {
  const seen = new Set<string>()
  const pending = [file]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue
    seen.add(next)
    for (const specifier of loadedModules(readFileSync(join(ROOT, next), 'utf8'))) {
      if (!specifier.startsWith('.')) continue
      pending.push(relative(ROOT, join(ROOT, dirname(next), specifier.replace(/\.js$/, '.ts'))))
    }
  }
  return [...seen]
}

/** Everything impure a source text uses, as short descriptions. */
function impurities(source: string): string[] {
  const found = importedModules(source)
    .filter((name) => FORBIDDEN_MODULES.some((pattern) => pattern.test(name)))
    .map((name) => `imports ${name}`)
  for (const [pattern, label] of FORBIDDEN_CODE)
    if (pattern.test(source)) found.push(`uses ${label}`)
  return found
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : []
  })
}

describe('the impurity scanner', () => {
  it.each([
    ["import * as core from '@actions/core'", 'imports @actions/core'],
    ["import { readFileSync } from 'node:fs'", 'imports node:fs'],
    ["import fs from 'fs'", 'imports fs'],
    ["import { readFile } from 'fs/promises'", 'imports fs/promises'],
    ["import https from 'node:https'", 'imports node:https'],
    ["import {\n  request\n} from 'http'", 'imports http'],
    ["import { connect } from 'node:net'", 'imports node:net'],
    ["import { exec } from 'node:child_process'", 'imports node:child_process'],
    ["export { fetch } from 'undici'", 'imports undici'],
    ["const fs = await import('node:fs')", 'imports node:fs'],
    ["const cp = require('child_process')", 'imports child_process'],
    ['const token = process.env.TOKEN', 'uses process.'],
    ["const r = await fetch('https://x')", 'uses fetch('],
    ['const t = Date.now()', 'uses Date.now'],
    ['const t = new Date()', 'uses new Date('],
    ['const r = Math.random()', 'uses Math.random']
  ])('flags %j', (sample, expected) => {
    expect(impurities(sample)).toContain(expected)
  })

  it('passes pure code, including look-alikes', () => {
    const pure = [
      "import munkres from 'munkres'",
      "import type { Geometry } from '../labels/model.js'",
      "import { fsm } from './fsm.js'",
      'const processed = rows.map(processRow)',
      'const dated = toDate(x); prefetch(y); cache.fetch(z)'
    ].join('\n')
    expect(impurities(pure)).toEqual([])
  })
})

describe('the load scanner', () => {
  it('follows imports and re-exports that load code', () => {
    const source = [
      "import { a } from './a.js'",
      "import b, { type B } from './b.js'",
      "import * as c from './c.js'",
      "import {\n  type D,\n  d\n} from './d.js'",
      "export { e } from './e.js'",
      "export * from './f.js'",
      "import './g.js'",
      "const h = await import('./h.js')"
    ].join('\n')
    expect(loadedModules(source).sort()).toEqual(
      ['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js', './g.js', './h.js'].sort()
    )
  })

  it('skips what brings in types only', () => {
    const source = [
      "import type { A } from './a.js'",
      "import { type B, type C } from './b.js'",
      "import {\n  type D\n} from './d.js'",
      "export type { E } from './e.js'"
    ].join('\n')
    expect(loadedModules(source)).toEqual([])
  })
})

describe('pure layers', () => {
  const files = PURE_DIRECTORIES.flatMap((directory) =>
    sourceFiles(join(ROOT, directory)).map((file) => relative(ROOT, file))
  )
  const loaded = [...new Set(files.flatMap(loadedFiles))].sort()

  it('has files to check in every pure layer', () => {
    for (const directory of PURE_DIRECTORIES)
      expect(files.filter((file) => file.startsWith(`${directory}/`)).length).toBeGreaterThan(3)
  })

  it('use no I/O, clock, randomness or @actions/*, nor load code that does', () => {
    const offences = loaded.flatMap((file) =>
      impurities(readFileSync(join(ROOT, file), 'utf8')).map((what) => `${file} ${what}`)
    )
    expect(offences).toEqual([])
  })

  it('load nothing from the config, the sources or the sinks', () => {
    const offences = loaded.filter((file) =>
      IMPURE_LAYERS.some((layer) => (layer.endsWith('/') ? file.startsWith(layer) : file === layer))
    )
    expect(offences).toEqual([])
  })

  it('never load the reports from the results', () => {
    const results = files.filter((file) => file.startsWith('src/results/'))
    const offences = results.flatMap((file) =>
      loadedFiles(file)
        .filter((loadedFile) => loadedFile.startsWith('src/report/'))
        .map((loadedFile) => `${file} loads ${loadedFile}`)
    )
    expect(offences).toEqual([])
  })
})
