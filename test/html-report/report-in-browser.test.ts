/// <reference lib="dom" />
/**
 * The HTML report in a real browser: the bundled CLI scores the bundled sample against the fake
 * Encord API (with editor links to the public app), and headless Chromium (tools/chromium, from
 * npm packages alone) opens the report.html it wrote from file://. The page must load with no
 * console error and no request but itself, sort its tables from the keyboard, filter the worst
 * items, link every item to the label editor in the expected form, and be readable without
 * JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'puppeteer-core'
import { runNode, tempDir } from '../../__tests__/cli/support.js'
import { launchChromium } from '../../tools/chromium/launch.mjs'
import { startFakeEncord, type FakeEncord, type Scenario } from '../../tools/fake-encord/server.mjs'
import { bundleFile, freshBuildRoot } from '../bundle.js'

const APP = 'https://app.encord.com'
/** A browser on a busy two-core runner can take seconds per page. */
const PAGE_TEST_MS = 60_000
const EDITOR_LINK = /^https:\/\/app\.encord\.com\/label_editor\/([0-9a-f-]{36})\/([^/]+)\/(\d+)$/

interface SampleProjects {
  benchmarkProject: string
  trainingProjects: string[]
}

let fake: FakeEncord
let temp: { dir: string; remove(): Promise<void> }
let browser: Browser
let reportUrl: string
let projects: SampleProjects

beforeAll(async () => {
  const sample = path.join(freshBuildRoot(), 'samples', 'demo')
  projects = JSON.parse(
    await readFile(path.join(sample, 'projects.json'), 'utf8')
  ) as SampleProjects
  const scenario = JSON.parse(
    await readFile(path.join(sample, 'scenario.json'), 'utf8')
  ) as Scenario
  fake = await startFakeEncord({ scenario })
  temp = await tempDir('html-report-')
  const run = await runNode(
    [
      bundleFile('cli.js'),
      '--encord-domain',
      fake.url,
      '--encord-app-url',
      APP,
      '--benchmark-project',
      projects.benchmarkProject,
      '--training-projects',
      projects.trainingProjects.join(','),
      '--ssh-private-key-file',
      path.join(sample, 'demo-key'),
      '--min-f1',
      '0.7',
      '--min-mean-iou',
      '0.7',
      '--output-dir',
      temp.dir
    ],
    { env: { ...process.env, FORCE_COLOR: '0' } }
  )
  // The sample's third annotator misses the bar: the run fails its gate, and writes the report.
  if (run.code !== 0 && run.code !== 1) throw new Error(`the CLI failed: ${run.stderr}`)
  reportUrl = pathToFileURL(path.join(temp.dir, 'report.html')).href
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await fake?.close()
  await temp?.remove()
})

interface Opened {
  page: Page
  requests: string[]
  errors: string[]
}

/** Opens the report, answering only the request for the file itself and refusing any other. */
async function open(options: { javaScript?: boolean } = {}): Promise<Opened> {
  const page = await browser.newPage()
  const requests: string[] = []
  const errors: string[] = []
  await page.setJavaScriptEnabled(options.javaScript ?? true)
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    requests.push(request.url())
    if (request.url() === reportUrl) void request.continue()
    else void request.abort()
  })
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(reportUrl, { waitUntil: 'load' })
  return { page, requests, errors }
}

/** The text of column `column` (0-based) of every visible row of a table's body. */
function columnOf(page: Page, tableId: string, column: number): Promise<string[]> {
  return page.$$eval(
    `#${tableId} tbody tr:not([hidden])`,
    (rows, index) =>
      rows.map((row) => (row as HTMLTableRowElement).cells[index]?.textContent?.trim() ?? ''),
    column
  )
}

