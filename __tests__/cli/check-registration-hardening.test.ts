// `check-registration` on files that once crashed it or buried the answer: JSON nested thousands
// of levels deep, UTF-16 text with or without a byte-order mark, and numbers too large to be
// represented. Each file gets its own clear lines, and the other files' reports are kept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/run.js'
import { capture, tempDir } from './support.js'

let temp: { dir: string; remove(): Promise<void> }

beforeAll(async () => {
  temp = await tempDir('check-registration-hardening-')
})

afterAll(async () => {
  await temp.remove()
})

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(temp.dir, name)
  await writeFile(file, content)
  return file
}

async function check(...files: string[]) {
  const out = capture()
  const code = await runCli(['check-registration', ...files], {}, out.io)
  const lines = out
    .stdout()
    .split('\n')
    .filter((line) => line !== '')
  return { code, lines, stderr: out.stderr() }
}

const GOOD = '{"images": [{"objectUrl": "https://example.com/a.jpg"}]}'
const LEVELS = 10_000

describe('JSON nested 10,000 levels deep', () => {
  it.each([
    [
      'lists',
      `{"images": [{"objectUrl": "a", "clientMetadata": ${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}}]}`
    ],
    [
      'objects',
      `{"images": [{"objectUrl": "a", "clientMetadata": ${'{"a": '.repeat(LEVELS)}1${'}'.repeat(LEVELS)}}]}`
    ],
    ['an unclosed run of lists', '['.repeat(LEVELS)]
  ])(
    'of %s: one line naming the file, and the other files are still checked',
    async (_what, text) => {
      const before = await write('before.json', GOOD)
      const deep = await write('deep.json', text)
      const after = await write('after.json', '{"images": [{"objectUrl": "b",}]}')
      const result = await check(before, deep, after)
      expect(result.code).toBe(EXIT.fail)
      expect(result.stderr).toBe('')
      const deepLines = result.lines.filter((line) => line.startsWith(`${deep}:`))
      expect(deepLines).toHaveLength(1)
      expect(deepLines[0]).toMatch(
        /^.*deep\.json:1:\d+: error \[too-deep\] the JSON is nested more than 512 levels deep here .*; the rest of the file was not checked$/
      )
      // The file after it is still checked and reported.
      expect(
        result.lines.some(
          (line) => line.startsWith(`${after}:1:`) && line.includes('[trailing-comma]')
        )
      ).toBe(true)
      expect(result.lines.join('\n')).not.toMatch(/call stack|this is a bug/i)
    }
  )

  it('leaves JSON nested as deep as the limit alone', async () => {
    const depth = 500
    const text = `{"images": [{"objectUrl": "a", "clientMetadata": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}]}`
    const result = await check(await write('deep-but-fine.json', text))
    expect(result.code).toBe(EXIT.pass)
    expect(result.lines.filter((line) => line.includes('[too-deep]'))).toEqual([])
  })
})

describe('UTF-16 text', () => {
  const text = '{"images": [{"objectUrl": "https://example.com/a.jpg"}]}'
  const littleEndian = (s: string) => Buffer.from(s, 'utf16le')
  const bigEndian = (s: string) => Buffer.from(s, 'utf16le').swap16()

  it.each([
    ['little-endian with a byte-order mark', littleEndian(`\uFEFF${text}`), 'little'],
    ['little-endian without a byte-order mark', littleEndian(text), 'little'],
    ['big-endian with a byte-order mark', bigEndian(`\uFEFF${text}`), 'big'],
    ['big-endian without a byte-order mark', bigEndian(text), 'big']
  ])('%s: one line saying to save it as UTF-8', async (_what, bytes, endian) => {
    const file = await write(`utf16-${endian}-${bytes[0]}.json`, bytes)
    const result = await check(file)
    expect(result.code).toBe(EXIT.fail)
    const fileLines = result.lines.filter((line) => line.startsWith(`${file}:`))
    expect(fileLines).toEqual([
      `${file}:1:1: error [encoding] this file is UTF-16 (${endian}-endian) text: save it as UTF-8`
    ])
  })
})

describe('numbers too large to be represented', () => {
  const huge = `1${'0'.repeat(1000)}`
  const video = (fps: string, duration: string) =>
    `{"videos": [{"objectUrl": "https://example.com/v.mp4", "videoMetadata": {"fps": ${fps}, "duration": ${duration}, "width": 1920, "height": 1080, "file_size": 1000, "mime_type": "video/mp4"}}]}`

  it('a 1,000-digit fps or duration is refused, not read as Infinity', async () => {
    const file = await write('huge-numbers.json', video(huge, `-${huge}`))
    const result = await check(file)
    expect(result.code).toBe(EXIT.fail)
    const messages = result.lines.filter((line) => line.includes('[metadata-type]'))
    expect(messages).toEqual([
      expect.stringMatching(
        /videoMetadata\.fps must be a positive number, not a number too large to be represented$/
      ),
      expect.stringMatching(
        /videoMetadata\.duration must be a positive number, not a number too large to be represented$/
      )
    ])
  })

  it('ordinary values pass', async () => {
    const result = await check(await write('video.json', video('29.97', '12.5')))
    expect(result.lines.filter((line) => line.includes('[metadata-type]'))).toEqual([])
  })
})
