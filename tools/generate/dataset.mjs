// Deterministic generator of Encord-shaped data: a benchmark project and K training projects over
// the same data units, with label-row metadata (docs/encord-api.md §6.3) and label-row JSON (§7)
// exactly as the API returns them. Annotators are the benchmark plus realistic noise: jitter, wrong
// class, missed and extra objects, wrong attributes and classifications, reviewers editing some
// frames, and tasks not yet completed. Used by the `npm start` demo sample and by `npm run bench`.
import { createRandom } from './random.mjs'
import { OBJECT_CLASSES, SKELETON_NODES, WEATHER, buildOntology } from './ontology.mjs'
import { ellipseRuns, encodeCounts } from './rle.mjs'

const TIMESTAMP = 'Thu, 09 Feb 2023 14:12:03 UTC'
const IMAGE_SIZE = { width: 1280, height: 720 }
const VIDEO_SIZE = { width: 1920, height: 1080 }

/**
 * @typedef {{ email: string, jitter: number, missRate: number, extraRate: number,
 *   wrongClassRate: number, attributeErrorRate: number, classificationErrorRate: number,
 *   reviewerRate?: number, completedShare?: number, title?: string,
 *   swapIdentities?: boolean }} AnnotatorProfile
 * @param {{ seed: number, rows: number, objectsPerRow: number, videoShare?: number,
 *   videoFrames?: number, shapes?: string[], shapeShares?: Record<string, number>,
 *   annotators: AnnotatorProfile[], benchmarkTitle?: string, stage?: string,
 *   titlePrefix?: string, plant?: PlantedKind[] }} options
 * @typedef {'spurious-object' | 'wrong-class' | 'missing-object' | 'wrong-attribute'} PlantedKind
 *
 * `shapeShares` (e.g. { bounding_box: 0.8, polygon: 0.1, point: 0.1 }) keeps only those shapes
 * and rescales the classes' weights so that each shape gets its share of the objects; without it
 * every class keeps its own weight.
 *
 * `plant`: gold errors to plant in the benchmark, one per kind listed, each on its own image.
 * The annotators label the true scene; the benchmark is the true scene with the error: an object
 * nobody else sees, an object given a sibling class, an object left out, a Colour answered
 * wrongly. `planted` in the result says where (for tests of the benchmark audit). Planting draws
 * from its own random stream, after everything else, so a dataset without `plant` is unchanged.
 */
export function generateDataset(options) {
  const random = createRandom(options.seed)
  const stage = options.stage ?? 'Complete'
  const classes = withShapeShares(
    OBJECT_CLASSES.filter((cls) => !options.shapes || options.shapes.includes(cls.shape)),
    options.shapeShares
  )
  const ontologyHash = random.uuid()
  const ontology = {
    ontologyHash,
    title: 'Annotator training ontology',
    editor: buildOntology(classes)
  }
  const datasetHash = random.uuid()
  const stages = [
    { stageType: 'ANNOTATION', uuid: random.uuid(), title: 'Annotate' },
    { stageType: 'REVIEW', uuid: random.uuid(), title: 'Review' },
    { stageType: 'DONE', uuid: random.uuid(), title: stage }
  ]

  const units = Array.from({ length: options.rows }, (_, index) => {
    const video = random.chance(options.videoShare ?? 0.2)
    const frames = video ? (options.videoFrames ?? 8) : 1
    const size = video ? VIDEO_SIZE : IMAGE_SIZE
    const title = `${options.titlePrefix ?? ''}${video ? `clip_${index}.mp4` : `image_${index}.jpg`}`
    return { dataHash: random.uuid(), title, video, frames, size }
  })

  const goldTracks = units.map((unit) =>
    Array.from({ length: options.objectsPerRow }, () => goldTrack(random, classes, unit))
  )
  const goldClassifications = units.map((unit) => goldClassification(random, unit))

  const benchmark = {
    projectHash: random.uuid(),
    title: options.benchmarkTitle ?? 'Benchmark (expert)',
    ontologyHash,
    stages,
    rows: units.map((unit, i) =>
      row(
        random,
        unit,
        datasetHash,
        stages[2],
        'expert@example.com',
        goldTracks[i],
        goldClassifications[i]
      )
    )
  }

  const training = options.annotators.map((profile) => {
    const completed = profile.completedShare ?? 1
    return {
      projectHash: random.uuid(),
      title: profile.title ?? `Annotator training – ${profile.email}`,
      ontologyHash,
      stages,
      email: profile.email,
      rows: units.map((unit, i) => {
        const annotated = annotate(random, classes, unit, goldTracks[i], profile)
        const noisyTracks = profile.swapIdentities ? swapIdentities(unit, annotated) : annotated
        const noisyClassifications = goldClassifications[i].map((c) =>
          random.chance(profile.classificationErrorRate)
            ? { ...c, option: otherOption(random, c) }
            : c
        )
        const done = i < Math.round(units.length * completed)
        const labelled = done || random.chance(0.5)
        const result = row(
          random,
          unit,
          datasetHash,
          done ? stages[2] : stages[0],
          profile.email,
          noisyTracks,
          noisyClassifications,
          profile
        )
        if (!labelled) {
          result.metadata.label_hash = null
          result.metadata.created_at = null
          result.metadata.last_edited_at = null
          result.labels = null
        }
        return result
      })
    }
  })
  const planted = options.plant
    ? plantGoldErrors(createRandom(options.seed * 7919 + 17), options.plant, {
        units,
        classes,
        goldTracks,
        goldClassifications,
        benchmark,
        datasetHash,
        stage: stages[2]
      })
    : []
  return { ontology, benchmark, training, planted }
}

