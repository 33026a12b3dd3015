import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { releaseChangelog, sectionOf } from '../../tools/release/changelog.mjs'

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

A note for readers of the unreleased state.

### Added

- Intervals on every score.

### Fixed

- A run that hung.

### Removed

## [1.1.0] - 2026-01-02

### Added

- Links.

[Unreleased]: https://github.com/encord-annotator-eval/encord-annotator-eval/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/encord-annotator-eval/encord-annotator-eval/compare/v1.0.0...v1.1.0
`

describe('releaseChangelog', () => {
  const released = releaseChangelog(CHANGELOG, '1.2.0', '2026-12-03')

  it('moves the unreleased entries under the new version and leaves an empty Unreleased', () => {
    expect(sectionOf(released, 'Unreleased')).toBe('')
    expect(sectionOf(released, '1.2.0')).toBe(
      '### Added\n\n- Intervals on every score.\n\n### Fixed\n\n- A run that hung.'
    )
    expect(released).toContain('## [1.2.0] - 2026-12-03')
    expect(sectionOf(released, '1.1.0')).toBe('### Added\n\n- Links.')
  })

  it('points the link references at the new tag', () => {
    expect(released).toContain(
      '[Unreleased]: https://github.com/encord-annotator-eval/encord-annotator-eval/compare/v1.2.0...HEAD'
    )
    expect(released).toContain(
      '[1.2.0]: https://github.com/encord-annotator-eval/encord-annotator-eval/compare/v1.1.0...v1.2.0'
    )
    expect(released.match(/^\[Unreleased\]: /gm)).toHaveLength(1)
    expect(released).toContain('[1.1.0]: ')
  })

  it('refuses a version that exists, a bad version, and an empty Unreleased section', () => {
    expect(() => releaseChangelog(CHANGELOG, '1.1.0', '2026-12-03')).toThrow('already has 1.1.0')
    expect(() => releaseChangelog(CHANGELOG, 'v1.2', '2026-12-03')).toThrow('not a version')
    expect(() => releaseChangelog(released, '1.3.0', '2026-12-03')).toThrow('lists nothing')
  })

  it("links a first release to its tag and can release the repository's own changelog", () => {
    const own = readFileSync('CHANGELOG.md', 'utf8')
    const first = releaseChangelog(own, '9.0.0', '2026-12-03')
    expect(sectionOf(first, '9.0.0')).toMatch(/^### Added\n\n- /)
    expect(first).toContain(
      '[9.0.0]: https://github.com/encord-annotator-eval/encord-annotator-eval/releases/tag/v9.0.0'
    )
  })
})
