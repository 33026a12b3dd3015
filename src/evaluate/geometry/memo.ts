/**
 * Per-geometry memoisation of prepared forms (scaled rings, bounds, areas, buffers, decoded
 * masks). One annotation takes part in many candidate pairs on its frame, and preparing it can
 * cost more than comparing it (a polyline buffer is a union of many capsules), so it is done once.
 *
 * Keyed weakly by the geometry object, so nothing outlives the label model; the unit scale is kept
 * with the entry because the result depends on it. Geometries are treated as immutable, as the
 * label model produces them. Memoising a pure function leaves the evaluation pure.
 */
import type { UnitScale } from './units.js'

export function memoisedByGeometry<G extends object, T>(
  prepare: (geometry: G, scale: UnitScale) => T
): (geometry: G, scale: UnitScale) => T {
  const cache = new WeakMap<G, { sx: number; sy: number; value: T }>()
  return (geometry, scale) => {
    const hit = cache.get(geometry)
    if (hit !== undefined && hit.sx === scale.sx && hit.sy === scale.sy) return hit.value
    const value = prepare(geometry, scale)
    cache.set(geometry, { sx: scale.sx, sy: scale.sy, value })
    return value
  }
}
