// parseConfig: every mistake is one InputError line naming the input and a valid value; optional
// inputs behave like their action.yml defaults when missing or empty; key text never leaks.
import { describe, expect, it } from '@jest/globals'
import { parseConfig, splitList } from '../../src/config.js'
import { InputError } from '../../src/errors.js'
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs.js'
import { deterministicUuid, generateKeyPair } from '../../tools/fake-encord/scenario.mjs'
import { keySlices, pemKeys, rsaOpenSshKey } from '../__fixtures__/encord/keys.js'
import { readActionYml } from './action-yml.js'

const KEY = generateKeyPair(Buffer.alloc(32, 7), { comment: 'config-test' })
const BENCHMARK = deterministicUuid('config', 'benchmark')
const T1 = deterministicUuid('config', 'training', 1)
const T2 = deterministicUuid('config', 'training', 2)
const T3 = deterministicUuid('config', 'training', 3)
const EXAMPLE_HASH = '00000000-0000-0000-0000-000000000000'

/** A complete, valid API-mode input set. */
const BASE: RawInputs = {
  'ssh-private-key': KEY.privateKeyOpenSsh,
  'benchmark-project': BENCHMARK,
  'training-projects': `${T1}\n${T2}`
}

/** `BASE` with overrides; an override of `undefined` removes the input. */
function inputs(overrides: Partial<Record<InputName, string | undefined>> = {}): RawInputs {
  const merged: Record<string, string | undefined> = { ...BASE, ...overrides }
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name]
  return merged as RawInputs
}

function bodyOf(armoured: string): string {
  return armoured
    .split(/\r?\n/)
    .filter((line) => line !== '' && !line.startsWith('-----'))
    .join('')
}

function inputErrorOf(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError, but parsing succeeded')
}

/** Key text of every key used in this file, as 12-character slices of each base64 body. */
const RSA_KEY = rsaOpenSshKey()
const PEM = pemKeys()
const TRUNCATED_KEY = (() => {
  const lines = KEY.privateKeyOpenSsh.split('\n')
  return [...lines.slice(0, 2), ...lines.slice(3)].join('\n') // drop a body line
})()
const ALL_KEY_SLICES = [
  ...keySlices(bodyOf(KEY.privateKeyOpenSsh)),
  ...keySlices(bodyOf(RSA_KEY)),
  ...keySlices(bodyOf(PEM.ed25519Pkcs8)),
  ...keySlices(KEY.seedHex)
]

function expectNoKeyMaterial(message: string): void {
  const leaked = ALL_KEY_SLICES.filter((slice) => message.includes(slice))
  expect(leaked).toEqual([])
}

interface BadCase {
  what: string
  raw: RawInputs
  /** InputError.input */
  input: InputName
  /** Each must match the message: how a valid value looks. */
  shows: RegExp[]
}

const fraction = (name: InputName, bad: string, shows = [new RegExp(`e\\.g\\. ${name}: 0\\.8`)]) =>
  ({ what: `${name} '${bad}'`, raw: inputs({ [name]: bad }), input: name, shows }) as BadCase

