// Micro-benchmark of src/evaluate/geometry. Build first, then run:
//   npx tsc -p tsconfig.json && node bench/geometry-micro.mjs [path/to/build/]
// Numbers are per call, median of 5 rounds after a warm-up round. Inputs come from a fixed-seed
// generator, so runs are comparable; absolute numbers depend on the machine (a calibration loop
// is printed first).
import { pathToFileURL } from 'node:url'

const buildDir = process.argv[2]
  ? pathToFileURL(process.argv[2].endsWith('/') ? process.argv[2] : `${process.argv[2]}/`)
  : new URL('../build/', import.meta.url)
const { similarity, boundsOf, boundsOverlap } = await import(
  new URL('evaluate/geometry/index.js', buildDir).href
)
// The clipping library is reached through our wrappers (clipping.ts is its only importer).
const { intersectionArea, unionOf } = await import(
  new URL('evaluate/geometry/clipping.js', buildDir).href
)

let seed = 20250101
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const SIZE = { width: 1920, height: 1080 }

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Time `run(item)` over `items`; returns the median nanoseconds per call. */
function timePerCall(items, run) {
  let sink = 0
  const rounds = []
  for (let round = 0; round < 6; round++) {
    const start = process.hrtime.bigint()
    for (const item of items) sink += run(item)
    const elapsed = Number(process.hrtime.bigint() - start)
    if (round > 0) rounds.push(elapsed / items.length)
  }
  if (Number.isNaN(sink)) console.log('unexpected NaN')
  return median(rounds)
}

function report(label, nanoseconds) {
  const text =
    nanoseconds >= 1e3 ? `${(nanoseconds / 1e3).toFixed(1)} µs` : `${nanoseconds.toFixed(0)} ns`
  console.log(`${label.padEnd(58)} ${text.padStart(10)} per call`)
}

// Calibration: how fast is this machine at plain arithmetic?
{
  const start = process.hrtime.bigint()
  let sum = 0
  for (let i = 0; i < 1e7; i++) sum += i * 0.5
  const ns = Number(process.hrtime.bigint() - start) / 1e7
  report(`calibration: one multiply-add in a loop (sum ${sum > 0 ? 'ok' : '?'})`, ns)
}

// Boxes: annotator boxes near expert boxes (most pairs overlap), in normalised units.
const boxPairs = Array.from({ length: 300_000 }, () => {
  const x = random() * 0.8
  const y = random() * 0.8
  const w = 0.02 + random() * 0.15
  const h = 0.02 + random() * 0.15
  const jitter = () => (random() - 0.5) * 0.04
  return [
    { type: 'box', x, y, w, h },
    { type: 'box', x: x + jitter(), y: y + jitter(), w: w + jitter() / 2, h: h + jitter() / 2 }
  ]
})
report(
  'harness only: the same loop reading two fields',
  timePerCall(boxPairs, ([a, b]) => a.x + b.x)
)
report(
  'box IoU, 300k overlapping pairs',
  timePerCall(boxPairs, ([a, b]) => similarity(a, b, SIZE))
)

// Polygons: star-shaped, 10–30 vertices, the second a perturbed, shifted copy-like neighbour.
function starRing(centreX, centreY, radius, vertices) {
  const ring = []
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * k) / vertices
    const r = radius * (0.6 + 0.4 * random())
    ring.push([centreX + r * Math.cos(angle), centreY + r * Math.sin(angle)])
  }
  return ring
}
const polygonPairsPixels = Array.from({ length: 500 }, () => {
  const centreX = 200 + random() * 1500
  const centreY = 150 + random() * 750
  const radius = 30 + random() * 120
  const a = starRing(centreX, centreY, radius, 10 + Math.floor(random() * 21))
  const b = starRing(
    centreX + (random() - 0.5) * radius * 0.4,
    centreY + (random() - 0.5) * radius * 0.4,
    radius * (0.8 + random() * 0.4),
    10 + Math.floor(random() * 21)
  )
  return [a, b]
})
const toGeometry = (ring) => ({
  type: 'polygon',
  polygons: [[ring.flatMap(([x, y]) => [x / SIZE.width, y / SIZE.height])]]
})
const polygonPairs = polygonPairsPixels.map(([a, b]) => [toGeometry(a), toGeometry(b)])
report(
  'polygon IoU via similarity (10–30 vertices, overlapping)',
  timePerCall(polygonPairs, ([a, b]) => similarity(a, b, SIZE))
)
const farPairs = polygonPairs
  .map(([a], k) => [a, polygonPairs[(k + 250) % 500][1]])
  .filter(([a, b]) => !boundsOverlap(boundsOf(a, SIZE), boundsOf(b, SIZE)))
