/**
 * Pairs on which an earlier `similarityBound` (src/evaluate/geometry/index.ts), with a fixed
 * relative slack, was below the `similarity` the library computes: kept as regression cases.
 */
import type { FrameSize, Geometry } from '../../../src/labels/model.js'
import { polygon } from './shapes.js'

export const FULL_HD: FrameSize = { width: 1920, height: 1080 }

/**
 * A 917 × 9.75 px strip turned by −10.2° on 1920 × 1080, and the same strip 0.4999989 as thick
 * (sharing three sides): the exact IoU is 0.4999989 and the bound 0.4999997, but the library
 * computes 0.5000016.
 */
export function thinStripPair(): [Geometry, Geometry] {
  const length = 916.8259143829346
  const thickness = 9.754664421081543
  const x0 = 163.92109096050262
  const y0 = 635.9307527542114
  const angle = -0.1784992218017578
  const fraction = 0.4999989435195923
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const at = (u: number, v: number): [number, number] => [
    x0 + u * cos - v * sin,
    y0 + u * sin + v * cos
  ]
  const strip = (v: number): Geometry =>
    polygon([[at(0, 0), at(length, 0), at(length, v), at(0, v)]], FULL_HD)
  return [strip(thickness), strip(thickness * fraction)]
}
