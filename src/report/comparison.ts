/**
 * How a score reads against its threshold: `0.820 ≥ 0.800` when met, `0.610 < 0.800` when missed,
 * turned round for a score where lower is better. ASCII (`>=`) for the terminal, where `≥` may not
 * line up.
 */
import type { Direction } from '../results/metrics.js'

const SIGNS: Record<Direction, { met: [string, string]; missed: string }> = {
  'higher-is-better': { met: ['≥', '>='], missed: '<' },
  'lower-is-better': { met: ['≤', '<='], missed: '>' }
}

export function comparisonSign(direction: Direction, met: boolean, ascii = false): string {
  const signs = SIGNS[direction]
  return met ? signs.met[ascii ? 1 : 0] : signs.missed
}