/** Rewrites one benchmark image per planted error; returns where each one is. */
function plantGoldErrors(random, kinds, world) {
  const { units, classes, goldTracks, goldClassifications, benchmark, datasetHash, stage } = world
  const used = new Set()
  const planted = []
  for (const kind of kinds) {
    const candidates = units
      .map((unit, i) => ({ unit, i }))
      .filter(
        ({ unit, i }) =>
          !unit.video && !used.has(i) && goldTracks[i].some(fits(kind, classes, goldTracks[i]))
      )
    if (candidates.length === 0) throw new Error(`no image to plant a ${kind} on`)
    const { unit, i } = random.pick(candidates)
    used.add(i)
    const tracks = [...goldTracks[i]]
    const at = tracks.findIndex(fits(kind, classes, tracks))
    const track = tracks[at]
    let className = track.cls.name
    switch (kind) {
      case 'spurious-object': {
        let extra = goldTrack(random, classes, unit)
        for (let attempt = 0; attempt < 100 && !isolated(extra, tracks); attempt += 1) {
          extra = goldTrack(random, classes, unit)
        }
        tracks.push(extra)
        className = extra.cls.name
        break
      }
      case 'wrong-class': {
        const sibling = random.pick(
          classes.filter((c) => c.family === track.cls.family && c !== track.cls)
        )
        tracks[at] = { ...track, cls: sibling, attributes: {}, dynamic: [] }
        className = sibling.name
        break
      }
      case 'missing-object':
        tracks.splice(at, 1)
        break
      case 'wrong-attribute': {
        const colour = track.cls.attributes.find((a) => !a.dynamic)
        const gold = track.attributes[colour.featureNodeHash]
        const other = random.pick(colour.options.filter((o) => o.featureNodeHash !== gold))
        tracks[at] = {
          ...track,
          attributes: { ...track.attributes, [colour.featureNodeHash]: other.featureNodeHash }
        }
        break
      }
      default:
        throw new Error(`unknown gold error ${kind}`)
    }
    benchmark.rows[i] = row(
      random,
      unit,
      datasetHash,
      stage,
      'expert@example.com',
      tracks,
      goldClassifications[i]
    )
    planted.push({ kind, dataHash: unit.dataHash, dataTitle: unit.title, className })
  }
  return planted
}

/**
 * Whether a gold track can carry a planted error of this kind. Only a track clear of every other
 * on its image: where objects overlap, an annotator's object may pair with a neighbour, and the
 * evidence for the planted error is no longer clean.
 */
function fits(kind, classes, tracks) {
  return (track) => {
    if (!isolated(track, tracks)) return false
    switch (kind) {
      case 'wrong-class':
        return classes.some((c) => c.family === track.cls.family && c !== track.cls)
      case 'wrong-attribute':
        return track.cls.attributes.some(
          (a) => !a.dynamic && track.attributes[a.featureNodeHash] !== undefined
        )
      default:
        return true
    }
  }
}

