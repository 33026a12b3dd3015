import type { TrackedFrame, TrackedUnit, TrackRef } from '../../../src/evaluate/tracking/index.js'

/** Tracks named `A`, `B`… (benchmark) or `X`, `Y`… (training), of class `car` unless given. */
export function track(name: string, className = 'car'): TrackRef {
  return { objectHash: name, featureHash: `f-${className}`, className }
}

export interface FrameSpec {
  /** `[benchmark, training, similarity]` same-class matches. */
  matches?: [string, string, number][]
  missed?: string[]
  extra?: string[]
  /** Same-class pairs at or above the threshold that the frame did not match. */
  alsoCandidates?: [string, string, number][]
}

/** A video of one class whose frames are numbered from 0 in the order given. */
export function video(specs: FrameSpec[], className = 'car', dataHash = 'video-1'): TrackedUnit {
  const t = (name: string): TrackRef => track(name, className)
  const frames = specs.map((spec, frame): TrackedFrame => ({
    frame,
    matches: (spec.matches ?? []).map(([b, g, s]) => ({
      benchmark: t(b),
      training: t(g),
      similarity: s
    })),
    missed: (spec.missed ?? []).map(t),
    extra: (spec.extra ?? []).map(t),
    candidates: [...(spec.matches ?? []), ...(spec.alsoCandidates ?? [])].map(([b, g, s]) => ({
      benchmark: t(b),
      training: t(g),
      similarity: s
    }))
  }))
  return { dataHash, dataTitle: `${dataHash}.mp4`, frames }
}

export const CAR = [{ featureHash: 'f-car', className: 'car' }]

/** `times` copies of one frame spec. */
export function repeat(spec: FrameSpec, times: number): FrameSpec[] {
  return Array.from({ length: times }, () => spec)
}
