// parseArgs: flags → the action's raw inputs, so the CLI and the action share one validation.
import { describe, expect, it } from '@jest/globals'
import { parseArgs } from '../../src/cli/args.js'
import { parseConfig } from '../../src/config.js'
import { InputError } from '../../src/errors.js'
import { KEY_A } from './support.js'

const KEY_ENV = { ENCORD_SSH_KEY: KEY_A.privateKeyOpenSsh }

describe('parseArgs', () => {
  it('maps flags to inputs, with --name=value and --name value', () => {
    const command = parseArgs(
      [
        'evaluate',
        '--benchmark-project=b',
        '--training-project',
        't1',
        '--training-project=t2',
        '--training-projects',
        't3,t4',
        '--method',
        'encord-script',
        '--iou-threshold=0.7',
        '--verbose',
        '--color'
      ],
      KEY_ENV
    )
    expect(command).toEqual({
      kind: 'evaluate',
      verbose: true,
      color: true,
      history: [],
      inputs: {
        'benchmark-project': 'b',
        'training-projects': 't1\nt2\nt3,t4',
        method: 'encord-script',
        'iou-threshold': '0.7',
        'ssh-private-key': KEY_A.privateKeyOpenSsh
      }
    })
  })

  it('collects --history paths in the order given', () => {
    const command = parseArgs(
      ['--benchmark-export', 'g.json', '--history', 'runs/', '--history', 'h.jsonl'],
      {}
    )
    expect(command).toMatchObject({ kind: 'evaluate', history: ['runs/', 'h.jsonl'] })
  })

  it('keeps = and spaces inside values', () => {
    const command = parseArgs(['--workflow-stage=Done = QA', '--output-dir', 'my out'], KEY_ENV)
    expect(command).toMatchObject({
      inputs: { 'workflow-stage': 'Done = QA', 'output-dir': 'my out' }
    })
  })

  it('a later single-value flag replaces an earlier one', () => {
    expect(
      parseArgs(['--method', 'encord-script', '--method', 'one-to-one'], KEY_ENV)
    ).toMatchObject({ inputs: { method: 'one-to-one' } })
  })

  it('reads offline flags and their aliases without looking for a key', () => {
    const env = { ENCORD_SSH_KEY_FILE: '/definitely/not/here' }
    const command = parseArgs(
      [
        '--benchmark-export',
        'gold.json',
        '--training-export',
        'alice.json',
        '--training-export',
        'bob.json',
        '--ontology',
        'ontology.json'
      ],
      env
    )
    expect(command).toEqual({
      kind: 'evaluate',
      verbose: false,
      color: false,
      history: [],
      inputs: {
        'benchmark-export': 'gold.json',
        'training-exports': 'alice.json\nbob.json',
        'ontology-file': 'ontology.json'
      }
    })
    if (command.kind !== 'evaluate') throw new Error('unreachable')
    expect(parseConfig(command.inputs).source).toEqual({
      kind: 'exports',
      benchmarkExport: 'gold.json',
      trainingExports: ['alice.json', 'bob.json'],
      ontologyFile: 'ontology.json'
    })
  })

  it.each([
    ['--ssh-private-key', 'the key itself is never a flag'],
    ['--comment', 'GitHub-only inputs are not flags'],
    ['--upload-artifact', 'GitHub-only inputs are not flags'],
    ['-x', 'unknown short option']
  ])('refuses %s (%s)', (flag) => {
    expect(() => parseArgs([flag, 'value'], KEY_ENV)).toThrow(InputError)
    expect(() => parseArgs([flag, 'value'], KEY_ENV)).toThrow(/Unknown option/)
  })

  it('takes every argument after check-registration -- as a file', () => {
    expect(parseArgs(['check-registration', '--', '-odd.json', 'b.json'], {})).toEqual({
      kind: 'check-registration',
      files: ['-odd.json', 'b.json']
    })
  })

  it('keeps the order of a repeated flag across its two spellings', () => {
    const command = parseArgs(
      [
        '--training-export',
        'b.json',
        '--training-exports=a b.json',
        '--training-export',
        'c,d.json'
      ],
      {}
    )
    expect(command).toMatchObject({
      inputs: { 'training-exports': 'b.json\na b.json\nc,d.json' }
    })
    if (command.kind !== 'evaluate') throw new Error('unreachable')
    const offline = { ...command.inputs, 'benchmark-export': 'g.json', 'ontology-file': 'o.json' }
    expect(parseConfig(offline).source).toMatchObject({
      trainingExports: ['b.json', 'a b.json', 'c,d.json']
    })
  })
})