/** True when the track's first-frame extent, grown by a margin, meets no other track's. */
function isolated(track, tracks) {
  const a = extent(track.frames[0].geometry)
  return tracks.every((other) => {
    if (other === track) return true
    const b = extent(other.frames[0].geometry)
    const margin = 0.02
    return (
      a.maxX + margin < b.minX ||
      b.maxX + margin < a.minX ||
      a.maxY + margin < b.minY ||
      b.maxY + margin < a.minY
    )
  })
}

/** Normalised axis-aligned extent of a generated geometry (a bitmask counts as the whole image). */
function extent(g) {
  const spread = (list) => {
    const xs = list.map((p) => p.x)
    const ys = list.map((p) => p.y)
    return {
      minX: Math.min(...xs),
      maxX: Math.max(...xs),
      minY: Math.min(...ys),
      maxY: Math.max(...ys)
    }
  }
  if (g.points) return spread(g.points)
  if (g.nodes) return spread(g.nodes)
  if (g.rx !== undefined) return { minX: 0, maxX: 1, minY: 0, maxY: 1 }
  if (g.w !== undefined) {
    const grow = g.type === 'rotated' ? Math.max(g.w, g.h) / 2 : 0
    return { minX: g.x - grow, maxX: g.x + g.w + grow, minY: g.y - grow, maxY: g.y + g.h + grow }
  }
  return { minX: g.x, maxX: g.x, minY: g.y, maxY: g.y }
}

function goldTrack(random, classes, unit) {
  const cls = weightedPick(random, classes)
  const start = unit.video && random.chance(0.3) ? random.int(0, unit.frames - 2) : 0
  const end =
    unit.video && random.chance(0.3) ? random.int(start + 1, unit.frames - 1) : unit.frames - 1
  const base = baseGeometry(random, cls.shape, unit.size)
  const velocity = unit.video
    ? { dx: random.between(-0.01, 0.01), dy: random.between(-0.01, 0.01) }
    : { dx: 0, dy: 0 }
  const frames = []
  for (let frame = start; frame <= end; frame += 1) {
    frames.push({
      frame,
      geometry: moveGeometry(base, velocity.dx * frame, velocity.dy * frame, unit.size)
    })
  }
  const attributes = {}
  for (const attribute of cls.attributes) {
    if (attribute.dynamic) continue
    attributes[attribute.featureNodeHash] = random.pick(attribute.options).featureNodeHash
  }
  const dynamic = cls.attributes
    .filter((attribute) => attribute.dynamic)
    .map((attribute) => ({
      attribute,
      option: random.pick(attribute.options),
      range: [start, end]
    }))
  return { cls, frames, attributes, dynamic }
}

function withShapeShares(classes, shares) {
  if (!shares) return classes
  const kept = classes.filter((cls) => shares[cls.shape] > 0)
  const shapeWeight = (shape) =>
    kept.filter((cls) => cls.shape === shape).reduce((sum, cls) => sum + cls.weight, 0)
  return kept.map((cls) => ({
    ...cls,
    weight: (shares[cls.shape] * cls.weight) / shapeWeight(cls.shape)
  }))
}

function weightedPick(random, classes) {
  const total = classes.reduce((sum, cls) => sum + cls.weight, 0)
  let target = random.between(0, total)
  for (const cls of classes) {
    target -= cls.weight
    if (target < 0) return cls
  }
  return classes[classes.length - 1]
}

function goldClassification(random, unit) {
  const frames = unit.video ? Array.from({ length: unit.frames }, (_, f) => f) : [0]
  return [{ ...WEATHER, frames, option: random.pick(WEATHER.options) }]
}

function otherOption(random, classification) {
  const others = classification.options.filter((o) => o !== classification.option)
  return random.pick(others)
}

/**
 * `swapIdentities`: on a video, the annotator trades the identities of two tracks of one class
 * halfway through (from the middle frame on, each track carries the other's shapes), so every
 * frame holds the same shapes as before and only the tracks' identities are wrong. Draws nothing
 * from the random stream, so the rest of the dataset is unchanged.
 */
function swapIdentities(unit, tracks) {
  if (!unit.video) return tracks
  const middle = Math.floor(unit.frames / 2)
  const spans = (track) =>
    track.frames.some((f) => f.frame < middle) && track.frames.some((f) => f.frame >= middle)
  for (let a = 0; a < tracks.length; a += 1) {
    const b = tracks.findIndex((t, i) => i > a && t.cls === tracks[a].cls && spans(t))
    if (!spans(tracks[a]) || b < 0) continue
    const before = (track) => track.frames.filter((f) => f.frame < middle)
    const after = (track) => track.frames.filter((f) => f.frame >= middle)
    const [first, second] = [tracks[a], tracks[b]]
    const swapped = [...tracks]
    swapped[a] = { ...first, frames: [...before(first), ...after(second)] }
    swapped[b] = { ...second, frames: [...before(second), ...after(first)] }
    return swapped
  }
  return tracks
}

