#!/usr/bin/env node
// The CHANGELOG.md steps of a release (Keep a Changelog form), for script/release and the release
// workflow:
//   node tools/release/changelog.mjs release VERSION DATE   rewrite CHANGELOG.md for VERSION
//   node tools/release/changelog.mjs notes VERSION          print VERSION's section (release notes)
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const REPOSITORY = 'https://github.com/encord-annotator-eval/encord-annotator-eval'
const SEMVER = /^\d+\.\d+\.\d+$/

/** The body of the section headed `## [name]...`, without its heading; null when there is none. */
export function sectionOf(text, name) {
  const lines = text.split('\n')
  const start = lines.findIndex((line) => line.startsWith(`## [${name}]`))
  if (start === -1) return null
  let end = lines.findIndex((line, index) => index > start && /^## \[|^\[[^\]]+\]: /.test(line))
  if (end === -1) end = lines.length
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trim()
}

/**
 * Moves what is under `## [Unreleased]` to a new `## [VERSION] - DATE` section, leaves an empty
 * Unreleased section above it, and points the link references at the new tag.
 * Throws when the version exists already or there is nothing to release.
 */
export function releaseChangelog(text, version, date) {
  if (!SEMVER.test(version)) throw new Error(`"${version}" is not a version like 1.2.3`)
  if (sectionOf(text, version) !== null) throw new Error(`CHANGELOG.md already has ${version}`)
  const unreleased = sectionOf(text, 'Unreleased')
  if (unreleased === null) throw new Error('CHANGELOG.md has no "## [Unreleased]" section')
  const entries = unreleased.split('\n').filter((line) => /^\s*[-*] /.test(line))
  if (entries.length === 0) throw new Error('the Unreleased section of CHANGELOG.md lists nothing')

  const previous = /^## \[(\d+\.\d+\.\d+)\]/m.exec(text.slice(text.indexOf('## [Unreleased]') + 1))
  // Keep the headings that have entries; drop the explanatory lines meant for the unreleased state.
  const kept = keepSubsectionsWithEntries(unreleased)
  const heading = '## [Unreleased]'
  const before = text.slice(0, text.indexOf(heading))
  const afterUnreleased = text.slice(text.indexOf(heading)).split('\n')
  let next = afterUnreleased.findIndex(
    (line, index) => index > 0 && /^## \[|^\[[^\]]+\]: /.test(line)
  )
  if (next === -1) next = afterUnreleased.length
  const rest = afterUnreleased.slice(next).join('\n')
  const links = rest
    .split('\n')
    .filter((line) => !line.startsWith('[Unreleased]: '))
    .join('\n')
  const compare = previous
    ? `${REPOSITORY}/compare/v${previous[1]}...v${version}`
    : `${REPOSITORY}/releases/tag/v${version}`
  const linkLines = [
    `[Unreleased]: ${REPOSITORY}/compare/v${version}...HEAD`,
    `[${version}]: ${compare}`
  ].join('\n')
  const body = `${heading}\n\n## [${version}] - ${date}\n\n${kept}\n\n`
  const tail = links.trimEnd()
  const withLinks = /^\[/m.test(tail)
    ? tail.replace(/^\[/m, `${linkLines}\n[`)
    : `${tail}${tail ? '\n\n' : ''}${linkLines}`
  return `${before}${body}${withLinks}\n`
}

function keepSubsectionsWithEntries(section) {
  const blocks = []
  let current = null
  for (const line of section.split('\n')) {
    if (line.startsWith('### ')) {
      current = { heading: line, lines: [] }
      blocks.push(current)
    } else if (current) current.lines.push(line)
  }
  return blocks
    .filter((block) => block.lines.some((line) => /^\s*[-*] /.test(line)))
    .map((block) => `${block.heading}\n\n${block.lines.join('\n').trim()}`)
    .join('\n\n')
}

function main([command, version, date]) {
  const file = 'CHANGELOG.md'
  const text = readFileSync(file, 'utf8')
  if (command === 'notes') {
    const notes = sectionOf(text, version)
    if (notes === null) throw new Error(`CHANGELOG.md has no section for ${version}`)
    process.stdout.write(`${notes}\n`)
  } else if (command === 'release') {
    writeFileSync(file, releaseChangelog(text, version, date))
  } else {
    throw new Error('usage: changelog.mjs release VERSION DATE | notes VERSION')
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`changelog: ${error.message}\n`)
    process.exit(1)
  }
}