const BAD: BadCase[] = [
  fraction('iou-threshold', '0', [/greater than 0 and at most 1/, /iou-threshold: 0\.8/]),
  fraction('iou-threshold', '2'),
  fraction('iou-threshold', 'abc'),
  fraction('iou-threshold', '-0.5'),
  fraction('iou-threshold', 'Infinity'),
  fraction('iou-threshold', '0x1'),
  fraction('min-f1', '1e-1'),
  fraction('min-mean-iou', '1.5', [/between 0 and 1/, /min-mean-iou: 0\.8/]),
  fraction('min-mean-iou', '-0.1'),
  fraction('min-class-accuracy', '2'),
  fraction('min-precision', 'high'),
  fraction('min-recall', '-1'),
  fraction('min-f1', '1.01'),
  ...(['min-precision', 'min-recall', 'min-f1'] as const).map((name): BadCase => ({
    what: `${name} with encord-script`,
    raw: inputs({ method: 'encord-script', [name]: '0.8' }),
    input: name,
    shows: [/min-mean-iou or min-class-accuracy/, /method: one-to-one/]
  })),
  {
    what: "method 'hungarian'",
    raw: inputs({ method: 'hungarian' }),
    input: 'method',
    shows: [/one-to-one, encord-script/]
  },
  {
    what: "comment 'sometimes'",
    raw: inputs({ comment: 'sometimes' }),
    input: 'comment',
    shows: [/auto, always, off/]
  },
  {
    what: "upload-artifact 'yes'",
    raw: inputs({ 'upload-artifact': 'yes' }),
    input: 'upload-artifact',
    shows: [/true or false/]
  },
  ...['0', '65', 'x', '1.5', '-3'].map((bad): BadCase => ({
    what: `concurrency '${bad}'`,
    raw: inputs({ concurrency: bad }),
    input: 'concurrency',
    shows: [/from 1 to 64/, /concurrency: 8/]
  })),
  ...['0', '91', 'forever'].map((bad): BadCase => ({
    what: `retention-days '${bad}'`,
    raw: inputs({ 'retention-days': bad }),
    input: 'retention-days',
    shows: [/from 1 to 90/, /retention-days: \d+/]
  })),
  ...['scores/run', 'a:b', 'a\\b', 'what?'].map((bad): BadCase => ({
    what: `artifact-name '${bad}'`,
    raw: inputs({ 'artifact-name': bad }),
    input: 'artifact-name',
    shows: [/e\.g\. annotator-scores/]
  })),
  ...['team a', 'x'.repeat(65), 'team/a'].map((bad): BadCase => ({
    what: `comment-key '${bad.slice(0, 10)}'`,
    raw: inputs({ 'comment-key': bad }),
    input: 'comment-key',
    shows: [/comment-key: team-a/]
  })),
  {
    what: 'benchmark-project not a UUID',
    raw: inputs({ 'benchmark-project': 'my-benchmark' }),
    input: 'benchmark-project',
    shows: [new RegExp(EXAMPLE_HASH), /'my-benchmark'/]
  },
  {
    what: 'a training project not a UUID',
    raw: inputs({ 'training-projects': `${T1}, 1234` }),
    input: 'training-projects',
    shows: [new RegExp(EXAMPLE_HASH), /'1234'/]
  },
  {
    what: 'a UUID with a stray character',
    raw: inputs({ 'benchmark-project': `${BENCHMARK}x` }),
    input: 'benchmark-project',
    shows: [new RegExp(EXAMPLE_HASH)]
  },
  {
    what: 'the benchmark among the training projects (other case)',
    raw: inputs({ 'training-projects': `${T1}\n${BENCHMARK.toUpperCase()}` }),
    input: 'training-projects',
    shows: [new RegExp(BENCHMARK), /list only the annotators' training projects/]
  },
  {
    what: 'benchmark-project missing',
    raw: inputs({ 'benchmark-project': undefined }),
    input: 'benchmark-project',
    shows: [/is required/, new RegExp(`benchmark-project: ${EXAMPLE_HASH}`)]
  },
  {
    what: 'training-projects missing',
    raw: inputs({ 'training-projects': undefined }),
    input: 'training-projects',
    shows: [/is required/, new RegExp(`training-projects: ${EXAMPLE_HASH}`)]
  },
  {
    what: 'training-projects only separators',
    raw: inputs({ 'training-projects': ' ,\n, ' }),
    input: 'training-projects',
    shows: [/lists no project/, new RegExp(EXAMPLE_HASH)]
  },
  {
    what: 'ssh-private-key missing',
    raw: inputs({ 'ssh-private-key': undefined }),
    input: 'ssh-private-key',
    shows: [/is required/, /ssh-private-key: \$\{\{ secrets\.ENCORD_SSH_KEY \}\}/]
  },
  {
    what: 'ssh-private-key empty',
    raw: inputs({ 'ssh-private-key': '  \n ' }),
    input: 'ssh-private-key',
    shows: [/is required/, /secrets\.ENCORD_SSH_KEY/]
  },
  {
    what: 'ssh-private-key truncated',
    raw: inputs({ 'ssh-private-key': TRUNCATED_KEY }),
    input: 'ssh-private-key',
    shows: [/including the BEGIN and END lines/]
  },
  {
    what: 'ssh-private-key without its END line',
    raw: inputs({ 'ssh-private-key': KEY.privateKeyOpenSsh.replace(/-----END.*\n?$/, '') }),
    input: 'ssh-private-key',
    shows: [/BEGIN and END lines/]
  },
  {
    what: 'ssh-private-key is RSA',
    raw: inputs({ 'ssh-private-key': RSA_KEY }),
    input: 'ssh-private-key',
    shows: [/RSA/, /ssh-keygen -t ed25519/, /BEGIN OPENSSH PRIVATE KEY/]
  },
  {
    what: 'ssh-private-key is PKCS#8',
    raw: inputs({ 'ssh-private-key': PEM.ed25519Pkcs8 }),
    input: 'ssh-private-key',
    shows: [/PKCS#8/, /ssh-keygen -t ed25519/]
  },
  {
    what: 'ssh-private-key is a password',
    raw: inputs({ 'ssh-private-key': 'hunter2' }),
    input: 'ssh-private-key',
    shows: [/BEGIN OPENSSH PRIVATE KEY/]
  },
  {
    what: 'encord-domain http on a public host',
    raw: inputs({ 'encord-domain': 'http://api.encord.com' }),
    input: 'encord-domain',
    shows: [/must use https/, /use https:\/\/api\.encord\.com/]
  },
  {
    what: 'encord-domain http on a private address',
    raw: inputs({ 'encord-domain': 'http://10.0.0.5:8080' }),
    input: 'encord-domain',
    shows: [/must use https/, /https:\/\/api\.encord\.com/]
  },
  {
    what: 'encord-domain with a path',
    raw: inputs({ 'encord-domain': 'https://api.encord.com/v2/public' }),
    input: 'encord-domain',
    shows: [/without a path/, /use https:\/\/api\.encord\.com$/]
  },
  {
    what: 'encord-domain with a query',
    raw: inputs({ 'encord-domain': 'https://api.us.encord.com/?region=us' }),
    input: 'encord-domain',
    shows: [/use https:\/\/api\.us\.encord\.com$/]
  },
  {
    what: 'encord-domain not a URL',
    raw: inputs({ 'encord-domain': 'api.encord.com' }),
    input: 'encord-domain',
    shows: [/not a URL/, /https:\/\/api\.encord\.com/]
  },
  {
    what: 'exports and projects mixed',
    raw: inputs({ 'benchmark-export': 'gold.json' }),
    input: 'benchmark-export',
    shows: [/benchmark-project and training-projects/, /benchmark-export, training-exports/]
  },
  {
    what: 'only benchmark-export',
    raw: { 'benchmark-export': 'gold.json' },
    input: 'training-exports',
    shows: [/benchmark-export, training-exports and ontology-file together/]
  },
  {
    what: 'no ontology-file',
    raw: { 'benchmark-export': 'gold.json', 'training-exports': 'alice.json' },
    input: 'ontology-file',
    shows: [/together/]
  },
  {
    what: 'only ontology-file',
    raw: { 'ontology-file': 'ontology.json' },
    input: 'benchmark-export',
    shows: [/together/]
  },
  {
    what: 'nothing at all',
    raw: {},
    input: 'benchmark-project',
    shows: [/is required/]
  }
]

describe('parseConfig rejects every bad input with one line naming it', () => {
  it.each(BAD.map((entry) => [entry.what, entry] as const))('%s', (_what, entry) => {
    const error = inputErrorOf(() => parseConfig(entry.raw))
    expect(error.input).toBe(entry.input)
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(error.message).toContain(entry.input)
    for (const pattern of entry.shows) expect(error.message).toMatch(pattern)
    expectNoKeyMaterial(error.message)
  })

  it('is not fooled into accepting near misses', () => {
    // Each of these differs from a valid value by one detail; a lax parser would accept it.
    expect(() => parseConfig(inputs({ 'iou-threshold': '0.0' }))).toThrow(InputError)
    expect(() => parseConfig(inputs({ concurrency: '8.0' }))).toThrow(InputError)
    expect(() => parseConfig(inputs({ 'encord-domain': 'http://localhost.evil.com' }))).toThrow(
      InputError
    )
  })
})

describe('valid values', () => {
  it('accepts the edges of every range', () => {
    const config = parseConfig(
      inputs({
        'iou-threshold': '1',
        'min-mean-iou': '0',
        'min-class-accuracy': '1',
        'min-precision': '0.25',
        'min-recall': ' 0.5 ',
        'min-f1': '.1',
        concurrency: '64',
        'retention-days': '90'
      })
    )
    expect(config.evaluation.iouThreshold).toBe(1)
    expect(config.thresholds).toEqual({
      meanIou: 0,
      classAccuracy: 1,
      precision: 0.25,
      recall: 0.5,
      f1: 0.1
    })
    expect(config.source).toMatchObject({ kind: 'encord', concurrency: 64 })
    expect(config.artifact.retentionDays).toBe(90)
    expect(parseConfig(inputs({ concurrency: '1', 'retention-days': '1' }))).toMatchObject({
      source: { concurrency: 1 },
      artifact: { retentionDays: 1 }
    })
  })

  it('allows encord-script with the two thresholds it can score', () => {
    const config = parseConfig(
      inputs({ method: 'Encord-Script', 'min-mean-iou': '0.7', 'min-class-accuracy': '0.9' })
    )
    expect(config.evaluation.method).toBe('encord-script')
    expect(config.thresholds).toEqual({ meanIou: 0.7, classAccuracy: 0.9 })
  })

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
    ['https://api.us.encord.com/', 'https://api.us.encord.com'],
    ['HTTPS://API.ENCORD.COM', 'https://api.encord.com']
  ])('takes encord-domain %s as the origin %s', (domain, origin) => {
    expect(parseConfig(inputs({ 'encord-domain': domain })).source).toMatchObject({
      domain: origin
    })
  })

  it('reads booleans and enums case-insensitively', () => {
    expect(parseConfig(inputs({ 'upload-artifact': 'FALSE' })).artifact.upload).toBe(false)
    expect(parseConfig(inputs({ 'upload-artifact': 'True' })).artifact.upload).toBe(true)
    expect(parseConfig(inputs({ comment: 'Always' })).comment.mode).toBe('always')
  })

  it('keeps the key as checked text and its public half: plain data, no signer, no KeyObject', () => {
    const config = parseConfig(inputs())
    expect(config.source).toMatchObject({
      kind: 'encord',
      key: { text: KEY.privateKeyOpenSsh.trim(), publicKeyHex: KEY.publicKeyHex }
    })
    // What a scoring worker is given: the config's source as it is, through structured clone.
    expect(structuredClone(config.source)).toEqual(config.source)
    // Everything else in the config is free of key material.
    const { source, ...rest } = config
    expectNoKeyMaterial(JSON.stringify({ ...rest, source: { ...source, key: null } }))
  })

  it('reads export mode without a key', () => {
    const config = parseConfig({
      'benchmark-export': 'exports/gold.json',
      'training-exports': 'exports/alice.json\nexports/bob.json\nexports/carol.json',
      'ontology-file': 'ontology.json'
    })
    expect(config.source).toEqual({
      kind: 'exports',
      benchmarkExport: 'exports/gold.json',
      trainingExports: ['exports/alice.json', 'exports/bob.json', 'exports/carol.json'],
      ontologyFile: 'ontology.json'
    })
    expect(config.warnings).toEqual([])
  })
})