/** A benchmark track seen by one annotator: jittered, sometimes missed, mislabelled or extra. */
function annotate(random, classes, unit, tracks, profile) {
  const out = []
  for (const track of tracks) {
    if (random.chance(profile.missRate)) continue
    let cls = track.cls
    if (random.chance(profile.wrongClassRate)) {
      const siblings = classes.filter((c) => c.family === cls.family && c !== cls)
      if (siblings.length > 0) cls = random.pick(siblings)
    }
    const frames = track.frames
      .filter(() => !random.chance(profile.missRate / 4))
      .map((f) => ({
        ...f,
        geometry: jitterGeometry(random, f.geometry, profile.jitter)
      }))
    if (frames.length === 0) continue
    const attributes = {}
    for (const attribute of cls.attributes) {
      if (attribute.dynamic) continue
      const gold = track.attributes[attribute.featureNodeHash]
      attributes[attribute.featureNodeHash] =
        gold === undefined || random.chance(profile.attributeErrorRate)
          ? random.pick(attribute.options).featureNodeHash
          : gold
    }
    const dynamic = cls === track.cls ? track.dynamic : []
    out.push({ cls, frames, attributes, dynamic })
  }
  const extras = random.chance(profile.extraRate * tracks.length)
    ? 1 + (random.chance(0.3) ? 1 : 0)
    : 0
  for (let i = 0; i < extras; i += 1) out.push(goldTrack(random, classes, unit))
  return out
}

function baseGeometry(random, shape, size) {
  const w = random.between(0.06, 0.2)
  const h = random.between(0.06, 0.2)
  const x = random.between(0.02, 0.98 - w)
  const y = random.between(0.02, 0.98 - h)
  switch (shape) {
    case 'bounding_box':
      return { type: 'box', x, y, w, h }
    case 'rotatable_bounding_box':
      return { type: 'rotated', x, y, w, h, theta: random.between(0, 90) }
    case 'polygon': {
      const n = random.int(6, 12)
      const cx = x + w / 2
      const cy = y + h / 2
      const points = Array.from({ length: n }, (_, i) => {
        const angle = (2 * Math.PI * i) / n
        const r = random.between(0.6, 1)
        return { x: cx + (Math.cos(angle) * r * w) / 2, y: cy + (Math.sin(angle) * r * h) / 2 }
      })
      return { type: 'polygon', points }
    }
    case 'polyline': {
      const n = random.int(3, 6)
      return {
        type: 'polyline',
        points: Array.from({ length: n }, (_, i) => ({
          x: x + (w * i) / (n - 1),
          y: y + h * random.between(0, 1)
        }))
      }
    }
    case 'point':
      return { type: 'point', x: x + w / 2, y: y + h / 2 }
    case 'skeleton':
      return {
        type: 'skeleton',
        nodes: SKELETON_NODES.map((node) => ({
          ...node,
          x: x + w / 2 + node.dx * w,
          y: y + h / 2 + node.dy * h
        }))
      }
    case 'bitmask':
      return {
        type: 'bitmask',
        cx: (x + w / 2) * size.width,
        cy: (y + h / 2) * size.height,
        rx: (w / 2) * size.width,
        ry: (h / 2) * size.height
      }
    default:
      throw new Error(`unknown shape ${shape}`)
  }
}

function moveGeometry(g, dx, dy, size) {
  switch (g.type) {
    case 'box':
    case 'rotated':
      return { ...g, x: g.x + dx, y: g.y + dy }
    case 'point':
      return { ...g, x: g.x + dx, y: g.y + dy }
    case 'polygon':
    case 'polyline':
      return { ...g, points: g.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) }
    case 'skeleton':
      return { ...g, nodes: g.nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + dy })) }
    case 'bitmask':
      return { ...g, cx: g.cx + dx * size.width, cy: g.cy + dy * size.height }
    default:
      return g
  }
}

