// Micro-benchmark of picking the worst items of a project with a million object results (half
// misses, half matches of falling IoU), as the summary and report.json do. The unit test checks
// the reason it is fast (one pass, each IoU read a few times); this measures the time.
//
//   npx tsc -p tsconfig.json && node bench/worst-items-micro.mjs [runs]
import { performance } from 'node:perf_hooks'
import { worstItems, DEFAULT_WORST_ITEMS_PER_KIND } from '../build/results/worst-items.js'

const OBJECTS = 1_000_000
const RUNS = Number(process.argv[2] ?? 9)

const ref = (className, objectHash) => ({
  className,
  objectHash,
  featureHash: `feature-${className}`
})
const base = {
  dataHash: 'data-1',
  dataTitle: 'image-1.jpg',
  labelHash: 'label-1',
  frame: 0,
  shape: 'bounding_box',
  benchmark: ref('car', 'bench-obj-1'),
  attributeAgreement: null,
  attributeMismatches: []
}
const missed = { ...base, status: 'missed', iou: null, training: null }
const objects = Array.from({ length: OBJECTS }, (_, index) =>
  index % 2 === 0
    ? missed
    : {
        ...base,
        status: 'matched',
        iou: 1 - index / (2 * OBJECTS),
        training: ref('car', 'train-obj-1')
      }
)
const evaluation = { method: 'one-to-one', objects }

const times = []
let picked = 0
for (let run = 0; run < RUNS; run++) {
  const started = performance.now()
  picked = worstItems(evaluation, DEFAULT_WORST_ITEMS_PER_KIND).length
  times.push(performance.now() - started)
}
times.sort((a, b) => a - b)
console.log(
  `worst items of ${OBJECTS.toLocaleString('en')} objects (${picked} picked): median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms over ${RUNS} runs`
)
