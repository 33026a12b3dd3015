/**
 * Heatmap colours: one blue scale from pale (0) to dark (1), and a text colour that stays
 * readable on it. The number is always printed in the cell too, so colour is never the only
 * carrier of a value.
 */

/** Inline style for a cell whose value is `share` in [0, 1]; nothing for a missing value. */
export function heatStyle(share: number | null): string | null {
  if (share === null || !Number.isFinite(share)) return null
  const clamped = Math.min(1, Math.max(0, share))
  const lightness = Math.round(97 - clamped * 60)
  const text = lightness < 55 ? '#ffffff' : '#1f2328'
  return `background:hsl(212,80%,${lightness}%);color:${text}`
}