describe('usage mistakes', () => {
  const refusal = (argv: string[]): string => {
    try {
      parseArgs(argv, KEY_ENV)
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      return (error as Error).message
    }
    throw new Error(`parseArgs accepted ${argv.join(' ')}`)
  }

  it('suggests the closest flag for a mistyped one', () => {
    expect(refusal(['--iou-treshold', '0.6'])).toBe(
      'Unknown option --iou-treshold (did you mean --iou-threshold?); run with --help to see the options'
    )
    expect(refusal(['evaluate', '--benchmark-projct', 'b'])).toMatch(
      /\(did you mean --benchmark-project\?\)/
    )
    expect(refusal(['check-registration', '--hepl', 'a.json'])).toMatch(
      /^Unknown option --hepl \(did you mean --help\?\)/
    )
  })

  it('says when a flag is an input of the action only', () => {
    expect(refusal(['--comment=off'])).toBe(
      'Unknown option --comment=off: comment is an input of the action only; run with --help to see the options'
    )
    expect(refusal(['--ssh-private-key', 'x'])).toBe(
      'Unknown option --ssh-private-key: ssh-private-key is an input of the action only; give --ssh-private-key-file PATH, or set ENCORD_SSH_KEY_FILE or ENCORD_SSH_KEY'
    )
    expect(refusal(['--registration-files', 'a.json'])).toBe(
      'Unknown option --registration-files: registration-files is an input of the action only; run encord-annotator-eval check-registration FILE…'
    )
  })

  it('suggests the closest command for a mistyped one', () => {
    expect(refusal(['check-registraton', 'a.json'])).toBe(
      "Unknown command 'check-registraton' (did you mean check-registration?); run encord-annotator-eval --help to see the commands"
    )
  })

  it('calls a word that is no command, or a stray argument, an unexpected argument', () => {
    const expected =
      "Unexpected argument 'gold.json'; options take the form --name value (run with --help)"
    expect(refusal(['gold.json'])).toBe(expected)
    expect(refusal(['--method', 'one-to-one', 'gold.json'])).toBe(expected)
    expect(refusal(['evaluate', 'gold.json'])).toBe(expected)
  })

  it('a flag without its value, at the end or before another flag, names an example', () => {
    expect(refusal(['--training-export'])).toBe(
      'Option --training-export needs a value, e.g. --training-export labels/alice.json'
    )
    expect(refusal(['--ontology', '--min-f1', '0.5'])).toBe(
      'Option --ontology needs a value, e.g. --ontology labels/ontology.json'
    )
  })

  it('check-registration without files', () => {
    expect(refusal(['check-registration'])).toBe(
      'check-registration needs FILE; run encord-annotator-eval check-registration --help'
    )
  })
})

describe('help', () => {
  const printed = (argv: string[]): string => {
    const command = parseArgs(argv, {})
    if (command.kind !== 'print') throw new Error(`${argv.join(' ')} printed nothing`)
    return command.text
  }

  it('each command has its own', () => {
    const evaluate = printed(['--help'])
    expect(printed(['evaluate', '--help'])).toBe(evaluate)
    expect(evaluate).toMatch(/^Usage: encord-annotator-eval \[evaluate\] --benchmark-project/)
    expect(evaluate).toMatch(/^ {2}check-registration {2,}Check Encord data-registration/m)

    const check = printed(['check-registration', '--help'])
    expect(check).toMatch(
      /^Usage: encord-annotator-eval check-registration \[options\] <FILE\.\.\.>/
    )
    expect(check).not.toContain('--benchmark-project')
    expect(printed(['help', 'check-registration'])).toBe(check)
    expect(() => parseArgs(['help', 'chek'], {})).toThrow(
      "Unknown command 'chek'; run encord-annotator-eval --help to see the commands"
    )
  })

  it('lists every flag once, under its group, with its default', () => {
    const text = printed(['--help'])
    expect(text).toMatch(/--iou-threshold <X> +Minimum similarity[^]*?\(default: 0\.5\)/)
    expect(text).toMatch(
      /^Gate \(an annotator below any threshold set fails; exit code 1\):\n {2}--min-mean-iou/m
    )
    // The second spellings are accepted but not listed apart.
    expect(text).not.toMatch(/^ +--training-export </m)
    expect(text).toMatch(/--training-export\s+is\s+the\s+same\s+flag/)
  })
})
