// Loaded with `node --import ./bench/rss-probe.mjs dist/index.js`: writes the process's peak
// resident set size (from the kernel's accounting) to $BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024))
})
