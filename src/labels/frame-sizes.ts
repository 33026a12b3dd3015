/**
 * Pixel size per frame. Coordinates are fractions of their frame's width and height, so the
 * evaluation needs the size of every frame that carries labels: the data unit's size (one per
 * image in an image group), a DICOM slice's own size where its frame metadata gives one, else the
 * size from the label-row listing. A size of 0, or a missing one, means unknown: no entry.
 */
import type { FrameSize } from './model.js'

type Size = number | null | undefined

export class FrameSizes {
  readonly sizes = new Map<number, FrameSize>()

  constructor(
    private readonly listedWidth: Size,
    private readonly listedHeight: Size
  ) {}

  /** Records the size of `frame`; `override` (per-frame metadata) wins over the unit's size. */
  set(
    frame: number,
    unit: { width?: Size; height?: Size },
    override?: { width?: Size; height?: Size } | null
  ): void {
    const size =
      known(override?.width, override?.height) ??
      known(unit.width, unit.height) ??
      known(this.listedWidth, this.listedHeight)
    if (size !== undefined) this.sizes.set(frame, size)
  }
}

function known(width: Size, height: Size): FrameSize | undefined {
  return width && height && width > 0 && height > 0 ? { width, height } : undefined
}
