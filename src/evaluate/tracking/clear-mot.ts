/**
 * CLEAR MOT counts of one video, read from its per-frame matches: ID switches, fragmentations,
 * misses, false positives, MOTP's similarity sum, and how much of each benchmark track was
 * matched (mostly tracked ≥ 80 %, mostly lost < 20 %, partially tracked in between).
 *
 * Unlike the CLEAR MOT paper (and py-motmetrics), a frame's matches are not carried over from the
 * frame before: the per-frame matching is the same optimum the frame scores use, so a switch here
 * is a frame whose best matching pairs a benchmark track with another training track.
 */
import type { TrackedUnit, TrackEvent, TrackingCounts, TrackRef } from './types.js'

interface TrackState {
  track: TrackRef
  present: number
  matched: number
  /** The training track it was last matched to, and on which frame. */
  last: { training: TrackRef; frame: number } | null
  /** Present and unmatched since its last match: a later match is a fragmentation. */
  lost: boolean
}

/** Counts per benchmark class (feature hash), and the events in frame order. */
export function clearMotCounts(
  unit: TrackedUnit,
  countsOf: (featureHash: string) => TrackingCounts
): TrackEvent[] {
  const events: TrackEvent[] = []
  const states = new Map<string, TrackState>()
  const stateOf = (track: TrackRef): TrackState => {
    let state = states.get(track.objectHash)
    if (state === undefined) {
      state = { track, present: 0, matched: 0, last: null, lost: false }
      states.set(track.objectHash, state)
    }
    return state
  }
  const trainingTracks = new Map<string, TrackRef>()
  const event = (
    kind: TrackEvent['kind'],
    state: TrackState,
    to: { training: TrackRef; frame: number }
  ): void => {
    const last = state.last as NonNullable<TrackState['last']>
    events.push({
      kind,
      dataHash: unit.dataHash,
      dataTitle: unit.dataTitle,
      benchmark: state.track,
      fromFrame: last.frame,
      toFrame: to.frame,
      trainingBefore: last.training,
      trainingAfter: to.training
    })
  }

  for (const frame of unit.frames) {
    for (const { benchmark, training, similarity } of frame.matches) {
      const counts = countsOf(benchmark.featureHash)
      counts.benchmarkInstances += 1
      counts.trainingInstances += 1
      counts.matches += 1
      counts.similaritySum += similarity
      trainingTracks.set(training.objectHash, training)
      const state = stateOf(benchmark)
      state.present += 1
      state.matched += 1
      const now = { training, frame: frame.frame }
      if (state.lost) {
        counts.fragmentations += 1
        event('fragmented', state, now)
      }
      if (state.last !== null && state.last.training.objectHash !== training.objectHash) {
        counts.idSwitches += 1
        event('id-switch', state, now)
      }
      state.last = now
      state.lost = false
    }
    for (const benchmark of frame.missed) {
      const counts = countsOf(benchmark.featureHash)
      counts.benchmarkInstances += 1
      counts.misses += 1
      const state = stateOf(benchmark)
      state.present += 1
      if (state.last !== null) state.lost = true
    }
    for (const training of frame.extra) {
      const counts = countsOf(training.featureHash)
      counts.trainingInstances += 1
      counts.falsePositives += 1
      trainingTracks.set(training.objectHash, training)
    }
  }

  for (const state of states.values()) {
    const counts = countsOf(state.track.featureHash)
    counts.benchmarkTracks += 1
    const share = state.matched / state.present
    if (share >= 0.8) counts.mostlyTracked += 1
    else if (share < 0.2) counts.mostlyLost += 1
    else counts.partiallyTracked += 1
  }
  for (const training of trainingTracks.values()) countsOf(training.featureHash).trainingTracks += 1
  return events
}
