/**
 * Object instances (tracks) of one row. One `objectHash` is one instance, whatever the number of
 * frames or images it appears on; instances keep the order in which they first appear.
 */
import { AnswerCollector, type Fail } from './answers.js'
import { decodeGeometry, isScoredShape } from './geometry.js'
import type { ObjectInstance, ObjectShape, OntologyObject } from './model.js'
import type { FeatureResolver } from './feature-resolver.js'
import type { JsonPath } from './problems.js'
import type { AttributeAnswerJson, FrameObjectJson } from './schema.js'

/** Raises the caller's error for a problem about one object. */
export type ObjectFail = (problem: string, objectHash: string, path: JsonPath) => never

interface Track {
  instance: ObjectInstance
  object: OntologyObject
  frames: Set<number>
  answers: AnswerCollector
}

export class ObjectCollector {
  private readonly tracks = new Map<string, Track>()
  /** Objects whose ontology shape we do not score (audio, text, cuboid…), with that shape. */
  private readonly unscored = new Map<string, ObjectShape>()

  constructor(
    private readonly index: FeatureResolver,
    private readonly fail: ObjectFail
  ) {}

  /** One frame object; `path` locates it in the row for error messages. */
  add(label: FrameObjectJson, frame: number, path: JsonPath): void {
    const hash = label.objectHash
    const track = this.tracks.get(hash)
    if (track === undefined && this.unscored.has(hash)) return
    // Later frames of a track are read against the class of its first frame, as in the SDK.
    const object = track?.object ?? this.ontologyObject(label, path)
    if (label.shape !== object.shape) {
      this.fail(
        `its shape "${label.shape}" does not match the shape "${object.shape}" of class "${object.name}" (${object.featureHash}) in the ontology`,
        hash,
        [...path, 'shape']
      )
    }
    const shape = object.shape
    if (!isScoredShape(shape)) {
      this.unscored.set(hash, shape)
      return
    }
    const geometry = decodeGeometry(label, shape)
    if ('problem' in geometry) this.fail(geometry.problem, hash, [...path, ...geometry.field])
    const annotation = { frame, geometry, createdBy: label.createdBy ?? null }
    if (track === undefined) {
      const instance: ObjectInstance = {
        objectHash: hash,
        featureHash: object.featureHash,
        className: object.name,
        shape,
        annotations: [annotation],
        staticAnswers: [],
        dynamicAnswers: []
      }
      this.tracks.set(hash, {
        instance,
        object,
        frames: new Set([frame]),
        answers: new AnswerCollector(this.index, object, true)
      })
      return
    }
    if (track.frames.has(frame)) {
      this.fail(`the object appears twice on frame ${frame}`, hash, path)
    }
    track.frames.add(frame)
    track.instance.annotations.push(annotation)
  }

  /**
   * Answers from `object_answers` (static) or `object_actions` (dynamic) for one object. Entries
   * for objects on no frame (orphans left by deleted objects) are ignored, as in the SDK.
   */
  addAnswers(objectHash: string, list: readonly AttributeAnswerJson[], path: JsonPath): void {
    const track = this.tracks.get(objectHash)
    if (track === undefined) return
    const fail: Fail = (problem, field) => this.fail(problem, objectHash, [...path, ...field])
    track.answers.add(list, fail)
  }

  /** Counts an object that exists only in `object_answers` (audio, text). */
  addRangedObject(objectHash: string, featureHash: string, path: JsonPath): void {
    const lookup = this.index.object(featureHash)
    if ('problem' in lookup) this.fail(lookup.problem, objectHash, [...path, 'featureHash'])
    this.unscored.set(objectHash, lookup.found.shape)
  }

  has(objectHash: string): boolean {
    return this.tracks.has(objectHash) || this.unscored.has(objectHash)
  }

  /** Objects of unscored shapes, per shape. */
  unscoredByShape(): Partial<Record<ObjectShape, number>> {
    const counts: Partial<Record<ObjectShape, number>> = {}
    for (const shape of this.unscored.values()) counts[shape] = (counts[shape] ?? 0) + 1
    return counts
  }

  result(): ObjectInstance[] {
    return [...this.tracks.values()].map(({ instance, answers }) => ({
      ...instance,
      ...answers.result()
    }))
  }

  private ontologyObject(label: FrameObjectJson, path: JsonPath): OntologyObject {
    const lookup = this.index.object(label.featureHash)
    if ('problem' in lookup) this.fail(lookup.problem, label.objectHash, [...path, 'featureHash'])
    return lookup.found
  }
}
