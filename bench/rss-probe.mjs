// Loaded with `node --import ./bench/rss-probe.mjs dist/index.js`: writes the process's peak
// resident set size (from the kernel's accounting) to $BENCH_RSS_FILE when it exits, and its
// CPU time (user + system, every thread, in ms) to $BENCH_CPU_FILE.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const usage = process.resourceUsage()
  const file = process.env.BENCH_RSS_FILE
  if (file) writeFileSync(file, String(usage.maxRSS * 1024))
  const cpuFile = process.env.BENCH_CPU_FILE
  if (cpuFile) writeFileSync(cpuFile, String((usage.userCPUTime + usage.systemCPUTime) / 1000))
  if (process.env.BENCH_CPU_SPLIT)
    process.stderr.write(
      `user ${usage.userCPUTime / 1e6} s, system ${usage.systemCPUTime / 1e6} s, major faults ${usage.majorPageFault}, minor faults ${usage.minorPageFault}, voluntary cs ${usage.voluntaryContextSwitches}, involuntary ${usage.involuntaryContextSwitches}\n`
    )
})