/** Jitter proportional to the object's size: an annotator's imprecision. */
function jitterGeometry(random, g, jitter) {
  const j = (scale) => random.normal() * jitter * scale
  switch (g.type) {
    case 'box':
    case 'rotated': {
      const x = g.x + j(g.w)
      const y = g.y + j(g.h)
      const r = { ...g, x, y, w: Math.max(0.005, g.w + j(g.w)), h: Math.max(0.005, g.h + j(g.h)) }
      if (g.type === 'rotated') r.theta = g.theta + j(20)
      return r
    }
    case 'point':
      return { ...g, x: g.x + j(0.02), y: g.y + j(0.02) }
    case 'polygon':
    case 'polyline': {
      const spread = Math.max(...g.points.map((p) => p.x)) - Math.min(...g.points.map((p) => p.x))
      const sx = j(spread)
      const sy = j(spread)
      return {
        ...g,
        points: g.points.map((p) => ({ x: p.x + sx + j(spread / 6), y: p.y + sy + j(spread / 6) }))
      }
    }
    case 'skeleton':
      return { ...g, nodes: g.nodes.map((n) => ({ ...n, x: n.x + j(0.02), y: n.y + j(0.02) })) }
    case 'bitmask':
      return {
        ...g,
        cx: g.cx + j(g.rx),
        cy: g.cy + j(g.ry),
        rx: Math.max(2, g.rx + j(g.rx)),
        ry: Math.max(2, g.ry + j(g.ry))
      }
    default:
      return g
  }
}

/** Encord's coordinate key and value for a geometry (§7.5). */
function coordinates(g, size) {
  const r = (v) => Math.round(v * 1e6) / 1e6
  switch (g.type) {
    case 'box':
      return { boundingBox: { h: r(g.h), w: r(g.w), x: r(g.x), y: r(g.y) } }
    case 'rotated':
      return {
        rotatableBoundingBox: { h: r(g.h), w: r(g.w), x: r(g.x), y: r(g.y), theta: r(g.theta) }
      }
    case 'polygon':
      return {
        polygon: Object.fromEntries(g.points.map((p, i) => [String(i), { x: r(p.x), y: r(p.y) }])),
        polygons: [[g.points.flatMap((p) => [r(p.x), r(p.y)])]]
      }
    case 'polyline':
      return {
        polyline: Object.fromEntries(g.points.map((p, i) => [String(i), { x: r(p.x), y: r(p.y) }]))
      }
    case 'point':
      return { point: { 0: { x: r(g.x), y: r(g.y) } } }
    case 'skeleton':
      return {
        skeleton: Object.fromEntries(
          g.nodes.map((n, i) => [
            String(i),
            {
              x: r(n.x),
              y: r(n.y),
              name: n.name,
              featureHash: n.hash,
              color: '#000000',
              value: n.name.replace(/ /g, '_')
            }
          ])
        )
      }
    case 'bitmask':
      return {
        bitmask: {
          top: 0,
          left: 0,
          width: size.width,
          height: size.height,
          rleString: encodeCounts(ellipseRuns(size.width, size.height, g.cx, g.cy, g.rx, g.ry))
        }
      }
    default:
      throw new Error(`unknown geometry ${g.type}`)
  }
}