report(
  `polygon pairs with disjoint bounds (${farPairs.length}), rejected before the library`,
  timePerCall(farPairs, ([a, b]) => similarity(a, b, SIZE))
)
report(
  'library only: clipper-lib intersection (intersectionArea)',
  timePerCall(polygonPairsPixels, ([a, b]) => intersectionArea([[a]], [[b]]))
)
const samePairs = polygonPairs.map(([a]) => [a, structuredClone(a)])
report(
  'polygon against a copy of itself (1 without the library)',
  timePerCall(samePairs, ([a, b]) => similarity(a, b, SIZE))
)

// Pairs drawn from their own generator, so that the inputs of every later section stay as they were.
let ownSeed = 4242
const ownRandom = () => (ownSeed = (ownSeed * 1103515245 + 12345) % 2147483648) / 2147483648
/** A smooth outline traced with n vertices, each up to `jitter` px off: how annotators draw. */
function tracedRing(centreX, centreY, radius, phase, vertices, jitter) {
  const ring = []
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * (k + ownRandom() * 0.5)) / vertices
    const r = radius * (1 + 0.25 * Math.sin(3 * angle + phase) + 0.1 * Math.cos(5 * angle + phase))
    ring.push([
      centreX + r * Math.cos(angle) + (ownRandom() - 0.5) * 2 * jitter,
      centreY + r * Math.sin(angle) + (ownRandom() - 0.5) * 2 * jitter
    ])
  }
  return ring
}
const tracedPairs = Array.from({ length: 500 }, () => {
  const centreX = 200 + ownRandom() * 1500
  const centreY = 150 + ownRandom() * 750
  const radius = 20 + ownRandom() * 150
  const phase = ownRandom() * 6
  const trace = () =>
    toGeometry(tracedRing(centreX, centreY, radius, phase, 10 + Math.floor(ownRandom() * 21), 1.5))
  return [trace(), trace()]
})
report(
  'polygon IoU, two tracings of one outline (10–30 vertices)',
  timePerCall(tracedPairs, ([a, b]) => similarity(a, b, SIZE))
)
const holedPairs = polygonPairsPixels.map(([a, b]) => {
  const [centreX, centreY] = a.reduce(
    ([x, y], [px, py]) => [x + px / a.length, y + py / a.length],
    [0, 0]
  )
  const hole = a.map(([x, y]) => [centreX + (x - centreX) * 0.3, centreY + (y - centreY) * 0.3])
  const island = b.map(([x, y]) => [x + 400, y])
  const toPixels = (polygons) => ({
    type: 'polygon',
    polygons: polygons.map((rings) =>
      rings.map((ring) => ring.flatMap(([x, y]) => [x / SIZE.width, y / SIZE.height]))
    )
  })
  return [toPixels([[a, hole.reverse()]]), toPixels([[b], [island]])]
})
report(
  'polygon with a hole against a two-part multi-polygon',
  timePerCall(holedPairs, ([a, b]) => similarity(a, b, SIZE))
)

// Rotated boxes at arbitrary angles (library path) and at 0° (box path).
const rotatedPairs = boxPairs.slice(0, 500).map(([a, b]) => [
  { ...a, type: 'rotatedBox', theta: random() * 90 },
  { ...b, type: 'rotatedBox', theta: random() * 90 }
])
report(
  'rotated box IoU, arbitrary angles',
  timePerCall(rotatedPairs, ([a, b]) => similarity(a, b, SIZE))
)

