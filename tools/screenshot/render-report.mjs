#!/usr/bin/env node
// Renders the README's picture of the HTML report (docs/report.png) from real output: the
// report.html a run wrote (e.g. `npm start -- --encord-app-url https://app.encord.com` writes
// encord-annotator-eval/report.html), opened from file:// by the same headless Chromium as the
// browser test (tools/chromium/launch.mjs), the top of the page photographed.
//
//   node tools/screenshot/render-report.mjs [report.html] [out.png]
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { launchChromium } from '../chromium/launch.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const reportFile = path.resolve(
  process.argv[2] ?? path.join(root, 'encord-annotator-eval', 'report.html')
)
const outFile = path.resolve(process.argv[3] ?? path.join(root, 'docs', 'report.png'))

const browser = await launchChromium()
try {
  const page = await browser.newPage()
  await page.setViewport({ width: 1640, height: 1400 })
  await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' })
  await page.screenshot({ path: outFile })
  console.log(
    `Wrote ${path.relative(process.cwd(), outFile)} from ${path.relative(process.cwd(), reportFile)}`
  )
} finally {
  await browser.close()
}