describe('training-exports: one path per line, or the whole value when it is one line', () => {
  const exportsOf = (text: string) => {
    const config = parseConfig({
      'benchmark-export': 'gold.json',
      'training-exports': text,
      'ontology-file': 'ontology.json'
    })
    return config.source?.kind === 'exports' ? config.source.trainingExports : null
  }

  it.each([
    ['a space', 'labels/alice export.json', ['labels/alice export.json']],
    ['a comma', 'labels/bob,2.json', ['labels/bob,2.json']],
    ['spaces around it', '  labels/a b.json  ', ['labels/a b.json']],
    ['lines', 'a b.json\nc,d.json\ne.json', ['a b.json', 'c,d.json', 'e.json']],
    ['CRLF and blank lines', '\r\na b.json\r\n\r\n c.json \r\n', ['a b.json', 'c.json']]
  ])('%s', (_what, text, expected) => {
    expect(exportsOf(text)).toEqual(expected)
  })

  it('a file listed twice is scored once, with one warning; ./a and a are one file', () => {
    const config = parseConfig({
      'benchmark-export': 'gold.json',
      'training-exports': 'a.json\nb.json\n./a.json\nx/../b.json\nc.json',
      'ontology-file': 'ontology.json'
    })
    expect(config.source).toMatchObject({ trainingExports: ['a.json', 'b.json', 'c.json'] })
    expect(config.warnings).toEqual([
      {
        input: 'training-exports',
        message:
          "Input 'training-exports' lists 'a.json', 'b.json' more than once; each is scored once"
      }
    ])
  })
})