function row(random, unit, datasetHash, stage, email, tracks, classifications, profile) {
  const labelHash = random.uuid()
  const who = () =>
    profile?.reviewerRate && random.chance(profile.reviewerRate) ? 'reviewer@example.com' : email
  const frameBlobs = new Map()
  const blob = (frame) => {
    if (!frameBlobs.has(frame)) frameBlobs.set(frame, { objects: [], classifications: [] })
    return frameBlobs.get(frame)
  }
  const objectAnswers = {}
  const objectActions = {}
  for (const track of tracks) {
    const objectHash = random.shortHash()
    for (const { frame, geometry } of track.frames) {
      const creator = who()
      blob(frame).objects.push({
        objectHash,
        featureHash: track.cls.hash,
        name: track.cls.name,
        value: track.cls.name.toLowerCase(),
        color: '#D33115',
        shape: track.cls.shape,
        createdAt: TIMESTAMP,
        createdBy: creator,
        lastEditedAt: TIMESTAMP,
        lastEditedBy: creator,
        confidence: 1,
        manualAnnotation: true,
        ...coordinates(geometry, unit.size)
      })
    }
    objectAnswers[objectHash] = {
      objectHash,
      classifications: track.cls.attributes
        .filter((attribute) => !attribute.dynamic && track.attributes[attribute.featureNodeHash])
        .map((attribute) => {
          const chosen = attribute.options.find(
            (o) => o.featureNodeHash === track.attributes[attribute.featureNodeHash]
          )
          return {
            name: attribute.name,
            value: attribute.name.toLowerCase(),
            featureHash: attribute.featureNodeHash,
            manualAnnotation: true,
            answers: [
              { name: chosen.label, value: chosen.value, featureHash: chosen.featureNodeHash }
            ]
          }
        })
    }
    if (unit.video && track.dynamic.length > 0) {
      objectActions[objectHash] = {
        objectHash,
        actions: track.dynamic.map(({ attribute, option, range }) => ({
          name: attribute.name,
          value: attribute.name.toLowerCase(),
          featureHash: attribute.featureNodeHash,
          dynamic: true,
          range: [range],
          answers: [
            { name: option.label, value: option.value, featureHash: option.featureNodeHash }
          ],
          trackHash: random.uuid(),
          shouldPropagate: false,
          manualAnnotation: true
        }))
      }
    }
  }
  const classificationAnswers = {}
  for (const classification of classifications) {
    const classificationHash = random.shortHash()
    for (const frame of classification.frames) {
      blob(frame).classifications.push({
        classificationHash,
        featureHash: classification.classificationHash,
        name: classification.name,
        value: classification.name.toLowerCase(),
        createdAt: TIMESTAMP,
        createdBy: email,
        confidence: 1,
        manualAnnotation: true
      })
    }
    classificationAnswers[classificationHash] = {
      classificationHash,
      featureHash: classification.classificationHash,
      spaces: {},
      classifications: [
        {
          name: classification.name,
          value: classification.name.toLowerCase(),
          featureHash: classification.attributeHash,
          manualAnnotation: true,
          answers: [
            {
              name: classification.option.label,
              value: classification.option.label.toLowerCase(),
              featureHash: classification.option.hash
            }
          ]
        }
      ]
    }
  }

  const unitLabels = unit.video
    ? Object.fromEntries(
        [...frameBlobs.entries()].sort((a, b) => a[0] - b[0]).map(([f, b]) => [String(f), b])
      )
    : (frameBlobs.get(0) ?? { objects: [], classifications: [] })
  const dataType = unit.video ? 'video' : 'image'
  const labels = {
    label_hash: labelHash,
    branch_name: 'main',
    created_at: TIMESTAMP,
    last_edited_at: TIMESTAMP,
    dataset_hash: datasetHash,
    dataset_title: 'Annotator training data',
    data_title: unit.title,
    data_hash: unit.dataHash,
    data_type: dataType,
    label_status: 'LABELLED',
    annotation_task_status: 'COMPLETED',
    is_valid: true,
    data_units: {
      [unit.dataHash]: {
        data_hash: unit.dataHash,
        data_title: unit.title,
        data_type: unit.video ? 'video/mp4' : 'image/jpeg',
        data_sequence: 0,
        data_link: `s3://training-data/${unit.title}`,
        width: unit.size.width,
        height: unit.size.height,
        ...(unit.video ? { data_fps: 25, data_duration: unit.frames / 25 } : {}),
        labels: unitLabels
      }
    },
    object_answers: objectAnswers,
    classification_answers: classificationAnswers,
    object_actions: objectActions
  }
  const metadata = {
    label_hash: labelHash,
    branch_name: 'main',
    created_at: TIMESTAMP,
    last_edited_at: TIMESTAMP,
    data_hash: unit.dataHash,
    dataset_hash: datasetHash,
    dataset_title: 'Annotator training data',
    data_title: unit.title,
    data_type: dataType.toUpperCase(),
    data_link: `s3://training-data/${unit.title}`,
    label_status: 'LABELLED',
    annotation_task_status: null,
    workflow_graph_node: { uuid: stage.uuid, title: stage.title },
    is_shadow_data: false,
    number_of_frames: unit.frames,
    duration: unit.video ? unit.frames / 25 : null,
    frames_per_second: unit.video ? 25 : null,
    width: unit.size.width,
    height: unit.size.height,
    spaces: {},
    task_uuid: random.uuid(),
    priority: null,
    client_metadata: null,
    images_data: null,
    file_type: unit.video ? 'video/mp4' : 'image/jpeg',
    is_valid: true,
    backing_item_uuid: null
  }
  return { stage: stage.title, metadata, labels }
}
