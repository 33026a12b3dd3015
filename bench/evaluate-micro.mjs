// Micro-benchmark of the evaluation engine: one training project of 1,000 rows with 10 objects
// each (20 % of rows are 8-frame videos, so tracks), scored `one-to-one` against its benchmark.
//
//   npx tsc -p tsconfig.json && node bench/evaluate-micro.mjs [runs] [mix]
//
// `mix` is `shapes` (default: mostly boxes and polygons, some rotated boxes, polylines, points
// and bitmasks) or `boxes` (boxes only: the engine with the cheapest geometry).
//
// The data is synthetic and deterministic (seeded generator): a benchmark, and a training copy
// with realistic noise — jittered geometry, some wrong classes, some missed objects, some extras —
// over a mix of shapes, mostly boxes and polygons. Prints the median of several timed runs.
import { performance } from 'node:perf_hooks'
import { evaluateProject } from '../build/evaluate/index.js'
import { boundsOf, encodeRleCounts, similarity } from '../build/evaluate/geometry/index.js'

const ROWS = 1000
const OBJECTS_PER_ROW = 10
const VIDEO_SHARE = 0.2
const VIDEO_FRAMES = 8
const RUNS = Number(process.argv[2] ?? 9)
const MIX = process.argv[3] ?? 'shapes'
const SIZE = { width: 1280, height: 720 }