describe('concurrency is checked whatever the source', () => {
  const offline = {
    'benchmark-export': 'gold.json',
    'training-exports': 'a.json',
    'ontology-file': 'ontology.json'
  }

  it.each([['0'], ['65'], ['1000'], ['-3'], ['1.5'], ['8.0'], ['eight']])('offline %s', (bad) => {
    const error = inputErrorOf(() => parseConfig({ ...offline, concurrency: bad }))
    expect(error.input).toBe('concurrency')
    expect(error.message).toBe(
      `Input 'concurrency' must be a whole number from 1 to 64 (got '${bad}'), e.g. concurrency: 8`
    )
    // The same line as an online run gives.
    expect(inputErrorOf(() => parseConfig(inputs({ concurrency: bad }))).message).toBe(
      error.message
    )
  })

  it('offline accepts what online accepts', () => {
    expect(() => parseConfig({ ...offline, concurrency: '64' })).not.toThrow()
    expect(() => parseConfig({ ...offline, concurrency: '1' })).not.toThrow()
  })
})

describe('training-projects', () => {
  it.each([
    ['newlines', `${T1}\n${T2}\n${T3}`],
    ['CRLF and blank lines', `\r\n${T1}\r\n\r\n${T2}\r\n${T3}\r\n`],
    ['commas', `${T1},${T2},${T3}`],
    ['commas and spaces', `${T1}, ${T2} ,${T3}`],
    ['spaces and tabs', `${T1} ${T2}\t${T3}`],
    ['duplicates in any case', `${T1}\n${T2}, ${T1.toUpperCase()} ${T3} ${T2}`]
  ])('splits on %s and keeps first occurrences in order', (_what, text) => {
    const config = parseConfig(inputs({ 'training-projects': text }))
    expect(config.source).toMatchObject({ trainingProjects: [T1, T2, T3] })
  })

  it('a project listed twice is scored once, with one warning naming it', () => {
    const config = parseConfig(inputs({ 'training-projects': `${T1}\n${T2}\n${T1.toUpperCase()}` }))
    expect(config.warnings).toEqual([
      {
        input: 'training-projects',
        message: `Input 'training-projects' lists '${T1}' more than once; each is scored once`
      }
    ])
    expect(parseConfig(inputs()).warnings).toEqual([])
  })

  it('splitList drops empty items', () => {
    expect(splitList(' a,,b \n\n c ')).toEqual(['a', 'b', 'c'])
    expect(splitList(' , \n')).toEqual([])
  })
})

