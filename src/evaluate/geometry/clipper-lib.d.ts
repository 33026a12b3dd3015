/**
 * The part of `clipper-lib` (Clipper 6.4.2 in JavaScript, which ships no types) that
 * `clipping.ts` uses. Points are plain objects: Clipper copies X, Y and Z out of them.
 */
declare module 'clipper-lib' {
  /** Z exists only while `use_xyz` is on; Z = 0 means "not filled". */
  interface IntPoint {
    X: number
    Y: number
    Z: number
  }
  type Path = IntPoint[]
  type Paths = Path[]

  interface PolyNode {
    Contour(): Path
    IsHole(): boolean
    Childs(): PolyNode[]
  }

  type ZFill = (
    bottom1: IntPoint,
    top1: IntPoint,
    bottom2: IntPoint,
    top2: IntPoint,
    crossing: IntPoint
  ) => void

  interface ClipperLibModule {
    use_xyz: boolean
    ClipType: { ctIntersection: number; ctUnion: number }
    PolyType: { ptSubject: number; ptClip: number }
    PolyFillType: { pftEvenOdd: number; pftNonZero: number }
    Clipper: {
      new (initOptions?: number): {
        PreserveCollinear: boolean
        ZFillFunction: ZFill | null
        AddPaths(paths: Paths, polyType: number, closed: boolean): boolean
        Execute(
          clipType: number,
          solution: Paths | PolyNode,
          subjectFill: number,
          clipFill: number
        ): boolean
      }
    }
    PolyTree: new () => PolyNode
  }

  const ClipperLib: ClipperLibModule
  export default ClipperLib
  export type { IntPoint, Path, Paths, PolyNode }
}