/** mulberry32: small, fast, deterministic. */
function generator(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = generator(20240611)
const pick = (items) => items[Math.floor(random() * items.length)]
const between = (lo, hi) => lo + random() * (hi - lo)

const attribute = (featureHash, name, options) => ({
  featureHash,
  name,
  type: 'radio',
  dynamic: false,
  options: options.map((o) => ({ featureHash: `${o}O`, label: o, value: o, attributes: [] }))
})
const CLASSES = [
  {
    featureHash: 'carF',
    name: 'Car',
    shape: 'bounding_box',
    attributes: [attribute('colA', 'Colour', ['red', 'blue', 'grey'])]
  },
  { featureHash: 'truckF', name: 'Truck', shape: 'bounding_box', attributes: [] },
  { featureHash: 'personF', name: 'Person', shape: 'polygon', attributes: [] },
  { featureHash: 'treeF', name: 'Tree', shape: 'polygon', attributes: [] },
  { featureHash: 'signF', name: 'Sign', shape: 'rotatable_bounding_box', attributes: [] },
  { featureHash: 'laneF', name: 'Lane', shape: 'polyline', attributes: [] },
  { featureHash: 'eyeF', name: 'Eye', shape: 'point', attributes: [] },
  { featureHash: 'roadF', name: 'Road', shape: 'bitmask', attributes: [] }
]
// Mostly boxes and polygons.
const CLASS_WEIGHTS =
  MIX === 'boxes' ? [0.6, 0.4, 0, 0, 0, 0, 0, 0] : [0.3, 0.15, 0.2, 0.15, 0.06, 0.06, 0.06, 0.02]
const ONTOLOGY = {
  ontologyHash: 'bench-ontology',
  objects: CLASSES,
  classifications: [
    {
      featureHash: 'weatherC',
      name: 'Weather',
      attribute: attribute('weatherA', 'Weather', ['sunny', 'rain', 'fog'])
    }
  ],
  skeletonTemplates: []
}

function weightedClass() {
  let r = random()
  for (const [i, w] of CLASS_WEIGHTS.entries()) {
    if ((r -= w) < 0) return CLASSES[i]
  }
  return CLASSES[0]
}

/** A shape around centre (cx, cy) with half-size (rx, ry), normalised coordinates. */
function shapeOf(cls, cx, cy, rx, ry, wobble) {
  switch (cls.shape) {
    case 'bounding_box':
      return { type: 'box', x: cx - rx, y: cy - ry, w: 2 * rx, h: 2 * ry }
    case 'rotatable_bounding_box':
      return {
        type: 'rotatedBox',
        x: cx - rx,
        y: cy - ry,
        w: 2 * rx,
        h: 2 * ry,
        theta: 10 + 20 * wobble
      }
    case 'polygon': {
      const ring = []
      for (let k = 0; k < 10; k++) {
        const angle = (2 * Math.PI * k) / 10
        const r = 0.75 + 0.25 * Math.sin(3 * angle + wobble * 6)
        ring.push(cx + rx * r * Math.cos(angle), cy + ry * r * Math.sin(angle))
      }
      return { type: 'polygon', polygons: [[ring]] }
    }
    case 'polyline':
      return {
        type: 'polyline',
        points: [0, 1, 2, 3].map((k) => ({
          x: cx - rx + (k * 2 * rx) / 3,
          y: cy + ry * Math.sin(k + wobble)
        }))
      }
    case 'point':
      return { type: 'point', x: cx, y: cy }
    case 'bitmask':
      return ellipseMask(cx, cy, rx, ry)
  }
}

/** An ellipse rasterised on the frame grid, as Encord's row-major RLE. */
function ellipseMask(cx, cy, rx, ry) {
  const counts = []
  let run = 0
  let inside = false
  for (let y = 0; y < SIZE.height; y++) {
    for (let x = 0; x < SIZE.width; x++) {
      const dx = ((x + 0.5) / SIZE.width - cx) / rx
      const dy = ((y + 0.5) / SIZE.height - cy) / ry
      const pixel = dx * dx + dy * dy <= 1
      if (pixel !== inside) {
        counts.push(run)
        run = 0
        inside = pixel
      }
      run++
    }
  }
  counts.push(run)
  return {
    type: 'bitmask',
    top: 0,
    left: 0,
    width: SIZE.width,
    height: SIZE.height,
    rle: encodeRleCounts(counts)
  }
}

/** A benchmark object: a class, a centre and a size, moving a little from frame to frame. */
function plannedObject(index, frames) {
  const cls = weightedClass()
  const rx = between(0.03, 0.12)
  const ry = between(0.03, 0.12)
  const cx = between(rx, 1 - rx)
  const cy = between(ry, 1 - ry)
  const vx = between(-0.01, 0.01)
  const colour = pick(['redO', 'blueO', 'greyO'])
  return { index, cls, rx, ry, cx, cy, vx, frames, colour, wobble: random() }
}

function toInstance(plan, prefix, noise, cls = plan.cls) {
  const jitter = (v) => v + between(-noise, noise)
  const annotations = []
  for (let f = 0; f < plan.frames; f++) {
    const cx = jitter(plan.cx + plan.vx * f)
    const cy = jitter(plan.cy)
    annotations.push({
      frame: f,
      geometry: shapeOf(
        cls,
        cx,
        cy,
        plan.rx * (1 + between(-noise, noise) * 5),
        plan.ry,
        plan.wobble
      ),
      createdBy: prefix === 'b' ? 'expert@x.io' : random() < 0.9 ? 'anna@x.io' : 'rev@x.io'
    })
  }
  return {
    objectHash: `${prefix}${plan.index}`,
    featureHash: cls.featureHash,
    className: cls.name,
    shape: cls.shape,
    annotations,
    staticAnswers:
      cls.featureHash === 'carF'
        ? [
            {
              attributeHash: 'colA',
              answer: {
                type: 'radio',
                option: prefix === 't' && random() < 0.1 ? 'blueO' : plan.colour
              }
            }
          ]
        : [],
    dynamicAnswers: []
  }
}

function weather(prefix, frames, flip) {
  return Array.from({ length: frames }, (_, f) => ({
    classificationHash: `${prefix}w${f}`,
    featureHash: 'weatherC',
    name: 'Weather',
    global: false,
    frames: [f],
    answers: [
      {
        attributeHash: 'weatherA',
        answer: { type: 'radio', option: flip && f % 3 === 0 ? 'fogO' : 'sunnyO' }
      }
    ],
    createdBy: prefix === 'b' ? 'expert@x.io' : 'anna@x.io'
  }))
}

function labelRow(dataHash, video, objects, classifications) {
  const frames = video ? VIDEO_FRAMES : 1
  return {
    labelHash: `${dataHash}-label`,
    dataHash,
    dataTitle: `${dataHash}.${video ? 'mp4' : 'jpg'}`,
    dataType: video ? 'video' : 'image',
    numberOfFrames: frames,
    frameSizes: new Map([[0, SIZE]]),
    objects,
    classifications,
    unscored: { objectsByShape: {}, spaceObjects: 0, spaceClassifications: 0 }
  }
}

function synthesise() {
  const benchmarkRows = []
  const trainingRows = []
  for (let r = 0; r < ROWS; r++) {
    const video = random() < VIDEO_SHARE
    const frames = video ? VIDEO_FRAMES : 1
    const plans = Array.from({ length: OBJECTS_PER_ROW }, (_, i) => plannedObject(i, frames))
    const gold = plans.map((p) => toInstance(p, 'b', 0))
    const given = []
    for (const plan of plans) {
      const roll = random()
      if (roll < 0.05) continue // missed
      const sameShape = CLASSES.filter((c) => c.shape === plan.cls.shape && c !== plan.cls)
      const cls = roll < 0.1 && sameShape.length > 0 ? pick(sameShape) : plan.cls // wrong class
      given.push(toInstance(plan, 't', 0.01, cls))
    }
    if (random() < 0.5) given.push(toInstance(plannedObject(99, frames), 't', 0)) // extra
    benchmarkRows.push(labelRow(`data-${r}`, video, gold, weather('b', frames, false)))
    trainingRows.push(labelRow(`data-${r}`, video, given, weather('t', frames, random() < 0.3)))
  }
  const project = (projectHash, title, rows) => ({
    projectHash,
    title,
    ontology: ONTOLOGY,
    rows,
    stageTitle: 'Complete'
  })
  return [project('bench', 'Benchmark', benchmarkRows), project('train', 'Training', trainingRows)]
}

const [benchmark, training] = synthesise()
const options = { method: 'one-to-one', iouThreshold: 0.5 }
const annotations = training.rows.reduce(
  (n, r) => n + r.objects.reduce((m, o) => m + o.annotations.length, 0),
  0
)

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
// Fresh copies for every run, so that no per-geometry cache carries over from a previous run.
const freshCopies = () => [benchmark, training].map((p) => structuredClone(p))

/** Median wall-clock and CPU milliseconds of `RUNS` runs. */
function measure() {
  const wall = []
  const cpu = []
  let result
  for (let run = 0; run < RUNS; run++) {
    const [b, t] = freshCopies()
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    result = evaluateProject(b, t, options)
    wall.push(performance.now() - start)
    const used = process.cpuUsage(cpuStart)
    cpu.push((used.user + used.system) / 1000)
  }
  return { wall: median(wall), min: Math.min(...wall), cpu: median(cpu), result }
}

/** One more run with the geometry functions timed, to split geometry from the engine's own work. */
function profileGeometry() {
  const spent = { similarity: 0, boundsOf: 0, calls: 0 }
  const timed =
    (name, fn) =>
    (...args) => {
      const start = performance.now()
      try {
        return fn(...args)
      } finally {
        spent[name] += performance.now() - start
        spent.calls++
      }
    }
  const [b, t] = freshCopies()
  const start = performance.now()
  evaluateProject(b, t, options, {
    similarity: timed('similarity', similarity),
    boundsOf: timed('boundsOf', boundsOf)
  })
  return { total: performance.now() - start, ...spent }
}

const { wall, min, cpu, result } = measure()
const split = profileGeometry()
const o = result.overall
console.log(
  `evaluateProject one-to-one (${MIX}): ${ROWS} rows, ${annotations} training annotations, ` +
    `${result.objects.length} object results`
)
console.log(
  `  median of ${RUNS} runs: ${wall.toFixed(1)} ms wall (min ${min.toFixed(1)}), ${cpu.toFixed(1)} ms CPU`
)
console.log(
  `  one timed run: ${split.total.toFixed(0)} ms = similarity ${split.similarity.toFixed(0)} ms + ` +
    `boundsOf ${split.boundsOf.toFixed(0)} ms (${split.calls} geometry calls) + ` +
    `engine ${(split.total - split.similarity - split.boundsOf).toFixed(0)} ms`
)
console.log(
  `  TP ${o.truePositives}, wrong class ${o.wrongClass}, missed ${o.missed}, extra ${o.extra}; ` +
    `P ${o.precision?.toFixed(3)} R ${o.recall?.toFixed(3)} meanIoU ${o.meanIou?.toFixed(3)}`
)