/** A comparable view of what parseConfig made of the inputs: the config, or its error line. */
function outcome(raw: RawInputs): unknown {
  try {
    const config = parseConfig(raw)
    const source = config.source
    return {
      ...config,
      source:
        source?.kind === 'encord' ? { ...source, key: source.key.publicKeyHex } : (source ?? null)
    }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

describe('an optional input that is missing or empty behaves exactly like its action.yml default', () => {
  const action = readActionYml()
  const optional = INPUT_NAMES.filter((name) => action.inputs[name]?.required !== 'true')

  it('action.yml declares every input optional (the action validates them itself)', () => {
    expect(optional).toEqual([...INPUT_NAMES])
  })

  // Inputs of the API-mode base set are checked from the base without them; export and
  // registration inputs from the base (where they are absent).
  it.each(optional.map((name) => [name]))('%s', (name) => {
    const missing = outcome(inputs({ [name]: undefined }))
    expect(outcome(inputs({ [name]: '' }))).toEqual(missing)
    expect(outcome(inputs({ [name]: ' \n ' }))).toEqual(missing)

    const declared = action.inputs[name]?.default
    if (declared !== undefined && !declared.includes('${{')) {
      // The explicit default gives the same config as leaving the input out.
      expect(outcome(inputs({ [name]: declared }))).toEqual(missing)
      // …and the code's default is that value, not merely something equivalent.
      expect(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]).toBe(declared)
    }
  })

  it('github-token defaults to an expression the runner fills in; left empty it is empty', () => {
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}')
    expect(parseConfig(inputs({ 'github-token': '' })).githubToken).toBe('')
    expect(parseConfig(inputs({ 'github-token': 'ghs_x' })).githubToken).toBe('ghs_x')
  })

  it('a default that is changed is noticed (the comparison can fail)', () => {
    const missing = outcome(inputs())
    expect(outcome(inputs({ 'iou-threshold': '0.6' }))).not.toEqual(missing)
    expect(outcome(inputs({ 'workflow-stage': 'Done' }))).not.toEqual(missing)
    expect(outcome(inputs({ 'output-dir': 'out' }))).not.toEqual(missing)
  })
})

