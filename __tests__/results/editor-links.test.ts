import { describe, expect, it } from '@jest/globals'
import {
  editorLinkBase,
  editorOrigin,
  itemLinks,
  labelEditorUrl,
  projectHashForLinks
} from '../../src/results/editor-links.js'

const BENCHMARK = '11111111-2222-3333-4444-555555555555'
const TRAINING = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
const DATA = '99999999-8888-7777-6666-555555555555'

describe('editorOrigin', () => {
  it('derives the app of the public platform from its API origin', () => {
    expect(editorOrigin('https://api.encord.com', null)).toBe('https://app.encord.com')
  })

  it('derives the app of the US platform from its API origin', () => {
    expect(editorOrigin('https://api.us.encord.com', null)).toBe('https://app.us.encord.com')
  })

  it('gives no links for any other API origin, such as a local fake or a private deployment', () => {
    expect(editorOrigin('http://127.0.0.1:8123', null)).toBeNull()
    expect(editorOrigin('https://api.encord.example.org', null)).toBeNull()
  })

  it('takes encord-app-url over the derived app, online or offline', () => {
    expect(editorOrigin('https://api.encord.com', 'https://encord.corp.example')).toBe(
      'https://encord.corp.example'
    )
    expect(editorOrigin(null, 'https://encord.corp.example')).toBe('https://encord.corp.example')
  })

  it('gives no links offline without encord-app-url', () => {
    expect(editorOrigin(null, null)).toBeNull()
  })
})

describe('labelEditorUrl', () => {
  it('opens one frame of one data unit in one project', () => {
    expect(labelEditorUrl('https://app.encord.com', TRAINING, DATA, 12)).toBe(
      `https://app.encord.com/label_editor/${TRAINING}/${DATA}/12`
    )
    expect(labelEditorUrl('https://app.us.encord.com', BENCHMARK, DATA, 0)).toBe(
      `https://app.us.encord.com/label_editor/${BENCHMARK}/${DATA}/0`
    )
  })

  it('keeps an odd hash inside its own path segment', () => {
    expect(labelEditorUrl('https://app.encord.com', 'a/b?c', 'd#e(1)', 3)).toBe(
      'https://app.encord.com/label_editor/a%2Fb%3Fc/d%23e%281%29/3'
    )
  })
})

describe('projectHashForLinks', () => {
  it('is the hash itself online', () => {
    expect(projectHashForLinks(TRAINING.toUpperCase())).toBe(TRAINING)
  })

  it("is the first UUID in an export file's base name", () => {
    expect(projectHashForLinks(`exports/alice-${TRAINING}.json`)).toBe(TRAINING)
    expect(projectHashForLinks(`${BENCHMARK}/${TRAINING}-then-${BENCHMARK}.json`)).toBe(TRAINING)
  })

  it('is null for a file name without one (a UUID in a folder name does not count)', () => {
    expect(projectHashForLinks('labels/alice.json')).toBeNull()
    expect(projectHashForLinks(`${TRAINING}/alice.json`)).toBeNull()
  })
})

describe('itemLinks', () => {
  it("links the annotator's task and the same frame in the benchmark", () => {
    const base = editorLinkBase('https://app.encord.com', BENCHMARK, TRAINING)
    expect(itemLinks(base, DATA, 4)).toEqual({
      trainingUrl: `https://app.encord.com/label_editor/${TRAINING}/${DATA}/4`,
      benchmarkUrl: `https://app.encord.com/label_editor/${BENCHMARK}/${DATA}/4`
    })
  })

  it('gives none without an app, or offline when a file name carries no hash', () => {
    expect(itemLinks(editorLinkBase(null, BENCHMARK, TRAINING), DATA, 0)).toEqual({
      trainingUrl: null,
      benchmarkUrl: null
    })
    const offline = editorLinkBase(
      'https://encord.corp.example',
      `b-${BENCHMARK}.json`,
      'alice.json'
    )
    expect(itemLinks(offline, DATA, 0)).toEqual({ trainingUrl: null, benchmarkUrl: null })
  })
})
