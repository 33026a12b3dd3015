// Headless Chromium for the browser test and the README screenshots, from npm packages alone:
// `@sparticuz/chromium` ships a brotli-packed Chromium inside the package (unpacked to the temp
// folder on first use) together with the few shared libraries it needs beyond glibc (NSS, NSPR,
// expat), and `puppeteer-core` drives it. Nothing downloads a browser, at install or at run time,
// and no system package is needed: the shipped libraries are put first on LD_LIBRARY_PATH, so the
// browser runs the same on a bare Debian as on a desktop. The shipped fonts are used too, so a
// screenshot looks the same everywhere.
import chromium from '@sparticuz/chromium'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import puppeteer from 'puppeteer-core'

const require = createRequire(import.meta.url)
// The package exports only its entry (build/cjs/index.cjs): its folder is two levels above it.
const packageDir = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..', '..')
const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'))

/**
 * The package's flags for a headless, sandbox-less Chromium (we run as root in CI), less the two
 * that relax the same-origin rules: the browser test checks the page as a user's browser opens it.
 * Plus flags that keep the browser itself from calling home while the test counts requests.
 */
export const CHROMIUM_ARGS = [
  ...chromium.args.filter(
    (flag) => flag !== '--disable-web-security' && flag !== '--allow-running-insecure-content'
  ),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/** Starts headless Chromium; close it with `browser.close()`. */
export async function launchChromium() {
  const executablePath = await chromium.executablePath()
  const libraries = await sharedLibraries()
  const fonts = path.join(tmpdir(), 'fonts')
  const env = {
    ...process.env,
    LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    ...(existsSync(path.join(fonts, 'fonts.conf')) ? { FONTCONFIG_PATH: fonts } : {})
  }
  return puppeteer.launch({ executablePath, headless: 'shell', args: CHROMIUM_ARGS, env })
}

/**
 * The package's shared libraries (bin/al2023.tar.br), unpacked once per package version into the
 * temp folder. The package itself unpacks them only on AWS; they work on Debian's glibc as well.
 * Unpacked into a fresh folder and renamed into place, so two test workers cannot see half of it.
 */
async function sharedLibraries() {
  const target = path.join(tmpdir(), `encord-annotator-eval-chromium-lib-${version}`)
  if (existsSync(path.join(target, 'libnss3.so'))) return target
  const staging = await mkdtemp(`${target}-`)
  const archive = brotliDecompressSync(
    await readFile(path.join(packageDir, 'bin', 'al2023.tar.br'))
  )
  for (const entry of tarEntries(archive)) {
    await writeFile(path.join(staging, path.basename(entry.name)), entry.data, { mode: 0o755 })
  }
  await mkdir(path.dirname(target), { recursive: true })
  await rename(staging, target).catch(async (error) => {
    await rm(staging, { recursive: true, force: true })
    // Another process put the same files there first.
    if (!existsSync(path.join(target, 'libnss3.so'))) throw error
  })
  return target
}

/**
 * The regular files of a ustar archive: 512-byte headers (name at 0, octal size at 124, type at
 * 156), each file's bytes padded to 512. Enough for the package's archive of a dozen files.
 */
function* tarEntries(archive) {
  let offset = 0
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512)
    const name = cString(header.subarray(0, 100))
    if (name === '') return
    const size = parseInt(cString(header.subarray(124, 136)).trim() || '0', 8)
    const type = String.fromCharCode(header[156] || 48)
    const prefix = cString(header.subarray(345, 500))
    const start = offset + 512
    if (type === '0') {
      yield {
        name: prefix ? `${prefix}/${name}` : name,
        data: archive.subarray(start, start + size)
      }
    }
    offset = start + Math.ceil(size / 512) * 512
  }
}

function cString(bytes) {
  const end = bytes.indexOf(0)
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8')
}
