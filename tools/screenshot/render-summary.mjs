#!/usr/bin/env node
// Renders the README's screenshot (docs/summary.png) from the real output of `npm start`:
// the job summary markdown the action writes, turned into HTML as GitHub would show it
// (marked + github-markdown-css), photographed by headless Chromium.
//
//   npm start && node tools/screenshot/render-summary.mjs [summary.md] [out.png]
//
// Needs Chromium (Debian: apt-get install chromium, or CHROMIUM=path); without it, the headless
// Chromium of the browser test (@sparticuz/chromium, a dev dependency). Not part of npm test.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const summaryFile = path.resolve(
  process.argv[2] ?? path.join(root, 'encord-annotator-eval', 'summary.md')
)
const outFile = path.resolve(process.argv[3] ?? path.join(root, 'docs', 'summary.png'))
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'

const markdown = await readFile(summaryFile, 'utf8')
// Open the first annotator's details, as a reader would, to show what is inside.
const opened = markdown.replace('<details>', '<details open>')
const css = await readFile(
  createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'),
  'utf8'
)
const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
  body { margin: 0; background: #f6f8fa; }
  .frame { margin: 24px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
  .frame > header { padding: 12px 16px; border-bottom: 1px solid #d0d7de; font: 600 14px -apple-system, 'Segoe UI', sans-serif; }
  .markdown-body { padding: 16px 24px; font-size: 14px; }
  .markdown-body table { font-size: 12px; }
</style></head><body><div class="frame"><header>score summary</header>
<article class="markdown-body">${marked.parse(opened)}</article></div></body></html>`

const work = await mkdtemp(path.join(tmpdir(), 'summary-shot-'))
try {
  const page = path.join(work, 'summary.html')
  await writeFile(page, html)
  if (existsSync(chromium)) {
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${path.join(work, 'profile')}`,
        '--hide-scrollbars',
        '--window-size=1400,1700',
        `--screenshot=${outFile}`,
        `file://${page}`
      ],
      { stdio: 'ignore' }
    )
  } else {
    // No system Chromium: the headless build the browser test uses (@sparticuz/chromium, driven
    // by puppeteer-core; its shell ignores --screenshot), at the same window size.
    const { default: bundled } = await import('@sparticuz/chromium')
    const { default: puppeteer } = await import('puppeteer-core')
    const browser = await puppeteer.launch({
      executablePath: await bundled.executablePath(),
      args: bundled.args,
      headless: true
    })
    try {
      const tab = await browser.newPage()
      await tab.setViewport({ width: 1400, height: 1700 })
      await tab.goto(`file://${page}`)
      await tab.screenshot({ path: outFile })
    } finally {
      await browser.close()
    }
  }
  console.log(
    `Wrote ${path.relative(process.cwd(), outFile)} from ${path.relative(process.cwd(), summaryFile)}`
  )
} finally {
  await rm(work, { recursive: true, force: true })
}
