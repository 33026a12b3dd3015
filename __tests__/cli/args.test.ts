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
      inputs: {
        'benchmark-project': 'b',
        'training-projects': 't1\nt2\nt3,t4',
        method: 'encord-script',
        'iou-threshold': '0.7',
        'ssh-private-key': KEY_A.privateKeyOpenSsh
      }
    })
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

  it('passes everything after check-registration through', () => {
    expect(parseArgs(['check-registration', '--', '-odd.json', 'b.json'], {})).toEqual({
      kind: 'check-registration',
      args: ['--', '-odd.json', 'b.json']
    })
  })
})
