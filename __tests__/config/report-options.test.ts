// The inputs that shape the reports, not the scores: report-items, low-iou and encord-app-url.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config.js'
import { InputError } from '../../src/errors.js'
import type { RawInputs } from '../../src/inputs.js'
import { deterministicUuid, generateKeyPair } from '../../tools/fake-encord/scenario.mjs'

const KEY = generateKeyPair(Buffer.alloc(32, 9), { comment: 'report-options-test' })
const ONLINE: RawInputs = {
  'ssh-private-key': KEY.privateKeyOpenSsh,
  'benchmark-project': deterministicUuid('report', 'benchmark'),
  'training-projects': deterministicUuid('report', 'training', 1)
}
const OFFLINE: RawInputs = {
  'benchmark-export': 'labels/benchmark.json',
  'training-exports': 'labels/alice.json',
  'ontology-file': 'labels/ontology.json'
}

function report(raw: RawInputs): unknown {
  return parseConfig(raw).evaluation.report
}

function messageOf(raw: RawInputs): string {
  try {
    parseConfig(raw)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('no error')
}

describe('report options', () => {
  it('default to 200 items, low-iou 0.7 and the public app', () => {
    expect(report(ONLINE)).toEqual({
      items: 200,
      lowIou: 0.7,
      editorOrigin: 'https://app.encord.com'
    })
  })

  it('link to the US app on the US platform', () => {
    expect(report({ ...ONLINE, 'encord-domain': 'https://api.us.encord.com' })).toMatchObject({
      editorOrigin: 'https://app.us.encord.com'
    })
  })

  it('have no links for another API origin unless encord-app-url is set', () => {
    const privateApi = { ...ONLINE, 'encord-domain': 'https://encord-api.corp.example' }
    expect(report(privateApi)).toMatchObject({ editorOrigin: null })
    expect(
      report({ ...privateApi, 'encord-app-url': 'https://encord.corp.example/' })
    ).toMatchObject({ editorOrigin: 'https://encord.corp.example' })
  })

  it('have no links offline unless encord-app-url is set', () => {
    expect(report(OFFLINE)).toMatchObject({ editorOrigin: null })
    expect(report({ ...OFFLINE, 'encord-app-url': 'https://app.encord.com' })).toMatchObject({
      editorOrigin: 'https://app.encord.com'
    })
  })

  it('refuse an encord-app-url that is not an https origin, in one line', () => {
    expect(messageOf({ ...ONLINE, 'encord-app-url': 'app.encord.com' })).toMatch(
      /^Input 'encord-app-url' has 'app\.encord\.com', which is not a URL: use e\.g\. https:\/\/app\.encord\.com/
    )
    expect(messageOf({ ...ONLINE, 'encord-app-url': 'http://encord.corp.example' })).toMatch(
      /^Input 'encord-app-url' must use https/
    )
    expect(
      messageOf({ ...ONLINE, 'encord-app-url': 'https://encord.corp.example/label_editor' })
    ).toBe(
      "Input 'encord-app-url' must be an origin without a path (got https://encord.corp.example/label_editor): use https://encord.corp.example"
    )
  })

  it('refuse a low-iou or report-items out of range', () => {
    expect(messageOf({ ...ONLINE, 'low-iou': '0' })).toMatch(
      /^Input 'low-iou' must be a number greater than 0 and at most 1 \(got '0'\)/
    )
    expect(messageOf({ ...ONLINE, 'report-items': '-1' })).toMatch(
      /^Input 'report-items' must be a whole number from 0 to 10000/
    )
    expect(report({ ...ONLINE, 'report-items': '0', 'low-iou': '0.9' })).toMatchObject({
      items: 0,
      lowIou: 0.9
    })
  })
})
