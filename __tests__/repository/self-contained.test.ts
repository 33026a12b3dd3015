import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository stands alone: everything a reader needs is in it. This walks every text file
 * of the working tree (not dependencies, builds or binaries) and fails on a path outside the
 * repository, on a `docs/X.md §N` citation whose file or section does not exist, and on a path
 * of the repository that a document in docs/ names but that is not there (a file moved).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** This file: its examples of what is not allowed are not read as the repository's text. */
const THIS_FILE = fileURLToPath(import.meta.url)

/** Directories never read, wherever they are: dependencies, builds, coverage, git itself. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'coverage', 'build'])
/** Ignored by git at the root (.gitignore): scratch and benchmark output. */
const SKIPPED_PATHS = new Set(['tmp', 'encord-annotator-eval', 'bench/out'])
// `.git` is a file, not a folder, in a linked worktree (`git worktree add`): it names where the
// repository's git folder lies.
const SKIPPED_FILES = new Set(['package-lock.json', 'bench-state.json', '.env', '.git'])
const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|ico|webp|gz|tgz|zip|pdf|woff2?|cpuprofile)$/i

/**
 * Paths that point outside the repository. Each pattern needs the path to start where a path
 * can start, so a URL's path or the runner's workspace under its home do not count;
 * `/tmp` and `/usr/bin/env` are not home-like and are left alone. `.librar[y]` is spelled so
 * that this file does not match itself.
 */
const OUTSIDE_PATHS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a sibling of the repository', pattern: /\.\.\/shared\b/ },
  { name: 'the work area', pattern: /(?<![\w.~-])\/work\// },
  { name: 'a local library', pattern: /(?<![\w-])\.librar[y]\b/ },
  { name: 'a macOS home', pattern: /(?<![\w.~-])\/Users\/[^/\s]+\// },
  { name: 'a Linux home', pattern: /(?<![\w.~-])\/home\/(?!runner\/)[^/\s]+\// },
  { name: 'a Windows home', pattern: /\b[A-Za-z]:\\Users\\/ }
]

/** A note that lived outside the repository, cited without `docs/`. */
const OLD_NOTE =
  /(?<![\w/.-])(?:encord-api|script-semantics|evaluation-notes|github-action-notes|design)\.md\b/

const DOC_MENTION = /docs\/([\w.-]+\.md)/g
/** `§7`, `§7.5`, `§2.3–2.4`, `§6.1-6.4`: a section, or a range of them. */
const SECTION_REF = /§\s?(\d+(?:\.\d+)*)(?:[–-](\d+(?:\.\d+)*))?/g

function textFiles(dir = ROOT): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const fromRoot = relative(ROOT, path).split(sep).join('/')
    if (SKIPPED_PATHS.has(fromRoot)) continue
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...textFiles(path))
    } else if (entry.isFile() && !SKIPPED_FILES.has(entry.name) && path !== THIS_FILE) {
      if (!BINARY_EXTENSIONS.test(entry.name)) files.push(path)
    }
  }
  return files
}

/** The file's text, or null for a binary file (one with a NUL byte). */
function readText(file: string): string | null {
  const bytes = readFileSync(file)
  return bytes.includes(0) ? null : bytes.toString('utf8')
}

/** Outside paths in `text`, one line each: `<line>: <what> (<the match>)`. */
function outsidePaths(text: string): string[] {
  const found: string[] = []
  for (const [index, line] of text.split('\n').entries()) {
    for (const { name, pattern } of OUTSIDE_PATHS) {
      const match = pattern.exec(line)
      if (match) found.push(`${index + 1}: ${name} (${match[0]})`)
    }
    const note = OLD_NOTE.exec(line)
    if (note) found.push(`${index + 1}: ${note[0]} is not in the repository: cite docs/…`)
  }
  return found
}

/** Section numbers of a markdown document: `## 7. Label rows` gives 7, `### 7.5 …` gives 7.5. */
function sectionsOf(markdown: string): Set<string> {
  const sections = new Set<string>()
  for (const match of markdown.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)) sections.add(match[1]!)
  return sections
}

interface Citation {
  line: number
  doc: string | null
  section: string
}

/**
 * The `§N` citations of a file and the document each refers to. In a file under `docs/`, a
 * section refers to the document last named earlier on its line, else to the file itself. In
 * any other file, to the document last named anywhere before it (a comment names the document
 * once, then cites its sections), else to none.
 */
function citationsOf(text: string, self: string | null): Citation[] {
  const citations: Citation[] = []
  let lastNamed: string | null = null
  for (const [index, line] of text.split('\n').entries()) {
    const mentions = [...line.matchAll(DOC_MENTION)].map((m) => ({ at: m.index, doc: m[1]! }))
    for (const ref of line.matchAll(SECTION_REF)) {
      const before = mentions.filter((mention) => mention.at < ref.index)
      const onLine = before.at(-1)?.doc ?? null
      const doc = self === null ? (onLine ?? lastNamed) : (onLine ?? self)
      for (const section of [ref[1]!, ...(ref[2] ? [ref[2]] : [])]) {
        citations.push({ line: index + 1, doc, section })
      }
    }
    lastNamed = mentions.at(-1)?.doc ?? lastNamed
  }
  return citations
}

