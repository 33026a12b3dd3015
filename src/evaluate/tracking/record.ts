/**
 * What the tracking measures keep of one video frame's matching (`frame-matching.ts`): plain
 * track references, so nothing of the label model's annotations travels with them.
 */
import type { ObjectInstance } from '../../labels/model.js'
import type { FrameMatch, FramePair } from '../frame-matching.js'
import type { TrackedFrame, TrackPair, TrackRef } from './types.js'

/** Data types whose object hashes follow an object over frames. */
export function hasTracks(dataType: string): boolean {
  return dataType === 'video'
}

export class TrackRecorder {
  private readonly refs = new Map<ObjectInstance, TrackRef>()

  frame(frame: number, match: FrameMatch): TrackedFrame {
    const matches: TrackPair[] = []
    const missed: TrackRef[] = match.missed.map((item) => this.ref(item.object))
    const extra: TrackRef[] = match.extra.map((item) => this.ref(item.object))
    for (const pair of match.pairs) {
      if (pair.sameClass) {
        matches.push(this.pair(pair))
      } else {
        // A wrong class is not the same object for tracking: a miss and an extra.
        missed.push(this.ref(pair.benchmark.object))
        extra.push(this.ref(pair.training.object))
      }
    }
    return { frame, matches, missed, extra, candidates: match.candidates.map((p) => this.pair(p)) }
  }

  private pair(pair: FramePair): TrackPair {
    return {
      benchmark: this.ref(pair.benchmark.object),
      training: this.ref(pair.training.object),
      similarity: pair.similarity
    }
  }

  private ref(object: ObjectInstance): TrackRef {
    let ref = this.refs.get(object)
    if (ref === undefined) {
      ref = {
        objectHash: object.objectHash,
        featureHash: object.featureHash,
        className: object.className
      }
      this.refs.set(object, ref)
    }
    return ref
  }
}