describe('artifact name', () => {
  const nameOf = (raw: RawInputs, env: NodeJS.ProcessEnv = {}) =>
    parseConfig(raw, env).artifact.name

  it('is the base name, the leg and the run attempt', () => {
    expect(nameOf(inputs({ 'comment-key': 'team-a' }), { GITHUB_RUN_ATTEMPT: '3' })).toBe(
      'annotator-scores-team-a-attempt-3'
    )
    expect(nameOf(inputs())).toMatch(/^annotator-scores-[0-9a-f]{8}-attempt-1$/)
    expect(nameOf(inputs({ 'artifact-name': 'scores' }))).toMatch(/^scores-[0-9a-f]{8}-attempt-1$/)
  })

  it('differs between run attempts', () => {
    const first = nameOf(inputs(), { GITHUB_RUN_ATTEMPT: '1' })
    const second = nameOf(inputs(), { GITHUB_RUN_ATTEMPT: '2' })
    expect(first).not.toBe(second)
    expect(nameOf(inputs(), {})).toBe(first)
  })

  it('differs between matrix legs: by comment key, or by the projects scored', () => {
    const legA = nameOf(inputs({ 'comment-key': 'team-a' }))
    const legB = nameOf(inputs({ 'comment-key': 'team-b' }))
    expect(legA).not.toBe(legB)
    const projects1 = nameOf(inputs({ 'training-projects': T1 }))
    const projects2 = nameOf(inputs({ 'training-projects': T2 }))
    const projects12 = nameOf(inputs({ 'training-projects': `${T1},${T2}` }))
    expect(new Set([projects1, projects2, projects12]).size).toBe(3)
    // The same leg gets the same name (a re-run of one attempt would be a collision, not a leg).
    expect(nameOf(inputs({ 'training-projects': `${T1}\n${T2}` }))).toBe(projects12)
    const exportsA = nameOf(
      { 'benchmark-export': 'g.json', 'training-exports': 'a.json', 'ontology-file': 'o.json' },
      {}
    )
    const exportsB = nameOf(
      { 'benchmark-export': 'g.json', 'training-exports': 'b.json', 'ontology-file': 'o.json' },
      {}
    )
    expect(exportsA).not.toBe(exportsB)
  })
})