function brokenCitations(file: string, text: string): string[] {
  const fromRoot = relative(ROOT, file).split(sep).join('/')
  const self = dirname(fromRoot) === 'docs' ? basename(fromRoot) : null
  const problems: string[] = []
  for (const match of text.matchAll(DOC_MENTION)) {
    if (docSections(match[1]!) === null) problems.push(`docs/${match[1]!} does not exist`)
  }
  for (const { line, doc, section } of citationsOf(text, self)) {
    if (doc === null) {
      problems.push(`${line}: §${section} names no document (write docs/X.md §${section})`)
      continue
    }
    const sections = docSections(doc)
    if (sections !== null && !sections.has(section)) {
      problems.push(`${line}: docs/${doc} has no §${section}`)
    }
  }
  return problems.map((problem) => `${fromRoot}: ${problem}`)
}

const sectionCache = new Map<string, Set<string> | null>()
function docSections(doc: string): Set<string> | null {
  if (!sectionCache.has(doc)) {
    let sections: Set<string> | null = null
    try {
      sections = sectionsOf(readFileSync(join(ROOT, 'docs', doc), 'utf8'))
    } catch {
      sections = null
    }
    sectionCache.set(doc, sections)
  }
  return sectionCache.get(doc) ?? null
}

describe('the rules', () => {
  it('find paths outside the repository', () => {
    // Built from parts, so that this file itself names no place outside the repository.
    const work = ['', 'work', ''].join('/')
    const sibling = ['..', 'shared', ''].join('/')
    for (const text of [
      `see ${sibling}encord-api.md`,
      `from \`${work}shared/seed/000.txt\``,
      `'csv-path': '${work}out/iou_results.csv'`,
      `read ${work}.librar${'y'}/env/README.md`,
      'at /Users/ada/code/x.ts',
      'at /home/ada/x.ts',
      'at C:\\Users\\ada\\x.ts',
      '(see script-semantics.md)',
      'as encord-api.md §5.2 says'
    ]) {
      expect(outsidePaths(text)).not.toEqual([])
    }
  })

  it('leave URLs, temporary files, interpreters and the runner alone', () => {
    const work = ['', 'work', ''].join('/')
    for (const text of [
      `https://github.com/org/repo${work}x`,
      'join(tmpdir(), "out")',
      '/tmp/encord-annotator-eval/report.json',
      '#!/usr/bin/env node',
      `/home/runner${work}repo/repo`,
      'as docs/encord-api.md §5.2 says'
    ]) {
      expect(outsidePaths(text)).toEqual([])
    }
  })

  it('read sections from headings', () => {
    expect(
      sectionsOf('# Title\n## 1. Two\n### 1.1 Domain\n## 12. Pitfalls\n#### 12.3 Rows')
    ).toEqual(new Set(['1', '1.1', '12', '12.3']))
  })

  it('tie each section to its document, ranges included', () => {
    const code = '// (docs/a.md §2.3–2.4)\n// later (§7)\n// docs/b.md §1, §3'
    expect(citationsOf(code, null)).toEqual([
      { line: 1, doc: 'a.md', section: '2.3' },
      { line: 1, doc: 'a.md', section: '2.4' },
      { line: 2, doc: 'a.md', section: '7' },
      { line: 3, doc: 'b.md', section: '1' },
      { line: 3, doc: 'b.md', section: '3' }
    ])
    expect(citationsOf('see §4\n', null)).toEqual([{ line: 1, doc: null, section: '4' }])
    const doc = 'in `docs/b.md` §6.6 and §2\nour §3'
    expect(citationsOf(doc, 'a.md').map((c) => `${c.doc} ${c.section}`)).toEqual([
      'b.md 6.6',
      'b.md 2',
      'a.md 3'
    ])
  })
})

describe('the repository', () => {
  const files = textFiles()
    .map((file) => ({ file, text: readText(file) }))
    .filter((entry): entry is { file: string; text: string } => entry.text !== null)

  it('reads the files it should', () => {
    const names = files.map(({ file }) => relative(ROOT, file).split(sep).join('/'))
    expect(names).toEqual(expect.arrayContaining(['README.md', 'action.yml', 'src/main.ts']))
    expect(names.some((name) => name.startsWith('node_modules/') || name.startsWith('dist/'))).toBe(
      false
    )
  })

  it('holds no path outside the repository', () => {
    const problems = files.flatMap(({ file, text }) =>
      outsidePaths(text).map((problem) => `${relative(ROOT, file)}:${problem}`)
    )
    expect(problems).toEqual([])
  })

  it('cites only documents and sections that exist', () => {
    expect(files.flatMap(({ file, text }) => brokenCitations(file, text))).toEqual([])
  })

  it('names, in docs/, only files and folders of the repository that exist', () => {
    const missing = files
      .filter(({ file }) => relative(ROOT, file).split(sep)[0] === 'docs')
      .flatMap(({ file, text }) =>
        [...text.matchAll(/`((?:src|tools|test|__tests__|bench|docs)\/[^`\s]*)`/g)]
          .map((match) => match[1]!)
          .filter((path) => !existsSync(join(ROOT, path)))
          .map((path) => `${relative(ROOT, file)}: ${path}`)
      )
    expect(missing).toEqual([])
  })
})
