// One source of truth: the inputs table (src/inputs.ts), action.yml, the README's input and output
// tables, the CLI flags and the config parser must agree on every name, default and description,
// so an input cannot be half-added. Also the version and the action's runtime.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from '../src/cli/args.js'
import { flagDescription } from '../src/cli/program.js'
import { parseConfig } from '../src/config.js'
import {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  INPUTS,
  OUTPUT_NAMES,
  OUTPUTS,
  type InputName,
  type InputSpec,
  type RawInputs
} from '../src/inputs.js'
import { TOOL } from '../src/version.js'
import { readActionYml } from './config/action-yml.js'
import { generateKeyPair } from '../tools/fake-encord/scenario.mjs'

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

  it("gives each input the table's description and default, and requires none", () => {
    const declared = Object.entries(action.inputs).map(([name, input]) => ({ name, ...input }))
    const expected = (INPUTS as readonly InputSpec[]).map((input) => ({
      name: input.name,
      description: input.description,
      // The action checks required inputs itself, to say what is missing in one line.
      required: 'false',
      ...(input.default !== undefined || input.runnerDefault !== undefined
        ? { default: input.default ?? input.runnerDefault }
        : {})
    }))
    expect(declared).toEqual(expected)
  })

  it("gives each output the table's description", () => {
    const declared = Object.entries(action.outputs).map(([name, output]) => ({ name, ...output }))
    expect(declared).toEqual(OUTPUTS.map(({ name, description }) => ({ name, description })))
  })

  it('only a runner-filled default differs from the one the code applies', () => {
    expect(INPUT_DEFAULTS).toEqual(
      Object.fromEntries(
        (INPUTS as readonly InputSpec[]).flatMap((input) =>
          input.default === undefined ? [] : [[input.name, input.default]]
        )
      )
    )
    expect(
      (INPUTS as readonly InputSpec[]).filter((input) => input.runnerDefault !== undefined)
    ).toEqual([expect.objectContaining({ name: 'github-token' })])
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
  const withFlags = (INPUTS as readonly InputSpec[]).filter((input) => input.cli !== null)
  const githubOnly = (INPUTS as readonly InputSpec[]).filter((input) => input.cli === null)
  const help = (() => {
    const command = parseArgs(['--help'], {})
    return command.kind === 'print' ? command.text.replace(/\s+/g, ' ') : ''
  })()

  it.each(withFlags.map((input) => [input.name, input] as const))(
    '--%s sets the input of its name (and so does its other spelling)',
    (name, input) => {
      const spellings = [name, ...(input.cli?.alias === undefined ? [] : [input.cli.alias])]
      for (const flag of spellings) {
        // A key in the environment, for the flags that make the run read Encord.
        const command = parseArgs([`--${flag}`, input.example], { ENCORD_SSH_KEY: 'k' })
        if (command.kind !== 'evaluate') throw new Error(`--${flag} is not an evaluate flag`)
        const { 'ssh-private-key': _key, ...inputs } = command.inputs
        expect(inputs).toEqual({ [name]: input.example })
      }
    }
  )

  it.each(withFlags.map((input) => [input.name, input] as const))(
    "--%s is listed in --help with the table's description and default",
    (name, input) => {
      const listed = `--${name} <${input.cli?.value}> ${flagDescription(input)}`
      expect(help).toContain(listed.replace(/\s+/g, ' '))
      expect(flagDescription(input).startsWith(input.description)).toBe(true)
      if (input.default !== undefined) {
        expect(flagDescription(input)).toContain(`(default: ${input.default})`)
      }
    }
  )

  it.each(githubOnly.map((input) => [input.name]))(
    '%s exists only in GitHub Actions: no flag',
    (name) => {
      expect(() => parseArgs([`--${name}`, 'x'], {})).toThrow(/^Unknown option/)
      expect(help).not.toContain(`--${name} `)
    }
  )
})

describe('the config parser', () => {
  const key = generateKeyPair(Buffer.alloc(32, 9), { comment: 'metadata' })
  const base: RawInputs = {
    'ssh-private-key': key.privateKeyOpenSsh,
    'benchmark-project': '11111111-1111-1111-1111-111111111111',
    'training-projects': '22222222-2222-2222-2222-222222222222'
  }
  /** What parseConfig made of the inputs (the key by its public half), or its error line. */
  const outcome = (raw: RawInputs): string => {
    try {
      const config = parseConfig(raw)
      const source =
        config.source?.kind === 'encord'
          ? { ...config.source, key: config.source.key.publicKeyHex }
          : config.source
      return JSON.stringify({ ...config, source })
    } catch (error) {
      return `error: ${(error as Error).message}`
    }
  }

  it.each(INPUT_NAMES.map((name) => [name]))(
    'reads %s: its example changes the outcome, its default does not',
    (name: InputName) => {
      const input = (INPUTS as readonly InputSpec[]).find((spec) => spec.name === name)
      if (input === undefined) throw new Error(`${name} is not in the table`)
      const without: RawInputs = { ...base }
      delete without[name]
      expect(outcome({ ...without, [name]: input.example })).not.toBe(outcome(without))
      if (input.default !== undefined) {
        expect(outcome({ ...without, [name]: input.default })).toBe(outcome(without))
        expect(input.example).not.toBe(input.default)
      }
    }
  )
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

  /** A README cell as plain text: code marks dropped, links reduced to their text. */
  const plain = (cell: string): string =>
    cell
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`/g, '')
      .replace(/\\\|/g, '|')

  it("gives each input the table's default and description", () => {
    const rows = tableRows('Inputs')
    const wrong = (INPUTS as readonly InputSpec[]).flatMap((input) => {
      const [, defaultCell = '', meaning = ''] = rows.get(input.name) ?? []
      const declared = input.default ?? input.runnerDefault
      // Without a default the cell says so in words (unset, repository default), never as code.
      const defaultOk =
        declared === undefined ? !defaultCell.includes('`') : defaultCell === `\`${declared}\``
      const descriptionOk = plain(meaning) === input.description
      return defaultOk && descriptionOk
        ? []
        : [
            {
              name: input.name,
              defaultCell,
              meaning: plain(meaning),
              description: input.description
            }
          ]
    })
    expect(wrong).toEqual([])
  })

  it("gives each output the table's description", () => {
    const rows = tableRows('Outputs')
    const wrong = OUTPUTS.filter(
      (output) => plain(rows.get(output.name)?.[0] ?? '') !== output.description
    ).map((output) => output.name)
    expect(wrong).toEqual([])
  })
})