// Points and skeletons.
const pointPairs = boxPairs.slice(0, 100_000).map(([a, b]) => [
  { type: 'point', x: a.x, y: a.y },
  { type: 'point', x: b.x, y: b.y }
])
report(
  'point OKS',
  timePerCall(pointPairs, ([a, b]) => similarity(a, b, SIZE))
)
const skeleton = (x, y) => ({
  type: 'skeleton',
  nodes: Array.from({ length: 17 }, (_, k) => ({
    name: `node-${k}`,
    featureHash: `hash-${k}`,
    x: x + (k % 4) * 0.01 + random() * 0.002,
    y: y + Math.floor(k / 4) * 0.02 + random() * 0.002,
    visibility: k === 5 ? 'invisible' : 'visible'
  }))
})
const skeletonPairs = boxPairs.slice(0, 5000).map(([a]) => [skeleton(a.x, a.y), skeleton(a.x, a.y)])
report(
  'skeleton OKS, 17 nodes',
  timePerCall(skeletonPairs, ([a, b]) => similarity(a, b, SIZE))
)

// Polylines (the zigzag star outlines, 10–30 points): the first call per line prepares it (segments
// and its own buffer area); the shared area is integrated per pair.
const polyline = (ring) => ({
  type: 'polyline',
  points: ring.map(([x, y]) => ({ x: x / SIZE.width, y: y / SIZE.height }))
})
const polylinePairs = polygonPairsPixels.slice(0, 100).map(([a, b]) => [polyline(a), polyline(b)])
const firstStart = process.hrtime.bigint()
for (const [a, b] of polylinePairs) similarity(a, b, SIZE)
report(
  'polyline buffered IoU, first call (prepares both lines)',
  Number(process.hrtime.bigint() - firstStart) / polylinePairs.length
)
report(
  'polyline buffered IoU, lines already prepared',
  timePerCall(polylinePairs, ([a, b]) => similarity(a, b, SIZE))
)

// The design polylines do not use: buffers as unions of capsules (32-gon ends) by the library.
const radius = 0.01 * Math.sqrt(SIZE.width * SIZE.height)
function capsule([sx, sy], [ex, ey]) {
  const heading = Math.atan2(ey - sy, ex - sx)
  const ring = []
  for (const [cx, cy, from] of [
    [ex, ey, heading - Math.PI / 2],
    [sx, sy, heading + Math.PI / 2]
  ]) {
    for (let k = 0; k <= 16; k++) {
      const angle = from + (Math.PI * k) / 16
      ring.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)])
    }
  }
  return [ring]
}
const libraryBuffer = (ring) => unionOf(ring.slice(1).map((end, k) => capsule(ring[k], end)))
const fewLines = polygonPairsPixels.slice(0, 10)
report(
  'rejected: polyline buffer as a library union (unionOf)',
  timePerCall(fewLines, ([a]) => libraryBuffer(a).length)
)
const builtBuffers = fewLines.map(([a, b]) => [libraryBuffer(a), libraryBuffer(b)])
report(
  'rejected: intersection of two such buffers',
  timePerCall(builtBuffers, ([a, b]) => intersectionArea(a, b))
)

// Bitmasks: 1920×1080 masks holding a 200×150 blob, the second shifted by 20 px.
const { encodeRleCounts } = await import(new URL('evaluate/geometry/rle.js', buildDir).href)
function blobMask(left, top, width, height) {
  const counts = [top * SIZE.width + left]
  for (let row = 0; row < height; row++) {
    counts.push(width)
    counts.push(
      row === height - 1
        ? SIZE.width * SIZE.height - ((top + row) * SIZE.width + left + width)
        : SIZE.width - width
    )
  }
  return {
    type: 'bitmask',
    top: 0,
    left: 0,
    width: SIZE.width,
    height: SIZE.height,
    rle: encodeRleCounts(counts)
  }
}
const maskPairs = Array.from({ length: 200 }, () => {
  const left = Math.floor(random() * 1500)
  const top = Math.floor(random() * 800)
  return [blobMask(left, top, 200, 150), blobMask(left + 20, top + 20, 200, 150)]
})
const maskStart = process.hrtime.bigint()
for (const [a, b] of maskPairs) similarity(a, b, SIZE)
report(
  'bitmask IoU 1920×1080, first call (decodes 2 masks)',
  Number(process.hrtime.bigint() - maskStart) / maskPairs.length
)
report(
  'bitmask IoU 1920×1080, decoded masks cached',
  timePerCall(maskPairs, ([a, b]) => similarity(a, b, SIZE))
)
const maskPolygonPairs = maskPairs.map(([a], k) => [a, polygonPairs[k][0]])
report(
  'bitmask vs polygon (rasterised onto the mask grid)',
  timePerCall(maskPolygonPairs, ([a, b]) => similarity(a, b, SIZE))
)
