// samples/demo/ is exactly what tools/demo/generate-sample.mjs writes, byte for byte, so the
// sample cannot drift from its generator.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const SAMPLE = path.resolve('samples/demo')

/** Files under `dir`, as paths relative to it with / separators. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`]
  )
}

describe('samples/demo', () => {
  it('is what the generator writes', async () => {
    // The generator is plain JavaScript without type declarations: import it by URL.
    const generator = (await import(
      pathToFileURL(path.resolve('tools/demo/generate-sample.mjs')).href
    )) as { sampleFiles: () => Record<string, string> }
    const expected = generator.sampleFiles()

    expect(listFiles(SAMPLE).sort()).toEqual(Object.keys(expected).sort())
    const stale = Object.entries(expected)
      .filter(([name, text]) => !readFileSync(path.join(SAMPLE, name)).equals(Buffer.from(text)))
      .map(([name]) => name)
    expect(stale).toEqual([])
  })
})
