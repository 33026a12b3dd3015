/**
 * Splits a row's objects into frames. A video track contributes one entry per frame it is on;
 * image-group frames are the images' `data_sequence`; single images have frame 0.
 */
import { SCORED_SHAPES } from '../labels/model.js'
import type { Annotation, FrameSize, LabelRow, ObjectInstance } from '../labels/model.js'

export interface FrameObject {
  object: ObjectInstance
  annotation: Annotation
}

/**
 * Frame → objects on it, each frame's list sorted by object hash: matching then never depends on
 * the order objects happened to be listed in (ties in the assignment are broken the same way).
 */
export function objectsByFrame(row: LabelRow): Map<number, FrameObject[]> {
  const frames = new Map<number, FrameObject[]>()
  for (const object of row.objects) {
    if (!SCORED_SHAPES.has(object.shape)) continue
    for (const annotation of object.annotations) {
      let list = frames.get(annotation.frame)
      if (!list) frames.set(annotation.frame, (list = []))
      list.push({ object, annotation })
    }
  }
  for (const list of frames.values()) list.sort(byObjectHash)
  return frames
}

function byObjectHash(a: FrameObject, b: FrameObject): number {
  const x = a.object.objectHash
  const y = b.object.objectHash
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Pixel size of a frame, or undefined when unknown (missing or zero). Frames of a video share one
 * size, which may be recorded on one frame only; image-group images each have their own.
 */
export function frameSizeOf(row: LabelRow, frame: number): FrameSize | undefined {
  const exact = usable(row.frameSizes.get(frame))
  if (exact || row.dataType === 'img_group') return exact
  const sizes = [...row.frameSizes.values()].filter((s) => usable(s))
  return sizes.length === 1 ? sizes[0] : usable(row.frameSizes.get(0))
}

function usable(size: FrameSize | undefined): FrameSize | undefined {
  return size && size.width > 0 && size.height > 0 ? size : undefined
}
