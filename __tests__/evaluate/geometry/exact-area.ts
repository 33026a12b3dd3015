/**
 * An exact reference for polygon IoU, independent of any clipping library: rational numbers on
 * BigInt, Sutherland–Hodgman clipping by a convex polygon, and the shoelace formula. Clipping a
 * polygon (convex or not) by a convex one this way can leave zero-width bridges along the clip
 * edges, but they enclose no area, so the shoelace area of the result is the area of the
 * intersection, exactly. Inputs are integer pixel coordinates.
 */

/** n / d in lowest terms, d > 0. */
export interface Rational {
  n: bigint
  d: bigint
}

type Point = [Rational, Rational]

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b]
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new Error('division by zero')
  const sign = d < 0n ? -1n : 1n
  const divisor = gcd(n, d) || 1n
  return { n: (sign * n) / divisor, d: (sign * d) / divisor }
}

const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d)
const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d)
const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d)
const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n)
const sign = (a: Rational): number => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0)

/** (b − a) × (c − a): positive when a, b, c turn counter-clockwise (y up). */
function cross(a: Point, b: Point, c: Point): Rational {
  return sub(mul(sub(b[0], a[0]), sub(c[1], a[1])), mul(sub(b[1], a[1]), sub(c[0], a[0])))
}

const exactPoint = ([x, y]: [number, number]): Point => {
  if (!Number.isInteger(x) || !Number.isInteger(y)) throw new Error('integer coordinates only')
  return [rational(BigInt(x)), rational(BigInt(y))]
}

/** Twice the signed area, by the shoelace formula. */
function doubleArea(ring: readonly Point[]): Rational {
  let sum = rational(0n)
  ring.forEach((p, k) => {
    const q = ring[(k + 1) % ring.length] as Point
    sum = add(sum, sub(mul(p[0], q[1]), mul(q[0], p[1])))
  })
  return sum
}

/** The area of a simple ring of integer points. */
export function exactArea(ring: readonly [number, number][]): Rational {
  const twice = doubleArea(ring.map(exactPoint))
  return rational(twice.n < 0n ? -twice.n : twice.n, 2n * twice.d)
}

/** The area of `subject` (any simple ring) inside `convex` (a convex ring, either orientation). */
export function exactIntersectionArea(
  subject: readonly [number, number][],
  convex: readonly [number, number][]
): Rational {
  let clip = convex.map(exactPoint)
  if (sign(doubleArea(clip)) < 0) clip = clip.reverse()
  let output = subject.map(exactPoint)
  clip.forEach((from, k) => {
    const to = clip[(k + 1) % clip.length] as Point
    const input = output
    output = []
    input.forEach((current, j) => {
      const previous = input[(j + input.length - 1) % input.length] as Point
      const side = (p: Point) => sign(cross(from, to, p))
      const crossing = (): Point => {
        // Where previous → current meets the line from → to.
        const t = div(
          cross(from, to, previous),
          sub(cross(from, to, previous), cross(from, to, current))
        )
        return [
          add(previous[0], mul(t, sub(current[0], previous[0]))),
          add(previous[1], mul(t, sub(current[1], previous[1])))
        ]
      }
      if (side(current) >= 0) {
        if (side(previous) < 0) output.push(crossing())
        output.push(current)
      } else if (side(previous) >= 0) {
        output.push(crossing())
      }
    })
  })
  if (output.length < 3) return rational(0n)
  const twice = doubleArea(output)
  return rational(twice.n < 0n ? -twice.n : twice.n, 2n * twice.d)
}

/** intersection / (a + b − intersection), exactly. */
export function exactIou(intersection: Rational, a: Rational, b: Rational): Rational {
  return div(intersection, sub(add(a, b), intersection))
}

export { sub as subtract }

/** The nearest double, to well within 1e-15. */
export function toNumber(value: Rational): number {
  const scale = 10n ** 30n
  return Number((value.n * scale) / value.d) / 1e30
}
