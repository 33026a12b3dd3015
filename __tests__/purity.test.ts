import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The label model and the evaluation are pure: no I/O, no clock, no randomness, no GitHub. That
 * keeps them deterministic and testable with plain data. This scans their source text.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PURE_DIRECTORIES = ['src/evaluate', 'src/labels']

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

describe('pure layers', () => {
  const files = PURE_DIRECTORIES.flatMap((directory) => sourceFiles(join(ROOT, directory)))

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(3)
  })

  it('use no I/O, clock, randomness or @actions/*', () => {
    const offences = files.flatMap((file) =>
      impurities(readFileSync(file, 'utf8')).map((what) => `${relative(ROOT, file)} ${what}`)
    )
    expect(offences).toEqual([])
  })
})