describe('report.html in Chromium', () => {
  it(
    'loads from file:// with no console error and no request but the file itself',
    async () => {
      const { page, requests, errors } = await open()
      expect(await page.title()).toMatch(/^Annotator scores against /)
      expect(errors).toEqual([])
      expect(requests).toEqual([reportUrl])
      expect(await page.$$eval('#leaderboard tbody tr', (rows) => rows.length)).toBe(
        projects.trainingProjects.length
      )
      // Intervals are on by default, drawn as error bars; a section per annotator, each with its
      // confusion matrix.
      const bars = await page.$$eval('#leaderboard svg.error-bar line.ci', (lines) => lines.length)
      expect(bars).toBeGreaterThan(0)
      const matrices = await page.$$eval(
        '#annotators section.note table.confusion',
        (tables) => tables.length
      )
      expect(matrices).toBe(projects.trainingProjects.length)
      await page.close()
    },
    PAGE_TEST_MS
  )

  it(
    'sorts the leaderboard by any column from the keyboard, and says so with aria-sort',
    async () => {
      const { page, errors } = await open()
      const headers = await page.$$('#leaderboard thead th')
      const f1Column = await page.$$eval('#leaderboard thead th', (cells) =>
        cells.findIndex((cell) => cell.textContent?.trim() === 'F1')
      )
      expect(f1Column).toBeGreaterThan(0)
      const f1Values = async (): Promise<number[]> =>
        page.$$eval(
          '#leaderboard tbody tr',
          (rows, index) =>
            rows.map((row) => Number((row as HTMLTableRowElement).cells[index]?.dataset.sort)),
          f1Column
        )
      const before = await f1Values()
      const ascending = [...before].sort((a, b) => a - b)
      expect(before).not.toEqual(ascending)

      await page.focus(`#leaderboard thead th:nth-child(${f1Column + 1}) button`)
      await page.keyboard.press('Enter')
      expect(await f1Values()).toEqual(ascending)
      const sortState = (): Promise<(string | null)[]> =>
        page.$$eval('#leaderboard thead th', (cells) =>
          cells.map((cell) => cell.getAttribute('aria-sort'))
        )
      expect((await sortState())[f1Column]).toBe('ascending')

      await page.keyboard.press('Space')
      expect(await f1Values()).toEqual([...ascending].reverse())
      expect((await sortState())[f1Column]).toBe('descending')

      // By text: the annotator column, and the other headers back to none.
      await headers[1]!.$eval('button', (button) => (button as HTMLButtonElement).click())
      const names = await columnOf(page, 'leaderboard', 1)
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
      const state = await sortState()
      expect(state[1]).toBe('ascending')
      expect(state.filter((value) => value === 'none')).toHaveLength(state.length - 1)
      expect(errors).toEqual([])
      await page.close()
    },
    PAGE_TEST_MS
  )

  it(
    'filters the worst items by kind and by class',
    async () => {
      const { page, errors } = await open()
      expect(
        await page.$eval('form[data-filters]', (form) => (form as HTMLFormElement).hidden)
      ).toBe(false)
      const total = await page.$$eval('#worst-items tbody tr', (rows) => rows.length)
      expect(total).toBeGreaterThan(0)
      const kinds = await page.$$eval('select[name=kind] option', (options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== '')
      )
      expect(kinds.length).toBeGreaterThan(1)

      await page.select('select[name=kind]', kinds[0]!)
      const shownKinds = await page.$$eval('#worst-items tbody tr:not([hidden])', (rows) =>
        rows.map((row) => row.getAttribute('data-kind'))
      )
      expect(shownKinds.length).toBeGreaterThan(0)
      expect(shownKinds.length).toBeLessThan(total)
      expect(new Set(shownKinds)).toEqual(new Set([kinds[0]]))
      expect(await page.$eval('[data-filter-count]', (count) => count.textContent)).toBe(
        `Showing ${shownKinds.length} of ${total} items.`
      )

      await page.select('select[name=kind]', '')
      const classes = await page.$$eval('select[name=class] option', (options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== '')
      )
      const chosen = classes[0]!
      await page.select('select[name=class]', chosen)
      const shown = await page.$$eval('#worst-items tbody tr:not([hidden])', (rows) =>
        rows.map((row) => [
          row.getAttribute('data-benchmark-class'),
          row.getAttribute('data-training-class')
        ])
      )
      expect(shown.length).toBeGreaterThan(0)
      expect(shown.length).toBeLessThan(total)
      for (const pair of shown) expect(pair).toContain(chosen)
      expect(errors).toEqual([])
      await page.close()
    },
    PAGE_TEST_MS
  )

  it(
    'links every worst item to the annotator’s task and the same frame of the benchmark',
    async () => {
      const { page } = await open()
      const links = await page.$$eval('#worst-items tbody tr', (rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('a'), (link) => link.href))
      )
      expect(links.length).toBeGreaterThan(0)
      for (const [task, benchmark, ...others] of links) {
        expect(others).toEqual([])
        const taskParts = EDITOR_LINK.exec(task ?? '')
        const benchmarkParts = EDITOR_LINK.exec(benchmark ?? '')
        expect(taskParts).not.toBeNull()
        expect(benchmarkParts).not.toBeNull()
        expect(projects.trainingProjects).toContain(taskParts![1])
        expect(benchmarkParts![1]).toBe(projects.benchmarkProject)
        // The same data unit and frame in both projects.
        expect(benchmarkParts!.slice(2)).toEqual(taskParts!.slice(2))
      }
      // The benchmark audit links each suspect to its frame in the benchmark project.
      const suspects = await page.$$eval('#audit a', (anchors) =>
        anchors.map((anchor) => anchor.href)
      )
      for (const href of suspects) {
        expect(EDITOR_LINK.exec(href)?.[1]).toBe(projects.benchmarkProject)
      }
      // Every other link on the page is to a section of the page itself.
      const inPage = await page.$$eval('a:not(#worst-items a):not(#audit a)', (anchors) =>
        anchors.map((anchor) => [
          anchor.getAttribute('href'),
          anchor.getAttribute('href')?.startsWith('#')
            ? document.getElementById(anchor.getAttribute('href')!.slice(1)) !== null
            : false
        ])
      )
      expect(inPage.length).toBeGreaterThan(0)
      for (const [href, found] of inPage) expect([href, found]).toEqual([href, true])
      await page.close()
    },
    PAGE_TEST_MS
  )

  it(
    'is whole without JavaScript: every row there, and no filter that would do nothing',
    async () => {
      const { page, requests, errors } = await open({ javaScript: false })
      const { page: enhanced } = await open()
      const count = (target: Page, selector: string): Promise<number> =>
        target.$$eval(selector, (rows) => rows.length)
      expect(await count(page, '#worst-items tbody tr')).toBe(
        await count(enhanced, '#worst-items tbody tr')
      )
      expect(await count(page, '#leaderboard tbody tr')).toBe(projects.trainingProjects.length)
      expect(
        await page.$eval('form[data-filters]', (form) => (form as HTMLFormElement).hidden)
      ).toBe(true)
      expect(await count(page, 'th button')).toBe(0)
      expect(requests).toEqual([reportUrl])
      expect(errors).toEqual([])
      await page.close()
      await enhanced.close()
    },
    PAGE_TEST_MS
  )
})
