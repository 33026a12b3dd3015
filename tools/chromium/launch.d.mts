import type { Browser } from 'puppeteer-core'

/** Chromium's flags as the browser test and the screenshots launch it. */
export declare const CHROMIUM_ARGS: string[]

/** Headless Chromium from `@sparticuz/chromium`, with its own shared libraries and fonts. */
export declare function launchChromium(): Promise<Browser>
