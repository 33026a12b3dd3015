// action.yml, the input and output lists in code, the CLI flags, the version and the README must
// agree, so an input cannot be half-added.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { GITHUB_ONLY, VALUE_FLAGS } from '../src/cli/args.js'
import { INPUT_DEFAULTS, INPUT_NAMES, OUTPUT_NAMES } from '../src/inputs.js'
import { TOOL } from '../src/version.js'
import { readActionYml } from './config/action-yml.js'

const action = readActionYml()
const packageJson = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as {
  name: string
  version: string
}
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

describe('action.yml', () => {
  it('declares exactly INPUT_NAMES, in the same order', () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES])
  })

  it('declares exactly OUTPUT_NAMES, in the same order', () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES])
  })

  it('describes every input and output', () => {
    const undescribed = [
      ...Object.entries(action.inputs).filter(([, input]) => !input.description?.trim()),
      ...Object.entries(action.outputs).filter(([, output]) => !output.description?.trim())
    ].map(([name]) => name)
    expect(undescribed).toEqual([])
  })

  it('names inputs and outputs in kebab-case', () => {
    const names = [...INPUT_NAMES, ...OUTPUT_NAMES]
    expect(names.filter((name) => !KEBAB.test(name))).toEqual([])
  })

  it('declares the same defaults as INPUT_DEFAULTS (github-token aside: the runner fills it)', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([, input]) => input.default !== undefined)
        .map(([name, input]) => [name, input.default])
    )
    expect(declared).toEqual({ ...INPUT_DEFAULTS, 'github-token': '${{ github.token }}' })
  })

  it('runs on node24 from dist/index.js', () => {
    expect(action.raw.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('has a name, description and branding', () => {
    expect(typeof action.raw.name).toBe('string')
    expect(typeof action.raw.description).toBe('string')
    const branding = action.raw.branding as Record<string, string> | undefined
    expect(branding?.icon).toMatch(/\S/)
    expect(branding?.color).toMatch(/\S/)
  })
})

describe('version', () => {
  it('src/version.ts matches package.json', () => {
    expect(TOOL).toEqual({ name: packageJson.name, version: packageJson.version })
  })
})

describe('CLI flags', () => {
  it('every input is a CLI flag target or marked GitHub-only, never both', () => {
    const targets = new Set<string>(Object.values(VALUE_FLAGS))
    const neither = INPUT_NAMES.filter((name) => !targets.has(name) && !GITHUB_ONLY.has(name))
    const both = INPUT_NAMES.filter((name) => targets.has(name) && GITHUB_ONLY.has(name))
    expect(neither).toEqual([])
    expect(both).toEqual([])
  })

  it('every input that is a flag target has a flag of its own name', () => {
    const targets = new Set<string>(Object.values(VALUE_FLAGS))
    const inputsWithFlags = INPUT_NAMES.filter((name) => targets.has(name))
    expect(inputsWithFlags.filter((name) => VALUE_FLAGS[name] !== name)).toEqual([])
  })

  it('flags point only at real inputs (or the key file)', () => {
    const known = new Set<string>([...INPUT_NAMES, 'ssh-private-key-file'])
    expect(Object.values(VALUE_FLAGS).filter((target) => !known.has(target))).toEqual([])
    expect([...GITHUB_ONLY].filter((name) => !known.has(name))).toEqual([])
  })
})

describe('README.md', () => {
  const readme = readFileSync(path.resolve('README.md'), 'utf8')
  /** The body of the `## title` section, up to the next `## ` heading. */
  const section = (title: string): string => {
    const start = readme.indexOf(`\n## ${title}\n`)
    if (start === -1) return ''
    const end = readme.indexOf('\n## ', start + 1)
    return readme.slice(start, end === -1 ? undefined : end)
  }
  /** Table rows `| \`name\` | …` of a section, by name. */
  const tableRows = (title: string): Map<string, string[]> => {
    const rows = new Map<string, string[]>()
    for (const line of section(title).split('\n')) {
      const cells = line.split('|').map((cell) => cell.trim())
      const name = /^`([a-z0-9-]+)`$/.exec(cells[1] ?? '')?.[1]
      if (line.startsWith('|') && name !== undefined) rows.set(name, cells.slice(2, -1))
    }
    return rows
  }

  it('lists every input in the Inputs table, and nothing else', () => {
    expect([...tableRows('Inputs').keys()]).toEqual([...INPUT_NAMES])
  })

  it('lists every output in the Outputs table, and nothing else', () => {
    expect([...tableRows('Outputs').keys()]).toEqual([...OUTPUT_NAMES])
  })

  it('gives the same defaults as action.yml', () => {
    const rows = tableRows('Inputs')
    const wrong = Object.entries(action.inputs)
      .filter(([, input]) => input.default !== undefined)
      .filter(([name, input]) => rows.get(name)?.[1] !== `\`${input.default}\``)
      .map(([name]) => name)
    expect(wrong).toEqual([])
  })
})
