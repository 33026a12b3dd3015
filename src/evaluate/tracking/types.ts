/**
 * Track metrics: what the per-frame matching of a video says about identities over time. On
 * video, Encord keeps one object hash for an object across its frames: a track. These types are
 * the input the tracking code reads (what the per-frame matching recorded) and what it returns.
 */

/** A track: one object hash of one data unit, with its class. */
export interface TrackRef {
  objectHash: string
  featureHash: string
  className: string
}

/** A same-class pair on one frame, at or above the IoU threshold. */
export interface TrackPair {
  benchmark: TrackRef
  training: TrackRef
  similarity: number
}

/**
 * One frame of a video as the per-frame matching left it. A wrong-class pair is not a match here:
 * its benchmark instance is in `missed` and its training instance in `extra`.
 */
export interface TrackedFrame {
  frame: number
  /** Same-class matches (true positives). */
  matches: TrackPair[]
  /** Benchmark instances not matched to a training instance of their class. */
  missed: TrackRef[]
  /** Training instances not matched to a benchmark instance of their class. */
  extra: TrackRef[]
  /**
   * Every same-class pair on the frame whose similarity is > 0 and at least the threshold,
   * matched or not: what the identity measures (IDF1) count.
   */
  candidates: TrackPair[]
}

/** One video data unit: its frames in ascending order. */
export interface TrackedUnit {
  dataHash: string
  dataTitle: string
  frames: TrackedFrame[]
}

/** Raw counts, summable over classes and projects; the scores are derived from them. */
export interface TrackingCounts {
  /** Benchmark instances (object × frame): MOTA's GT. */
  benchmarkInstances: number
  trainingInstances: number
  /** Same-class matches. */
  matches: number
  /** Benchmark instances not matched (FN). */
  misses: number
  /** Training instances not matched (FP). */
  falsePositives: number
  idSwitches: number
  fragmentations: number
  /** Sum of the matches' similarity (MOTP's numerator). */
  similaritySum: number
  /** Instances of the IDF1 assignment's pairs on which both tracks are present and match. */
  idTruePositives: number
  idFalseNegatives: number
  idFalsePositives: number
  benchmarkTracks: number
  trainingTracks: number
  /** Benchmark tracks matched on ≥ 80 %, 20–80 % and < 20 % of their frames. */
  mostlyTracked: number
  partiallyTracked: number
  mostlyLost: number
}

export interface TrackingScores {
  /** 1 − (FN + FP + ID switches) / GT; can be negative. Null without benchmark instances. */
  mota: number | null
  /** Mean similarity of the matches; null without matches. */
  motp: number | null
  /** 2·IDTP / (2·IDTP + IDFP + IDFN); null when neither side has an instance. */
  idf1: number | null
  /** IDTP / training instances. */
  idPrecision: number | null
  /** IDTP / benchmark instances. */
  idRecall: number | null
}

export type TrackingMetrics = TrackingCounts & TrackingScores

/** A moment worth showing a reviewer: where a benchmark track changed identity or was lost. */
export interface TrackEvent {
  kind: 'id-switch' | 'fragmented'
  dataHash: string
  dataTitle: string
  /** The benchmark track. */
  benchmark: TrackRef
  /** The last frame on which it was matched before the event. */
  fromFrame: number
  /** The frame on which it was matched again (to another track, for a switch). */
  toFrame: number
  /** The training track it followed before, and the one it follows from `toFrame`. */
  trainingBefore: TrackRef
  trainingAfter: TrackRef
}
