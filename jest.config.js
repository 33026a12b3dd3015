// Jest runs in ESM mode because @actions/* ship ESM-only `exports`.
// `npm run jest` sets NODE_OPTIONS=--experimental-vm-modules.
//
// Two projects (README, "Development"):
// - `unit`: tests that import src/ and run in this process: no child processes, no worker threads,
//   no build, no dist/. The inner loop.
// - `bundle`: tests of what ships: dist/ against a fresh build, the scoring workers, the CLI, the
//   action and the fake servers as processes, end to end. Its global setup builds the working tree
//   into a temporary copy first (tools/fresh-build.mjs), and these tests run that build, never a
//   possibly stale dist/.
// A test file is `bundle` if it lies under test/, or lies under __tests__/ and its text shows it
// starts a process or a thread or needs the build (BUNDLE_MARKERS); every other test is `unit`.
// Reading the file, rather than keeping a list, keeps a new process test out of the unit project
// without anyone remembering to list it.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(fileURLToPath(import.meta.url))

/** What in a test file's text makes it a `bundle` test. */
export const BUNDLE_MARKERS = [
  // a child process (node, the CLI, ssh-keygen, git, the build)
  /^\s*import\b[^;]*?\bfrom\s+['"](?:node:)?child_process['"]/m,
  // a Node process through the shared helper in __tests__/cli/support.ts
  /\brunNode\(/,
  // a worker thread, directly or through the scoring pool
  /\bnew Worker\(|\bScoringPool\b/,
  // the fresh build (test/bundle.ts)
  /\bbundleFile\(|\bfreshBuildRoot\(/
]

/** Test files under __tests__/ that belong to the bundle project, relative to the root. */
export function bundleTestsIn(dir = path.join(root, '__tests__')) {
  return readdirSync(dir, { recursive: true })
    .map((name) => path.join(dir, String(name)))
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => BUNDLE_MARKERS.some((marker) => marker.test(readFileSync(file, 'utf8'))))
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .sort()
}

const bundleTests = bundleTestsIn()
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What both projects share. */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }]
  },
  clearMocks: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts']
}

const projects = [
  {
    ...shared,
    displayName: 'unit',
    testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: [
      '/node_modules/',
      '/dist/',
      ...bundleTests.map((file) => `^${escape(path.join(root, file))}$`)
    ],
    testTimeout: 30000
  },
  {
    ...shared,
    displayName: 'bundle',
    testMatch: ['<rootDir>/test/**/*.test.ts', ...bundleTests.map((file) => `<rootDir>/${file}`)],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    globalSetup: '<rootDir>/test/setup/fresh-build.mjs',
    globalTeardown: '<rootDir>/test/setup/remove-fresh-build.mjs',
    testTimeout: 60000
  }
]

// `npm run test:unit` and `test:bundle` set TEST_PROJECT rather than pass --selectProjects, whose
// list would swallow the test paths given after it (`npm run test:unit -- __tests__/report`).
const only = process.env.TEST_PROJECT
if (only && !projects.some((project) => project.displayName === only)) {
  throw new Error(`TEST_PROJECT=${only} names no jest project: use unit or bundle, or unset it.`)
}

export default {
  // Also at the top level: a run of both projects takes the global value, not each project's.
  testTimeout: 30000,
  coverageReporters: ['json-summary', 'text', 'lcov'],
  projects: only ? projects.filter((project) => project.displayName === only) : projects
}
