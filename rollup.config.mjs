// Three self-contained ESM bundles: the action (dist/index.js), the CLI (dist/cli.js), and the
// scoring worker both start on every core (dist/worker.js).
// @rollup/plugin-json is required: @actions/artifact requires its own package.json.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

/** Warnings that come from third-party code we bundle and cannot fix. */
function onwarn(warning, warn) {
  const fromDependency = (warning.id ?? warning.ids?.join(' ') ?? '').includes('node_modules')
  if (warning.code === 'THIS_IS_UNDEFINED' && fromDependency) return
  if (warning.code === 'CIRCULAR_DEPENDENCY' && fromDependency) return
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return
  warn(warning)
}

/** @param {string} input @param {string} file @param {string} [outDir] */
export function bundle(input, file, outDir = 'dist') {
  return {
    input,
    output: {
      file: `${outDir}/${file}`,
      format: 'es',
      sourcemap: false,
      inlineDynamicImports: true,
      banner: file === 'cli.js' ? '#!/usr/bin/env node' : undefined
    },
    onwarn,
    plugins: [
      typescript({ tsconfig: './tsconfig.json', outDir, sourceMap: false, noEmitOnError: true }),
      nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
      commonjs(),
      json()
    ]
  }
}

/** [entry, bundle] of every file in dist/; tools/check-dist.mjs rebuilds the same list. */
export const ENTRIES = [
  ['src/index.ts', 'index.js'],
  ['src/cli.ts', 'cli.js'],
  ['src/worker.ts', 'worker.js']
]

export default ENTRIES.map(([input, file]) => bundle(input, file))
