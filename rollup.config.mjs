// One rollup build of the three entry points: the action (dist/index.js), the CLI (dist/cli.js),
// and the scoring worker both start on every core (dist/worker.js). The code they share (the
// client, the label model, the evaluation, the reports and their dependencies) is one chunk under
// dist/chunks/ rather than a copy inside each bundle. dist/licenses.txt lists the licences of the
// third-party code bundled.
// @rollup/plugin-json is required: @actions/artifact requires its own package.json.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import license from 'rollup-plugin-license'

/** Warnings that come from third-party code we bundle and cannot fix. */
function onwarn(warning, warn) {
  const fromDependency = (warning.id ?? warning.ids?.join(' ') ?? '').includes('node_modules')
  if (warning.code === 'THIS_IS_UNDEFINED' && fromDependency) return
  if (warning.code === 'CIRCULAR_DEPENDENCY' && fromDependency) return
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return
  warn(warning)
}

/** One licence entry: the package, its version and licence, and the licence's text. */
function licenceEntry(dependency) {
  const heading = `${dependency.name}@${dependency.version} (${dependency.license ?? 'no licence named'})`
  // Some packages ship their licence with CRLF line ends; git stores dist/ with LF (.gitattributes),
  // so write LF or a fresh clone's dist/ would differ from a fresh build.
  const text =
    dependency.licenseText?.replace(/\r\n?/g, '\n').trim() ??
    'No licence file was found in the package.'
  return `${heading}\n${'-'.repeat(heading.length)}\n${text}\n`
}

export default {
  input: { index: 'src/index.ts', cli: 'src/cli.ts', worker: 'src/worker.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name].js',
    banner: (chunk) => (chunk.fileName === 'cli.js' ? '#!/usr/bin/env node' : '')
  },
  onwarn,
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      outDir: 'dist',
      sourceMap: false,
      noEmitOnError: true
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json(),
    license({
      thirdParty: {
        includePrivate: false,
        output: {
          file: 'dist/licenses.txt',
          template: (dependencies) =>
            [...dependencies]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map(licenceEntry)
              .join('\n')
        }
      }
    })
  ]
}