describe('registration-files', () => {
  it('alone makes the evaluation inputs optional', () => {
    const config = parseConfig({ 'registration-files': 'data/**/*.json' })
    expect(config.source).toBeNull()
    expect(config.registrationFiles).toBe('data/**/*.json')
    expect(config.artifact.name).toBe('annotator-scores-registration-attempt-1')
  })

  it('with evaluation inputs still checks them', () => {
    expect(parseConfig({ ...inputs(), 'registration-files': 'a.json' }).source).toMatchObject({
      kind: 'encord'
    })
    const error = inputErrorOf(() =>
      parseConfig({ 'registration-files': 'a.json', 'benchmark-project': BENCHMARK })
    )
    expect(error.input).toBe('training-projects')
  })

  it('is null when not set', () => {
    expect(parseConfig(inputs()).registrationFiles).toBeNull()
  })
})

describe('key material never appears in an error message', () => {
  const keyText = KEY.privateKeyOpenSsh
  const body = bodyOf(keyText)
  const validating: InputName[] = [
    'benchmark-project',
    'training-projects',
    'encord-domain',
    'method',
    'iou-threshold',
    'min-mean-iou',
    'min-f1',
    'upload-artifact',
    'artifact-name',
    'retention-days',
    'comment',
    'comment-key',
    'concurrency'
  ]
  // artifact-name takes any one-line text without / : and the like, so a bare body is a valid name.
  const cases: [InputName, 'key' | 'body'][] = validating.flatMap(
    (name): [InputName, 'key' | 'body'][] =>
      name === 'artifact-name'
        ? [[name, 'key']]
        : [
            [name, 'key'],
            [name, 'body']
          ]
  )
  it.each(cases)('the %s input holding the %s', (name, form) => {
    const pasted = form === 'key' ? keyText : body
    const error = inputErrorOf(() => parseConfig(inputs({ [name]: pasted })))
    expect(error.input).toBe(name)
    expect(error.message).not.toMatch(/[\r\n]/)
    expectNoKeyMaterial(error.message)
  })

  it('a key damaged by losing any one line is reported as damaged, quoting nothing read from it', () => {
    // Dropping a line shifts what the parser reads into the place of the key type name; that
    // "name" may be private bytes, so it must never be echoed.
    for (const lineWidth of [70, 76]) {
      const pair = generateKeyPair(Buffer.alloc(32, 9), { lineWidth })
      const lines = pair.privateKeyOpenSsh.trimEnd().split('\n')
      for (let drop = 1; drop < lines.length - 1; drop += 1) {
        const damaged = [...lines.slice(0, drop), ...lines.slice(drop + 1)].join('\n')
        const error = inputErrorOf(() => parseConfig(inputs({ 'ssh-private-key': damaged })))
        expect(error.message).toMatch(
          /^ssh-private-key looks like an OpenSSH private key but cannot be read/
        )
      }
    }
  })

  it('the check itself finds a leak', () => {
    // Guards the guard: a message quoting 12 characters of the body is caught.
    expect(() => expectNoKeyMaterial(`oops ${body.slice(40, 52)}`)).toThrow()
  })
})
