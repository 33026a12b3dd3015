/**
 * Classification instances of one row (`docs/encord-api.md` §7.4, §7.7), built in the SDK's order:
 * first the instances that `classification_answers` describe itself (those carrying `createdBy`:
 * global and range-based ones), then frame classifications in order of first appearance.
 */
import { AnswerCollector, type Fail } from './answers.js'
import type { ClassificationInstance, OntologyClassification } from './model.js'
import type { FeatureResolver } from './feature-resolver.js'
import type { JsonPath } from './problems.js'
import type { ClassificationAnswerJson, FrameClassificationJson } from './schema.js'

/** Raises the caller's error for a problem about one classification. */
export type ClassificationFail = (
  problem: string,
  classificationHash: string,
  path: JsonPath
) => never

/** A corrupt range must not make us allocate billions of frames. */
const MAX_EXPANDED_FRAMES = 1_000_000

interface Building {
  instance: ClassificationInstance
  frames: Set<number>
  /** Global because the ontology says so, not merely because its answer entry has no range. */
  globalInOntology: boolean
}

export class ClassificationCollector {
  private readonly building = new Map<string, Building>()

  constructor(
    private readonly index: FeatureResolver,
    private readonly answers: Readonly<Record<string, ClassificationAnswerJson>>,
    /** False for audio and text, whose ranges are milliseconds or characters, not frames. */
    private readonly rangesAreFrames: boolean,
    private readonly fail: ClassificationFail
  ) {}

  /** Instances described by `classification_answers` alone (global and range-based ones). */
  addFromAnswers(): void {
    for (const [key, entry] of Object.entries(this.answers)) {
      // Entries on spaces belong to objects we do not score; entries without `createdBy` are the
      // answers of frame classifications, created when a frame names them.
      if (!('createdBy' in entry) || hasSpaces(entry)) continue
      const hash = entry.classificationHash ?? key
      const path = ['classification_answers', key]
      // Such an entry stands alone (no frame names it), so it must say which classification it is.
      if (entry.featureHash === undefined) {
        this.fail(
          'its answer entry has "createdBy", so it is a global or range classification and needs a "featureHash"',
          hash,
          [...path, 'featureHash']
        )
      }
      const classification = this.lookup(entry.featureHash, hash, [...path, 'featureHash'])
      const ranges = entry.range ?? []
      const global = classification.global === true || ranges.length === 0
      const frames = new Set<number>()
      if (!global && this.rangesAreFrames) this.expand(ranges, frames, hash, [...path, 'range'])
      this.building.set(hash, {
        instance: this.instance(hash, classification, global, entry, entry.createdBy ?? null, path),
        frames,
        globalInOntology: classification.global === true
      })
    }
  }

  /** Frame classifications of one frame; a hash seen on several frames is one instance. */
  addFrame(
    list: readonly FrameClassificationJson[],
    frame: number,
    path: (i: number) => JsonPath
  ): void {
    list.forEach((label, i) => {
      const hash = label.classificationHash
      const classification = this.lookup(label.featureHash, hash, [...path(i), 'featureHash'])
      const known = this.building.get(hash)
      if (known !== undefined) {
        // An answer entry with an empty range looks global, but the SDK still places it on the
        // frames that name it; only the ontology's `level: "global"` keeps it off frames.
        if (known.globalInOntology) return
        known.instance.global = false
        known.frames.add(frame)
        return
      }
      const entry = this.answers[hash]
      // A frame classification without answers is dropped, as the SDK does (older rows have them).
      // The entry's own `featureHash`, often absent, is not read: the frame entry names the feature.
      if (entry === undefined) return
      const global = classification.global === true
      const answersPath = ['classification_answers', hash]
      this.building.set(hash, {
        instance: this.instance(
          hash,
          classification,
          global,
          entry,
          label.createdBy ?? null,
          answersPath
        ),
        frames: global ? new Set() : new Set([frame]),
        globalInOntology: global
      })
    })
  }

  result(): ClassificationInstance[] {
    return [...this.building.values()].map(({ instance, frames }) => ({
      ...instance,
      frames: [...frames].sort((a, b) => a - b)
    }))
  }

  private lookup(featureHash: string, hash: string, path: JsonPath): OntologyClassification {
    const lookup = this.index.classification(featureHash)
    if ('problem' in lookup) this.fail(lookup.problem, hash, path)
    return lookup.found
  }

  private instance(
    hash: string,
    classification: OntologyClassification,
    global: boolean,
    entry: ClassificationAnswerJson,
    createdBy: string | null,
    path: JsonPath
  ): ClassificationInstance {
    if (entry.classifications === undefined) {
      this.fail('its answer entry has no "classifications" list', hash, [
        ...path,
        'classifications'
      ])
    }
    const collector = new AnswerCollector(this.index, classification, false)
    const fail: Fail = (problem, field) =>
      this.fail(problem, hash, [...path, 'classifications', ...field])
    collector.add(entry.classifications, fail)
    return {
      classificationHash: hash,
      featureHash: classification.featureHash,
      name: classification.name,
      global,
      frames: [],
      answers: collector.result().staticAnswers,
      createdBy
    }
  }

  private expand(
    ranges: readonly [number, number][],
    frames: Set<number>,
    hash: string,
    path: JsonPath
  ): void {
    ranges.forEach(([start, end], r) => {
      if (end < start)
        this.fail(`range [${start}, ${end}] ends before it starts`, hash, [...path, r])
      if (frames.size + (end - start + 1) > MAX_EXPANDED_FRAMES) {
        this.fail(`ranges cover more than ${MAX_EXPANDED_FRAMES} frames`, hash, [...path, r])
      }
      for (let frame = start; frame <= end; frame++) frames.add(frame)
    })
  }
}

function hasSpaces(entry: ClassificationAnswerJson): boolean {
  return entry.spaces !== null && entry.spaces !== undefined && Object.keys(entry.spaces).length > 0
}
